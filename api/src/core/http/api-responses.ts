import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';
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

  @ApiPropertyOptional({ description: 'On a 409 from a stale If-Match: the record as it is now' })
  current?: unknown;
}

const problemContent = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } } };

const PROBLEM_DESCRIPTIONS = {
  400: 'Invalid input, with messages per field',
  401: 'No valid session',
  403: 'The role or department may not do this',
  404: 'No such record',
  409: 'Conflicts with existing data, or the record changed since it was read (the current state is in `current`)',
  428: 'The If-Match header with the version that was read is required',
  429: 'Too many attempts; try again after Retry-After seconds',
} as const;

export type ProblemStatus = keyof typeof PROBLEM_DESCRIPTIONS;

/** The problem responses a route can give. */
export function ApiProblems(...statuses: ProblemStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: PROBLEM_DESCRIPTIONS[status], content: problemContent })),
  );
}
