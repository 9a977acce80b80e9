import { HttpErrorResponse } from '@angular/common/http';
import { toProblem } from './problem';

describe('toProblem', () => {
  it('returns the problem+json body the API sent', () => {
    const body = { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'page must be at least 1' };
    const error = new HttpErrorResponse({ status: 400, error: body });

    expect(toProblem(error)).toEqual(body);
  });

  it('parses a problem body that arrived as text', () => {
    const body = { type: 'about:blank', title: 'Not Found', status: 404 };
    const error = new HttpErrorResponse({ status: 404, error: JSON.stringify(body) });

    expect(toProblem(new Error('wrapped', { cause: error }))).toEqual(body);
  });

  it('explains a network failure in Danish', () => {
    const problem = toProblem(new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') }));

    expect(problem.title).toBe('Ingen forbindelse til serveren');
  });

  it('falls back to the status code when the body is not a problem', () => {
    const problem = toProblem(new HttpErrorResponse({ status: 502, statusText: 'Bad Gateway', error: '<html>' }));

    expect(problem).toMatchObject({ status: 502, title: 'Serveren svarede med en fejl', detail: 'Svaret var 502 Bad Gateway.' });
  });
});
