import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { IMPORT_LIMITS, type ImportOutcome, type ImportPreview, type ImportRowResult } from '@fremdrift/contracts';
import { Subject } from 'rxjs';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { InitiativeTransferApi, type UploadState } from '../initiative-transfer-api';
import { ImportPage } from './import-page';

const text = (element: Element | null | undefined) =>
  (element?.textContent ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const counts = (element: HTMLElement) => Array.from(element.querySelectorAll('.counts li')).map((li) => text(li));

const updateRow = (row: number, title: string): ImportRowResult => ({
  sheet: 'initiatives',
  row,
  action: 'update',
  title,
  changes: [{ column: 'Ansvarlig person', before: 'Anna', after: 'Bo' }],
  errors: [],
});

const errorRow: ImportRowResult = {
  sheet: 'initiatives',
  row: 7,
  action: 'error',
  title: 'Sprogcafé',
  changes: [],
  errors: [{ sheet: 'initiatives', row: 7, column: 'Slutdato', code: 'dateOrder', message: 'Række 7, kolonne Slutdato: datoen ligger før startdatoen.' }],
};

function previewOf(overrides: Partial<ImportPreview>): ImportPreview {
  return { fileName: 'plan.xlsx', counts: { create: 0, update: 0, unchanged: 0, error: 0 }, rows: [], token: null, ...overrides };
}

function setup(language: 'da' | 'en' = 'da') {
  const checks: Subject<UploadState<ImportPreview>>[] = [];
  const applies: Subject<UploadState<ImportOutcome>>[] = [];
  const api = {
    exportAllUrl: (format: string, lang: string) => `/api/initiatives/export?format=${format}&lang=${lang}`,
    templateUrl: (format: string, lang: string) => `/api/initiatives/import/template?format=${format}&lang=${lang}`,
    check: jest.fn(() => {
      const subject = new Subject<UploadState<ImportPreview>>();
      checks.push(subject);
      return subject;
    }),
    apply: jest.fn(() => {
      const subject = new Subject<UploadState<ImportOutcome>>();
      applies.push(subject);
      return subject;
    }),
  };
  TestBed.configureTestingModule({
    imports: [ImportPage],
    providers: [provideRouter([]), provideI18nTesting(language), { provide: InitiativeTransferApi, useValue: api }],
  });
  const fixture = TestBed.createComponent(ImportPage);
  const element = fixture.nativeElement as HTMLElement;

  const choose = async (file: File) => {
    const input = element.querySelector<HTMLInputElement>('#import-file');
    if (!input) throw new Error('no file input');
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
  };
  const submit = async () => {
    element.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  };
  const button = (name: string | RegExp) =>
    Array.from(element.querySelectorAll('button')).find((b) => (typeof name === 'string' ? text(b) === name : name.test(text(b))));
  const stable = () => fixture.whenStable();
  return { fixture, element, api, checks, applies, choose, submit, button, stable };
}

const xlsx = (name = 'plan.xlsx', size = 2048) => {
  const file = new File(['x'], name);
  Object.defineProperty(file, 'size', { value: size });
  return file;
};

describe('ImportPage', () => {
  it('explains the import, states the limits and links to the template and the full export', async () => {
    const { element, stable } = setup();
    await stable();
    expect(text(element.querySelector('h1'))).toBe('Importér initiativer fra Excel');
    expect(text(element.querySelector('.page-head__lead'))).toContain('intet slettes');
    expect(text(element.querySelector('.page-head__lead'))).toContain('intet gemmes, før du bekræfter');
    expect(text(element)).toContain('Filen må højst fylde 5 MB og have 5.000 rækker.');
    const hrefs = Array.from(element.querySelectorAll('a[download]')).map((a) => [text(a), a.getAttribute('href')]);
    expect(hrefs).toEqual([
      ['Eksportér alle initiativer (Excel)', '/api/initiatives/export?format=xlsx&lang=da'],
      ['Skabelon (Excel)', '/api/initiatives/import/template?format=xlsx&lang=da'],
      ['Skabelon (CSV)', '/api/initiatives/import/template?format=csv&lang=da'],
    ]);
    expect(element.querySelector('#import-file')?.getAttribute('accept')).toContain('.xlsx,.csv');
  });

  it('refuses a file above the size limit before sending it, and says why', async () => {
    const { element, api, choose, submit } = setup();
    await choose(xlsx('stor.xlsx', IMPORT_LIMITS.maxBytes + 1024 * 1024));
    await submit();
    expect(api.check).not.toHaveBeenCalled();
    const error = element.querySelector('#import-file-error');
    expect(text(error)).toBe('Filen fylder 6 MB, men må højst fylde 5 MB. Del den op i flere filer, og importér dem hver for sig.');
    expect(element.querySelector('#import-file')?.getAttribute('aria-describedby')).toBe('import-file-hint import-file-error');
    expect(element.querySelector('#import-file')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('refuses other file types and asks for a file when none is chosen', async () => {
    const { element, api, choose, submit } = setup();
    await submit();
    expect(text(element.querySelector('#import-file-error'))).toBe('Vælg en fil først.');
    await choose(xlsx('gammel.xls'));
    await submit();
    expect(text(element.querySelector('#import-file-error'))).toBe('Vælg en fil af typen .xlsx (Excel) eller .csv.');
    expect(api.check).not.toHaveBeenCalled();
  });

  it('checks a file dropped on the drop zone at once', async () => {
    const { element, api, stable } = setup();
    const file = xlsx('trukket.xlsx');
    const drop = new Event('drop', { cancelable: true, bubbles: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { files: [file], types: ['Files'] } });
    element.querySelector('.drop-zone')?.dispatchEvent(drop);
    await stable();
    expect(drop.defaultPrevented).toBe(true);
    expect(api.check).toHaveBeenCalledWith(file);
    expect(text(element.querySelector('.drop-zone__file'))).toBe('Valgt fil: trukket.xlsx (0,1 MB)');
  });

  it('shows the upload’s progress, then an indeterminate bar while the server checks the file', async () => {
    const { element, api, checks, choose, submit, stable } = setup();
    const file = xlsx();
    await choose(file);
    await submit();
    expect(api.check).toHaveBeenCalledWith(file);

    checks[0].next({ stage: 'sending', fraction: 0.42 });
    await stable();
    const bar = element.querySelector('progress');
    expect(bar?.getAttribute('value')).toBe('42');
    expect(text(element.querySelector('.progress__percent'))).toBe('42 %');
    expect(text(element.querySelector('.progress [role="status"]'))).toBe('Sender filen til kontrol …');

    checks[0].next({ stage: 'processing' });
    await stable();
    expect(element.querySelector('progress')?.hasAttribute('value')).toBe(false);
    expect(text(element.querySelector('.progress [role="status"]'))).toBe('Kontrollerer filen …');

    checks[0].next({ stage: 'done', body: previewOf({ counts: { create: 0, update: 0, unchanged: 20, error: 0 }, token: 't' }) });
    await stable();
    expect(element.querySelector('progress')).toBeNull();
  });

  it('says plainly when the file matches what is stored, with no button to import', async () => {
    const { element, checks, choose, submit, button, stable } = setup();
    await choose(xlsx());
    await submit();
    checks[0].next({ stage: 'done', body: previewOf({ counts: { create: 0, update: 0, unchanged: 20, error: 0 }, token: 't' }) });
    await stable();
    expect(counts(element)).toEqual(['0 oprettes', '0 ændres', '20 uændrede', '0 med fejl']);
    expect(text(element.querySelector('.result [role="status"]'))).toBe('Filen svarer til det, der allerede er gemt – intet at importere.');
    expect(button(/^Importér/)).toBeUndefined();
    expect(document.activeElement?.id).toBe('import-result-heading');
  });

  it('says so when the file has no rows at all', async () => {
    const { element, checks, choose, submit, stable } = setup();
    await choose(xlsx('skabelon.xlsx'));
    await submit();
    checks[0].next({ stage: 'done', body: previewOf({ token: 't' }) });
    await stable();
    expect(text(element.querySelector('.result [role="status"]'))).toBe('Filen har ingen rækker med initiativer eller milepæle – intet at importere.');
  });

  it('lists the changes and errors per row and offers no import while there are errors', async () => {
    const { element, checks, choose, submit, button, stable } = setup();
    await choose(xlsx());
    await submit();
    const rows = [updateRow(2, 'A'), updateRow(3, 'B'), updateRow(4, 'C'), errorRow];
    checks[0].next({ stage: 'done', body: previewOf({ counts: { create: 0, update: 3, unchanged: 16, error: 1 }, rows, token: null }) });
    await stable();

    expect(counts(element)).toEqual(['0 oprettes', '3 ændres', '16 uændrede', '1 med fejl']);
    expect(text(element.querySelector('[role="alert"]'))).toContain('Filen har fejl og kan ikke importeres');
    expect(element.querySelectorAll('tbody tr')).toHaveLength(4);
    expect(text(element.querySelector('tbody tr'))).toContain('Ansvarlig person: fra Anna → til Bo');
    expect(text(element.querySelector('.rows__errors'))).toBe('! Række 7, kolonne Slutdato: datoen ligger før startdatoen.');
    expect(button(/^Importér/)).toBeUndefined();
  });

  it('imports on confirmation with the dry run’s token and the same file, then says what it did', async () => {
    const { element, api, checks, applies, choose, submit, button, stable } = setup();
    const file = xlsx();
    await choose(file);
    await submit();
    checks[0].next({
      stage: 'done',
      body: previewOf({ counts: { create: 1, update: 2, unchanged: 5, error: 0 }, rows: [updateRow(2, 'A'), updateRow(3, 'B')], token: 'tok-9' }),
    });
    await stable();

    const confirm = button('Importér 3 ændringer');
    expect(confirm).toBeDefined();
    confirm?.click();
    await stable();
    expect(api.apply).toHaveBeenCalledWith(file, 'tok-9');
    applies[0].next({ stage: 'processing' });
    await stable();
    expect(text(element.querySelector('.progress [role="status"]'))).toBe('Importerer …');

    applies[0].next({ stage: 'done', body: { counts: { create: 1, update: 2, unchanged: 5, error: 0 } } });
    await stable();
    const done = element.querySelector('.notice--success');
    expect(text(done)).toContain('Importen er gennemført');
    expect(text(done)).toContain('1 oprettet, 2 ændret, 5 uændrede.');
    expect(done?.querySelector('a')?.getAttribute('href')).toBe('/initiativer');
    expect(element.querySelector('table')).toBeNull();
    expect(document.activeElement?.id).toBe('import-done-heading');
  });

  it('says when the data or the file changed since the dry run and checks the file again on request', async () => {
    const { element, api, checks, applies, choose, submit, button, stable } = setup();
    await choose(xlsx());
    await submit();
    checks[0].next({ stage: 'done', body: previewOf({ counts: { create: 0, update: 1, unchanged: 0, error: 0 }, rows: [updateRow(2, 'A')], token: 't' }) });
    await stable();
    button('Importér 1 ændring')?.click();
    await stable();
    applies[0].error(
      new HttpErrorResponse({
        status: 409,
        error: { type: 'about:blank', title: 'Conflict', status: 409, code: 'importChanged' },
        url: '/api/initiatives/import',
      }),
    );
    await stable();

    expect(text(element.querySelector('[role="alert"]'))).toContain('Noget er ændret siden kontrollen');
    expect(button(/^Importér/)).toBeUndefined();
    button('Kontrollér filen igen')?.click();
    await stable();
    expect(api.check).toHaveBeenCalledTimes(2);
  });

  it('shows the API’s refusal of the file in the user’s words, with its figures', async () => {
    const { element, checks, choose, submit, stable } = setup();
    await choose(xlsx());
    await submit();
    checks[0].error(
      new HttpErrorResponse({
        status: 400,
        error: { type: 'about:blank', title: 'Bad Request', status: 400, code: 'missingColumns', params: { columns: 'Titel, Slutdato' }, requestId: 'r-1' },
      }),
    );
    await stable();
    const alert = element.querySelector('[role="alert"]');
    expect(text(alert)).toContain('Filen mangler kolonner: Titel, Slutdato');
    expect(text(alert)).toContain('Fejlreference: r-1');

    await submit();
    checks[1].error(new HttpErrorResponse({ status: 413, error: null }));
    await stable();
    expect(text(element.querySelector('[role="alert"]'))).toContain('Filen er for stor. Den må højst fylde 5 MB.');
  });

  it('translates the errors into English by their codes', async () => {
    const { element, checks, choose, submit, stable } = setup('en');
    await choose(xlsx());
    await submit();
    checks[0].next({ stage: 'done', body: previewOf({ counts: { create: 0, update: 0, unchanged: 0, error: 1 }, rows: [errorRow] }) });
    await stable();
    expect(text(element.querySelector('.rows__errors'))).toBe('! Row 7, column Slutdato: The end date must be on or after the start date.');
    expect(counts(element)).toEqual(['0 to create', '0 to change', '0 unchanged', '1 with errors']);
  });
});
