import { FIELD_ERROR_CODES, PROBLEM_CODES } from '@fremdrift/contracts';
import { da } from '../i18n/translations/da';
import { en } from '../i18n/translations/en';
import { fieldErrorText, problemText } from './error-text';

describe('error texts', () => {
  it('have a Danish and an English text for every code the API can answer', () => {
    for (const translations of [da, en]) {
      expect(FIELD_ERROR_CODES.filter((code) => !translations.errors.field[code])).toEqual([]);
      expect(PROBLEM_CODES.filter((code) => !translations.errors.problem[code])).toEqual([]);
    }
  });

  it('say what is wrong with a field by its code, with its limits', () => {
    const t = (key: string, params?: Readonly<Record<string, unknown>>) => `${key} ${JSON.stringify(params ?? {})}`;
    expect(fieldErrorText({ code: 'isLength', params: { min: 3, max: 200 }, message: 'title must be …' }, t)).toBe('errors.field.isLength {"min":3,"max":200}');
    expect(fieldErrorText({ code: 'isIn', params: { values: ['a', 'b'] }, message: '…' }, t)).toBe('errors.field.isIn {"values":"a, b"}');
  });

  it('titles a problem by its code and refers to the request that the log can find', () => {
    const t = (key: string, params?: Readonly<Record<string, unknown>>) => (params?.['id'] ? `${key}:${params['id']}` : key);
    expect(problemText({ type: 'about:blank', title: 'Conflict', status: 409, code: 'staleVersion', requestId: 'r-1' }, t)).toEqual({
      title: 'errors.problem.staleVersion',
      detail: 'errors.reference:r-1',
    });
  });

  it('gives a problem’s own figures to its text', () => {
    const t = (key: string, params?: Readonly<Record<string, unknown>>) => `${key} ${JSON.stringify(params ?? {})}`;
    expect(problemText({ type: 'about:blank', title: 'Conflict', status: 409, code: 'openMilestones', params: { count: 3 } }, t).title).toBe(
      'errors.problem.openMilestones {"count":3}',
    );
  });
});
