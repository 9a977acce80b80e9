import type { Dashboard, SnapshotDiff, SnapshotInitiative } from '@fremdrift/contracts';
import { Workbook } from 'exceljs';
import { describeFilters, toCsv, toXlsx, type ExportContext } from './dashboard-export';

const FORMULA = '=HYPERLINK("http://evil.example","Klik")';

function viewWith(departmentName: string, initiativeTitle: string, daysOverdue: number): Dashboard {
  const department = { id: 'd1', code: 'MSO', name: departmentName };
  const none = { on_track: 0, at_risk: 0, off_track: 0 };
  return {
    generatedAt: '2026-11-02T09:00:00.000Z',
    today: '2026-11-02',
    filters: {},
    headline: {
      initiatives: 1,
      byStatus: { idea: 0, planned: 0, in_progress: 1, on_hold: 0, completed: 0, cancelled: 0 },
      byHealth: { ...none, on_track: 1 },
      averageProgress: 0.25,
      averageExpectedProgress: null,
      milestones: { total: 0, completed: 0, completedOnTime: 0, onTimeShare: null, overdue: 0, dueNext90Days: 0 },
    },
    departments: [
      {
        department,
        lead: { initiatives: 1, averageProgress: -0.5, averageExpectedProgress: null, byHealth: none },
        participating: { initiatives: 0, averageProgress: null },
      },
    ],
    healthOverTime: [],
    milestoneWeeks: [],
    compliance: [
      {
        initiative: { id: 'i1', title: initiativeTitle },
        leadDepartment: department,
        state: 'overdue',
        lastReportedPeriodEnd: '2026-09-30',
        daysOverdue,
        lastReminder: null,
        lastEscalation: null,
      },
    ],
    complianceCounts: { awaiting: 1, overdue: 1 },
  };
}

describe('dashboard exports and formula injection', () => {
  it('writes text that a spreadsheet would run as a formula as plain text in the workbook, numbers as numbers', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load((await toXlsx(viewWith(FORMULA, '+SUM(1;2)', -3))) as unknown as ArrayBuffer);
    const departments = workbook.getWorksheet('Afdelinger')!;
    expect(departments.getCell('B2').value).toBe(`'${FORMULA}`);
    expect(departments.getCell('D2').value).toBe(-0.5);
    const compliance = workbook.getWorksheet('Manglende status')!;
    expect(compliance.getCell('A2').value).toBe("'+SUM(1;2)");
    expect(compliance.getCell('B2').value).toBe(`'${FORMULA}`);
    expect(compliance.getCell('E2').value).toBe(-3);
  });

  it('writes such text with a leading quote in CSV, and negative numbers as numbers', () => {
    const lines = toCsv(viewWith(FORMULA, '-1+1', -3), 'compliance')
      .slice(1)
      .trimEnd()
      .split('\r\n');
    expect(lines[1]).toBe(`'-1+1;"'=HYPERLINK(""http://evil.example"",""Klik"")";Forsinket;2026-09-30;-3`);
    const departments = toCsv(viewWith('@Afdeling', 'x', 0), 'departments')
      .slice(1)
      .trimEnd()
      .split('\r\n');
    expect(departments[1].startsWith("MSO;'@Afdeling;1;-0,5;")).toBe(true);
  });
});

const department = { id: 'd1', code: 'MSO', name: 'Sundhed og Omsorg' };
const initiative: SnapshotInitiative = {
  initiativeId: 'i1',
  reference: 'FHP-01',
  title: 'Sprogcafé',
  actionPlanId: 'p1',
  leadDepartment: department,
  status: 'in_progress',
  health: 'at_risk',
  progress: 50,
  expectedProgress: 62.5,
  latestPublicText: '=Åben tirsdag',
  latestInternalText: 'Internt',
  milestonesCompleted: 1,
  milestonesOverdue: 1,
  delayCause: 'Mangel på ressourcer',
  delayCauseLabels: { da: 'Mangel på ressourcer', en: 'Lack of resources' },
};
const ref = { initiativeId: 'i1', reference: 'FHP-01', title: 'Sprogcafé', leadDepartment: department };
const changes: SnapshotDiff = {
  from: { id: 's1', name: 'Status pr. 1. juli', takenAt: '2026-07-01T10:00:00.000Z' },
  to: { id: null, name: 'Nu', takenAt: '2026-11-02T09:00:00.000Z' },
  healthChanges: [{ ...ref, before: 'on_track', after: 'at_risk', direction: 'worse' }],
  completedInitiatives: [],
  completedMilestones: [{ ...ref, count: 2 }],
  newDelays: [{ ...ref, health: 'at_risk', delayCause: 'Mangel på ressourcer', delayCauseLabels: { da: 'Mangel på ressourcer', en: 'Lack of resources' } }],
  added: [],
  cancelled: [],
  removed: [],
};
const context = (language: 'da' | 'en', withChanges: boolean): ExportContext => ({
  language,
  initiatives: [initiative],
  filterNames: { plan: 'Flygtningehandleplan', goal: null, department: 'Sundhed og Omsorg' },
  changes: withChanges ? changes : null,
});
const load = async (buffer: Buffer) => {
  const workbook = new Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
};
const sheetOf = (workbook: Workbook, name: string) => {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`No sheet ${name}`);
  return sheet;
};
const rowValues = (workbook: Workbook, sheet: string, row: number) => (sheetOf(workbook, sheet).getRow(row).values as unknown[]).slice(1);

