import { INITIATIVE_STATUSES, type InitiativeStatus } from '@fremdrift/contracts';
import { computeExpectedProgress, computeProgress, isMilestoneOverdue, reportsNow } from '@fremdrift/progress';
import { Workbook } from 'exceljs';
import { Client } from 'pg';
import { expectInvalidFields } from '../support/expectations';
import { type Factories } from '../support/factories';
import { type TestApp, useTestApp } from '../support/test-app';

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

describe('The dashboard API', () => {
  let t: TestApp;
  let make: Factories;
  useTestApp((started) => ({ t, make } = started));

  /** The admin's session, for requests whose raw (non-JSON) body the test needs. */
  const adminHeaders = async () => {
    const admin = await t.signedIn('admin');
    return { cookie: `fremdrift_session=${admin.session.token}` };
  };

  describe('the SQL mirrors of the progress rules', () => {
    it('give the same progress as computeProgress, edge cases included', async () => {
      const cases: { status: InitiativeStatus; milestones: { weight: number; completedDate: string | null }[] }[] = [];
      const sets = [
        [],
        [{ weight: 1, completedDate: null }],
        [{ weight: 1, completedDate: '2026-01-01' }],
        [
          { weight: 0, completedDate: '2026-01-01' },
          { weight: 0, completedDate: null },
          { weight: 0, completedDate: null },
        ],
        [
          { weight: 3, completedDate: '2026-01-01' },
          { weight: 0, completedDate: '2026-01-01' },
          { weight: 7, completedDate: null },
        ],
        [
          { weight: 100, completedDate: '2026-01-01' },
          { weight: 100, completedDate: '2026-01-01' },
        ],
      ];
      for (const status of INITIATIVE_STATUSES) for (const milestones of sets) cases.push({ status, milestones });
      for (const { status, milestones } of cases) {
        const [{ progress }] = await t.dataSource.query('SELECT fremdrift_progress($1, $2, $3, $4, $5)::float AS progress', [
          status,
          milestones.length,
          milestones.filter((m) => m.completedDate).length,
          milestones.reduce((sum, m) => sum + m.weight, 0),
          milestones.filter((m) => m.completedDate).reduce((sum, m) => sum + m.weight, 0),
        ]);
        expect({ status, milestones, progress }).toEqual({ status, milestones, progress: expect.closeTo(computeProgress(milestones, status), 12) });
      }
    });

    it('give the same expected progress as computeExpectedProgress, edge cases included', async () => {
      const dates: [string | null, string | null, string][] = [
        [null, '2026-12-31', '2026-06-01'],
        ['2026-01-01', null, '2026-06-01'],
        ['2026-01-01', '2026-12-31', '2025-06-01'],
        ['2026-01-01', '2026-12-31', '2026-01-01'],
        ['2026-01-01', '2026-12-31', '2026-07-02'],
        ['2026-01-01', '2026-12-31', '2026-12-31'],
        ['2026-01-01', '2026-12-31', '2027-03-01'],
        ['2026-05-05', '2026-05-05', '2026-05-05'],
        ['2024-02-28', '2024-03-01', '2024-02-29'],
      ];
      for (const [start, target, today] of dates) {
        const [{ expected }] = await t.dataSource.query('SELECT fremdrift_expected_progress($1, $2, $3)::float AS expected', [start, target, today]);
        const wanted = computeExpectedProgress(start, target, today);
        expect({ start, target, today, expected }).toEqual({ start, target, today, expected: wanted === null ? null : expect.closeTo(wanted, 12) });
      }
    });
  });

  describe('the SQL mirrors of the overdue and reporting rules', () => {
    it('call a milestone overdue exactly when isMilestoneOverdue does', async () => {
      const today = '2026-07-02';
      for (const dueDate of [null, '2026-07-01', '2026-07-02', '2026-07-03']) {
        for (const completedDate of [null, '2026-06-30', '2026-07-05']) {
          const [{ overdue }] = await t.dataSource.query('SELECT fremdrift_milestone_overdue($1, $2, $3) AS overdue', [completedDate, dueDate, today]);
          expect({ dueDate, completedDate, overdue }).toEqual({ dueDate, completedDate, overdue: isMilestoneOverdue({ dueDate, completedDate }, today) });
        }
      }
    });

    it('ask the same initiatives to report as reportsNow does', async () => {
      const today = '2026-07-02';
      for (const status of INITIATIVE_STATUSES) {
        for (const startDate of [null, '2026-07-01', '2026-07-02', '2026-07-03']) {
          const [{ reports }] = await t.dataSource.query('SELECT fremdrift_reports_now($1, $2, $3) AS reports', [status, startDate, today]);
          expect({ status, startDate, reports }).toEqual({ status, startDate, reports: reportsNow(status, startDate, today) });
        }
      }
    });
  });

  async function smallPlan() {
    const [mso, mbu, mkb] = await Promise.all(['MSO', 'MBU', 'MKB'].map((code) => make.department({ code })));
    const plan = await make.plan();
    const other = await make.plan();
    const a = await make.initiative(
      { actionPlanId: plan.id, leadDepartmentId: mso.id },
      { title: 'Initiativ A', status: 'in_progress', startDate: '2020-01-01', targetDate: '2030-12-31', participatingDepartmentIds: [mbu.id] },
    );
    const b = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: mso.id }, { title: 'Initiativ B', status: 'planned', health: 'at_risk' });
    const c = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: mbu.id }, { title: 'Initiativ C', status: 'completed' });
    await make.initiative({ actionPlanId: other.id, leadDepartmentId: mkb.id }, { title: 'D i en anden plan', status: 'in_progress' });
    await make.milestone(a.id, { weight: 3, completedDate: '2020-06-01', dueDate: '2020-05-01' });
    await make.milestone(a.id, { weight: 1, completedDate: '2020-06-01', dueDate: '2020-07-01' });
    await make.milestone(a.id, { weight: 6, dueDate: '2021-01-01' });
    await make.milestone(b.id, { dueDate: '2999-01-01' });
    return { plan, departments: { mso, mbu, mkb }, initiatives: { a, b, c } };
  }

  it('adds up the same figures as the initiatives themselves show', async () => {
    const { plan } = await smallPlan();
    const view = (await t.get(`/api/dashboard?actionPlanId=${plan.id}`)).body;
    const initiatives = (await t.get(`/api/initiatives?actionPlanId=${plan.id}`)).body.items as {
      progress: number;
      expectedProgress: number | null;
      overdueMilestoneCount: number;
    }[];

    expect(view.headline).toEqual({
      initiatives: 3,
      byStatus: { idea: 0, planned: 1, in_progress: 1, on_hold: 0, completed: 1, cancelled: 0 },
      byHealth: { on_track: 2, at_risk: 1, off_track: 0 },
      averageProgress: expect.closeTo(mean(initiatives.map((i) => i.progress))!, 10),
      averageExpectedProgress: expect.closeTo(mean(initiatives.flatMap((i) => (i.expectedProgress === null ? [] : [i.expectedProgress])))!, 10),
      milestones: {
        total: 4,
        completed: 2,
        completedOnTime: 1,
        onTimeShare: 0.5,
        overdue: initiatives.reduce((sum, i) => sum + i.overdueMilestoneCount, 0),
        dueNext90Days: 0,
      },
    });
  });

  it('shows each department’s lead and participating initiatives apart, with a health matrix', async () => {
    const { plan, departments } = await smallPlan();
    const view = (await t.get(`/api/dashboard?actionPlanId=${plan.id}`)).body;
    const byCode = Object.fromEntries(view.departments.map((d: { department: { code: string } }) => [d.department.code, d]));
    expect(byCode['MSO']).toMatchObject({
      department: { id: departments.mso.id, code: 'MSO' },
      lead: { initiatives: 2, byHealth: { on_track: 1, at_risk: 1, off_track: 0 } },
      participating: { initiatives: 0, averageProgress: null },
    });
    expect(byCode['MBU']).toMatchObject({ lead: { initiatives: 1, averageProgress: 1 }, participating: { initiatives: 1, averageProgress: 0.4 } });
    expect(byCode['MKB']).toMatchObject({ lead: { initiatives: 0, averageProgress: null }, participating: { initiatives: 0 } });
  });

  it('filters by department, as lead or participant, by code or id', async () => {
    const { departments } = await smallPlan();
    const count = async (query: string) => (await t.get(`/api/dashboard?${query}`)).body.headline.initiatives;
    expect(await count('department=mbu')).toBe(2);
    expect(await count('department=MBU&departmentRole=lead')).toBe(1);
    expect(await count(`department=${departments.mbu.id}&departmentRole=participating`)).toBe(1);
    expect(await count('')).toBe(4);
    expectInvalidFields(await t.get('/api/dashboard?department=%25&departmentRole=boss&from=2026-02-30'), ['department', 'departmentRole', 'from']);
  });

  it('lists the initiatives that have not reported for this period, most overdue first', async () => {
    const { plan, initiatives } = await smallPlan();
    const view = (await t.get(`/api/dashboard?actionPlanId=${plan.id}`)).body;
    expect(view.compliance).toEqual([
      expect.objectContaining({ initiative: { id: initiatives.a.id, title: 'Initiativ A' }, state: 'overdue', lastReportedPeriodEnd: null }),
    ]);
    expect(view.compliance[0].daysOverdue).toBeGreaterThan(2000);
  });

  it('counts health month by month from the status update history', async () => {
    const { plan, initiatives } = await smallPlan();
    await make.statusUpdate(initiatives.a.id, { periodStart: '2020-01-01', periodEnd: '2020-01-31', health: 'on_track' });
    await make.statusUpdate(initiatives.a.id, {
      periodStart: '2020-03-01',
      periodEnd: '2020-03-31',
      health: 'off_track',
      delayCauseId: (await t.get('/api/delay-causes')).body[0].id,
      delayReason: 'Mentorerne sprang fra.',
    });
    const view = (await t.get(`/api/dashboard?actionPlanId=${plan.id}&from=2019-12-01&to=2020-04-30`)).body;
    expect(view.healthOverTime).toEqual([
      { month: '2019-12', byHealth: { on_track: 0, at_risk: 0, off_track: 0 }, reported: 0 },
      { month: '2020-01', byHealth: { on_track: 1, at_risk: 0, off_track: 0 }, reported: 1 },
      { month: '2020-02', byHealth: { on_track: 1, at_risk: 0, off_track: 0 }, reported: 1 },
      { month: '2020-03', byHealth: { on_track: 0, at_risk: 0, off_track: 1 }, reported: 1 },
      { month: '2020-04', byHealth: { on_track: 0, at_risk: 0, off_track: 1 }, reported: 1 },
    ]);
  });

  it('answers with the same number of queries for 3 initiatives as for 40', async () => {
    const department = await make.department();
    const plan = await make.plan();
    const addInitiatives = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const initiative = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id }, { status: 'in_progress' });
        await make.milestone(initiative.id, { dueDate: '2030-01-01' });
        await make.statusUpdate(initiative.id);
      }
    };
    const queriesFor = async () => {
      const spy = jest.spyOn(Client.prototype, 'query');
      try {
        const response = await t.get(`/api/dashboard?actionPlanId=${plan.id}`);
        expect(response.status).toBe(200);
        return { count: spy.mock.calls.length, initiatives: response.body.headline.initiatives };
      } finally {
        spy.mockRestore();
      }
    };
    await addInitiatives(3);
    const few = await queriesFor();
    await addInitiatives(37);
    const many = await queriesFor();
    expect(few.initiatives).toBe(3);
    expect(many.initiatives).toBe(40);
    expect(many.count).toBe(few.count);
    // The session, the view in two statements, the reminders of the listed initiatives.
    expect(few.count).toBeGreaterThanOrEqual(3);
    expect(few.count).toBeLessThanOrEqual(5);
  });

  describe('export of the current view', () => {
    it('gives a workbook that reopens with the same figures, one sheet per table', async () => {
      const { plan } = await smallPlan();
      const view = (await t.get(`/api/dashboard?actionPlanId=${plan.id}`)).body;
      const response = await t.app
        .getHttpAdapter()
        .getInstance()
        .inject({
          method: 'GET',
          url: `/api/dashboard/export.xlsx?actionPlanId=${plan.id}`,
          headers: await adminHeaders(),
        });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('spreadsheetml');
      expect(response.headers['content-disposition']).toMatch(/attachment; filename="fremdrift-dashboard-\d{4}-\d{2}-\d{2}\.xlsx"/);

      const workbook = new Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
        'Nøgletal',
        'Afdelinger',
        'Initiativer',
        'Udvikling',
        'Milepæle 90 dage',
        'Manglende status',
      ]);
      const headline = workbook.getWorksheet('Nøgletal')!;
      const valueOf = (label: string) => headline.getColumn(1).values.indexOf(label);
      expect(headline.getCell(valueOf('Initiativer'), 2).value).toBe(view.headline.initiatives);
      expect(headline.getCell(valueOf('Gennemsnitlig fremdrift'), 2).value).toBeCloseTo(view.headline.averageProgress, 10);
      expect(headline.getCell(valueOf('Gennemsnitlig fremdrift'), 2).numFmt).toBe('0%');
      expect(headline.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const departments = workbook.getWorksheet('Afdelinger')!;
      expect(departments.rowCount).toBe(view.departments.length + 1);
      const mso = departments.getRows(2, view.departments.length)!.find((row) => row.getCell(1).value === 'MSO')!;
      expect(mso.getCell(3).value).toBe(2);
      const compliance = workbook.getWorksheet('Manglende status')!;
      expect(compliance.getRow(2).getCell(1).value).toBe('Initiativ A');
    });

    it('gives CSV that Danish Excel opens: BOM, semicolons, decimal commas', async () => {
      const { plan } = await smallPlan();
      const response = await t.app
        .getHttpAdapter()
        .getInstance()
        .inject({
          method: 'GET',
          url: `/api/dashboard/export.csv?actionPlanId=${plan.id}&table=departments`,
          headers: await adminHeaders(),
        });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      const text = response.body;
      expect(text.startsWith('\uFEFF')).toBe(true);
      const lines = text.slice(1).trimEnd().split('\r\n');
      expect(lines[0]).toBe('Kode;Afdeling;Ansvarlig for;Fremdrift (ansvarlig);Forventet (ansvarlig);På sporet;I risiko;Bagud;Deltager i;Fremdrift (deltager)');
      expect(lines).toHaveLength(4);
      expect(lines.find((line) => line.startsWith('MBU;'))).toMatch(/^MBU;Afdeling \d+;1;1;;1;0;0;1;0,4$/);
      expect((await t.get('/api/dashboard/export.csv?table=everything')).status).toBe(400);
    });
  });
});
