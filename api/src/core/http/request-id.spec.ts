import { requestIdFor } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdFor', () => {
  it('takes the X-Request-Id of a proxy or client when it is short and made of safe characters', () => {
    for (const id of ['0f8fad5b-d9cb-469f-a165-70867728950e', 'Root=1-67891233-abcdef012345678912345678', 'a'.repeat(128)]) {
      expect(requestIdFor({ headers: { 'x-request-id': id } })).toBe(id);
    }
  });

  it('makes a new UUID when there is none, or it is too long, repeated or holds anything that could forge a log line or header', () => {
    for (const headers of [
      {},
      { 'x-request-id': '' },
      { 'x-request-id': 'a'.repeat(129) },
      { 'x-request-id': 'a, b' },
      { 'x-request-id': 'a\nb' },
      { 'x-request-id': 'a"b' },
      { 'x-request-id': 'æøå' },
    ]) {
      expect(requestIdFor({ headers })).toMatch(UUID);
    }
  });
});
