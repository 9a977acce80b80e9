import { HttpException, HttpStatus } from '@nestjs/common';
import type { FieldError, FieldErrorCode, Problem, ProblemCode } from '@fremdrift/contracts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** Each status's title and the code a client translates when nothing more specific applies. */
const STATUSES: Record<number, { title: string; code: ProblemCode }> = {
  400: { title: 'Bad Request', code: 'badRequest' },
  401: { title: 'Unauthorized', code: 'unauthorized' },
  403: { title: 'Forbidden', code: 'forbidden' },
  404: { title: 'Not Found', code: 'notFound' },
  405: { title: 'Method Not Allowed', code: 'methodNotAllowed' },
  406: { title: 'Not Acceptable', code: 'notAcceptable' },
  408: { title: 'Request Timeout', code: 'requestTimeout' },
  409: { title: 'Conflict', code: 'conflict' },
  413: { title: 'Payload Too Large', code: 'payloadTooLarge' },
  414: { title: 'URI Too Long', code: 'uriTooLong' },
  415: { title: 'Unsupported Media Type', code: 'unsupportedMediaType' },
  422: { title: 'Unprocessable Content', code: 'unprocessable' },
  428: { title: 'Precondition Required', code: 'preconditionRequired' },
  429: { title: 'Too Many Requests', code: 'tooManyRequests' },
  431: { title: 'Request Header Fields Too Large', code: 'headersTooLarge' },
  500: { title: 'Internal Server Error', code: 'unexpected' },
  503: { title: 'Service Unavailable', code: 'databaseUnavailable' },
};

/** A problem document; its code is the status's own unless `extra` names a more specific one. */
export function problem(status: number, detail?: string, extra: Partial<Problem> = {}): Problem {
  const known = STATUSES[status] ?? { title: 'Error', code: status < 500 ? 'badRequest' : 'unexpected' };
  return { type: 'about:blank', title: known.title, status, code: known.code, ...(detail ? { detail } : {}), ...extra };
}

/** The id of the request as an extension member, so that an error a user reports can be found in the log. */
export function withRequestId(body: Problem, requestId: string): Problem {
  return { ...body, requestId };
}

/** An HTTP error whose body is a complete problem document. */
export class ProblemException extends HttpException {
  constructor(readonly problem: Problem) {
    super(problem, problem.status);
  }
}

export class InvalidFieldsException extends ProblemException {
  constructor(errors: Record<string, FieldError[]>, detail = 'One or more fields are invalid.') {
    super(problem(HttpStatus.BAD_REQUEST, detail, { code: 'validation', errors }));
  }
}

/** What is wrong with a field: its code, the English message, and the limits a translation needs. */
export function fieldError(code: FieldErrorCode, message: string, params?: FieldError['params']): FieldError {
  return { code, ...(params ? { params } : {}), message };
}

/** 400 for one field, for rules that span the request or the database (a goal of another plan, say). */
export function invalidField(field: string, code: FieldErrorCode, message: string, params?: FieldError['params']): InvalidFieldsException {
  return new InvalidFieldsException({ [field]: [fieldError(code, message, params)] });
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
    super(
      problem(HttpStatus.CONFLICT, 'Someone else changed this in the meantime. Review the current version and try again.', { code: 'staleVersion', current }),
    );
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
