import type { Dashboard, DepartmentProgress } from '@fremdrift/contracts';

const department = (
  code: string,
  name: string,
  lead: [number, number | null, number | null, [number, number, number]],
  participating: [number, number | null],
): DepartmentProgress => ({
  department: { id: `id-${code}`, code, name },
  lead: {
    initiatives: lead[0],
    averageProgress: lead[1],
    averageExpectedProgress: lead[2],
    byHealth: { on_track: lead[3][0], at_risk: lead[3][1], off_track: lead[3][2] },
  },
  participating: { initiatives: participating[0], averageProgress: participating[1] },
});

/** A view like the demo data's: 16 initiatives in four departments, one department without any. */
export function dashboardFixture(overrides: Partial<Dashboard> = {}): Dashboard {
  return {
    generatedAt: '2026-11-23T20:47:00.000Z',
    today: '2026-11-23',
    filters: {},
    headline: {
      initiatives: 16,
      byStatus: { idea: 0, planned: 2, in_progress: 9, on_hold: 1, completed: 4, cancelled: 0 },
      byHealth: { on_track: 9, at_risk: 4, off_track: 3 },
      averageProgress: 0.42,
      averageExpectedProgress: 0.6,
      milestones: { total: 60, completed: 25, completedOnTime: 20, onTimeShare: 0.8, overdue: 7, dueNext90Days: 5 },
    },
    departments: [
      department('BA', 'Borgmesterens Afdeling', [2, 0.5, 0.55, [1, 1, 0]], [3, 0.4]),
      department('MSB', 'Sociale Forhold og Beskæftigelse', [6, 0.3, 0.7, [2, 2, 2]], [2, 0.6]),
      department('MBU', 'Børn og Unge', [5, 0.6, 0.5, [4, 1, 0]], [1, 0.2]),
      department('MSO', 'Sundhed og Omsorg', [3, 0.45, 0.6, [2, 0, 1]], [4, 0.5]),
      department('MTM', 'Teknik og Miljø', [0, null, null, [0, 0, 0]], [0, null]),
    ],
    healthOverTime: [
      { month: '2026-09', byHealth: { on_track: 10, at_risk: 2, off_track: 1 }, reported: 13 },
      { month: '2026-10', byHealth: { on_track: 9, at_risk: 3, off_track: 2 }, reported: 14 },
      { month: '2026-11', byHealth: { on_track: 9, at_risk: 4, off_track: 3 }, reported: 16 },
    ],
    milestoneWeeks: [
      { weekStart: '2026-11-30', due: 2 },
      { weekStart: '2027-01-11', due: 3 },
    ],
    compliance: [
      {
        initiative: { id: 'i-1', title: 'Boligsocial indsats ved boligplacering' },
        leadDepartment: { id: 'id-MSB', code: 'MSB', name: 'Sociale Forhold og Beskæftigelse' },
        state: 'overdue',
        lastReportedPeriodEnd: '2026-09-30',
        daysOverdue: 23,
        lastReminder: { kind: 'reminder', to: 'leder@kommune.dk', recipientName: 'Mette Holm', at: '2026-11-26T06:00:00Z', state: 'sent' },
        lastEscalation: { kind: 'escalation', to: 'ledelse@kommune.dk', recipientName: null, at: '2026-11-03T06:00:00Z', state: 'sent' },
      },
      {
        initiative: { id: 'i-2', title: 'Aftenskole for forældre' },
        leadDepartment: { id: 'id-MBU', code: 'MBU', name: 'Børn og Unge' },
        state: 'due',
        lastReportedPeriodEnd: '2026-10-31',
        daysOverdue: 0,
        lastReminder: null,
        lastEscalation: null,
      },
      {
        initiative: { id: 'i-3', title: 'Østergade-projektet' },
        leadDepartment: { id: 'id-BA', code: 'BA', name: 'Borgmesterens Afdeling' },
        state: 'overdue',
        lastReportedPeriodEnd: null,
        daysOverdue: 5,
        lastReminder: null,
        lastEscalation: null,
      },
    ],
    complianceCounts: { awaiting: 3, overdue: 2 },
    ...overrides,
  };
}
