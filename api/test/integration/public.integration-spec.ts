import { expectProblem } from '../support/expectations';
import { type Factories } from '../support/factories';
import { type TestApp, type TestResponse, useTestApp } from '../support/test-app';

/** Each kind of thing that must never reach the public, marked so that it can be searched for. */
const SECRET = {
  unpublishedTitle: 'HEMMELIG-UPUBLICERET-INITIATIV',
  internalNotes: 'HEMMELIG-INTERN-NOTE',
  ownerName: 'Hemmelig Medarbejdernavn',
  internalText: 'HEMMELIG-INTERN-STATUSTEKST',
  narrative: 'HEMMELIG-FORTAELLING',
  blockers: 'HEMMELIG-BARRIERE',
  delayReason: 'HEMMELIG-FORSINKELSESGRUND',
  pendingPublicText: 'HEMMELIG-IKKE-GODKENDT-TEKST',
  returnedPublicText: 'HEMMELIG-RETURNERET-TEKST',
  partnerWithoutConsent: 'Hemmelig Partner uden samtykke',
  authorName: 'Hemmelig Forfatter',
  unpublishedMilestone: 'HEMMELIG-MILEPAEL',
};

describe('The public API', () => {
  let t: TestApp;
  let make: Factories;
  useTestApp((started) => ({ t, make } = started));

  async function publishedAndSecret() {
    const { plan, department, initiative: draft } = await make.world();
    await t.patch(`/api/initiatives/${draft.id}`, { title: SECRET.unpublishedTitle, internalNotes: SECRET.internalNotes }, { ifMatch: draft.version });
    await make.milestone(draft.id, { title: SECRET.unpublishedMilestone });
    await make.statusUpdate(draft.id, { publicText: 'Et udkast', authorName: SECRET.authorName });

    const published = await make.initiative(
      { actionPlanId: plan.id, leadDepartmentId: department.id },
      {
        title: 'Sprogpraktik i virksomheder',
        summary: 'Praktik med sprogmakker',
        published: true,
        ownerName: SECRET.ownerName,
        internalNotes: SECRET.internalNotes,
        status: 'in_progress',
        startDate: '2020-01-01',
        targetDate: '2030-12-31',
      },
    );
    await make.milestone(published.id, { title: 'Aftaler med de første virksomheder', completedDate: '2020-05-01', dueDate: '2020-06-01' });
    await make.milestone(published.id, { title: '75 borgere i sprogpraktik', dueDate: '2031-01-01' });
    const cause = (await t.get('/api/delay-causes')).body[0].id;
    const lead = await t.signedIn('department_lead', [department.id]);
    const approved = await make.statusUpdate(
      published.id,
      {
        periodStart: '2020-05-01',
        periodEnd: '2020-05-31',
        health: 'at_risk',
        narrative: SECRET.narrative,
        blockers: SECRET.blockers,
        internalText: SECRET.internalText,
        publicText: 'Ti virksomheder er med.',
        authorName: SECRET.authorName,
        delayCauseId: cause,
        delayReason: SECRET.delayReason,
      },
      lead,
    );
    await t.post(`/api/initiatives/${published.id}/status-updates/${approved.id}/review`, { decision: 'approve' }, { ifMatch: approved.version });
    await make.statusUpdate(
      published.id,
      { periodStart: '2020-06-01', periodEnd: '2020-06-30', health: 'at_risk', publicText: SECRET.pendingPublicText },
      lead,
    );
    const returned = await make.statusUpdate(
      published.id,
      {
        periodStart: '2020-07-01',
        periodEnd: '2020-07-31',
        health: 'at_risk',
        publicText: SECRET.returnedPublicText,
      },
      lead,
    );
    await t.post(
      `/api/initiatives/${published.id}/status-updates/${returned.id}/review`,
      { decision: 'return', comment: 'Skriv det enklere.' },
      { ifMatch: returned.version },
    );

    const named = await make.partner({ name: 'Frivilligcenter Aarhus' });
    const anonymous = await make.partner({ name: SECRET.partnerWithoutConsent });
    await t.put(`/api/initiatives/${published.id}/partners/${named.id}`, {
      role: 'Mentorer',
      publicConsent: true,
      consentGivenOn: '2026-03-12',
      consentMethod: 'workshop',
    });
    await t.put(`/api/initiatives/${published.id}/partners/${anonymous.id}`, { role: 'Sponsor', publicConsent: false });
    return { plan, draft, published };
  }

  /** Every public response there is for the data, fetched anonymously. */
  async function everyPublicResponse(ids: { plan: string; initiatives: string[] }): Promise<TestResponse[]> {
    const urls = [
      '/api/public/initiatives',
      '/api/public/initiatives.json',
      '/api/public/initiatives.csv',
      '/api/public/action-plans',
      `/api/public/action-plans/${ids.plan}`,
      '/api/public/feed.atom',
      `/api/public/action-plans/${ids.plan}/feed.atom`,
      ...ids.initiatives.map((id) => `/api/public/initiatives/${id}`),
    ];
    return Promise.all(urls.map((url) => t.anonymous.get(url)));
  }

  it('never lets an unpublished initiative, internal text, unapproved text, unnamed partner or staff name out', async () => {
    const { plan, draft, published } = await publishedAndSecret();
    const responses = await everyPublicResponse({ plan: plan.id, initiatives: [published.id, draft.id] });
    const staff = [
      t.admin.email,
      ...(await t.dataSource.query('SELECT email, display_name FROM app_user')).flatMap((u: { email: string; display_name: string }) => [
        u.email,
        u.display_name,
      ]),
    ];

    // The last response is the draft's own URL: a 404 that only repeats the id the client sent.
    expect(responses.at(-1)!.status).toBe(404);
    const everything = responses
      .slice(0, -1)
      .map((r) => (typeof r.body === 'string' ? r.body : JSON.stringify(r.body)))
      .join('\n');
    expect(everything).toContain('Sprogpraktik i virksomheder');
    expect(everything).toContain('Ti virksomheder er med.');
    expect(everything).toContain('Frivilligcenter Aarhus');
    for (const secret of [...Object.values(SECRET), ...staff, draft.id]) {
      expect({ secret, found: everything.includes(secret) }).toEqual({ secret, found: false });
    }
  });

  it('shows a published initiative with its milestones, approved updates and consenting partners', async () => {
    const { published, plan } = await publishedAndSecret();
    const one = await t.anonymous.get(`/api/public/initiatives/${published.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      id: published.id,
      title: 'Sprogpraktik i virksomheder',
      summary: 'Praktik med sprogmakker',
      actionPlan: { id: plan.id },
      status: 'in_progress',
      health: 'at_risk',
      progress: 0.5,
      milestones: [
        { title: 'Aftaler med de første virksomheder', completedDate: '2020-05-01', dueDate: '2020-06-01' },
        { title: '75 borgere i sprogpraktik', completedDate: null, dueDate: '2031-01-01' },
      ],
      updates: [{ periodStart: '2020-05-01', periodEnd: '2020-05-31', health: 'at_risk', text: 'Ti virksomheder er med.' }],
      partners: [{ name: 'Frivilligcenter Aarhus', type: 'volunteer_organisation', role: 'Mentorer' }],
    });
    const plans = (await t.anonymous.get('/api/public/action-plans')).body;
    expect(plans.find((p: { id: string }) => p.id === plan.id).initiativeIds).toEqual([published.id]);
  });

  it('gives CSV for Danish Excel and an Atom feed of approved updates', async () => {
    const { published } = await publishedAndSecret();
    const csv = await t.anonymous.get('/api/public/initiatives.csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = (csv.body as string).split('\r\n');
    expect(lines[0].startsWith('\uFEFFid;titel;resume;handleplan;')).toBe(true);
    expect(lines[1].startsWith(`${published.id};Sprogpraktik i virksomheder;`)).toBe(true);

    const feed = await t.anonymous.get('/api/public/feed.atom');
    expect(feed.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(feed.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    expect((feed.body as string).match(/<entry>/g)).toHaveLength(1);
    expect(feed.body).toContain(`/initiativ/${published.id}`);
  });

  it('answers a repeated request with 304 while nothing changed, and with the new data within a second of a write', async () => {
    const { published } = await publishedAndSecret();
    const first = await t.anonymous.get('/api/public/initiatives');
    expect(first.headers['cache-control']).toContain('s-maxage=');
    const etag = String(first.headers['etag']);
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await t.anonymous.get('/api/public/initiatives', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');

    const current = (await t.get(`/api/initiatives/${published.id}`)).body;
    await t.patch(`/api/initiatives/${published.id}`, { title: 'Sprogpraktik i 40 virksomheder' }, { ifMatch: current.version });
    const started = Date.now();
    let latest: TestResponse;
    do {
      latest = await t.anonymous.get('/api/public/initiatives', { headers: { 'if-none-match': etag } });
    } while (latest.status === 304 && Date.now() - started < 1000);
    expect(latest.status).toBe(200);
    expect(latest.body.items[0].title).toBe('Sprogpraktik i 40 virksomheder');
    expect(latest.headers['etag']).not.toBe(etag);
  });

  it('answers unknown and unpublished initiatives alike with 404, and malformed ids with 400', async () => {
    const { draft } = await publishedAndSecret();
    expectProblem(await t.anonymous.get(`/api/public/initiatives/${draft.id}`), 404);
    expectProblem(await t.anonymous.get('/api/public/initiatives/00000000-0000-4000-8000-000000000000'), 404);
    expectProblem(await t.anonymous.get('/api/public/action-plans/00000000-0000-4000-8000-000000000000/feed.atom'), 404);
    expectProblem(await t.anonymous.get('/api/public/initiatives/not-an-id'), 400);
  });
});
