import { safeReturnUrl } from './return-url';

describe('safeReturnUrl', () => {
  it.each([
    ['/initiativer?department=MSO&page=2', '/initiativer?department=MSO&page=2'],
    ['/brugere/123', '/brugere/123'],
    [undefined, '/initiativer'],
    ['', '/initiativer'],
    ['https://evil.example', '/initiativer'],
    ['//evil.example/x', '/initiativer'],
    ['/\\evil.example', '/initiativer'],
    ['/\tevil', '/initiativer'],
    ['javascript:alert(1)', '/initiativer'],
    ['/login?returnUrl=/brugere', '/initiativer'],
  ])('%j gives %j', (value, expected) => {
    expect(safeReturnUrl(value)).toBe(expected);
  });
});
