import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { I18n } from '../i18n/i18n';
import { provideI18nTesting } from '../i18n/testing';
import { httpStatus, toProblem } from './problem';

function t() {
  TestBed.configureTestingModule({ providers: [provideI18nTesting()] });
  const i18n = TestBed.inject(I18n);
  return (key: string, params?: Readonly<Record<string, unknown>>) => i18n.t(key, params);
}

describe('toProblem', () => {
  it('keeps the problem+json body the API sent, titled in the user’s language by its code, with its reference', () => {
    const errors = { page: [{ code: 'min', params: { min: 1 }, message: 'page must not be less than 1' }] };
    const body = {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      code: 'validation',
      detail: 'One or more fields are invalid.',
      errors,
      requestId: 'r-7',
    };
    const error = new HttpErrorResponse({ status: 400, error: body });

    expect(toProblem(error, t())).toEqual({ ...body, title: 'Nogle felter er ikke udfyldt rigtigt', detail: 'Fejlreference: r-7' });
  });

  it('parses a problem body that arrived as text', () => {
    const body = { type: 'about:blank', title: 'Not Found', status: 404, code: 'notFound' };
    const error = new HttpErrorResponse({ status: 404, error: JSON.stringify(body) });

    expect(toProblem(new Error('wrapped', { cause: error }), t())).toEqual({ ...body, title: 'Det findes ikke (længere)', detail: undefined });
    expect(httpStatus(new Error('wrapped', { cause: error }))).toBe(404);
  });

  it('explains a network failure in the user’s language', () => {
    const problem = toProblem(new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') }), t());

    expect(problem.title).toBe('Ingen forbindelse til serveren');
  });

  it('falls back to the status code when the body is not a problem', () => {
    const problem = toProblem(new HttpErrorResponse({ status: 502, statusText: 'Bad Gateway', error: '<html>' }), t());

    expect(problem).toMatchObject({ status: 502, title: 'Serveren svarede med en fejl', detail: 'Svaret var 502 Bad Gateway.' });
  });
});
