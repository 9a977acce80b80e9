import { safeReturnUrl } from './return-url';

describe('safeReturnUrl', () => {
  it.each([
    ['/initiativer?department=MSO&page=2', '/initiativer?department=MSO&page=2'],
    ['/brugere/123', '/brugere/123'],
    [undefined, '/'],
    ['', '/'],
    ['https://evil.example', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['/\tevil', '/'],
    ['javascript:alert(1)', '/'],
    ['/login?returnUrl=/brugere', '/'],
  ])('%j gives %j', (value, expected) => {
    expect(safeReturnUrl(value)).toBe(expected);
  });
});
