import { PARTNER_TYPES, type InitiativePartner, type Partner } from '@fremdrift/contracts';
import { fieldMessages } from '../support/expectations';
import { type Factories, UNKNOWN_ID } from '../support/factories';
import { type TestApp, type TestResponse, useTestApp } from '../support/test-app';

const PROBLEM_JSON = 'application/problem+json';
/** Consent to be named publicly, as a workshop gave it. */
const CONSENT = { publicConsent: true, consentGivenOn: '2026-03-12', consentMethod: 'workshop' } as const;
const CONSENT_STATE = { publicConsent: true, consentGivenOn: '2026-03-12', consentMethod: 'workshop', consentWithdrawnOn: null };
const NO_CONSENT_STATE = { publicConsent: false, consentGivenOn: null, consentMethod: null, consentWithdrawnOn: null };

type PartnerBody = Pick<Partner, 'name' | 'initiativeCount'>;

describe('Partners API', () => {
  let t: TestApp;
  let make: Factories;
  useTestApp((started) => ({ t, make } = started));

  /** Sends a request that must be rejected, and checks that it changed no row in any table. */
  async function rejected(request: () => Promise<TestResponse>) {
    const before = await t.rowCounts();
    const response = await request();
    expect(response.headers['content-type']).toContain(PROBLEM_JSON);
    expect(await t.rowCounts()).toEqual(before);
    return response;
  }

  describe('/api/partners', () => {
    it('creates, reads, lists, updates and deletes a partner', async () => {
      const created = await t.post('/api/partners', { name: 'Frivilligcenter Aarhus', type: 'volunteer_organisation', description: 'Formidler frivillige.' });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'Frivilligcenter Aarhus',
        type: 'volunteer_organisation',
        description: 'Formidler frivillige.',
        initiativeCount: 0,
        initiatives: [],
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(new Date(created.body.createdAt).toISOString()).toBe(created.body.createdAt);

      const read = await t.get(`/api/partners/${created.body.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(created.body);

      const list = await t.get('/api/partners');
      expect(list.status).toBe(200);
      expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 25 });
      expect(list.body.items).toEqual([created.body]);

      const updated = await t.patch(`/api/partners/${created.body.id}`, { type: 'civil_society_association', description: '' });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ id: created.body.id, name: 'Frivilligcenter Aarhus', type: 'civil_society_association', description: '' });
      expect((await t.get(`/api/partners/${created.body.id}`)).body).toMatchObject({ type: 'civil_society_association', description: '' });

      const deleted = await t.delete(`/api/partners/${created.body.id}`);
      expect(deleted.status).toBe(204);
      expect(deleted.body).toBe('');
      expect((await t.get(`/api/partners/${created.body.id}`)).status).toBe(404);
      expect((await t.rowCounts()).partner).toBe(0);
    });

    it('accepts every partner type and defaults the description to an empty string', async () => {
      for (const type of PARTNER_TYPES) {
        const response = await t.post('/api/partners', { name: `Partner af typen ${type}`, type });
        expect(response.status).toBe(201);
        expect(response.body).toMatchObject({ type, description: '' });
      }
      expect((await t.rowCounts()).partner).toBe(PARTNER_TYPES.length);
    });

    it('trims the name and accepts names of exactly 2 and 200 characters', async () => {
      expect((await t.post('/api/partners', { name: '  Kvindenetværket  ', type: 'other' })).body.name).toBe('Kvindenetværket');
      expect((await t.post('/api/partners', { name: 'Æø', type: 'other' })).status).toBe(201);
      const longest = 'P'.repeat(200);
      const response = await t.post('/api/partners', { name: longest, type: 'other' });
      expect(response.status).toBe(201);
      expect(response.body.name).toBe(longest);
    });

    it('lists partners by name, paged, with the number of initiatives each takes part in', async () => {
      const { department, plan, initiative } = await make.world();
      const second = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id });
      const charlie = await make.partner({ name: 'Charlie Company', type: 'company' });
      const alpha = await make.partner({ name: 'Alpha Borgergruppe', type: 'citizen_group' });
      const bravo = await make.partner({ name: 'Bravo Forening', type: 'civil_society_association' });
      await t.put(`/api/initiatives/${initiative.id}/partners/${alpha.id}`, {});
      await t.put(`/api/initiatives/${second.id}/partners/${alpha.id}`, {});
      await t.put(`/api/initiatives/${second.id}/partners/${charlie.id}`, {});

      const first = await t.get('/api/partners?pageSize=2');
      expect(first.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(first.body.items.map((p: PartnerBody) => [p.name, p.initiativeCount])).toEqual([
        ['Alpha Borgergruppe', 2],
        ['Bravo Forening', 0],
      ]);
      const last = await t.get('/api/partners?page=2&pageSize=2');
      expect(last.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(last.body.items.map((p: PartnerBody) => [p.name, p.initiativeCount])).toEqual([['Charlie Company', 1]]);
      expect((await t.get(`/api/partners/${bravo.id}`)).body.initiativeCount).toBe(0);
      expect((await t.get(`/api/partners/${alpha.id}`)).body.initiativeCount).toBe(2);
      expect((await t.get('/api/partners?page=3&pageSize=2')).body).toMatchObject({ total: 3, items: [] });
    });

    it('rejects an invalid type, a too short name and unknown fields with a message per field and stores nothing', async () => {
      const response = await rejected(() => t.post('/api/partners', { name: 'P', type: 'municipality', website: 'https://example.org' }));
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400 });
      expect(Object.keys(response.body.errors).sort()).toEqual(['name', 'type', 'website']);
      expect(fieldMessages(response).name).toEqual([expect.stringContaining('name must be longer than or equal to 2 characters')]);
      expect(fieldMessages(response).type).toEqual([expect.stringContaining('type must be one of the following values')]);
      expect(fieldMessages(response).website).toEqual(['property website should not exist']);
    });

    it('rejects a name over 200 characters, a blank name and a description over 10000 characters', async () => {
      const tooLong = await rejected(() => t.post('/api/partners', { name: 'P'.repeat(201), type: 'company', description: 'x'.repeat(10001) }));
      expect(tooLong.status).toBe(400);
      expect(Object.keys(tooLong.body.errors).sort()).toEqual(['description', 'name']);
      expect(fieldMessages(tooLong).name).toEqual([expect.stringContaining('shorter than or equal to 200 characters')]);

      const blank = await rejected(() => t.post('/api/partners', { name: '    ', type: 'company' }));
      expect(blank.status).toBe(400);
      expect(Object.keys(blank.body.errors)).toEqual(['name']);
    });

    it('requires a name and a type, both of the right JSON type', async () => {
      const missing = await rejected(() => t.post('/api/partners', {}));
      expect(missing.status).toBe(400);
      expect(Object.keys(missing.body.errors).sort()).toEqual(['name', 'type']);

      const wrongTypes = await rejected(() => t.post('/api/partners', { name: 42, type: ['company'], description: true }));
      expect(wrongTypes.status).toBe(400);
      expect(Object.keys(wrongTypes.body.errors).sort()).toEqual(['description', 'name', 'type']);
    });

    it('rejects null for a field the database requires with 400 and a message for the field', async () => {
      const partner = await make.partner();
      for (const field of ['name', 'type', 'description']) {
        const response = await rejected(() => t.patch(`/api/partners/${partner.id}`, { [field]: null }));
        expect(response.status).toBe(400);
        expect(Object.keys(response.body.errors ?? {})).toEqual([field]);
      }
      const create = await rejected(() => t.post('/api/partners', { name: 'Ny partner', type: 'company', description: null }));
      expect(create.status).toBe(400);
      expect(Object.keys(create.body.errors ?? {})).toEqual(['description']);
      expect((await t.get(`/api/partners/${partner.id}`)).body).toEqual(partner);
    });

    it('rejects an invalid update with a message per field and leaves the partner as it was', async () => {
      const partner = await make.partner({ name: 'Lektiehjælperne', type: 'volunteer_organisation' });
      const response = await rejected(() => t.patch(`/api/partners/${partner.id}`, { name: 'L', type: 'ngo', id: UNKNOWN_ID }));
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.errors).sort()).toEqual(['id', 'name', 'type']);
      expect((await t.get(`/api/partners/${partner.id}`)).body).toEqual(partner);
    });

    it('rejects a duplicate name with 409 naming the field, also after trimming and on rename', async () => {
      await make.partner({ name: 'Kystbyg A/S', type: 'company' });
      const other = await make.partner({ name: 'Østjysk Logistik A/S', type: 'company' });

      const duplicate = await rejected(() => t.post('/api/partners', { name: 'Kystbyg A/S', type: 'other' }));
      expect(duplicate.status).toBe(409);
      expect(duplicate.body).toMatchObject({ title: 'Conflict', status: 409 });
      expect(fieldMessages(duplicate)).toEqual({ name: [expect.stringContaining('unique')] });

      expect((await rejected(() => t.post('/api/partners', { name: '  Kystbyg A/S ', type: 'company' }))).status).toBe(409);

      const rename = await rejected(() => t.patch(`/api/partners/${other.id}`, { name: 'Kystbyg A/S' }));
      expect(rename.status).toBe(409);
      expect(fieldMessages(rename)).toEqual({ name: [expect.stringContaining('unique')] });
      expect((await t.get(`/api/partners/${other.id}`)).body.name).toBe('Østjysk Logistik A/S');
    });

    it('lets a partner keep its own name on update', async () => {
      const partner = await make.partner({ name: 'Cykelvennerne' });
      const response = await t.patch(`/api/partners/${partner.id}`, { name: 'Cykelvennerne', description: 'Lærer voksne at cykle.' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ name: 'Cykelvennerne', description: 'Lærer voksne at cykle.' });
    });

    it('answers 404 for an unknown id and 400 naming the parameter for a malformed one', async () => {
      for (const response of [
        await t.get(`/api/partners/${UNKNOWN_ID}`),
        await t.patch(`/api/partners/${UNKNOWN_ID}`, { name: 'Ny' }),
        await t.delete(`/api/partners/${UNKNOWN_ID}`),
      ]) {
        expect(response.status).toBe(404);
        expect(response.headers['content-type']).toContain(PROBLEM_JSON);
        expect(response.body).toMatchObject({ title: 'Not Found', status: 404 });
      }
      for (const response of [
        await t.get('/api/partners/not-a-uuid'),
        await t.patch('/api/partners/not-a-uuid', { name: 'Ny partner' }),
        await t.delete('/api/partners/not-a-uuid'),
      ]) {
        expect(response.status).toBe(400);
        expect(fieldMessages(response)).toEqual({ id: ['id must be a UUID'] });
      }
    });

    it('rejects malformed JSON, other media types and bad paging with 4xx problems', async () => {
      expect((await rejected(() => t.send('POST', '/api/partners', '{"name":', 'application/json'))).status).toBe(400);
      expect((await rejected(() => t.send('POST', '/api/partners', 'name=Kystbyg&type=company', 'application/x-www-form-urlencoded'))).status).toBe(415);
      const paging = await t.get('/api/partners?page=0&pageSize=101');
      expect(paging.status).toBe(400);
      expect(Object.keys(paging.body.errors).sort()).toEqual(['page', 'pageSize']);
    });

    it('refuses with 409 to delete a partner linked to an initiative, and deletes it once unlinked', async () => {
      const { initiative } = await make.world();
      const partner = await make.partner();
      await t.put(`/api/initiatives/${initiative.id}/partners/${partner.id}`, { role: 'Værtsforening', ...CONSENT });

      const refused = await rejected(() => t.delete(`/api/partners/${partner.id}`));
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ title: 'Conflict', status: 409 });
      expect((await t.get(`/api/initiatives/${initiative.id}/partners`)).body).toEqual([
        { partner: { id: partner.id, name: partner.name, type: partner.type }, role: 'Værtsforening', ...CONSENT_STATE },
      ]);

      expect((await t.delete(`/api/initiatives/${initiative.id}/partners/${partner.id}`)).status).toBe(204);
      expect((await t.delete(`/api/partners/${partner.id}`)).status).toBe(204);
      expect((await t.get(`/api/partners/${partner.id}`)).status).toBe(404);
    });
  });

  describe('who may correct a shared partner record', () => {
    it('lets a lead rename a partner only their own departments’ initiatives name; others get 403 and nothing changes', async () => {
      const { plan, department: mine, initiative: ours } = await make.world();
      const theirs = await make.department();
      const theirInitiative = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: theirs.id });
      const shared = await make.partner({ name: 'Fælles partner' });
      const own = await make.partner({ name: 'Egen partner' });
      await t.put(`/api/initiatives/${ours.id}/partners/${shared.id}`, { role: 'Mentorer' });
      await t.put(`/api/initiatives/${theirInitiative.id}/partners/${shared.id}`, { role: 'Sponsor' });
      await t.put(`/api/initiatives/${ours.id}/partners/${own.id}`, { role: 'Vært' });
      const lead = await t.signedIn('department_lead', [mine.id]);

      const refused = await rejected(() => lead.patch(`/api/partners/${shared.id}`, { name: 'Omdøbt af en anden afdeling' }));
      expect(refused.status).toBe(403);
      expect((await t.get(`/api/partners/${shared.id}`)).body.name).toBe('Fælles partner');

      expect((await lead.patch(`/api/partners/${own.id}`, { name: 'Egen partner, rettet' })).status).toBe(200);
      expect((await t.patch(`/api/partners/${shared.id}`, { name: 'Rettet af en administrator' })).status).toBe(200);
    });
  });

  describe('/api/initiatives/:initiativeId/partners', () => {
    it('links a partner with its role and public-naming consent, lists it and unlinks it', async () => {
      const { initiative } = await make.world();
      const partner = await make.partner({ name: 'Venskabsfamilier Østjylland', type: 'volunteer_organisation' });

      expect((await t.get(`/api/initiatives/${initiative.id}/partners`)).body).toEqual([]);

      const linked = await t.put(`/api/initiatives/${initiative.id}/partners/${partner.id}`, { role: 'Matcher familier', ...CONSENT });
      expect(linked.status).toBe(200);
      const link = {
        partner: { id: partner.id, name: 'Venskabsfamilier Østjylland', type: 'volunteer_organisation' },
        role: 'Matcher familier',
        ...CONSENT_STATE,
      };
      expect(linked.body).toEqual(link);

      const list = await t.get(`/api/initiatives/${initiative.id}/partners`);
      expect(list.status).toBe(200);
      expect(list.body).toEqual([link]);
      expect((await t.get(`/api/partners/${partner.id}`)).body.initiativeCount).toBe(1);

      const unlinked = await t.delete(`/api/initiatives/${initiative.id}/partners/${partner.id}`);
      expect(unlinked.status).toBe(204);
      expect((await t.get(`/api/initiatives/${initiative.id}/partners`)).body).toEqual([]);
      expect((await t.get(`/api/partners/${partner.id}`)).body).toMatchObject({ id: partner.id, initiativeCount: 0 });
      expect((await t.rowCounts()).initiative_partner).toBe(0);
    });

    it('links without a role or consent by default, with an empty body or none at all', async () => {
      const { initiative } = await make.world();
      const first = await make.partner();
      const second = await make.partner();
      const withEmptyBody = await t.put(`/api/initiatives/${initiative.id}/partners/${first.id}`, {});
      expect(withEmptyBody.status).toBe(200);
      expect(withEmptyBody.body).toMatchObject({ role: '', publicConsent: false });
      const withoutBody = await t.put(`/api/initiatives/${initiative.id}/partners/${second.id}`);
      expect(withoutBody.status).toBe(200);
      expect(withoutBody.body).toMatchObject({ partner: { id: second.id }, role: '', publicConsent: false });
    });

    it('updates the role and consent when the link is PUT again, without a second row', async () => {
      const { initiative } = await make.world();
      const partner = await make.partner();
      const url = `/api/initiatives/${initiative.id}/partners/${partner.id}`;
      await t.put(url, { role: 'Sparringspartner', publicConsent: false });
      const countsAfterLink = await t.rowCounts();

      const changed = await t.put(url, { role: 'Medarrangør', ...CONSENT });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ role: 'Medarrangør', publicConsent: true });
      expect(await t.rowCounts()).toEqual(countsAfterLink);

      const again = await t.put(url, { role: 'Medarrangør', ...CONSENT });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(changed.body);
      expect(await t.rowCounts()).toEqual(countsAfterLink);
      expect((await t.get(`/api/initiatives/${initiative.id}/partners`)).body).toEqual([changed.body]);
    });

    it('withdraws consent and clears the role when false and an empty role are sent', async () => {
      const { initiative } = await make.world();
      const partner = await make.partner();
      const url = `/api/initiatives/${initiative.id}/partners/${partner.id}`;
      await t.put(url, { role: 'Medarrangør', ...CONSENT });

      const withdrawn = await t.put(url, { role: '', publicConsent: false });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toMatchObject({ role: '', publicConsent: false });
      expect((await t.get(`/api/initiatives/${initiative.id}/partners`)).body).toEqual([withdrawn.body]);
    });

    it('keeps the stored role or consent when a re-PUT leaves that field out', async () => {
      const { initiative } = await make.world();
      const partner = await make.partner();
      const url = `/api/initiatives/${initiative.id}/partners/${partner.id}`;
      await t.put(url, { role: 'Lektiehjælp', publicConsent: false });

      expect((await t.put(url, CONSENT)).body).toMatchObject({ role: 'Lektiehjælp', ...CONSENT_STATE });
      expect((await t.put(url, { role: 'Lektiehjælp og mentorer' })).body).toMatchObject({ role: 'Lektiehjælp og mentorer', publicConsent: true });
      expect((await t.rowCounts()).initiative_partner).toBe(1);
    });

    it('lists only the initiative’s own partners, ordered by name', async () => {
      const { department, plan, initiative } = await make.world();
      const other = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id });
      const zulu = await make.partner({ name: 'Zulu Idræt', type: 'civil_society_association' });
      const alpha = await make.partner({ name: 'Alpha Byg', type: 'company' });
      const middle = await make.partner({ name: 'Midtbyens Borgere', type: 'citizen_group' });
      await t.put(`/api/initiatives/${initiative.id}/partners/${zulu.id}`, { role: 'Træning' });
      await t.put(`/api/initiatives/${initiative.id}/partners/${alpha.id}`, { role: 'Praktik' });
      await t.put(`/api/initiatives/${other.id}/partners/${middle.id}`, { role: 'Sparring' });

      const list = await t.get(`/api/initiatives/${initiative.id}/partners`);
      expect(list.body.map((l: InitiativePartner) => [l.partner.name, l.role])).toEqual([
        ['Alpha Byg', 'Praktik'],
        ['Zulu Idræt', 'Træning'],
      ]);
      expect((await t.get(`/api/initiatives/${other.id}/partners`)).body.map((l: InitiativePartner) => l.partner.id)).toEqual([middle.id]);
    });

    it('shows the partner’s current name and type in its links after the partner is renamed', async () => {
      const { initiative } = await make.world();
      const partner = await make.partner({ name: 'Gammelt navn', type: 'other' });
      await t.put(`/api/initiatives/${initiative.id}/partners/${partner.id}`, { role: 'Vært' });
      await t.patch(`/api/partners/${partner.id}`, { name: 'Nyt navn', type: 'public_body' });
      expect((await t.get(`/api/initiatives/${initiative.id}/partners`)).body).toEqual([
        { partner: { id: partner.id, name: 'Nyt navn', type: 'public_body' }, role: 'Vært', ...NO_CONSENT_STATE },
      ]);
    });

    it('rejects an invalid role, non-boolean or null consent and unknown fields with a message per field and stores nothing', async () => {
      const { initiative } = await make.world();
      const partner = await make.partner();
      const url = `/api/initiatives/${initiative.id}/partners/${partner.id}`;

      const response = await rejected(() => t.put(url, { role: 'r'.repeat(501), publicConsent: 'yes', partnerId: partner.id }));
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.errors).sort()).toEqual(['partnerId', 'publicConsent', 'role']);
      expect(fieldMessages(response).role).toEqual([expect.stringContaining('shorter than or equal to 500 characters')]);
      expect(fieldMessages(response).publicConsent).toEqual(['publicConsent must be a boolean value']);

      const notAString = await rejected(() => t.put(url, { role: 7 }));
      expect(notAString.status).toBe(400);
      expect(Object.keys(notAString.body.errors)).toEqual(['role']);
      expect(fieldMessages(notAString).role).toContain('role must be a string');
      const nulls = await rejected(() => t.put(url, { role: null, publicConsent: null }));
      expect(nulls.status).toBe(400);
      expect(Object.keys(nulls.body.errors).sort()).toEqual(['publicConsent', 'role']);
      expect((await t.put(url, { role: 'r'.repeat(500) })).status).toBe(200);
    });

    it('does not change an existing link when a re-PUT is invalid', async () => {
      const { initiative } = await make.world();
      const partner = await make.partner();
      const url = `/api/initiatives/${initiative.id}/partners/${partner.id}`;
      const link = (await t.put(url, { role: 'Vært', ...CONSENT })).body;
      expect((await rejected(() => t.put(url, { role: 'Ny rolle', publicConsent: 'no' }))).status).toBe(400);
      expect((await t.get(`/api/initiatives/${initiative.id}/partners`)).body).toEqual([link]);
    });

    it('answers 404 when linking to an unknown initiative or an unknown partner', async () => {
      const { initiative } = await make.world();
      const partner = await make.partner();

      const unknownInitiative = await rejected(() => t.put(`/api/initiatives/${UNKNOWN_ID}/partners/${partner.id}`, { role: 'Vært' }));
      expect(unknownInitiative.status).toBe(404);
      expect(unknownInitiative.body.detail).toContain('Initiative');

      const unknownPartner = await rejected(() => t.put(`/api/initiatives/${initiative.id}/partners/${UNKNOWN_ID}`, { role: 'Vært' }));
      expect(unknownPartner.status).toBe(404);
      expect(unknownPartner.body.detail).toContain('Partner');
    });

    it('answers 404 for the partners of an unknown initiative and 400 for malformed ids', async () => {
      const { initiative } = await make.world();
      const partner = await make.partner();

      const list = await t.get(`/api/initiatives/${UNKNOWN_ID}/partners`);
      expect(list.status).toBe(404);
      expect(list.headers['content-type']).toContain(PROBLEM_JSON);

      const malformedList = await t.get('/api/initiatives/not-a-uuid/partners');
      expect(malformedList.status).toBe(400);
      expect(fieldMessages(malformedList)).toEqual({ initiativeId: ['initiativeId must be a UUID'] });

      const malformedInitiative = await rejected(() => t.put(`/api/initiatives/not-a-uuid/partners/${partner.id}`, {}));
      expect(malformedInitiative.status).toBe(400);
      expect(fieldMessages(malformedInitiative)).toEqual({ initiativeId: ['initiativeId must be a UUID'] });

      const malformedPartner = await rejected(() => t.put(`/api/initiatives/${initiative.id}/partners/not-a-uuid`, {}));
      expect(malformedPartner.status).toBe(400);
      expect(fieldMessages(malformedPartner)).toEqual({ partnerId: ['partnerId must be a UUID'] });

      const malformedUnlink = await rejected(() => t.delete(`/api/initiatives/${initiative.id}/partners/123`));
      expect(malformedUnlink.status).toBe(400);
      expect(fieldMessages(malformedUnlink)).toEqual({ partnerId: ['partnerId must be a UUID'] });
    });

    it('answers 404 when unlinking from an unknown initiative, an unknown partner or a partner that is not linked', async () => {
      const { department, plan, initiative } = await make.world();
      const other = await make.initiative({ actionPlanId: plan.id, leadDepartmentId: department.id });
      const partner = await make.partner();
      await t.put(`/api/initiatives/${other.id}/partners/${partner.id}`, { role: 'Vært' });

      expect((await rejected(() => t.delete(`/api/initiatives/${UNKNOWN_ID}/partners/${partner.id}`))).status).toBe(404);
      expect((await rejected(() => t.delete(`/api/initiatives/${initiative.id}/partners/${UNKNOWN_ID}`))).status).toBe(404);
      expect((await rejected(() => t.delete(`/api/initiatives/${initiative.id}/partners/${partner.id}`))).status).toBe(404);

      expect((await t.delete(`/api/initiatives/${other.id}/partners/${partner.id}`)).status).toBe(204);
      expect((await rejected(() => t.delete(`/api/initiatives/${other.id}/partners/${partner.id}`))).status).toBe(404);
    });

    it('removes the links but keeps the partner when the initiative is deleted', async () => {
      const { initiative } = await make.world();
      const partner = await make.partner();
      await t.put(`/api/initiatives/${initiative.id}/partners/${partner.id}`, { role: 'Vært', ...CONSENT });

      expect((await t.delete(`/api/initiatives/${initiative.id}`, { ifMatch: initiative.version })).status).toBe(204);
      expect((await t.get(`/api/partners/${partner.id}`)).body).toMatchObject({ id: partner.id, initiativeCount: 0 });
      expect((await t.rowCounts()).initiative_partner).toBe(0);
      expect((await t.get(`/api/initiatives/${initiative.id}/partners`)).status).toBe(404);
      expect((await t.delete(`/api/partners/${partner.id}`)).status).toBe(204);
    });
  });
});
