import { HttpErrorResponse } from '@angular/common/http';
import type { Problem } from '@fremdrift/contracts';
import { problemText } from './error-text';

const PROBLEM_TYPE_UNKNOWN = 'about:blank';

/** Gives the text of a translation key (`I18n.t`). */
export type Translate = (key: string, params?: Readonly<Record<string, unknown>>) => string;

/**
 * Turns whatever a failed request left behind into an RFC 9457 `Problem` to show the user, in the
 * user's language: the API's own `application/problem+json` body translated by its code (with the
 * reference that finds it in the log), otherwise an explanation of what happened.
 */
export function toProblem(error: unknown, t: Translate): Problem {
  const cause = unwrap(error);
  if (cause instanceof HttpErrorResponse) {
    const body = parseBody(cause.error);
    if (isProblem(body)) return { ...body, ...problemText(body, t) };
    if (cause.status === 0) {
      return { type: PROBLEM_TYPE_UNKNOWN, code: 'unexpected', title: t('problem.noConnectionTitle'), status: 0, detail: t('problem.noConnectionDetail') };
    }
    return {
      type: PROBLEM_TYPE_UNKNOWN,
      code: 'unexpected',
      title: t('problem.serverErrorTitle'),
      status: cause.status,
      detail: t('problem.serverErrorDetail', { status: `${cause.status}${cause.statusText ? ` ${cause.statusText}` : ''}` }),
    };
  }
  return { type: PROBLEM_TYPE_UNKNOWN, code: 'unexpected', title: t('problem.unexpected'), status: 0 };
}

/** The HTTP status of a failed request, or 0 when it was not an HTTP answer. */
export function httpStatus(error: unknown): number {
  const cause = unwrap(error);
  return cause instanceof HttpErrorResponse ? cause.status : 0;
}

/** A resource wraps non-Error values; the HTTP error may sit in `cause`. */
function unwrap(error: unknown): unknown {
  if (error instanceof HttpErrorResponse) return error;
  if (error instanceof Error && error.cause !== undefined) return unwrap(error.cause);
  return error;
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

function isProblem(body: unknown): body is Problem {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Partial<Problem>;
  return typeof candidate.title === 'string' && typeof candidate.status === 'number' && typeof candidate.code === 'string';
}
