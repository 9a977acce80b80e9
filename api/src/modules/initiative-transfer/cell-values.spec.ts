import { EXPORT_LABELS } from '../../core/export/labels';
import { INITIATIVE_STATUSES } from '@fremdrift/contracts';
import { cellText, parseChoice, parseDate, parseList, parseNumber } from './cell-values';

describe('reading cells from Danish spreadsheets', () => {
  describe('parseDate', () => {
    it.each([
      ['2026-03-01', '2026-03-01'],
      ['01-03-2026', '2026-03-01'],
      ['1-3-2026', '2026-03-01'],
      ['01.03.2026', '2026-03-01'],
      ['01/03/2026', '2026-03-01'],
      [' 29-02-2028 ', '2028-02-29'],
      ['2026-03-01 00:00:00', '2026-03-01'],
    ])('reads %p as %p', (text, iso) => expect(parseDate(text)).toEqual({ value: iso }));

    it('reads Excel date cells and serial numbers', () => {
      expect(parseDate(new Date('2026-03-01T00:00:00Z'))).toEqual({ value: '2026-03-01' });
      expect(parseDate(46082)).toEqual({ value: '2026-03-01' });
      expect(parseDate('46082')).toEqual({ value: '2026-03-01' });
    });

    it('reads an empty cell as no date', () => {
      expect(parseDate('')).toEqual({ value: null });
      expect(parseDate(null)).toEqual({ value: null });
    });

    it.each(['31-02-2026', '2026-02-30', '13/13/2026', '01-03-26', 'i morgen', '2026-3', '03-01-2026-1'])('refuses %p', (text) =>
      expect(parseDate(text)).toEqual({ error: 'invalidDate' }),
    );

    it('refuses numbers that are no day and dates that do not exist', () => {
      expect(parseDate(2.5)).toEqual({ error: 'invalidDate' });
      expect(parseDate(-1)).toEqual({ error: 'invalidDate' });
      expect(parseDate(new Date('nonsense'))).toEqual({ error: 'invalidDate' });
      expect(parseDate(true)).toEqual({ error: 'invalidDate' });
    });
  });

  describe('parseNumber', () => {
    it.each([
      ['2,5', 2.5],
      ['2.5', 2.5],
      ['3', 3],
      ['1.000', 1000],
      ['1.000,25', 1000.25],
      [' 7 ', 7],
      ['-4', -4],
    ])('reads %p as %p', (text, number) => expect(parseNumber(text)).toEqual({ value: number }));

    it('takes numbers as they are, and empty as none', () => {
      expect(parseNumber(2.5)).toEqual({ value: 2.5 });
      expect(parseNumber('')).toEqual({ value: null });
      expect(parseNumber(null)).toEqual({ value: null });
    });

    it.each(['to', '2,5,1', '1,000.5', '1e3', 'NaN'])('refuses %p', (text) => expect(parseNumber(text)).toEqual({ error: 'invalidNumber' }));
  });

  describe('parseChoice', () => {
    const labels = [EXPORT_LABELS.da.status, EXPORT_LABELS.en.status];
    it('reads a status by Danish or English label or code, in any letter case', () => {
      for (const text of ['I gang', 'i gang', 'In progress', 'IN PROGRESS', 'in_progress', ' in progress ']) {
        expect(parseChoice(text, INITIATIVE_STATUSES, labels)).toEqual({ value: 'in_progress' });
      }
      expect(parseChoice('Sat på pause', INITIATIVE_STATUSES, labels)).toEqual({ value: 'on_hold' });
      expect(parseChoice('annulleret', INITIATIVE_STATUSES, labels)).toEqual({ value: 'cancelled' });
    });

    it('reads empty as none and refuses anything else', () => {
      expect(parseChoice('', INITIATIVE_STATUSES, labels)).toEqual({ value: null });
      expect(parseChoice('Næsten færdig', INITIATIVE_STATUSES, labels)).toEqual({ error: 'unknownValue' });
    });
  });

  describe('cellText', () => {
    it('removes the quote that kept text from running as a formula, and nothing else', () => {
      expect(cellText('\'=HYPERLINK("x")')).toBe('=HYPERLINK("x")');
      expect(cellText("'-2 ekstra")).toBe('-2 ekstra');
      expect(cellText("'citat'")).toBe("'citat'");
    });

    it('trims single-line text, keeps inner line breaks of long text and writes them as \\n', () => {
      expect(cellText('  Titel  ')).toBe('Titel');
      expect(cellText('Linje 1\r\nLinje 2\r\n', true)).toBe('Linje 1\nLinje 2');
      expect(cellText(12)).toBe('12');
      expect(cellText(new Date('2026-03-01T00:00:00Z'))).toBe('2026-03-01');
    });
  });

  it('parseList splits a cell on commas and semicolons', () => {
    expect(parseList('MSO, MBU;MKB ,')).toEqual(['MSO', 'MBU', 'MKB']);
    expect(parseList('')).toEqual([]);
  });
});
