import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes what Danish Excel opens: BOM, semicolons, CRLF, decimal commas, ISO dates, quoted when needed', () => {
    const csv = toCsv(
      ['navn', 'andel', 'dato'],
      [
        ['Sprog; praktik "nu"', 0.125, new Date('2026-03-01T00:00:00Z')],
        ['Linje\nto', 3, null],
      ],
    );
    expect(csv).toBe('\uFEFFnavn;andel;dato\r\n"Sprog; praktik ""nu""";0,125;2026-03-01\r\n"Linje\nto";3;\r\n');
  });

  it('keeps text from running as a formula, and negative numbers as numbers', () => {
    expect(toCsv(['a', 'b'], [['=HYPERLINK("http://evil.example")', -2]])).toBe('\uFEFFa;b\r\n"\'=HYPERLINK(""http://evil.example"")";-2\r\n');
  });
});
