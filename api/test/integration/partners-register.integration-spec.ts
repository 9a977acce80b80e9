import { canEditInitiative } from '@fremdrift/access';
import { todayIn, MUNICIPAL_TIME_ZONE } from '@fremdrift/progress';
import type { Partner } from '@fremdrift/contracts';
import { expectInvalidFields, expectProblem, fieldCodes } from '../support/expectations';
import { type Factories, UNKNOWN_ID } from '../support/factories';
import { type TestApp, type TestClient, type TestResponse, useTestApp } from '../support/test-app';

const WORKSHOP = { publicConsent: true, consentGivenOn: '2026-03-12', consentMethod: 'workshop' } as const;

describe('The partner register', () => {
  let t: TestApp;
  let make: Factories;
  useTestApp((started) => ({ t, make } = started));

  /** Sends a request that must be rejected, and checks that it changed no row in any table. */
  async function rejected(request: () => Promise<TestResponse>) {
    const before = await t.rowCounts();
    const response = await request();
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(await t.rowCounts()).toEqual(before);
    return response;
  }

  const names = (response: TestResponse) => response.body.items.map((p: Partner) => p.name);

  describe('consent to be named publicly', () => {
    it('records the date consent was given and how, and keeps them when a re-PUT changes only the role', async () => {
      const { initiative } = await make.world();
      const partner = await make.partner();
      const url = `/api/initiatives/${initiative.id}/partners/${partner.id}`;

      const given = await t.put(url, { role: 'Mentorer', ...WORKSHOP });
      expect(given.status).toBe(200);
      expect(given.body).toMatchObject({ publicConsent: true, consentGivenOn: '2026-03-12', consentMethod: 'workshop', consentWithdrawnOn: null });
      expect((await t.put(url, { role: 'Mentorer og vært' })).body).toMatchObject({ role: 'Mentorer og vært', ...WORKSHOP });
      expect((await t.put(url, { consentMethod: 'form' })).body).toMatchObject({ consentGivenOn: '2026-03-12', consentMethod: 'form' });
    });

    it('accepts consent given today in the municipality and every method', async () => {
      const { initiative } = await make.world();
      const today = todayIn(MUNICIPAL_TIME_ZONE);
      for (const consentMethod of ['email', 'form', 'workshop', 'other']) {
        const partner = await make.partner();
        const response = await t.put(`/api/initiatives/${initiative.id}/partners/${partner.id}`, { publicConsent: true, consentGivenOn: today, consentMethod });
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ consentGivenOn: today, consentMethod });
      }
    });

    it('answers 400 with a code per field when consent lacks a date or a method, is dated after today or is malformed, and stores nothing', async () => {
      const { initiative } = await make.world();
      const partner = await make.partner();
      const url = `/api/initiatives/${initiative.id}/partners/${partner.id}`;

      const missing = await rejected(() => t.put(url, { role: 'Vært', publicConsent: true }));
      expectInvalidFields(missing, ['consentGivenOn', 'consentMethod']);
      expect(fieldCodes(missing)).toEqual({ consentGivenOn: ['consentDateRequired'], consentMethod: ['consentMethodRequired'] });

      const noMethod = await rejected(() => t.put(url, { publicConsent: true, consentGivenOn: '2026-03-12', consentMethod: null }));
      expect(fieldCodes(noMethod)).toEqual({ consentMethod: ['consentMethodRequired'] });

      const future = await rejected(() => t.put(url, { ...WORKSHOP, consentGivenOn: '2999-01-01' }));
      expect(fieldCodes(future)).toEqual({ consentGivenOn: ['notInFuture'] });

      const malformed = await rejected(() => t.put(url, { publicConsent: true, consentGivenOn: '2026-02-30', consentMethod: 'telepathy' }));
      expect(fieldCodes(malformed)).toEqual({ consentGivenOn: ['isIsoDate'], consentMethod: ['isIn'] });

      const withoutConsent = await rejected(() => t.put(url, { publicConsent: false, consentGivenOn: '2026-03-12', consentMethod: 'email' }));
      expect(fieldCodes(withoutConsent)).toEqual({ consentGivenOn: ['consentNotGiven'], consentMethod: ['consentNotGiven'] });
    });

    it('withdraws consent as of today, keeps when and how it was given, and asks for a new date to give it again', async () => {
      const { initiative } = await make.world();
      const partner = await make.partner();
      const url = `/api/initiatives/${initiative.id}/partners/${partner.id}`;
      await t.put(url, { role: 'Vært', ...WORKSHOP });

      const withdrawn = await t.put(url, { publicConsent: false });
      expect(withdrawn.status).toBe(200);
      const today = todayIn(MUNICIPAL_TIME_ZONE);
      expect(withdrawn.body).toMatchObject({
        role: 'Vært',
        publicConsent: false,
        consentGivenOn: '2026-03-12',
        consentMethod: 'workshop',
        consentWithdrawnOn: today,
      });
      expect((await t.get(`/api/partners/${partner.id}`)).body.initiatives).toEqual([
        {
          id: initiative.id,
          title: initiative.title,
          leadDepartmentId: initiative.leadDepartment.id,
          role: 'Vært',
          publicConsent: false,
          consentGivenOn: '2026-03-12',
          consentMethod: 'workshop',
          consentWithdrawnOn: today,
        },
      ]);

      const regiveWithoutDate = await rejected(() => t.put(url, { publicConsent: true }));
      expect(fieldCodes(regiveWithoutDate)).toEqual({ consentGivenOn: ['consentDateRequired'], consentMethod: ['consentMethodRequired'] });
      const regiven = await t.put(url, { publicConsent: true, consentGivenOn: today, consentMethod: 'email' });
      expect(regiven.body).toMatchObject({ publicConsent: true, consentGivenOn: today, consentMethod: 'email', consentWithdrawnOn: null });

      const events = (await t.get(`/api/audit-events?initiativeId=${initiative.id}&entityType=initiative_partner&action=update`)).body.items;
      const withdrawal = events.find((event: { changes: Record<string, { after: unknown }> }) => event.changes['consentWithdrawnOn']?.after === today);
      expect(withdrawal).toMatchObject({ actor: { id: t.admin.id }, changes: { publicConsent: { before: true, after: false } } });
    });

    it('lets only those who edit the initiative record or withdraw consent: 403 for the others, and nothing changes', async () => {
      const { department, initiative } = await make.world();
      const partner = await make.partner();
      const url = `/api/initiatives/${initiative.id}/partners/${partner.id}`;
      await t.put(url, { role: 'Vært', ...WORKSHOP });
      const other = await make.department();
      // Whether management edits initiatives is the access rule's to say; this path must follow it.
      const managementEdits = canEditInitiative({ role: 'management', departmentIds: [] }, { leadDepartmentId: department.id, participatingDepartmentIds: [] });
      const refused: TestClient[] = [
        await t.signedIn('viewer'),
        await t.signedIn('department_lead', [other.id]),
        ...(managementEdits ? [] : [await t.signedIn('management')]),
      ];
      for (const client of refused) expectProblem(await rejected(() => client.put(url, { publicConsent: false })), 403);
      const lead = await t.signedIn('department_lead', [department.id]);
      expect((await lead.put(url, { publicConsent: false })).body).toMatchObject({ publicConsent: false, consentGivenOn: '2026-03-12' });
    });

    it('names the partner on the public initiative page and in open data only while its consent stands', async () => {
      const { plan, department } = await make.world();
      const published = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id }, { published: true, status: 'in_progress' });
      const partner = await make.partner({ name: 'Frivilligcenter Samtykke' });
      const url = `/api/initiatives/${published.id}/partners/${partner.id}`;
      await t.put(url, { role: 'Mentorer', ...WORKSHOP });

      /** The public page catches up with a write within a second (its cache listens for changes). */
      async function publicPartners(expected: number): Promise<{ names: string[]; csv: string }> {
        const started = Date.now();
        let body: { partners: { name: string }[] };
        do {
          body = (await t.anonymous.get(`/api/public/initiatives/${published.id}`)).body;
        } while (body.partners.length !== expected && Date.now() - started < 1000);
        const csv = String((await t.anonymous.get('/api/public/initiatives.csv')).body);
        return { names: body.partners.map((p) => p.name), csv };
      }

      const named = await publicPartners(1);
      expect(named.names).toEqual(['Frivilligcenter Samtykke']);
      expect(named.csv).toContain('Frivilligcenter Samtykke');

      expect((await t.put(url, { publicConsent: false })).status).toBe(200);
      const afterWithdrawal = await publicPartners(0);
      expect(afterWithdrawal.names).toEqual([]);
      expect(afterWithdrawal.csv).not.toContain('Frivilligcenter Samtykke');
    });
  });

  describe('GET /api/partners', () => {
    it('lists each partner with the initiatives it takes part in, by title, with role and consent', async () => {
      const { department, plan, initiative } = await make.world();
      const second = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id }, { title: 'Aaa første initiativ' });
      const partner = await make.partner({ name: 'Lektiehjælperne' });
      await t.put(`/api/initiatives/${initiative.id}/partners/${partner.id}`, { role: 'Lektiehjælp', ...WORKSHOP });
      await t.put(`/api/initiatives/${second.id}/partners/${partner.id}`, { role: 'Mentorer' });

      const list = await t.get('/api/partners');
      expect(list.status).toBe(200);
      expect(list.body.items).toEqual([
        expect.objectContaining({
          id: partner.id,
          initiativeCount: 2,
          initiatives: [
            {
              id: second.id,
              title: 'Aaa første initiativ',
              leadDepartmentId: department.id,
              role: 'Mentorer',
              publicConsent: false,
              consentGivenOn: null,
              consentMethod: null,
              consentWithdrawnOn: null,
            },
            { id: initiative.id, title: initiative.title, leadDepartmentId: department.id, role: 'Lektiehjælp', ...WORKSHOP, consentWithdrawnOn: null },
          ],
        }),
      ]);
    });

    it('finds partners by part of the name regardless of case and accents, filters by type and sorts by name both ways', async () => {
      await make.partner({ name: 'Østjysk Café', type: 'company' });
      await make.partner({ name: 'Café Frivillig', type: 'volunteer_organisation' });
      await make.partner({ name: 'Borgergruppen Gellerup', type: 'citizen_group' });
      await make.partner({ name: '100% Frivillig_Forening', type: 'volunteer_organisation' });

      expect(names(await t.get('/api/partners?q=CAFE'))).toEqual(['Café Frivillig', 'Østjysk Café']);
      expect(names(await t.get('/api/partners?q=ostjysk'))).toEqual(['Østjysk Café']);
      expect(names(await t.get('/api/partners?q=%20gellerup%20'))).toEqual(['Borgergruppen Gellerup']);
      expect(names(await t.get('/api/partners?q=100%25'))).toEqual(['100% Frivillig_Forening']);
      expect(names(await t.get('/api/partners?q=g_f'))).toEqual(['100% Frivillig_Forening']);
      expect(names(await t.get('/api/partners?type=volunteer_organisation'))).toEqual(['100% Frivillig_Forening', 'Café Frivillig']);
      expect(names(await t.get('/api/partners?type=volunteer_organisation&q=caf'))).toEqual(['Café Frivillig']);
      expect(names(await t.get('/api/partners?sort=name&direction=desc'))).toEqual([
        'Østjysk Café',
        'Café Frivillig',
        'Borgergruppen Gellerup',
        '100% Frivillig_Forening',
      ]);
      const none = await t.get('/api/partners?q=findes-ikke');
      expect(none.body).toMatchObject({ items: [], total: 0, page: 1 });
    });

    it('answers control characters and broken encodings in the search with 4xx, never 5xx', async () => {
      for (const q of ['%00', '%C3', '%ED%A0%80', '%5C', '%25%25']) {
        const response = await t.get(`/api/partners?q=${q}`);
        expect(response.status).toBeLessThan(500);
      }
    });

    it('pages the matches and counts them all', async () => {
      for (const name of ['Forening A', 'Forening B', 'Forening C', 'Virksomhed D']) await make.partner({ name });
      const first = await t.get('/api/partners?q=forening&pageSize=2');
      expect(first.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(names(first)).toEqual(['Forening A', 'Forening B']);
      expect(names(await t.get('/api/partners?q=forening&pageSize=2&page=2'))).toEqual(['Forening C']);
    });

    it('answers 400 naming each invalid query parameter', async () => {
      const response = await t.get(`/api/partners?type=ngo&sort=created&direction=up&q=${'x'.repeat(201)}`);
      expectInvalidFields(response, ['direction', 'q', 'sort', 'type']);
      expect(fieldCodes(response)).toEqual({ type: ['isIn'], sort: ['isIn'], direction: ['isIn'], q: ['maxLength'] });
    });

    it('is open to every signed-in role and to no one anonymous', async () => {
      await make.partner({ name: 'Synlig partner' });
      for (const role of ['viewer', 'management', 'department_lead'] as const) {
        const client = await t.signedIn(role);
        expect(names(await client.get('/api/partners'))).toEqual(['Synlig partner']);
      }
      expectProblem(await t.anonymous.get('/api/partners'), 401);
    });
  });

  describe('POST /api/partners/:id/merge', () => {
    async function duplicates() {
      const { department, plan, initiative: shared } = await make.world();
      const onlyDuplicate = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id }, { title: 'Kun dubletten' });
      const onlyKept = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id }, { title: 'Kun den beholdte' });
      const kept = await make.partner({ name: 'Frivilligcenter Aarhus', description: '' });
      const duplicate = await make.partner({ name: 'Frivillig Center Aarhus', description: 'Formidler frivillige til foreninger.' });
      await t.put(`/api/initiatives/${shared.id}/partners/${kept.id}`, { role: 'Mentorer', ...WORKSHOP });
      await t.put(`/api/initiatives/${shared.id}/partners/${duplicate.id}`, {
        role: 'Sparring',
        publicConsent: true,
        consentGivenOn: '2026-02-01',
        consentMethod: 'email',
      });
      await t.put(`/api/initiatives/${onlyDuplicate.id}/partners/${duplicate.id}`, { role: 'Vært', ...WORKSHOP });
      await t.put(`/api/initiatives/${onlyKept.id}/partners/${kept.id}`, { role: 'Sponsor' });
      return { department, shared, onlyDuplicate, onlyKept, kept, duplicate };
    }

    it('moves the duplicate’s links to the kept partner, keeps consent with the earlier date, fills the description and deletes the duplicate', async () => {
      const { department, shared, onlyDuplicate, onlyKept, kept, duplicate } = await duplicates();

      const merged = await t.post(`/api/partners/${kept.id}/merge`, { duplicateId: duplicate.id });
      expect(merged.status).toBe(200);
      expect(merged.body).toMatchObject({
        id: kept.id,
        name: 'Frivilligcenter Aarhus',
        description: 'Formidler frivillige til foreninger.',
        initiativeCount: 3,
      });
      expect(merged.body.initiatives).toEqual(
        [
          { id: onlyDuplicate.id, title: 'Kun dubletten', leadDepartmentId: department.id, role: 'Vært', ...WORKSHOP, consentWithdrawnOn: null },
          {
            id: onlyKept.id,
            title: 'Kun den beholdte',
            leadDepartmentId: department.id,
            role: 'Sponsor',
            publicConsent: false,
            consentGivenOn: null,
            consentMethod: null,
            consentWithdrawnOn: null,
          },
          {
            id: shared.id,
            title: shared.title,
            leadDepartmentId: department.id,
            role: 'Mentorer',
            publicConsent: true,
            consentGivenOn: '2026-02-01',
            consentMethod: 'email',
            consentWithdrawnOn: null,
          },
        ].sort((a, b) => (a.title < b.title ? -1 : 1)),
      );
      expect((await t.get(`/api/partners/${duplicate.id}`)).status).toBe(404);
      expect(await t.rowCounts()).toMatchObject({ partner: 1, initiative_partner: 3 });
      expect((await t.get(`/api/initiatives/${shared.id}/partners`)).body.map((l: { partner: { id: string } }) => l.partner.id)).toEqual([kept.id]);
    });

    it('takes the duplicate’s role and consent on a shared initiative where the kept partner has neither', async () => {
      const { initiative } = await make.world();
      const kept = await make.partner();
      const duplicate = await make.partner();
      await t.put(`/api/initiatives/${initiative.id}/partners/${kept.id}`, {});
      await t.put(`/api/initiatives/${initiative.id}/partners/${duplicate.id}`, {
        role: 'Sparring',
        publicConsent: true,
        consentGivenOn: '2026-02-01',
        consentMethod: 'form',
      });

      const merged = await t.post(`/api/partners/${kept.id}/merge`, { duplicateId: duplicate.id });
      expect(merged.body.initiatives).toEqual([
        expect.objectContaining({ id: initiative.id, role: 'Sparring', publicConsent: true, consentGivenOn: '2026-02-01', consentMethod: 'form' }),
      ]);
      expect((await t.rowCounts()).initiative_partner).toBe(1);
    });

    it('keeps the kept partner’s own description', async () => {
      const kept = await make.partner({ description: 'Egen beskrivelse' });
      const duplicate = await make.partner({ description: 'Dublettens beskrivelse' });
      expect((await t.post(`/api/partners/${kept.id}/merge`, { duplicateId: duplicate.id })).body.description).toBe('Egen beskrivelse');
    });

    it('records the merge in the audit trail as the admin who made it', async () => {
      const { shared, onlyDuplicate, kept, duplicate } = await duplicates();
      const admin = await t.signedIn('admin');
      expect((await admin.post(`/api/partners/${kept.id}/merge`, { duplicateId: duplicate.id })).status).toBe(200);

      const events: { entityType: string; entityId: string; action: string; initiativeId: string | null }[] = (
        await t.get(`/api/audit-events?actorId=${admin.user.id}&pageSize=100`)
      ).body.items;
      expect(events).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ entityType: 'partner', entityId: duplicate.id, action: 'delete' }),
          expect.objectContaining({ entityType: 'partner', entityId: kept.id, action: 'update' }),
          expect.objectContaining({ entityType: 'initiative_partner', initiativeId: onlyDuplicate.id, action: 'update' }),
          expect.objectContaining({ entityType: 'initiative_partner', initiativeId: shared.id, action: 'delete' }),
        ]),
      );
    });

    it('answers 400 naming duplicateId when it is the kept partner itself, missing or malformed, and changes nothing', async () => {
      const partner = await make.partner();
      const self = await rejected(() => t.post(`/api/partners/${partner.id}/merge`, { duplicateId: partner.id }));
      expectInvalidFields(self, ['duplicateId']);
      expect(fieldCodes(self)).toEqual({ duplicateId: ['samePartner'] });
      expect(fieldCodes(await rejected(() => t.post(`/api/partners/${partner.id}/merge`, {})))).toEqual({ duplicateId: ['isUuid'] });
      expect(fieldCodes(await rejected(() => t.post(`/api/partners/${partner.id}/merge`, { duplicateId: 'abc', extra: 1 })))).toEqual({
        duplicateId: ['isUuid'],
        extra: ['whitelistValidation'],
      });
      expect(fieldCodes(await rejected(() => t.post(`/api/partners/not-a-uuid/merge`, { duplicateId: partner.id })))).toEqual({ id: ['isUuid'] });
    });

    it('answers 404 for an unknown partner on either side and changes nothing', async () => {
      const partner = await make.partner();
      expectProblem(await rejected(() => t.post(`/api/partners/${UNKNOWN_ID}/merge`, { duplicateId: partner.id })), 404);
      expectProblem(await rejected(() => t.post(`/api/partners/${partner.id}/merge`, { duplicateId: UNKNOWN_ID })), 404);
    });

    it('answers 403 to every role but admin and 401 to anyone anonymous, and changes nothing', async () => {
      const { department } = await make.world();
      const kept = await make.partner();
      const duplicate = await make.partner();
      const clients: TestClient[] = [await t.signedIn('management'), await t.signedIn('department_lead', [department.id]), await t.signedIn('viewer')];
      for (const client of clients) expectProblem(await rejected(() => client.post(`/api/partners/${kept.id}/merge`, { duplicateId: duplicate.id })), 403);
      expectProblem(await rejected(() => t.anonymous.post(`/api/partners/${kept.id}/merge`, { duplicateId: duplicate.id })), 401);
    });
  });
});