describe('dashboard workbook: initiatives, changes, language and filters in words', () => {
  const view = { ...viewWith('Sundhed og Omsorg', 'Sprogcafé', 3), filters: { actionPlanId: 'p1', department: 'MSO', departmentRole: 'lead' as const } };

  it('has one row per initiative with its progress as a share, and the changes since the snapshot last, in Danish', async () => {
    const workbook = await load(await toXlsx(view, context('da', true)));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Nøgletal',
      'Afdelinger',
      'Initiativer',
      'Udvikling',
      'Milepæle 90 dage',
      'Manglende status',
      'Ændringer',
    ]);
    expect(rowValues(workbook, 'Initiativer', 1)).toEqual([
      'Reference',
      'Initiativ',
      'Ansvarlig afdeling',
      'Status',
      'Vurdering',
      'Fremdrift',
      'Forventet fremdrift',
      'Seneste offentlige tekst',
    ]);
    expect(rowValues(workbook, 'Initiativer', 2)).toEqual(['FHP-01', 'Sprogcafé', 'Sundhed og Omsorg', 'I gang', 'I risiko', 0.5, 0.625, "'=Åben tirsdag"]);
    expect(sheetOf(workbook, 'Initiativer').getCell('F2').numFmt).toBe('0%');
    expect(rowValues(workbook, 'Ændringer', 2)).toEqual([
      'Ny forsinkelse',
      'FHP-01',
      'Sprogcafé',
      'Sundhed og Omsorg',
      undefined,
      'I risiko',
      'Mangel på ressourcer',
    ]);
    expect(rowValues(workbook, 'Ændringer', 3)).toEqual(['Vurdering forværret', 'FHP-01', 'Sprogcafé', 'Sundhed og Omsorg', 'På sporet', 'I risiko']);
    expect(rowValues(workbook, 'Ændringer', 4)).toEqual(['Milepæle nået', 'FHP-01', 'Sprogcafé', 'Sundhed og Omsorg', undefined, undefined, 2]);
    const headline = sheetOf(workbook, 'Nøgletal');
    expect(headline.getCell('E2').value).toBe('Handleplan: Flygtningehandleplan; Afdeling: Sundhed og Omsorg (som ansvarlig)');
    expect(headline.getCell('D3').value).toBe('Ændringer siden');
    expect(headline.getCell('E3').value).toBe('Status pr. 1. juli (1. jul. 2026)');
  });

  it('speaks English when asked, sheets, headings and values alike, and has no changes sheet without a snapshot', async () => {
    const workbook = await load(await toXlsx(view, context('en', false)));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Key figures',
      'Departments',
      'Initiatives',
      'Over time',
      'Milestones 90 days',
      'Missing status',
    ]);
    expect(rowValues(workbook, 'Initiatives', 2).slice(3, 5)).toEqual(['In progress', 'At risk']);
    expect(rowValues(workbook, 'Missing status', 2)[2]).toBe('Overdue');
    const headline = sheetOf(workbook, 'Key figures');
    expect(headline.getCell('A2').value).toBe('Initiatives');
    expect(headline.getCell('D2').value).toBe('Filters');
    expect(headline.getCell('E2').value).toBe('Action plan: Flygtningehandleplan; Department: Sundhed og Omsorg (as lead)');
    expect(headline.getCell('D3').value).toBeNull();
  });

  it('lists the changes in English with the cause in English, and says so when nothing changed', async () => {
    const english = await load(await toXlsx(view, context('en', true)));
    expect(rowValues(english, 'Changes', 2)).toEqual(['New delay', 'FHP-01', 'Sprogcafé', 'Sundhed og Omsorg', undefined, 'At risk', 'Lack of resources']);
    const none = { ...changes, healthChanges: [], completedMilestones: [], newDelays: [] };
    const danish = await load(await toXlsx(view, { ...context('da', true), changes: none }));
    expect(rowValues(danish, 'Ændringer', 2)).toEqual(['Ingen ændringer']);
  });

  it('names every filter in words, says when a record does not exist, and "ingen" without filters', () => {
    const names = { plan: 'Flygtningehandleplan', goal: 'Flere i job', department: 'Sundhed og Omsorg' };
    expect(
      describeFilters(
        { actionPlanId: 'p', goalId: 'g', department: 'MSO', departmentRole: 'participating', from: '2026-01-01', to: '2026-06-30' },
        names,
        'da',
      ),
    ).toBe('Handleplan: Flygtningehandleplan; Mål: Flere i job; Afdeling: Sundhed og Omsorg (som deltager); Fra: 1. jan. 2026; Til: 30. jun. 2026');
    expect(describeFilters({ department: 'XYZ' }, { plan: null, goal: null, department: null }, 'en')).toBe('Department: XYZ (does not exist)');
    expect(describeFilters({}, names, 'da')).toBe('ingen');
    expect(describeFilters({ from: '2026-01-01' }, names, 'en')).toBe('From: 1 Jan 2026');
  });

  it('writes the initiatives table as CSV in the language asked for', () => {
    const lines = toCsv(view, 'initiatives', context('en', false)).slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Reference;Initiative;Lead department;Status;Health;Progress;Expected progress;Latest public text');
    expect(lines[1]).toBe("FHP-01;Sprogcafé;Sundhed og Omsorg;In progress;At risk;0,5;0,625;'=Åben tirsdag");
  });
});
