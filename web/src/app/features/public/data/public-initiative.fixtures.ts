import type { PublicInitiative } from '@fremdrift/contracts';

/** A published initiative for tests; override what the test is about. */
export function publicInitiative(overrides: Partial<PublicInitiative> = {}): PublicInitiative {
  return {
    id: 'i1',
    title: 'Sprogcafé',
    summary: 'Frivillige og borgere øver dansk sammen.',
    actionPlan: { id: 'p1', title: 'Flygtningehandleplan' },
    goal: { id: 'g1', title: 'Sprog og netværk' },
    leadDepartment: { id: 'd1', code: 'MKB', name: 'Kultur og Borgerservice' },
    participatingDepartments: [{ id: 'd2', code: 'MSO', name: 'Sociale Forhold og Beskæftigelse' }],
    status: 'in_progress',
    health: 'on_track',
    progress: 0.4,
    expectedProgress: 0.5,
    startDate: '2026-01-01',
    targetDate: '2026-12-31',
    milestones: [
      { title: 'Lokaler fundet', dueDate: '2026-02-01', completedDate: '2026-02-03' },
      { title: 'Første café', dueDate: '2026-12-01', completedDate: null },
    ],
    updates: [
      { periodStart: '2026-10-01', periodEnd: '2026-10-31', health: 'on_track', text: 'Caféen har haft 40 gæster.', publishedAt: '2026-11-02T10:00:00.000Z' },
    ],
    partners: [{ name: 'Dansk Flygtningehjælp', type: 'civil_society_association', role: 'Frivillige' }],
    lastUpdatedAt: '2026-11-02T10:00:00.000Z',
    ...overrides,
  };
}
