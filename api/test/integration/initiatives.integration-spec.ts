import { expectInvalidFields } from '../support/expectations';
import { type Factories, UNKNOWN_ID } from '../support/factories';
import { codes, initiativeWriter, ref, type Ref, setting, titles, useInitiativeSpec } from '../support/initiative-setting';
import type { TestApp } from '../support/test-app';

/**
 * The life of an initiative: it is created with defaults for what is left out, read back unchanged, updated field by
 * field (participating departments and the plan and goal included, all or nothing) and deleted with what belongs to it.
 * Listing, input refusal, versions and progress figures have their own initiative-*.integration-spec.ts files.
 */
describe('Initiatives API: the life of an initiative', () => {
  let t: TestApp;
  let make: Factories;
  const { patch, remove } = initiativeWriter(() => t);
  useInitiativeSpec((started) => ({ t, make } = started));

  const participantCodes = async (id: string): Promise<string[]> => {
    const response = await t.get(`/api/initiatives/${id}`);
    expect(response.status).toBe(200);
    return codes(response.body.participatingDepartments);
  };

  describe('create, read, update and delete', () => {
    it('creates an initiative and returns the full representation, which GET returns unchanged', async () => {
      const { plan, goals, lead, other } = await setting(make);
      const created = await t.post('/api/initiatives', {
        actionPlanId: plan.id,
        goalId: goals[0].id,
        title: '  Sprogpraktik i lokale virksomheder  ',
        summary: 'Praktik med sprogstøtte',
        description: 'Lang beskrivelse',
        leadDepartmentId: lead.id,
        participatingDepartmentIds: [other.id],
        ownerName: 'Mette Holm',
        status: 'in_progress',
        health: 'at_risk',
        startDate: '2026-01-01',
        targetDate: '2026-12-31',
        published: true,
        publicSummary: 'Til borgerne',
        internalNotes: 'Kun internt',
      });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        actionPlanId: plan.id,
        goalId: goals[0].id,
        title: 'Sprogpraktik i lokale virksomheder',
        summary: 'Praktik med sprogstøtte',
        description: 'Lang beskrivelse',
        leadDepartment: { id: lead.id, code: 'MSO', name: 'Sundhed og Omsorg' },
        participatingDepartments: [{ id: other.id, code: 'MBU', name: 'Børn og Unge' }],
        ownerName: 'Mette Holm',
        status: 'in_progress',
        health: 'at_risk',
        startDate: '2026-01-01',
        targetDate: '2026-12-31',
        published: true,
        publicSummary: 'Til borgerne',
        internalNotes: 'Kun internt',
        cancellationReason: '',
        externalReference: null,
        publicProposal: null,
        // In progress without milestones counts as half done; 182 of 364 days have passed on 2 July.
        progress: 0.5,
        expectedProgress: 0.5,
        suggestedHealth: 'on_track',
        milestoneCount: 0,
        completedMilestoneCount: 0,
        overdueMilestoneCount: 0,
        nextMilestone: null,
        // Running since 1 January with nothing reported: January's report is 152 days late on 2 July.
        reporting: {
          state: 'overdue',
          period: 'monthly',
          periodStart: '2026-07-01',
          periodEnd: '2026-07-31',
          lastReportedPeriodEnd: null,
          daysOverdue: 152,
        },
        returnedPublicTexts: 0,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        version: 1,
      });
      expect(Number.isNaN(Date.parse(created.body.createdAt))).toBe(false);

      const fetched = await t.get(`/api/initiatives/${created.body.id}`);
      expect(fetched.status).toBe(200);
      expect(fetched.body).toEqual(created.body);
    });

    it('fills in defaults for every optional field', async () => {
      const { plan, lead } = await setting(make);
      const created = await t.post('/api/initiatives', { actionPlanId: plan.id, leadDepartmentId: lead.id, title: 'Åbne haller' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        goalId: null,
        summary: '',
        description: '',
        participatingDepartments: [],
        ownerName: '',
        status: 'planned',
        health: 'on_track',
        startDate: null,
        targetDate: null,
        published: false,
        publicSummary: '',
        internalNotes: '',
        cancellationReason: '',
        externalReference: null,
        progress: 0,
        expectedProgress: null,
        overdueMilestoneCount: 0,
        milestoneCount: 0,
        nextMilestone: null,
        version: 1,
      });
    });

    it('keeps an external reference unique regardless of case, and clears it with an empty text', async () => {
      const { plan, lead } = await setting(make);
      const first = await t.post('/api/initiatives', { actionPlanId: plan.id, leadDepartmentId: lead.id, title: 'Reference ét', externalReference: ' HP-7 ' });
      expect(first.status).toBe(201);
      expect(first.body.externalReference).toBe('HP-7');

      const duplicate = await t.post('/api/initiatives', {
        actionPlanId: plan.id,
        leadDepartmentId: lead.id,
        title: 'Reference to',
        externalReference: 'hp-7',
      });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.errors.externalReference[0].code).toBe('unique');

      const cleared = await patch(first.body.id, { externalReference: '' });
      expect(cleared.status).toBe(200);
      expect(cleared.body.externalReference).toBeNull();
    });

    it('updates the given fields only, returns the new state and increases the version with every change', async () => {
      const { plan, lead } = await setting(make);
      const created = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: lead.id }, { summary: 'Uændret', ownerName: 'Ole' });
      await t.dataSource.query(`UPDATE initiative SET updated_at = '2020-01-01T00:00:00Z' WHERE id = $1`, [created.id]);

      const first = await patch(created.id, { title: 'Nyt navn', published: true });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ title: 'Nyt navn', published: true, summary: 'Uændret', ownerName: 'Ole', version: 2 });
      expect(Date.parse(first.body.updatedAt)).toBeGreaterThan(Date.parse('2020-01-01T00:00:00Z'));
      expect(first.body.createdAt).toBe(created.createdAt);

      const second = await patch(created.id, { status: 'on_hold', health: 'off_track' });
      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({ title: 'Nyt navn', status: 'on_hold', health: 'off_track', version: 3 });

      expect((await t.get(`/api/initiatives/${created.id}`)).body).toEqual(second.body);
    });

    it('increases the version and the update time when only the participating departments change', async () => {
      const { plan, lead, other } = await setting(make);
      const created = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: lead.id });
      await t.dataSource.query(`UPDATE initiative SET updated_at = '2020-01-01T00:00:00Z' WHERE id = $1`, [created.id]);
      const updated = await patch(created.id, { participatingDepartmentIds: [other.id] });
      expect(updated.status).toBe(200);
      expect(codes(updated.body.participatingDepartments)).toEqual(['MBU']);
      expect({ version: updated.body.version, updatedAt: updated.body.updatedAt }).toEqual({
        version: created.version + 1,
        updatedAt: expect.not.stringMatching(/^2020-01-01/),
      });
    });

    it('clears the goal and the dates with null', async () => {
      const { plan, goals, lead } = await setting(make);
      const created = await make.initiative(
        { actionPlanId: plan.id, leadDepartmentId: lead.id },
        { goalId: goals[1].id, startDate: '2026-01-01', targetDate: '2026-06-30' },
      );
      const updated = await patch(created.id, { goalId: null, startDate: null, targetDate: null });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ goalId: null, startDate: null, targetDate: null, expectedProgress: null });
    });

    it('deletes an initiative: 204 without a body, then 404, and it leaves the list', async () => {
      const { plan, lead } = await setting(make);
      const keep = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: lead.id }, { title: 'Bliver' });
      const gone = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: lead.id }, { title: 'Forsvinder' });
      const deleted = await remove(gone.id);
      expect(deleted.status).toBe(204);
      expect(deleted.body).toBe('');
      expect((await t.get(`/api/initiatives/${gone.id}`)).status).toBe(404);
      expect((await t.get(`/api/initiatives/${keep.id}`)).status).toBe(200);
      expect(titles(await t.get('/api/initiatives'))).toEqual(['Bliver']);
    });
  });

  describe('participating departments', () => {
    it('REGRESSION: list and detail return each initiative its own participating departments when departments are shared', async () => {
      const plan = await make.plan();
      const lead = await make.department({ code: 'LED', sortOrder: 0 });
      const x = await make.department({ code: 'XXX', sortOrder: 1 });
      const y = await make.department({ code: 'YYY', sortOrder: 2 });
      const z = await make.department({ code: 'ZZZ', sortOrder: 3 });
      const refs = { actionPlanId: plan.id, leadDepartmentId: lead.id };
      const a = await make.initiative(refs, { title: 'Initiativ A', participatingDepartmentIds: [x.id, y.id] });
      const b = await make.initiative(refs, { title: 'Initiativ B', participatingDepartmentIds: [y.id, z.id] });
      const c = await make.initiative(refs, { title: 'Initiativ C', participatingDepartmentIds: [x.id] });
      const d = await make.initiative(refs, { title: 'Initiativ D' });

      const expected: Record<string, Ref[]> = {
        'Initiativ A': [ref(x), ref(y)],
        'Initiativ B': [ref(y), ref(z)],
        'Initiativ C': [ref(x)],
        'Initiativ D': [],
      };

      const list = await t.get('/api/initiatives');
      expect(list.status).toBe(200);
      expect(titles(list)).toEqual(Object.keys(expected));
      for (const item of list.body.items) expect(item.participatingDepartments).toEqual(expected[item.title]);

      for (const initiative of [a, b, c, d]) {
        const detail = await t.get(`/api/initiatives/${initiative.id}`);
        expect(detail.body.participatingDepartments).toEqual(expected[initiative.title]);
        expect(detail.body.leadDepartment).toEqual(ref(lead));
      }

      // Also when the page holds only some of the initiatives.
      const page = await t.get('/api/initiatives?page=2&pageSize=2');
      expect(page.body.items.map((item: { participatingDepartments: Ref[] }) => item.participatingDepartments)).toEqual([
        expected['Initiativ C'],
        expected['Initiativ D'],
      ]);
    });

    it('orders participating departments by the departments’ sort order, not by the order given', async () => {
      const plan = await make.plan();
      const lead = await make.department();
      const last = await make.department({ code: 'AAA', name: 'Aaa', sortOrder: 9 });
      const first = await make.department({ code: 'ZZZ', name: 'Zzz', sortOrder: 1 });
      const created = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: lead.id }, { participatingDepartmentIds: [last.id, first.id] });
      expect(codes(created.participatingDepartments)).toEqual(['ZZZ', 'AAA']);
      expect(codes((await t.get('/api/initiatives')).body.items[0].participatingDepartments)).toEqual(['ZZZ', 'AAA']);
    });

    it('replaces the participating departments on PATCH, keeps them when not mentioned, and removes them with []', async () => {
      const { plan, lead, other, third } = await setting(make);
      const created = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: lead.id }, { participatingDepartmentIds: [other.id] });

      const replaced = await patch(created.id, { participatingDepartmentIds: [third.id] });
      expect(replaced.status).toBe(200);
      expect(codes(replaced.body.participatingDepartments)).toEqual(['MKB']);

      const untouched = await patch(created.id, { title: 'Andet navn' });
      expect(codes(untouched.body.participatingDepartments)).toEqual(['MKB']);

      const emptied = await patch(created.id, { participatingDepartmentIds: [] });
      expect(emptied.status).toBe(200);
      expect(emptied.body.participatingDepartments).toEqual([]);
      expect((await t.rowCounts()).initiative_department).toBe(0);
    });
  });

  describe('moving between plans', () => {
    it('drops the goal when moved to another plan without a new goal', async () => {
      const { plan, goals, lead } = await setting(make);
      const target = await make.plan();
      const created = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: lead.id }, { goalId: goals[0].id });
      const moved = await patch(created.id, { actionPlanId: target.id });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ actionPlanId: target.id, goalId: null });
      expect((await t.get(`/api/initiatives/${created.id}`)).body.goalId).toBeNull();
      expect(titles(await t.get(`/api/initiatives?goalId=${goals[0].id}`))).toEqual([]);
    });

    it('takes the new goal when moved to another plan with one of its goals', async () => {
      const { plan, goals, lead } = await setting(make);
      const target = await make.plan();
      const created = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: lead.id }, { goalId: goals[0].id });
      const moved = await patch(created.id, { actionPlanId: target.id, goalId: target.goals[0].id });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ actionPlanId: target.id, goalId: target.goals[0].id });
    });

    it('keeps the goal when the PATCH repeats the current plan', async () => {
      const { plan, goals, lead } = await setting(make);
      const created = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: lead.id }, { goalId: goals[0].id });
      const same = await patch(created.id, { actionPlanId: plan.id, title: 'Samme plan' });
      expect(same.status).toBe(200);
      expect(same.body.goalId).toBe(goals[0].id);
    });

    it('rejects a move that keeps a goal of the old plan, and leaves the initiative where it was', async () => {
      const { plan, goals, lead } = await setting(make);
      const target = await make.plan();
      const created = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: lead.id }, { goalId: goals[0].id });
      expectInvalidFields(await patch(created.id, { actionPlanId: target.id, goalId: goals[0].id }), ['goalId']);
      expect((await t.get(`/api/initiatives/${created.id}`)).body).toEqual(created);
    });
  });

  describe('transactions', () => {
    it('leaves the previous participating departments intact when a PATCH replacing them is rejected', async () => {
      const { plan, lead, other, third } = await setting(make);
      const created = await make.initiative(
        { actionPlanId: plan.id, leadDepartmentId: lead.id },
        { participatingDepartmentIds: [other.id, third.id], startDate: '2026-03-01', targetDate: '2026-09-01' },
      );
      const before = await t.rowCounts();
      const fresh = await make.department({ code: 'NYA' });
      const rejected = [
        { participatingDepartmentIds: [fresh.id, lead.id] },
        { participatingDepartmentIds: [fresh.id, UNKNOWN_ID] },
        { participatingDepartmentIds: [fresh.id], targetDate: '2026-01-01' },
        { participatingDepartmentIds: [fresh.id], goalId: UNKNOWN_ID },
        // Passes the service's checks and fails in the database.
        { participatingDepartmentIds: [fresh.id], status: null },
      ];
      for (const body of rejected) {
        const response = await patch(created.id, body);
        expect(response.status).toBe(400);
        expect(await participantCodes(created.id)).toEqual(['MBU', 'MKB']);
      }
      expect(await t.rowCounts()).toEqual({ ...before, department: before.department + 1 });
      expect((await t.get(`/api/initiatives/${created.id}`)).body).toEqual(created);
    });

    it('rolls back the whole PATCH when storing the new participating departments fails half way', async () => {
      const { plan, lead, other, third } = await setting(make);
      const created = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: lead.id }, { participatingDepartmentIds: [other.id, third.id] });
      const broken = await make.department({ code: 'BOOM' });
      // Fault injection: the database refuses to link the department BOOM, after the old links are gone.
      await t.dataSource.query(`
        CREATE FUNCTION test_refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF (SELECT code FROM department WHERE id = NEW.department_id) = 'BOOM' THEN
            RAISE EXCEPTION 'injected failure' USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER test_refuse_boom BEFORE INSERT ON initiative_department FOR EACH ROW EXECUTE FUNCTION test_refuse_boom();
      `);
      try {
        const response = await patch(created.id, { title: 'Skulle ikke gemmes', participatingDepartmentIds: [other.id, broken.id] });
        expect(response.status).toBeGreaterThanOrEqual(400);
      } finally {
        await t.dataSource.query('DROP TRIGGER IF EXISTS test_refuse_boom ON initiative_department; DROP FUNCTION IF EXISTS test_refuse_boom();');
      }
      const after = await t.get(`/api/initiatives/${created.id}`);
      expect(after.body).toEqual(created);
      expect(codes(after.body.participatingDepartments)).toEqual(['MBU', 'MKB']);
    });
  });

  describe('delete', () => {
    it('removes the initiative with its milestones, status updates, partner links and department links, and nothing else', async () => {
      const { plan, lead, other } = await setting(make);
      const refs = { actionPlanId: plan.id, leadDepartmentId: lead.id };
      const doomed = await make.initiative(refs, { participatingDepartmentIds: [other.id] });
      const survivor = await make.initiative(refs, { participatingDepartmentIds: [other.id] });
      const partner = await make.partner();
      for (const initiative of [doomed, survivor]) {
        await make.milestone(initiative.id);
        await make.statusUpdate(initiative.id);
        const link = await t.put(`/api/initiatives/${initiative.id}/partners/${partner.id}`, {
          role: 'Frivillige',
          publicConsent: true,
          consentGivenOn: '2026-03-12',
          consentMethod: 'workshop',
        });
        expect(link.status).toBe(200);
      }
      await make.milestone(doomed.id);

      const before = await t.rowCounts();
      expect(before).toMatchObject({ initiative: 2, milestone: 3, status_update: 2, initiative_partner: 2, initiative_department: 2 });
      expect((await remove(doomed.id)).status).toBe(204);
      expect(await t.rowCounts()).toEqual({
        ...before,
        initiative: 1,
        milestone: 1,
        status_update: 1,
        initiative_partner: 1,
        initiative_department: 1,
      });
      expect((await t.get(`/api/initiatives/${doomed.id}/milestones`)).status).toBe(404);
      expect((await t.get(`/api/initiatives/${survivor.id}/milestones`)).body.total).toBe(1);
      expect((await t.get(`/api/partners/${partner.id}`)).body.initiativeCount).toBe(1);
      expect((await t.get(`/api/initiatives/${survivor.id}`)).body.participatingDepartments).toEqual([ref(other)]);
    });
  });
});
