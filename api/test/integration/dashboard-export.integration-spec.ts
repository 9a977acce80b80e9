import { Workbook } from 'exceljs';
import { plainValue } from '../../src/modules/initiative-transfer/sheet-reader';
import type { CellValue } from '../../src/modules/initiative-transfer/cell-values';
import { expectInvalidFields, expectProblem, fieldCodes } from '../support/expectations';
import { UNKNOWN_ID, type Factories } from '../support/factories';
import { initiativeWriter, useInitiativeSpec } from '../support/initiative-setting';
import type { TestApp } from '../support/test-app';

/**
 * The dashboard's workbook for a council paper: one row per initiative in the filter, the changes
 * since a chosen reporting snapshot, the filters in words, in the reader's language. Read back with
 * exceljs and the import's cell reader. "Today" is 2026-07-02 (useInitiativeSpec).
 */
describe('The dashboard workbook', () => {
  let t: TestApp;
  let make: Factories;
  const { patch } = initiativeWriter(() => t);
  useInitiativeSpec((started) => ({ t, make } = started));
  beforeEach(() => t.dataSource.query('TRUNCATE reporting_snapshot_initiative, reporting_snapshot'));

  /** GET as a user, keeping the raw bytes of the body. */
  async function download(url: string, role: 'admin' | 'management' = 'admin') {
    const user = await t.signedIn(role);
    const response = await t.app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url, headers: { cookie: `fremdrift_session=${user.session.token}` } });
    return { response, user };
  }

  /** Every sheet as rows of plain cell values (the header is the first row), each row up to its last cell with a value. */
  async function sheetsOf(payload: Buffer): Promise<Map<string, CellValue[][]>> {
    const workbook = new Workbook();
    await workbook.xlsx.load(payload as unknown as ArrayBuffer);
    const sheets = new Map<string, CellValue[][]>();
    for (const worksheet of workbook.worksheets) {
      const rows: CellValue[][] = [];
      worksheet.eachRow((row) => rows.push(Array.from({ length: row.cellCount }, (_, index) => plainValue(row.getCell(index + 1).value))));
      sheets.set(worksheet.name, rows);
    }
    return sheets;
  }

  const rowsOf = (sheets: Map<string, CellValue[][]>, name: string): CellValue[][] => {
    const rows = sheets.get(name);
    if (!rows) throw new Error(`No sheet ${name}`);
    return rows;
  };

  async function setting() {
    const mso = await make.department({ code: 'MSO', name: 'Sundhed og Omsorg' });
    const mbu = await make.department({ code: 'MBU', name: 'Børn og Unge' });
    const plan = await make.plan({ title: 'Flygtningehandleplan' });
    const running = { status: 'in_progress', startDate: '2026-01-01', targetDate: '2026-12-31' };
    const cafe = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: mso.id }, { title: 'Sprogcafé', externalReference: 'FHP-01', ...running });
    const jobs = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: mso.id }, { title: 'Jobparate forløb', ...running });
    await make.initiative({ actionPlanId: plan.id, leadDepartmentId: mbu.id }, { title: 'Lektiecafé', ...running });
    await make.milestone(cafe.id, { title: 'Lokaler fundet', dueDate: '2026-03-01', completedDate: '2026-02-20' });
    await make.milestone(cafe.id, { title: 'Frivillige rekrutteret', dueDate: '2026-09-01' });
    await make.statusUpdate(cafe.id, { periodStart: '2026-05-01', periodEnd: '2026-05-31', publicText: 'Sprogcaféen er åben tirsdag og torsdag.' });
    return { mso, mbu, plan, cafe, jobs };
  }

  it('has one row per initiative in the filter and, since a snapshot, exactly its changes; the filters in words', async () => {
    const world = await setting();
    const snapshot = (await t.post('/api/reporting-snapshots', { name: 'Status pr. 1. juli' })).body;
    const resources = (await t.get('/api/delay-causes')).body.find((cause: { code: string }) => cause.code === 'resources');
    await make.statusUpdate(world.cafe.id, {
      periodStart: '2026-06-01',
      periodEnd: '2026-06-30',
      health: 'at_risk',
      delayCauseId: resources.id,
      delayReason: 'To frivillige er stoppet, og ingen nye er fundet.',
    });
    expect((await patch(world.jobs.id, { status: 'completed' })).status).toBe(200);

    const { response } = await download(`/api/dashboard/export.xlsx?actionPlanId=${world.plan.id}&department=mso&departmentRole=lead&since=${snapshot.id}`);
    expect(response.statusCode).toBe(200);
    const sheets = await sheetsOf(response.rawPayload);
    expect([...sheets.keys()]).toEqual(['Nøgletal', 'Afdelinger', 'Initiativer', 'Udvikling', 'Milepæle 90 dage', 'Manglende status', 'Ændringer']);
    expect(sheets.get('Initiativer')).toEqual([
      ['Reference', 'Initiativ', 'Ansvarlig afdeling', 'Status', 'Vurdering', 'Fremdrift', 'Forventet fremdrift', 'Seneste offentlige tekst'],
      [null, 'Jobparate forløb', 'Sundhed og Omsorg', 'Afsluttet', 'På sporet', 1, 0.5],
      ['FHP-01', 'Sprogcafé', 'Sundhed og Omsorg', 'I gang', 'I risiko', 0.5, 0.5, 'Sprogcaféen er åben tirsdag og torsdag.'],
    ]);
    expect(sheets.get('Ændringer')).toEqual([
      ['Ændring', 'Reference', 'Initiativ', 'Ansvarlig afdeling', 'Før', 'Efter', 'Årsag eller antal'],
      ['Ny forsinkelse', 'FHP-01', 'Sprogcafé', 'Sundhed og Omsorg', null, 'I risiko', resources.labelDa],
      ['Vurdering forværret', 'FHP-01', 'Sprogcafé', 'Sundhed og Omsorg', 'På sporet', 'I risiko'],
      ['Afsluttet', null, 'Jobparate forløb', 'Sundhed og Omsorg'],
    ]);
    const headline = rowsOf(sheets, 'Nøgletal');
    expect(headline[1].slice(3)).toEqual(['Filtre', 'Handleplan: Flygtningehandleplan; Afdeling: Sundhed og Omsorg (som ansvarlig)']);
    expect(headline[2].slice(3)).toEqual(['Ændringer siden', 'Status pr. 1. juli (2. jul. 2026)']);
  });

  it('speaks the language asked for, else the reader’s own setting, else Danish', async () => {
    const world = await setting();
    const url = `/api/dashboard/export.xlsx?actionPlanId=${world.plan.id}`;
    const english = await sheetsOf((await download(`${url}&lang=en`)).response.rawPayload);
    expect([...english.keys()]).toEqual(['Key figures', 'Departments', 'Initiatives', 'Over time', 'Milestones 90 days', 'Missing status']);
    expect(rowsOf(english, 'Initiatives')[1].slice(1, 5)).toEqual(['Jobparate forløb', 'Sundhed og Omsorg', 'In progress', 'On track']);
    expect(rowsOf(english, 'Key figures')[1].slice(3)).toEqual(['Filters', 'Action plan: Flygtningehandleplan']);

    const { response } = await download(url, 'management');
    expect([...(await sheetsOf(response.rawPayload)).keys()][0]).toBe('Nøgletal');
    const reader = await t.signedIn('management');
    expect((await reader.patch('/api/account/mail-settings', { language: 'en' })).status).toBe(200);
    const own = await t.app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url, headers: { cookie: `fremdrift_session=${reader.session.token}` } });
    expect([...(await sheetsOf(own.rawPayload)).keys()][0]).toBe('Key figures');
    const danishAfterAll = await t.app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url: `${url}&lang=da`, headers: { cookie: `fremdrift_session=${reader.session.token}` } });
    expect([...(await sheetsOf(danishAfterAll.rawPayload)).keys()][0]).toBe('Nøgletal');
  });

  it('says "ingen" without filters, and writes the initiatives as CSV in the language asked for', async () => {
    await setting();
    const sheets = await sheetsOf((await download('/api/dashboard/export.xlsx')).response.rawPayload);
    expect(rowsOf(sheets, 'Nøgletal')[1].slice(3)).toEqual(['Filtre', 'ingen']);
    expect(sheets.get('Initiativer')).toHaveLength(4);
    const csv = (await download('/api/dashboard/export.csv?table=initiatives&lang=en&department=MBU')).response;
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.slice(1).trimEnd().split('\r\n');
    expect(lines).toEqual([
      'Reference;Initiative;Lead department;Status;Health;Progress;Expected progress;Latest public text',
      ';Lektiecafé;Børn og Unge;In progress;On track;0,5;0,5;',
    ]);
  });

  it('refuses a snapshot that does not exist or is no id, and a language it does not speak, with 400 on the parameter', async () => {
    expect(fieldCodes(await t.get(`/api/dashboard/export.xlsx?since=${UNKNOWN_ID}`))).toEqual({ since: ['unknownReference'] });
    expect(fieldCodes(await t.get('/api/dashboard/export.xlsx?since=last-time'))).toEqual({ since: ['isUuid'] });
    expectInvalidFields(await t.get('/api/dashboard/export.xlsx?lang=fr'), ['lang']);
    expectInvalidFields(await t.get('/api/dashboard/export.csv?lang=de'), ['lang']);
    expectInvalidFields(await t.get(`/api/dashboard/export.csv?since=${UNKNOWN_ID}`), ['since']);
  });

  it('refuses the changes since a snapshot of another plan than the view’s with 409', async () => {
    const world = await setting();
    const otherPlan = await make.plan({ title: 'Anden handleplan' });
    const snapshot = (await t.post('/api/reporting-snapshots', { name: 'Kun den anden plan', actionPlanId: otherPlan.id })).body;
    const refused = await t.get(`/api/dashboard/export.xlsx?actionPlanId=${world.plan.id}&since=${snapshot.id}`);
    expectProblem(refused, 409);
    expect((await download(`/api/dashboard/export.xlsx?actionPlanId=${otherPlan.id}&since=${snapshot.id}`)).response.statusCode).toBe(200);
  });
});
