import { IMPORT_LIMITS, SESSION_COOKIE, XSRF_HEADER, type ImportPreview, type UserRole } from '@fremdrift/contracts';
import { Workbook, type Worksheet } from 'exceljs';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { expectProblem } from '../support/expectations';
import { type Factories } from '../support/factories';
import { setting, TODAY, useInitiativeSpec } from '../support/initiative-setting';
import type { TestApp } from '../support/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = 'text/csv';

/**
 * The initiative list as a spreadsheet: the export (XLSX and CSV, with the list's filters), the
 * template, and the import (a dry run that writes nothing, then the confirmed run in one
 * transaction), so that export → edit in Excel → import is a round trip.
 */
describe('Initiatives API: export and import as a spreadsheet', () => {
  let t: TestApp;
  let make: Factories;
  useInitiativeSpec((started) => ({ t, make } = started));

  type Headers = Record<string, string>;
  const as = async (role: UserRole, departmentIds: string[] = []) => {
    const client = await t.signedIn(role, departmentIds);
    return { user: client.user, headers: { cookie: `${SESSION_COOKIE}=${client.session.token}`, [XSRF_HEADER.toLowerCase()]: client.session.csrfToken } };
  };
  const inject = (options: InjectOptions) => (t.app.getHttpAdapter().getInstance() as FastifyInstance).inject(options);
  const download = async (url: string, headers: Headers) => {
    const response = await inject({ method: 'GET', url, headers });
    return { status: response.statusCode, headers: response.headers, body: response.rawPayload, json: () => response.json() };
  };
  const upload = async <T = ImportPreview>(body: Buffer | string, headers: Headers, query = '', type = XLSX) => {
    const response = await inject({
      method: 'POST',
      url: `/api/initiatives/import?fileName=test${query}`,
      headers: { ...headers, 'content-type': type },
      payload: body,
    });
    const isJson = String(response.headers['content-type'] ?? '').includes('json');
    return {
      status: response.statusCode,
      headers: response.headers,
      body: (isJson ? response.json() : response.body) as T & { code?: string; params?: unknown },
    };
  };
  const workbookOf = async (buffer: Buffer) => {
    const workbook = new Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    return workbook;
  };
  const sheetNamed = (workbook: Workbook, name: string): Worksheet => {
    const sheet = workbook.getWorksheet(name);
    if (!sheet) throw new Error(`No sheet ${name}`);
    return sheet;
  };
  const bufferOf = async (workbook: Workbook) => Buffer.from(await workbook.xlsx.writeBuffer());
  /** The sheet's rows as objects keyed by header. */
  const rowsOf = (sheet: Worksheet) => {
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const rows: Record<string, unknown>[] = [];
    sheet.eachRow((row, number) => {
      if (number > 1) rows.push(Object.fromEntries(header.map((name, index) => [name, row.getCell(index + 1).value])));
    });
    return rows;
  };
  /** The row number and a cell setter for the initiative with this title. */
  const rowWithTitle = (sheet: Worksheet, title: string) => {
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    let found = 0;
    sheet.eachRow((row, number) => {
      if (row.getCell(header.indexOf('Titel') + 1).value === title) found = number;
    });
    if (!found) throw new Error(`No row titled ${title}`);
    return { row: found, set: (column: string, value: unknown) => (sheet.getRow(found).getCell(header.indexOf(column) + 1).value = value as never) };
  };
  const versions = async () =>
    Object.fromEntries(
      (await t.dataSource.query('SELECT id, version FROM initiative UNION ALL SELECT id, version FROM milestone')).map((r: { id: string; version: number }) => [
        r.id,
        r.version,
      ]),
    );
  const auditCount = async () => Number((await t.dataSource.query('SELECT count(*) FROM audit_event'))[0].count);

  /** Four initiatives over two plans and three departments, two of them with milestones. */
  async function world() {
    const s = await setting(make);
    const otherPlan = await make.plan({ title: 'Beskæftigelsesplan', goals: [{ title: 'Flere i uddannelse' }] });
    const a = await make.initiative(
      { actionPlanId: s.plan.id, leadDepartmentId: s.lead.id },
      {
        title: 'Sprogpraktik',
        goalId: s.goals[0].id,
        summary: '=HYPERLINK("http://evil.example","Klik")',
        description: 'Første linje\nAnden linje',
        participatingDepartmentIds: [s.other.id, s.third.id],
        ownerName: 'Mette Holm',
        status: 'in_progress',
        health: 'at_risk',
        startDate: '2026-01-15',
        targetDate: '2026-12-31',
        internalNotes: 'Kun internt',
        externalReference: 'FLY-01',
      },
    );
    const b = await make.initiative({ actionPlanId: s.plan.id, leadDepartmentId: s.other.id }, { title: 'Mentorordning', status: 'planned' });
    const c = await make.initiative(
      { actionPlanId: s.plan.id, leadDepartmentId: s.third.id },
      { title: 'Åbne værksteder', startDate: '2026-02-01', targetDate: '2026-09-30' },
    );
    const d = await make.initiative(
      { actionPlanId: otherPlan.id, leadDepartmentId: s.lead.id },
      { title: 'Jobcafé', startDate: '2026-03-01', targetDate: '2026-10-31', goalId: otherPlan.goals[0].id },
    );
    const m1 = await make.milestone(a.id, { title: 'Aftaler indgået', dueDate: '2026-03-01', completedDate: '2026-02-20', weight: 2 });
    const m2 = await make.milestone(a.id, { title: 'Første hold', dueDate: '2026-06-01', weight: 3 });
    const m3 = await make.milestone(d.id, { title: 'Lokale fundet', dueDate: '2026-05-01' });
    return { ...s, otherPlan, a, b, c, d, milestones: [m1, m2, m3] };
  }

  describe('export', () => {
    it('exports the filtered list as XLSX: a sheet of initiatives and one of their milestones, dates as date cells, formulas neutralised', async () => {
      const w = await world();
      const admin = await as('admin');
      const response = await download(`/api/initiatives/export?format=xlsx&actionPlanId=${w.plan.id}&sort=title`, admin.headers);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe(XLSX);
      expect(response.headers['content-disposition']).toBe(`attachment; filename="initiativer-${TODAY}.xlsx"`);
      const workbook = await workbookOf(response.body);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Initiativer', 'Milepæle']);
      const initiatives = rowsOf(sheetNamed(workbook, 'Initiativer'));
      const listed = (await t.get(`/api/initiatives?actionPlanId=${w.plan.id}&sort=title`)).body.items.map((i: { title: string }) => i.title);
      expect(initiatives.map((row) => row['Titel'])).toEqual(listed);
      expect(listed).toHaveLength(3);
      expect(initiatives.find((row) => row['Id'] === w.a.id)).toMatchObject({
        Id: w.a.id,
        'Ekstern reference': 'FLY-01',
        Handleplan: w.plan.title,
        Mål: 'Flere i job',
        Resumé: `'=HYPERLINK("http://evil.example","Klik")`,
        Beskrivelse: 'Første linje\nAnden linje',
        'Ansvarlig afdeling': 'MSO',
        'Deltagende afdelinger': 'MBU, MKB',
        'Ansvarlig person': 'Mette Holm',
        Status: 'I gang',
        Vurdering: 'I risiko',
        Startdato: new Date('2026-01-15T00:00:00Z'),
        Slutdato: new Date('2026-12-31T00:00:00Z'),
        'Interne noter': 'Kun internt',
        Fremdrift: 0.4,
      });
      const milestones = rowsOf(sheetNamed(workbook, 'Milepæle'));
      expect(milestones.map((row) => row['Titel'])).toEqual(['Aftaler indgået', 'Første hold']);
      expect(milestones[0]).toMatchObject({
        Id: w.milestones[0].id,
        'Initiativ-id': w.a.id,
        Initiativ: 'Sprogpraktik',
        Frist: new Date('2026-03-01T00:00:00Z'),
        'Nået den': new Date('2026-02-20T00:00:00Z'),
        Vægt: 2,
      });
    });

    it('exports CSV that Danish Excel opens: BOM, semicolons, the initiatives alone, English headers on request', async () => {
      const w = await world();
      const viewer = await as('viewer');
      const response = await download(`/api/initiatives/export?format=csv&department=MSO&departmentRole=lead&lang=en`, viewer.headers);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="initiativer-${TODAY}.csv"`);
      const text = response.body.toString('utf8');
      expect(text.startsWith('\uFEFFId;External reference;Action plan;Goal;Title;')).toBe(true);
      const lines = text.slice(1).split('\r\n').filter(Boolean);
      expect(lines).toHaveLength(3);
      expect(text).toContain(`${w.a.id};FLY-01;${w.plan.title};Flere i job;Sprogpraktik;"'=HYPERLINK(""http://evil.example"",""Klik"")";`);
      expect(text).toContain(';In progress;At risk;2026-01-15;2026-12-31;');
      expect(text).toContain('Jobcafé');
      expect(text).not.toContain('Mentorordning');
    });

    it('refuses an unknown format or filter, and answers 401 without a session', async () => {
      const admin = await as('admin');
      expectProblem(await download('/api/initiatives/export?format=pdf', admin.headers).then((r) => ({ ...r, body: r.json() })), 400);
      expectProblem(await download('/api/initiatives/export?page=2', admin.headers).then((r) => ({ ...r, body: r.json() })), 400);
      expectProblem(await download('/api/initiatives/export', {}).then((r) => ({ ...r, body: r.json() })), 401);
    });

    it('offers a template with the same columns, no rows and a guide to them', async () => {
      const admin = await as('admin');
      const response = await download('/api/initiatives/import/template?format=xlsx', admin.headers);
      expect(response.status).toBe(200);
      const workbook = await workbookOf(response.body);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Initiativer', 'Milepæle', 'Vejledning']);
      expect(sheetNamed(workbook, 'Initiativer').actualRowCount).toBe(1);
      const guide = sheetNamed(workbook, 'Vejledning').getColumn(3).values.join('\n');
      expect(guide).toContain('intet slettes');
      expect(guide).toContain('Planlagt, I gang');
      const csv = await download('/api/initiatives/import/template?format=csv&lang=en', admin.headers);
      expect(csv.body.toString('utf8').trimEnd()).toMatch(/^\uFEFFId;External reference;.*;Expected progress$/);
    });
  });

  describe('the round trip', () => {
    it('re-imports an unedited export as no change, reports three edited cells and a bad date exactly, and writes only on confirmation', async () => {
      const w = await world();
      const admin = await as('admin');
      const exported = (await download('/api/initiatives/export?format=xlsx', admin.headers)).body;
      const before = await versions();
      const audited = await auditCount();

      const unedited = await upload(exported, admin.headers);
      expect(unedited.status).toBe(200);
      expect(unedited.body).toEqual({ fileName: 'test', counts: { create: 0, update: 0, unchanged: 7, error: 0 }, rows: [], token: expect.any(String) });

      const workbook = await workbookOf(exported);
      const sheet = sheetNamed(workbook, 'Initiativer');
      rowWithTitle(sheet, 'Mentorordning').set('Titel', 'Mentorordning for unge');
      rowWithTitle(sheet, 'Åbne værksteder').set('Status', 'I gang');
      rowWithTitle(sheet, 'Sprogpraktik').set('Slutdato', new Date('2027-03-31T00:00:00Z'));
      const bad = rowWithTitle(sheet, 'Jobcafé');
      bad.set('Slutdato', '31-02-2026');
      const edited = await upload(await bufferOf(workbook), admin.headers);
      expect(edited.status).toBe(200);
      expect(edited.body.counts).toEqual({ create: 0, update: 3, unchanged: 3, error: 1 });
      expect(edited.body.token).toBeNull();
      const updates = edited.body.rows.filter((row) => row.action === 'update');
      expect(updates.map((row) => [row.title, row.changes])).toEqual(
        expect.arrayContaining([
          ['Mentorordning for unge', [{ column: 'Titel', before: 'Mentorordning', after: 'Mentorordning for unge' }]],
          ['Åbne værksteder', [{ column: 'Status', before: 'Planlagt', after: 'I gang' }]],
          ['Sprogpraktik', [{ column: 'Slutdato', before: '2026-12-31', after: '2027-03-31' }]],
        ]),
      );
      expect(edited.body.rows.find((row) => row.action === 'error')).toEqual({
        sheet: 'initiatives',
        row: bad.row,
        action: 'error',
        title: 'Jobcafé',
        changes: [],
        errors: [
          {
            sheet: 'initiatives',
            row: bad.row,
            column: 'Slutdato',
            code: 'invalidDate',
            params: { value: '31-02-2026' },
            message: `Række ${bad.row}, kolonne Slutdato: »31-02-2026« kan ikke læses som en dato; skriv den som ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ.`,
          },
        ],
      });
      expect(await versions()).toEqual(before);
      expect(await auditCount()).toBe(audited);

      // A token from another file (the unedited one) does not apply this one.
      expectProblem(await upload(await bufferOf(workbook), admin.headers, `&confirm=${unedited.body.token}`), 409);

      bad.set('Slutdato', new Date('2026-10-31T00:00:00Z'));
      const fixed = await bufferOf(workbook);
      const dryRun = await upload(fixed, admin.headers);
      expect(dryRun.body.counts).toEqual({ create: 0, update: 3, unchanged: 4, error: 0 });
      expect(dryRun.body.token).toEqual(expect.any(String));
      expect(await versions()).toEqual(before);

      const confirmed = await upload<{ counts: unknown }>(fixed, admin.headers, `&confirm=${dryRun.body.token}`);
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toEqual({ counts: { create: 0, update: 3, unchanged: 4, error: 0 } });
      const after = await versions();
      const changed = Object.keys(after).filter((id) => after[id] !== before[id]);
      expect(changed.sort()).toEqual([w.a.id, w.b.id, w.c.id].sort());
      expect((await t.get(`/api/initiatives/${w.b.id}`)).body.title).toBe('Mentorordning for unge');
      expect((await t.get(`/api/initiatives/${w.c.id}`)).body.status).toBe('in_progress');
      expect((await t.get(`/api/initiatives/${w.a.id}`)).body.targetDate).toBe('2027-03-31');
      const audit = await t.dataSource.query('SELECT entity_type, entity_id, actor_id, actor_name, action FROM audit_event ORDER BY id OFFSET $1', [audited]);
      expect(audit).toHaveLength(3);
      for (const row of audit)
        expect(row).toMatchObject({
          entity_type: 'initiative',
          action: 'update',
          actor_id: admin.user.id,
          actor_name: expect.stringContaining(admin.user.email),
        });

      // The same token again: the data it was computed over has changed.
      const stale = await upload(fixed, admin.headers, `&confirm=${dryRun.body.token}`);
      expectProblem(stale, 409);
      expect(stale.body.code).toBe('importChanged');
    });

    it('re-imports an unedited CSV export as no change', async () => {
      await world();
      const admin = await as('admin');
      const exported = (await download('/api/initiatives/export?format=csv', admin.headers)).body;
      const result = await upload(exported, admin.headers, '', CSV);
      expect(result.body).toMatchObject({ counts: { create: 0, update: 0, unchanged: 4, error: 0 }, rows: [] });
      const english = (await download('/api/initiatives/export?format=csv&lang=en', admin.headers)).body;
      expect((await upload(english, admin.headers, '', CSV)).body.counts).toEqual({ create: 0, update: 0, unchanged: 4, error: 0 });
    });
  });

  describe('import', () => {
    const csvOf = (rows: string[][]) => Buffer.from(rows.map((row) => row.join(';')).join('\r\n'), 'utf8');

    it('creates by external reference on a first import (with milestones on the new initiatives) and updates by it on the next', async () => {
      const s = await setting(make);
      const admin = await as('admin');
      const workbook = new Workbook();
      const initiatives = workbook.addWorksheet('Initiativer');
      initiatives.addRow(['Ekstern reference', 'Titel', 'Handleplan', 'Mål', 'Ansvarlig afdeling', 'Deltagende afdelinger', 'Status', 'Startdato', 'Slutdato']);
      initiatives.addRow([
        'EXT-1',
        'Lektiecafé',
        s.plan.title,
        'Et sundt og aktivt liv',
        'mso',
        'MBU; MKB',
        'Idé',
        new Date('2026-01-01T00:00:00Z'),
        '31.12.2026',
      ]);
      initiatives.addRow(['EXT-2', 'Naboskab', s.plan.title, '', 'MBU', '', 'planned', '', '']);
      const milestones = workbook.addWorksheet('Milepæle');
      milestones.addRow(['Initiativets eksterne reference', 'Titel', 'Frist', 'Vægt']);
      milestones.addRow(['ext-1', 'Lokale lejet', 46113, '2,0']);
      const file = await bufferOf(workbook);

      const dryRun = await upload(file, admin.headers);
      expect(dryRun.body.counts).toEqual({ create: 3, update: 0, unchanged: 0, error: 0 });
      expect(dryRun.body.rows.map((row) => [row.sheet, row.row, row.action, row.title])).toEqual([
        ['initiatives', 2, 'create', 'Lektiecafé'],
        ['initiatives', 3, 'create', 'Naboskab'],
        ['milestones', 2, 'create', 'Lokale lejet'],
      ]);
      expect((await t.get('/api/initiatives')).body.total).toBe(0);

      expect((await upload(file, admin.headers, `&confirm=${dryRun.body.token}`)).status).toBe(200);
      const created = (await t.get('/api/initiatives?sort=title')).body.items;
      expect(created.map((i: { title: string }) => i.title)).toEqual(['Lektiecafé', 'Naboskab']);
      const cafe = (await t.get(`/api/initiatives/${created[0].id}`)).body;
      expect(cafe).toMatchObject({
        externalReference: 'EXT-1',
        goalId: s.goals[1].id,
        leadDepartment: { code: 'MSO' },
        status: 'idea',
        startDate: '2026-01-01',
        targetDate: '2026-12-31',
        milestoneCount: 1,
      });
      expect(cafe.participatingDepartments.map((d: { code: string }) => d.code)).toEqual(['MBU', 'MKB']);
      const [milestone] = (await t.get(`/api/initiatives/${cafe.id}/milestones`)).body.items;
      expect(milestone).toMatchObject({ title: 'Lokale lejet', dueDate: '2026-04-01', weight: 2 });

      initiatives.getRow(2).getCell(2).value = 'Lektiecafé for alle';
      const second = await bufferOf(workbook);
      const again = await upload(second, admin.headers);
      expect(again.body.counts).toEqual({ create: 1, update: 1, unchanged: 1, error: 0 });
      expect(again.body.rows[0]).toMatchObject({ action: 'update', changes: [{ column: 'Titel', before: 'Lektiecafé', after: 'Lektiecafé for alle' }] });
    });

    it('reads a CSV from Danish Excel: semicolons, Windows-1252 letters, DD-MM-YYYY dates and decimal commas', async () => {
      const s = await setting(make);
      const admin = await as('admin');
      const initiatives = Buffer.from(
        [
          'Titel;Handleplan;Ansvarlig afdeling;Status;Vurdering;Startdato;Slutdato;Ansvarlig person',
          `Ældrecafé på Østergade;${s.plan.title};MSO;I gang;På sporet;01-02-2026;30-11-2026;Søren Åberg`,
        ].join('\r\n'),
        'latin1',
      );
      const dryRun = await upload(initiatives, admin.headers, '', CSV);
      expect(dryRun.body.counts).toEqual({ create: 1, update: 0, unchanged: 0, error: 0 });
      expect((await upload(initiatives, admin.headers, `&confirm=${dryRun.body.token}`, CSV)).status).toBe(200);
      const [created] = (await t.get('/api/initiatives')).body.items;
      expect(created).toMatchObject({
        title: 'Ældrecafé på Østergade',
        ownerName: 'Søren Åberg',
        status: 'in_progress',
        startDate: '2026-02-01',
        targetDate: '2026-11-30',
      });

      const milestones = csvOf([
        ['Initiativ-id', 'Titel', 'Frist', 'Vægt'],
        [created.id, 'Første møde', '15.03.2026', '3,0'],
        [created.id, 'Andet møde', '15/04/2026', '2,5'],
      ]);
      const result = await upload(milestones, admin.headers, '', CSV);
      expect(result.body.counts).toEqual({ create: 1, update: 0, unchanged: 0, error: 1 });
      expect(result.body.rows[1].errors).toEqual([
        expect.objectContaining({ row: 3, column: 'Vægt', code: 'isInt', message: 'Række 3, kolonne Vægt: skal være et helt tal.' }),
      ]);
      const commaSeparated = Buffer.from(`Initiative id,Title,Due date,Weight\r\n${created.id},Tredje møde,2026-05-01,"4,0"\r\n`, 'utf8');
      expect((await upload(commaSeparated, admin.headers, '', CSV)).body.counts).toEqual({ create: 1, update: 0, unchanged: 0, error: 0 });
    });

    it('reports what the rules refuse on the cell it concerns, in Danish', async () => {
      const w = await world();
      const admin = await as('admin');
      const file = csvOf([
        ['Id', 'Ekstern reference', 'Titel', 'Handleplan', 'Ansvarlig afdeling', 'Status', 'Startdato', 'Slutdato'],
        [w.c.id, '', 'Åbne værksteder', w.plan.title, 'MKB', 'Planlagt', '2026-10-01', '2026-09-30'],
        ['00000000-0000-4000-8000-000000000000', '', 'Ukendt', w.plan.title, 'MSO', '', '', ''],
        ['', 'NY-1', 'Ny', 'Ingen plan', 'XYZ', 'Næsten', '', ''],
        ['', 'NY-2', 'Toget', w.plan.title, 'MSO', '', '', ''],
        ['', 'ny-2', 'To igen', w.plan.title, 'MSO', '', '', ''],
        [w.b.id, '', 'x', w.plan.title, 'MBU', 'Planlagt', '', ''],
        ['', 'fly-01', 'Sprogpraktik', w.plan.title, 'MSO', 'I gang', '', ''],
        [w.a.id, '', 'Sprogpraktik', w.plan.title, 'MSO', 'I gang', '', ''],
      ]);
      const result = await upload(file, admin.headers, '', CSV);
      expect(result.status).toBe(200);
      expect(result.body.token).toBeNull();
      const errors = result.body.rows.flatMap((row) => row.errors).map((e) => [e.row, e.column, e.code, e.message]);
      expect(errors).toEqual([
        [2, 'Slutdato', 'dateOrder', 'Række 2, kolonne Slutdato: datoen ligger før startdatoen.'],
        [3, 'Id', 'unknownId', 'Række 3, kolonne Id: der findes ikke noget med dette id.'],
        [4, 'Handleplan', 'unknownActionPlan', 'Række 4, kolonne Handleplan: der findes ingen handleplan med titlen »Ingen plan«.'],
        [4, 'Ansvarlig afdeling', 'unknownDepartment', 'Række 4, kolonne Ansvarlig afdeling: der findes ingen afdeling med koden »XYZ«.'],
        [4, 'Status', 'unknownValue', expect.stringContaining('Række 4, kolonne Status: »Næsten« er ikke en af de tilladte værdier (Idé, Planlagt')],
        [6, 'Ekstern reference', 'duplicateKey', 'Række 6, kolonne Ekstern reference: samme nøgle står allerede i række 5.'],
        [7, 'Titel', 'isLength', 'Række 7, kolonne Titel: skal være på 3 til 200 tegn.'],
        [9, 'Id', 'duplicateKey', 'Række 9, kolonne Id: samme nøgle står allerede i række 8.'],
      ]);
      expect(result.body.counts).toEqual({ create: 1, update: 1, unchanged: 0, error: 6 });
    });

    it('holds the lifecycle rules: a cancellation needs its reason, and completing waits for the open milestones the file completes', async () => {
      const w = await world();
      const admin = await as('admin');
      const workbook = await workbookOf((await download('/api/initiatives/export?format=xlsx', admin.headers)).body);
      const initiatives = sheetNamed(workbook, 'Initiativer');
      const cancelled = rowWithTitle(initiatives, 'Mentorordning');
      cancelled.set('Status', 'Annulleret');
      const completed = rowWithTitle(initiatives, 'Sprogpraktik');
      completed.set('Status', 'Afsluttet');
      const refused = await upload(await bufferOf(workbook), admin.headers);
      expect(refused.body.rows.flatMap((row) => row.errors).map((e) => [e.row, e.column, e.code])).toEqual([
        [cancelled.row, 'Begrundelse for annullering', 'cancellationReason'],
        [completed.row, 'Status', 'openMilestones'],
      ]);

      cancelled.set('Begrundelse for annullering', 'Ingen frivillige at finde i år.');
      const milestones = sheetNamed(workbook, 'Milepæle');
      const open = rowWithTitle(milestones, 'Første hold');
      open.set('Nået den', new Date('2026-06-30T00:00:00Z'));
      const file = await bufferOf(workbook);
      const dryRun = await upload(file, admin.headers);
      expect(dryRun.body.counts).toEqual({ create: 0, update: 3, unchanged: 4, error: 0 });
      expect((await upload(file, admin.headers, `&confirm=${dryRun.body.token}`)).status).toBe(200);
      expect((await t.get(`/api/initiatives/${w.a.id}`)).body).toMatchObject({ status: 'completed', progress: 1 });
      expect((await t.get(`/api/initiatives/${w.b.id}`)).body).toMatchObject({ status: 'cancelled', cancellationReason: 'Ingen frivillige at finde i år.' });
    });

    it('is all or nothing: a row refused on confirmation keeps every other row from being written', async () => {
      const s = await setting(make);
      const closing = await make.plan({ title: 'Udfases' });
      const admin = await as('admin');
      const rows = Array.from({ length: 10 }, (_, i) => [`Initiativ nr. ${i + 1}`, i === 8 ? closing.title : s.plan.title, 'MSO']);
      const file = csvOf([['Titel', 'Handleplan', 'Ansvarlig afdeling'], ...rows]);
      const dryRun = await upload(file, admin.headers, '', CSV);
      expect(dryRun.body.counts).toEqual({ create: 10, update: 0, unchanged: 0, error: 0 });
      expect((await t.patch(`/api/action-plans/${closing.id}`, { archived: true })).status).toBe(200);
      const counts = await t.rowCounts();
      const confirmed = await upload(file, admin.headers, `&confirm=${dryRun.body.token}`, CSV);
      expectProblem(confirmed, 400);
      expect(confirmed.body.code).toBe('importInvalid');
      expect(await t.rowCounts()).toEqual(counts);
      const again = await upload(file, admin.headers, '', CSV);
      expect(again.body.rows.find((row) => row.action === 'error')?.errors).toEqual([
        expect.objectContaining({ row: 10, column: 'Handleplan', code: 'archivedPlan' }),
      ]);
    });

    it('refuses files over the size limit (413) and over the row limit (400)', async () => {
      const admin = await as('admin');
      const huge = Buffer.alloc(IMPORT_LIMITS.maxBytes + 1, 'a');
      const tooLarge = await upload(huge, admin.headers, '', CSV);
      expectProblem(tooLarge, 413);
      expect(tooLarge.body.code).toBe('payloadTooLarge');
      const many = csvOf([['Titel'], ...Array.from({ length: IMPORT_LIMITS.maxRows + 1 }, (_, i) => [`Række ${i}`])]);
      const tooMany = await upload(many, admin.headers, '', CSV);
      expectProblem(tooMany, 400);
      expect(tooMany.body).toMatchObject({ code: 'tooManyRows', params: { max: IMPORT_LIMITS.maxRows } });
      const workbook = new Workbook();
      const sheet = workbook.addWorksheet('Initiativer');
      sheet.addRow(['Titel']);
      for (let i = 0; i <= IMPORT_LIMITS.maxRows; i++) sheet.addRow([`Række ${i}`]);
      const tooManyInAWorkbook = await upload(await bufferOf(workbook), admin.headers);
      expectProblem(tooManyInAWorkbook, 400);
      expect(tooManyInAWorkbook.body).toMatchObject({ code: 'tooManyRows', params: { max: IMPORT_LIMITS.maxRows } });
    });

    it('refuses files it cannot read, or without the required columns, with a code and never a 5xx', async () => {
      const admin = await as('admin');
      const expectRefusal = async (body: Buffer | string, type: string, code: string) => {
        const response = await upload(body, admin.headers, '', type);
        expectProblem(response, 400);
        expect(response.body.code).toBe(code);
      };
      await expectRefusal(Buffer.from('not a workbook at all'), XLSX, 'unreadableFile');
      const zip = new Workbook();
      const notXlsx = Buffer.from(await zip.xlsx.writeBuffer()).subarray(0, 200);
      await expectRefusal(notXlsx, XLSX, 'unreadableFile');
      await expectRefusal('Titel;Handleplan\r\n"Ikke lukket;plan', CSV, 'unreadableFile');
      await expectRefusal('Navn;Alder\r\nA;1', CSV, 'missingColumns');
      await expectRefusal('Handleplan;Ansvarlig afdeling\r\nA;MSO', CSV, 'missingColumns');
      const empty = await inject({ method: 'POST', url: '/api/initiatives/import', headers: admin.headers });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().code).toBe('unreadableFile');
      const json = await inject({
        method: 'POST',
        url: '/api/initiatives/import',
        headers: { ...admin.headers, 'content-type': 'application/json' },
        payload: '{}',
      });
      expect(json.statusCode).toBe(415);

      const s = await setting(make);
      const hugeCell = await upload(`Titel;Handleplan;Ansvarlig afdeling\r\n${'x'.repeat(300_000)};${s.plan.title};MSO`, admin.headers, '', CSV);
      expect(hugeCell.status).toBe(200);
      expect(hugeCell.body.rows[0].errors[0]).toMatchObject({ column: 'Titel', code: 'isLength' });

      let seed = 7;
      const random = (length: number) => Buffer.from(Array.from({ length }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256));
      for (let i = 0; i < 20; i++) {
        for (const type of [XLSX, CSV]) {
          const body = i % 4 === 0 ? Buffer.concat([Buffer.from('PK\x03\x04'), random(500 + i * 37)]) : random(100 + i * 97);
          const response = await upload(body, admin.headers, '', type);
          expect([200, 400]).toContain(response.status);
        }
      }
    });

    it('is for management and admins: 403 for a department lead and a viewer, 401 without a session', async () => {
      const s = await setting(make);
      const file = csvOf([
        ['Titel', 'Handleplan', 'Ansvarlig afdeling'],
        ['Nyt initiativ', s.plan.title, 'MSO'],
      ]);
      const lead = await as('department_lead', [s.lead.id]);
      expectProblem(await upload(file, lead.headers, '', CSV), 403);
      expectProblem(await upload(file, (await as('viewer')).headers, '', CSV), 403);
      expectProblem(await upload(file, {}, '', CSV), 401);
      // Management enters the plan for every department, so its import writes rows of any department.
      const management = await as('management');
      const dryRun = await upload(file, management.headers, '', CSV);
      expect(dryRun.status).toBe(200);
      expect(dryRun.body.counts).toEqual({ create: 1, update: 0, unchanged: 0, error: 0 });
      expect((await upload(file, (await as('admin')).headers, '', CSV)).body.counts).toEqual({ create: 1, update: 0, unchanged: 0, error: 0 });
    });
  });
});
