import { expectInvalidFields, expectProblem, fieldMessages } from './expectations';
import { UNKNOWN_ID, type Factories } from './factories';
import type { TestApp } from './test-app';

/** A resource under `/api/initiatives/:initiativeId/<segment>`, as the id tests need it. */
export interface NestedResource {
  /** `milestones`, `status-updates`. */
  segment: string;
  /** In test names: "milestone". */
  name: string;
  /** A body that creates one. */
  valid: Record<string, unknown>;
  /** A body that changes one. */
  change: Record<string, unknown>;
  create(make: Factories, initiativeId: string): Promise<{ id: string; version: number }>;
}

/**
 * The tests every resource nested under an initiative owes: unknown and malformed ids in either
 * place answer 404 or 400 naming the parameter, and a record addressed through another
 * initiative is neither shown nor changed. Call inside the spec's describe.
 */
export function describeNestedResourceIds(context: () => { t: TestApp; make: Factories }, resource: NestedResource): void {
  const url = (initiativeId: string, id?: string) => `/api/initiatives/${initiativeId}/${resource.segment}${id ? `/${id}` : ''}`;

  describe('unknown, malformed and foreign ids', () => {
    it('answers 404 for an unknown initiative and stores nothing', async () => {
      const { t, make } = context();
      const { initiative } = await make.world();
      const record = await resource.create(make, initiative.id);
      const before = await t.rowCounts();
      const missing = await t.get(url(UNKNOWN_ID));
      expectProblem(missing, 404);
      expect(missing.body.detail).toContain(UNKNOWN_ID);
      expectProblem(await t.post(url(UNKNOWN_ID), resource.valid), 404);
      expectProblem(await t.get(url(UNKNOWN_ID, record.id)), 404);
      expectProblem(await t.patch(url(UNKNOWN_ID, record.id), resource.change, { ifMatch: record.version }), 404);
      expectProblem(await t.delete(url(UNKNOWN_ID, record.id), { ifMatch: record.version }), 404);
      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get(url(initiative.id, record.id))).body).toEqual(record);
    });

    it(`answers 404 for an unknown ${resource.name}`, async () => {
      const { t, make } = context();
      const { initiative } = await make.world();
      const before = await t.rowCounts();
      expectProblem(await t.get(url(initiative.id, UNKNOWN_ID)), 404);
      expectProblem(await t.patch(url(initiative.id, UNKNOWN_ID), resource.change, { ifMatch: 1 }), 404);
      expectProblem(await t.delete(url(initiative.id, UNKNOWN_ID), { ifMatch: 1 }), 404);
      expect(await t.rowCounts()).toEqual(before);
    });

    it(`answers 400 naming the parameter for a malformed initiative or ${resource.name} id`, async () => {
      const { t, make } = context();
      const { initiative } = await make.world();
      const before = await t.rowCounts();
      for (const response of [
        await t.get(url('not-a-uuid')),
        await t.post(url('not-a-uuid'), resource.valid),
        await t.get(url('not-a-uuid', UNKNOWN_ID)),
        await t.delete(url('42', UNKNOWN_ID), { ifMatch: 1 }),
      ]) {
        expectInvalidFields(response, ['initiativeId']);
        expect(fieldMessages(response)).toEqual({ initiativeId: ['initiativeId must be a UUID'] });
      }
      for (const response of [
        await t.get(url(initiative.id, 'not-a-uuid')),
        await t.patch(url(initiative.id, 'not-a-uuid'), resource.change, { ifMatch: 1 }),
        await t.delete(url(initiative.id, '123'), { ifMatch: 1 }),
      ]) {
        expectInvalidFields(response, ['id']);
        expect(fieldMessages(response)).toEqual({ id: ['id must be a UUID'] });
      }
      expect(await t.rowCounts()).toEqual(before);
    });

    it(`answers 404 for a ${resource.name} addressed through another initiative and leaves it alone`, async () => {
      const { t, make } = context();
      const { plan, department, initiative } = await make.world();
      const other = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id });
      const theirs = await resource.create(make, other.id);
      const before = await t.rowCounts();

      expectProblem(await t.get(url(initiative.id, theirs.id)), 404);
      // With the record's real version: only the initiative in the path stands in the way.
      expectProblem(await t.patch(url(initiative.id, theirs.id), resource.change, { ifMatch: theirs.version }), 404);
      expectProblem(await t.delete(url(initiative.id, theirs.id), { ifMatch: theirs.version }), 404);

      expect(await t.rowCounts()).toEqual(before);
      expect((await t.get(url(other.id, theirs.id))).body).toEqual(theirs);
      expect((await t.get(url(initiative.id))).body.total).toBe(0);
    });
  });
}
