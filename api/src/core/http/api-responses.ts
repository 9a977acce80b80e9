import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';
import { FIELD_ERROR_CODES, PROBLEM_CODES, type FieldError, type FieldErrorCode, type Problem, type ProblemCode } from '@fremdrift/contracts';

export class FieldErrorDto implements FieldError {
  @ApiProperty({
    enum: FIELD_ERROR_CODES,
    description: 'What is wrong, for a client to translate: class-validator’s constraint name, or one of the API’s rules',
  })
  code: FieldErrorCode;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'The limits the message speaks of', example: { min: 3, max: 200 } })
  params?: FieldError['params'];

  @ApiProperty({ description: 'In English', example: 'title must be longer than or equal to 3 characters' })
  message: string;
}

export class ProblemDto implements Problem {
  @ApiProperty({ example: 'about:blank' })
  type: string;

  @ApiProperty({ example: 'Bad Request' })
  title: string;

  @ApiProperty({ example: 400 })
  status: number;

  @ApiProperty({ enum: PROBLEM_CODES, example: 'validation', description: 'What went wrong, for a client to translate' })
  code: ProblemCode;

  @ApiPropertyOptional()
  detail?: string;

  @ApiPropertyOptional({
    description: 'What is wrong per field, keyed by the field path (`milestones.0.title`)',
    type: 'object',
    additionalProperties: { type: 'array', items: { $ref: '#/components/schemas/FieldErrorDto' } },
    example: { title: [{ code: 'isLength', params: { min: 3, max: 200 }, message: 'title must be longer than or equal to 3 characters' }] },
  })
  errors?: Record<string, FieldError[]>;

  @ApiPropertyOptional({ description: 'On a 409 from a stale If-Match: the record as it is now' })
  current?: unknown;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Figures the code’s text needs, e.g. `{ count: 3 }` for `openMilestones`',
    example: { count: 3 },
  })
  params?: Record<string, string | number>;

  @ApiPropertyOptional({ description: 'The request’s id (also in the X-Request-Id header): finds it in the server’s log' })
  requestId?: string;
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
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, description: PROBLEM_DESCRIPTIONS[status], content: problemContent })));
}
