import type { Dashboard } from '@fremdrift/contracts';
import { Workbook } from 'exceljs';
import { toCsv, toXlsx } from './dashboard-export';

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
