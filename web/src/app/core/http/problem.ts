import { HttpErrorResponse } from '@angular/common/http';
import type { Problem } from '@fremdrift/contracts';

const PROBLEM_TYPE_UNKNOWN = 'about:blank';

/**
 * Turns whatever a failed request left behind into an RFC 9457 `Problem` to show the user: the
 * API's own `application/problem+json` body when there is one, otherwise a Danish explanation.
 */
export function toProblem(error: unknown): Problem {
  const cause = unwrap(error);
  if (cause instanceof HttpErrorResponse) {
    const body = parseBody(cause.error);
    if (isProblem(body)) return body;
    if (cause.status === 0) {
      return {
        type: PROBLEM_TYPE_UNKNOWN,
        title: 'Ingen forbindelse til serveren',
        status: 0,
        detail: 'Tjek din internetforbindelse, og prøv igen.',
      };
    }
    return {
      type: PROBLEM_TYPE_UNKNOWN,
      title: 'Serveren svarede med en fejl',
      status: cause.status,
      detail: `Svaret var ${cause.status}${cause.statusText ? ` ${cause.statusText}` : ''}.`,
    };
  }
  return { type: PROBLEM_TYPE_UNKNOWN, title: 'Der opstod en uventet fejl', status: 0 };
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
  return typeof candidate.title === 'string' && typeof candidate.status === 'number';
}
