import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Problem } from '@fremdrift/contracts';

export class ProblemDto implements Problem {
  @ApiProperty({ example: 'about:blank' })
  type: string;

  @ApiProperty({ example: 'Bad Request' })
  title: string;

  @ApiProperty({ example: 400 })
  status: number;

  @ApiPropertyOptional()
  detail?: string;

  @ApiPropertyOptional({
    description: 'Messages per field, keyed by the field path',
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    example: { title: ['title must be longer than or equal to 3 characters'] },
  })
  errors?: Record<string, string[]>;
}

const problemContent = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } } };

/** The error responses of a route that takes input and addresses one record. */
export function ApiProblems(...statuses: (400 | 404 | 409)[]): MethodDecorator & ClassDecorator {
  const decorators = [];
  if (statuses.includes(400)) decorators.push(ApiBadRequestResponse({ description: 'Invalid input, with messages per field', content: problemContent }));
  if (statuses.includes(404)) decorators.push(ApiNotFoundResponse({ description: 'No such record', content: problemContent }));
  if (statuses.includes(409)) decorators.push(ApiConflictResponse({ description: 'Conflicts with existing data', content: problemContent }));
  return applyDecorators(...decorators);
}
