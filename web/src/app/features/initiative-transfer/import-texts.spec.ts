import { TestBed } from '@angular/core/testing';
import type { ImportCellError } from '@fremdrift/contracts';
import { I18n } from '../../core/i18n/i18n';
import { provideI18nTesting } from '../../core/i18n/testing';
import { cellErrorText, cellPlace } from './import-texts';

const dateError: ImportCellError = {
  sheet: 'initiatives',
  row: 7,
  column: 'Slutdato',
  code: 'dateOrder',
  message: 'Række 7, kolonne Slutdato: datoen ligger før startdatoen.',
};

function i18n(language: 'da' | 'en') {
  TestBed.configureTestingModule({ providers: provideI18nTesting(language) });
  const service = TestBed.inject(I18n);
  return { language: service.language(), t: (key: string, params?: Readonly<Record<string, unknown>>) => service.t(key, params) };
}

describe('import error texts', () => {
  it('says in Danish where the problem is and what it is, in the API’s own words', () => {
    const { language, t } = i18n('da');
    expect(cellErrorText(dateError, language, t)).toBe('Række 7, kolonne Slutdato: datoen ligger før startdatoen.');
    const milestone: ImportCellError = {
      sheet: 'milestones',
      row: 4,
      column: 'Frist',
      code: 'invalidDate',
      message: 'Række 4, kolonne Frist: »1. marts« kan ikke læses som en dato.',
    };
    expect(cellErrorText(milestone, language, t)).toBe('Milepæle, række 4, kolonne Frist: »1. marts« kan ikke læses som en dato.');
    expect(cellErrorText({ ...dateError, column: '', message: 'Række 7: samme nøgle står allerede i række 3.' }, language, t)).toBe(
      'Række 7: samme nøgle står allerede i række 3.',
    );
    expect(cellPlace({ sheet: 'milestones', row: 3, column: 'Frist' }, t)).toBe('Milepæle, række 3, kolonne Frist');
    expect(cellPlace({ sheet: 'initiatives', row: 12, column: '' }, t)).toBe('Række 12');
  });

  it('translates by code in English, for import codes and field codes alike', () => {
    const { language, t } = i18n('en');
    expect(cellErrorText(dateError, language, t)).toBe('Row 7, column Slutdato: The end date must be on or after the start date.');
    expect(cellErrorText({ ...dateError, column: 'Start date', code: 'invalidDate', params: { value: '31-31-2026' }, message: '…' }, language, t)).toBe(
      'Row 7, column Start date: “31-31-2026” cannot be read as a date; write it as YYYY-MM-DD or DD-MM-YYYY',
    );
    expect(cellErrorText({ ...dateError, column: 'Title', code: 'maxLength', params: { max: 200 }, message: 'for lang' }, language, t)).toBe(
      'Row 7, column Title: Must be at most 200 characters long.',
    );
  });

  it('falls back to the Danish message for a code or a parameter it has no words for', () => {
    const { language, t } = i18n('en');
    const unknownCode = { ...dateError, code: 'somethingNew', message: 'Række 7, kolonne Slutdato: noget nyt.' } as unknown as ImportCellError;
    expect(cellErrorText(unknownCode, language, t)).toBe('Row 7, column Slutdato: noget nyt.');
    expect(cellErrorText({ ...dateError, code: 'maxLength', message: 'Række 7, kolonne Slutdato: må højst være på 200 tegn.' }, language, t)).toBe(
      'Row 7, column Slutdato: må højst være på 200 tegn.',
    );
  });
});
