import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Problem } from '@fremdrift/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DATABASE_RETRY_AFTER_SECONDS, PG_ERROR, isDatabaseUnavailable, pgErrorOf } from '../database/pg-error';
import { fieldError, PROBLEM_CONTENT_TYPE, ProblemException, TooManyRequestsException, problem, withRequestId } from './problem';
import { REQUEST_ID_HEADER } from './request-id';

/**
 * Turns every error into an RFC 9457 problem document. Database errors a client can cause become
 * 4xx; anything else is a 500 that reveals nothing about the internals.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const requestId = http.getRequest<FastifyRequest>().id;
    void reply.header(REQUEST_ID_HEADER, requestId);
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`Answered 503, the database is unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
      const unavailable = problem(HttpStatus.SERVICE_UNAVAILABLE, 'The database cannot be reached right now. Try again in a few seconds.');
      void reply
        .status(unavailable.status)
        .header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
        .header('content-type', PROBLEM_CONTENT_TYPE)
        .send(withRequestId(unavailable, requestId));
      return;
    }
    const body = this.toProblem(exception);
    if (body.status >= 500) {
      // nestjs-pino adds the request's id to every line logged while handling it.
      this.logger.error({ error: exception instanceof Error ? (exception.stack ?? exception.message) : String(exception) }, `Answered ${body.status}`);
    }
    if (exception instanceof TooManyRequestsException) void reply.header('retry-after', String(exception.retryAfterSeconds));
    void reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(withRequestId(body, requestId));
  }

  toProblem(exception: unknown): Problem {
    if (exception instanceof ProblemException) return exception.problem;
    if (exception instanceof HttpException) return fromHttpException(exception);
    const pgError = pgErrorOf(exception);
    if (pgError) return fromDatabaseError(pgError.code, pgError.constraint);
    const fastifyStatus = clientErrorStatusOf(exception);
    if (fastifyStatus) return problem(fastifyStatus, (exception as Error).message);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, 'An unexpected error occurred.');
  }
}

function fromHttpException(exception: HttpException): Problem {
  const status = exception.getStatus();
  const response = exception.getResponse();
  if (typeof response === 'string') return problem(status, response);
  const message = (response as { message?: unknown }).message;
  const detail = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : undefined;
  return problem(status, status >= 500 ? 'An unexpected error occurred.' : detail);
}

function fromDatabaseError(code: string, constraint?: string): Problem {
  switch (code) {
    case PG_ERROR.uniqueViolation:
      return problem(HttpStatus.CONFLICT, 'A record with the same unique value already exists.', { code: 'unique', ...constraintField(constraint) });
    case PG_ERROR.foreignKeyViolation:
    case PG_ERROR.restrictViolation:
      return problem(HttpStatus.CONFLICT, 'The record is referenced by, or refers to, another record that prevents this change.', { code: 'referenced' });
    case PG_ERROR.checkViolation:
    case PG_ERROR.notNullViolation:
      return problem(HttpStatus.BAD_REQUEST, 'The request contains a value the database cannot accept.');
    default:
      // Class 22 is "data exception": a value of the wrong form or size, which only input can cause.
      return code.startsWith('22')
        ? problem(HttpStatus.BAD_REQUEST, 'The request contains a value the database cannot accept.')
        : problem(HttpStatus.INTERNAL_SERVER_ERROR, 'An unexpected error occurred.');
  }
}

/** Names the field behind a unique constraint (`uq_department_code` → `code`), without exposing the schema. */
const UNIQUE_FIELDS: Record<string, string> = {
  uq_department_code: 'code',
  uq_department_name: 'name',
  uq_action_plan_title: 'title',
  uq_goal_title_per_plan: 'title',
  uq_partner_name: 'name',
  uq_app_user_email: 'email',
  uq_delay_cause_code: 'code',
  uq_initiative_external_reference: 'externalReference',
};

function constraintField(constraint?: string): Partial<Problem> {
  const field = constraint ? UNIQUE_FIELDS[constraint] : undefined;
  return field ? { errors: { [field]: [fieldError('unique', 'must be unique; this value is already in use')] } } : {};
}

/** Errors raised by Fastify itself for a bad request (malformed JSON, wrong media type, too large). */
function clientErrorStatusOf(exception: unknown): number | null {
  const statusCode = (exception as { statusCode?: unknown } | null)?.statusCode;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500 ? statusCode : null;
}
