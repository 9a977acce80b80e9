import { HttpStatus } from '@nestjs/common';
import { etagOf, parseIfMatch } from './versioning';
import { ProblemException } from './problem';

const statusOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as ProblemException).problem.status;
  }
  return null;
};

describe('If-Match and ETag', () => {
  it('reads back the ETag it sends, strong or weak', () => {
    expect(parseIfMatch(etagOf(7))).toBe(7);
    expect(parseIfMatch('W/"12"')).toBe(12);
    expect(parseIfMatch(' 3 ')).toBe(3);
  });

  it('asks for the header when it is missing or empty (428)', () => {
    expect(statusOf(() => parseIfMatch(undefined))).toBe(HttpStatus.PRECONDITION_REQUIRED);
    expect(statusOf(() => parseIfMatch('  '))).toBe(HttpStatus.PRECONDITION_REQUIRED);
  });

  it('refuses what is not one of its ETags (400), including the wildcard', () => {
    for (const value of ['*', '"abc"', '"1", "2"', '-1', '"12345678901"']) {
      expect(statusOf(() => parseIfMatch(value))).toBe(HttpStatus.BAD_REQUEST);
    }
  });
});
