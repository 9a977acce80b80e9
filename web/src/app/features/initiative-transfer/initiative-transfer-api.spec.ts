import { HttpEventType, provideHttpClient, withXsrfConfiguration } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { XSRF_COOKIE, XSRF_HEADER, type ImportOutcome, type ImportPreview } from '@fremdrift/contracts';
import { CSV_TYPE, formatOf, InitiativeTransferApi, XLSX_TYPE, type UploadState } from './initiative-transfer-api';

const preview: ImportPreview = { fileName: 'plan.xlsx', counts: { create: 0, update: 1, unchanged: 4, error: 0 }, rows: [], token: 'tok-1' };

let http: HttpTestingController | undefined;

function setup() {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(withXsrfConfiguration({ cookieName: XSRF_COOKIE, headerName: XSRF_HEADER })),
      provideHttpClientTesting(),
      InitiativeTransferApi,
    ],
  });
  http = TestBed.inject(HttpTestingController);
  return { api: TestBed.inject(InitiativeTransferApi), http };
}

describe('InitiativeTransferApi', () => {
  beforeEach(() => {
    document.cookie = `${XSRF_COOKIE}=csrf-123; path=/`;
  });

  afterEach(() => {
    document.cookie = `${XSRF_COOKIE}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
    http?.verify();
    http = undefined;
  });

  it('sends the file itself as the body of a dry run, with its type, its name and the CSRF header', () => {
    const { api, http } = setup();
    const file = new File(['id;Titel'], 'Initiativer 2026.xlsx');
    const states: UploadState<ImportPreview>[] = [];
    api.check(file).subscribe((state) => states.push(state));

    const request = http.expectOne((req) => req.url === '/api/initiatives/import');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toBe(file);
    expect(request.request.headers.get('Content-Type')).toBe(XLSX_TYPE);
    expect(request.request.headers.get(XSRF_HEADER)).toBe('csrf-123');
    expect(request.request.params.get('fileName')).toBe('Initiativer 2026.xlsx');
    expect(request.request.params.has('confirm')).toBe(false);
    expect(request.request.reportProgress).toBe(true);
    request.flush(preview);

    expect(states.at(-1)).toEqual({ stage: 'done', body: preview });
  });

  it('reports how much is sent, then that the server is at work, then the answer', () => {
    const { api, http } = setup();
    const states: UploadState<ImportPreview>[] = [];
    api.check(new File(['a'], 'plan.xlsx')).subscribe((state) => states.push(state));

    const request = http.expectOne((req) => req.url === '/api/initiatives/import');
    request.event({ type: HttpEventType.UploadProgress, loaded: 250, total: 1000 });
    request.event({ type: HttpEventType.UploadProgress, loaded: 1000, total: 1000 });
    request.flush(preview);

    expect(states).toEqual([
      { stage: 'sending', fraction: 0 },
      { stage: 'sending', fraction: 0.25 },
      { stage: 'processing' },
      { stage: 'done', body: preview },
    ]);
  });

  it('applies a checked file with the dry run’s token, as CSV when the file is CSV', () => {
    const { api, http } = setup();
    const outcome: ImportOutcome = { counts: { create: 1, update: 2, unchanged: 3, error: 0 } };
    let answer: ImportOutcome | undefined;
    const file = new File(['Id;Titel'], 'PLAN.CSV');
    api.apply(file, 'tok-1').subscribe((state) => {
      if (state.stage === 'done') answer = state.body;
    });

    const request = http.expectOne((req) => req.url === '/api/initiatives/import');
    expect(request.request.params.get('confirm')).toBe('tok-1');
    expect(request.request.params.get('fileName')).toBe('PLAN.CSV');
    expect(request.request.headers.get('Content-Type')).toBe(CSV_TYPE);
    request.flush(outcome);
    expect(answer).toEqual(outcome);
  });

  it('passes a refusal on as an error', () => {
    const { api, http } = setup();
    let status = 0;
    api.apply(new File(['a'], 'plan.xlsx'), 'old').subscribe({ error: (error: { status: number }) => (status = error.status) });
    http
      .expectOne((req) => req.url === '/api/initiatives/import')
      .flush({ type: 'about:blank', title: 'Conflict', status: 409, code: 'importChanged' }, { status: 409, statusText: 'Conflict' });
    expect(status).toBe(409);
  });

  it('builds the download addresses of the template and the full export', () => {
    const { api } = setup();
    expect(api.templateUrl('csv', 'en')).toBe('/api/initiatives/import/template?format=csv&lang=en');
    expect(api.exportAllUrl('xlsx', 'da')).toBe('/api/initiatives/export?format=xlsx&lang=da');
  });

  it('tells the format by the file name', () => {
    expect(formatOf({ name: 'a.XLSX' })).toBe('xlsx');
    expect(formatOf({ name: 'a.csv' })).toBe('csv');
    expect(formatOf({ name: 'a.xls' })).toBeNull();
    expect(formatOf({ name: 'xlsx' })).toBeNull();
  });
});
