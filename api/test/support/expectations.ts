import { FIELD_ERROR_CODES, PROBLEM_CODES, type FieldError } from '@fremdrift/contracts';
import type { TestResponse } from './test-app';

/** A problem document (RFC 9457) with this status. */
export function expectProblem(response: TestResponse, status: number): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.body.status).toBe(status);
  expect(PROBLEM_CODES).toContain(response.body.code);
}

/** A 400 problem document whose field errors name exactly `fields`, each with a message. */
export function expectInvalidFields(response: TestResponse, fields: string[]): void {
  expectProblem(response, 400);
  expect(response.body).toMatchObject({ type: 'about:blank', title: 'Bad Request' });
  expect(Object.keys(response.body.errors ?? {}).sort()).toEqual([...fields].sort());
  for (const errors of Object.values<FieldError[]>(response.body.errors)) {
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(FIELD_ERROR_CODES).toContain(error.code);
      expect(typeof error.message).toBe('string');
    }
  }
}

/** The messages of a problem's field errors, per field: `{ title: ['title must be …'] }`. */
export function fieldMessages(response: TestResponse): Record<string, string[]> {
  const errors: Record<string, FieldError[]> = response.body.errors ?? {};
  return Object.fromEntries(Object.entries(errors).map(([field, list]) => [field, list.map((error) => error.message)]));
}

/** The codes of a problem's field errors, per field: `{ title: ['isLength'] }`. */
export function fieldCodes(response: TestResponse): Record<string, string[]> {
  const errors: Record<string, FieldError[]> = response.body.errors ?? {};
  return Object.fromEntries(Object.entries(errors).map(([field, list]) => [field, list.map((error) => error.code)]));
}
