import type { TestApp, TestClient } from './test-app';

let sequence = 0;
const next = () => ++sequence;

/** Small builders that create records through the API, so that tests read as the rules they check. */
export function factories(t: TestApp) {
  const created = async (response: Promise<{ status: number; body: any }>) => {
    const result = await response;
    if (result.status !== 201 && result.status !== 200) throw new Error(`Factory request failed: ${result.status} ${JSON.stringify(result.body)}`);
    return result.body;
  };
  return {
    department: (overrides: Record<string, unknown> = {}) => {
      const n = next();
      return created(t.post('/api/departments', { code: `D${n}`, name: `Afdeling ${n}`, ...overrides }));
    },
    plan: (overrides: Record<string, unknown> = {}) =>
      created(t.post('/api/action-plans', { title: `Handleplan ${next()}`, goals: [{ title: 'Et sundt og aktivt liv' }], ...overrides })),
    initiative: (refs: { actionPlanId: string; leadDepartmentId: string }, overrides: Record<string, unknown> = {}) =>
      created(t.post('/api/initiatives', { title: `Initiativ ${next()}`, ...refs, ...overrides })),
    milestone: (initiativeId: string, overrides: Record<string, unknown> = {}) =>
      created(t.post(`/api/initiatives/${initiativeId}/milestones`, { title: `Milepæl ${next()}`, ...overrides })),
    /** As the admin, whose public text is approved as written; pass a lead's client for one that waits for approval. */
    statusUpdate: (initiativeId: string, overrides: Record<string, unknown> = {}, client: TestClient = t) =>
      created(
        client.post(`/api/initiatives/${initiativeId}/status-updates`, {
          periodStart: '2026-10-01',
          periodEnd: '2026-10-31',
          health: 'on_track',
          narrative: 'Arbejdet skrider frem som planlagt.',
          authorName: 'Mette Holm',
          ...overrides,
        }),
      ),
    partner: (overrides: Record<string, unknown> = {}) =>
      created(t.post('/api/partners', { name: `Partner ${next()}`, type: 'volunteer_organisation', ...overrides })),
    /** A plan, a lead department and an initiative: the usual starting point. */
    async world() {
      const department = await this.department();
      const plan = await this.plan();
      const initiative = await this.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id });
      return { department, plan, initiative };
    },
  };
}

export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

export type Factories = ReturnType<typeof factories>;
