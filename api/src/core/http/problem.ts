import { HttpException, HttpStatus } from '@nestjs/common';
import type { Problem } from '@fremdrift/contracts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(status: number, detail?: string, extra: Partial<Problem> = {}): Problem {
  return { type: 'about:blank', title: TITLES[status] ?? 'Error', status, ...(detail ? { detail } : {}), ...extra };
}

/** The id of the request as an extension member, so that an error a user reports can be found in the log. */
export function withRequestId(body: Problem, requestId: string): Problem {
  // Cast until the Problem type of @fremdrift/contracts declares `requestId`.
  return { ...body, requestId } as Problem;
}

/** An HTTP error whose body is a complete problem document. */
export class ProblemException extends HttpException {
  constructor(readonly problem: Problem) {
    super(problem, problem.status);
  }
}

export class InvalidFieldsException extends ProblemException {
  constructor(errors: Record<string, string[]>, detail = 'One or more fields are invalid.') {
    super(problem(HttpStatus.BAD_REQUEST, detail, { errors }));
  }
}

/** 400 for one field, for rules that span the request or the database (a goal of another plan, say). */
export function invalidField(field: string, message: string): InvalidFieldsException {
  return new InvalidFieldsException({ [field]: [message] });
}

export class ResourceNotFoundException extends ProblemException {
  constructor(resource: string, id: string) {
    super(problem(HttpStatus.NOT_FOUND, `${resource} ${id} was not found.`));
  }
}

export class ConflictProblemException extends ProblemException {
  constructor(detail: string, extra: Partial<Problem> = {}) {
    super(problem(HttpStatus.CONFLICT, detail, extra));
  }
}

export class UnauthorizedProblemException extends ProblemException {
  constructor(detail = 'Sign in to continue.') {
    super(problem(HttpStatus.UNAUTHORIZED, detail));
  }
}

export class ForbiddenProblemException extends ProblemException {
  constructor(detail = 'Your role or department does not allow this.') {
    super(problem(HttpStatus.FORBIDDEN, detail));
  }
}

export class PreconditionRequiredException extends ProblemException {
  constructor() {
    super(problem(HttpStatus.PRECONDITION_REQUIRED, 'Send the version you read in an If-Match header (the ETag of the GET response).'));
  }
}

/** The record changed since the client read it; `current` is what it is now. */
export class StaleVersionException extends ProblemException {
  constructor(current: unknown) {
    super(problem(HttpStatus.CONFLICT, 'Someone else changed this in the meantime. Review the current version and try again.', { current }));
  }
}

export class TooManyRequestsException extends ProblemException {
  constructor(
    readonly retryAfterSeconds: number,
    detail: string,
  ) {
    super(problem(HttpStatus.TOO_MANY_REQUESTS, detail));
  }
}
