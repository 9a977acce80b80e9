import { TestBed } from '@angular/core/testing';
import type { ImportRowResult } from '@fremdrift/contracts';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { ImportRows, ROWS_PER_STEP } from './import-rows';

const text = (element: Element | null | undefined) =>
  (element?.textContent ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const created = (row: number): ImportRowResult => ({
  sheet: 'initiatives',
  row,
  action: 'create',
  title: `Nyt initiativ ${row}`,
  changes: [{ column: 'Titel', before: '', after: `Nyt initiativ ${row}` }],
  errors: [],
});

const milestoneError: ImportRowResult = {
  sheet: 'milestones',
  row: 4,
  action: 'error',
  title: 'Første møde',
  changes: [{ column: 'Frist', before: '2026-03-01', after: '1. marts' }],
  errors: [{ sheet: 'milestones', row: 4, column: 'Frist', code: 'invalidDate', message: 'Række 4, kolonne Frist: »1. marts« kan ikke læses som en dato.' }],
};

async function setup(rows: ImportRowResult[]) {
  TestBed.configureTestingModule({ imports: [ImportRows], providers: provideI18nTesting() });
  const fixture = TestBed.createComponent(ImportRows);
  fixture.componentRef.setInput('rows', rows);
  await fixture.whenStable();
  return { fixture, element: fixture.nativeElement as HTMLElement };
}

describe('ImportRows', () => {
  it('shows what a new row will hold, and a row’s errors by sheet, row and column', async () => {
    const { element } = await setup([created(2), milestoneError]);
    const [first, second] = Array.from(element.querySelectorAll('tbody tr'));
    expect(text(first.querySelector('th'))).toBe('Række 2');
    expect(text(first)).toContain('Oprettes');
    expect(text(first.querySelector('.rows__changes'))).toBe('Titel: Nyt initiativ 2');
    expect(text(second.querySelector('th'))).toBe('Milepæle, række 4');
    expect(text(second.querySelector('.rows__errors'))).toBe('! Milepæle, række 4, kolonne Frist: »1. marts« kan ikke læses som en dato.');
    expect(text(second.querySelector('.rows__changes'))).toBe('Frist: fra 2026-03-01 → til 1. marts');
  });

  it('shows a long file a step at a time and says how many rows it shows', async () => {
    const rows = Array.from({ length: ROWS_PER_STEP + 30 }, (_, i) => created(i + 2));
    const { fixture, element } = await setup(rows);
    expect(element.querySelectorAll('tbody tr')).toHaveLength(ROWS_PER_STEP);
    expect(text(element.querySelector('.rows-more [role="status"]'))).toBe('Viser 100 af 130 rækker.');
    const more = element.querySelector<HTMLButtonElement>('.rows-more button');
    expect(text(more)).toBe('Vis 30 flere');
    more?.click();
    await fixture.whenStable();
    expect(element.querySelectorAll('tbody tr')).toHaveLength(ROWS_PER_STEP + 30);
    expect(element.querySelector('.rows-more')).toBeNull();
  });

  it('narrows the rows to those with errors on request', async () => {
    const { fixture, element } = await setup([created(2), created(3), milestoneError]);
    const errorsOnly = element.querySelector<HTMLInputElement>('#import-errors-only');
    expect(text(element.querySelector('label[for="import-errors-only"]'))).toBe('Vis kun rækker med fejl');
    errorsOnly?.click();
    await fixture.whenStable();
    expect(Array.from(element.querySelectorAll('tbody th')).map((th) => text(th))).toEqual(['Milepæle, række 4']);
  });
});
