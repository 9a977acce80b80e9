import type { TestResponse } from './test-app';

/** A problem document (RFC 9457) with this status. */
export function expectProblem(response: TestResponse, status: number): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.body.status).toBe(status);
}

/** A 400 problem document whose field errors name exactly `fields`, each with a message. */
export function expectInvalidFields(response: TestResponse, fields: string[]): void {
  expectProblem(response, 400);
  expect(response.body).toMatchObject({ type: 'about:blank', title: 'Bad Request' });
  expect(Object.keys(response.body.errors ?? {}).sort()).toEqual([...fields].sort());
  for (const messages of Object.values<string[]>(response.body.errors)) {
    expect(messages.length).toBeGreaterThan(0);
  }
}
