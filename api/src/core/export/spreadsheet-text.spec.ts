import { neutralizeFormula } from './spreadsheet-text';

describe('neutralizeFormula', () => {
  it('prefixes text that a spreadsheet would read as a formula with a single quote', () => {
    for (const text of ['=HYPERLINK("http://evil.example","Klik")', '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1', '\r=1', '=']) {
      expect(neutralizeFormula(text)).toBe(`'${text}`);
    }
  });

  it('leaves other text as it is, including formula characters after the first', () => {
    for (const text of ['', 'Sprogpraktik i virksomheder', 'a=b', '1-2', ' =1', "'=1", 'Æblehaven @ Gellerup', '2026-10-01']) {
      expect(neutralizeFormula(text)).toBe(text);
    }
  });
});
