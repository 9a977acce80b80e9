import { Clock } from '../../src/core/clock/clock';
import type { factories, Factories } from './factories';
import { useTestApp, type TestApp, type TestResponse } from './test-app';

/** What the initiative specs share: a fixed "today", a starting setting and writes as a client that has just read. */

/** "Today" in the municipality for every request of the initiative specs: schedule figures never depend on the real date. */
export const TODAY = '2026-07-02';

/** Makes every request see TODAY as the current date; undone by jest.restoreAllMocks(). */
export function freezeToday(t: TestApp): void {
  jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(`${TODAY}T10:00:00Z`));
}

/** The app for an initiative spec: as useTestApp, with every test on TODAY. */
export function useInitiativeSpec(assign: (started: { t: TestApp; make: Factories }) => void): void {
  let app: TestApp | undefined;
  useTestApp((started) => {
    app = started.t;
    assign(started);
  });
  beforeEach(() => app && freezeToday(app));
  afterEach(() => jest.restoreAllMocks());
}

export interface Ref {
  id: string;
  code: string;
  name: string;
}

export const ref = (department: Ref): Ref => ({ id: department.id, code: department.code, name: department.name });
export const titles = (response: TestResponse): string[] => response.body.items.map((item: { title: string }) => item.title);
export const codes = (departments: Ref[]): string[] => departments.map((department) => department.code);

/** A plan with two goals and three departments: the starting point of most tests. */
export async function setting(make: ReturnType<typeof factories>) {
  const plan = await make.plan({ goals: [{ title: 'Flere i job' }, { title: 'Et sundt og aktivt liv' }] });
  const lead = await make.department({ code: 'MSO', name: 'Sundhed og Omsorg', sortOrder: 1 });
  const other = await make.department({ code: 'MBU', name: 'Børn og Unge', sortOrder: 2 });
  const third = await make.department({ code: 'MKB', name: 'Kultur og Borgerservice', sortOrder: 3 });
  return { plan, goals: plan.goals as { id: string; title: string }[], lead, other, third };
}

/** Writes to initiatives as a client that has just read them; `app` gives the test app, which is started in beforeAll. */
export function initiativeWriter(app: () => TestApp) {
  /** The version a client would send back in If-Match: the current one, or 1 for an initiative that does not exist. */
  const currentVersion = async (id: string): Promise<number> => {
    const response = await app().get(`/api/initiatives/${id}`);
    return response.status === 200 ? response.body.version : 1;
  };
  /** PATCH as a client that has just read the initiative. */
  const patch = async (id: string, body: unknown) => app().patch(`/api/initiatives/${id}`, body, { ifMatch: await currentVersion(id) });
  /** DELETE as a client that has just read the initiative. */
  const remove = async (id: string) => app().delete(`/api/initiatives/${id}`, { ifMatch: await currentVersion(id) });
  return { currentVersion, patch, remove };
}
