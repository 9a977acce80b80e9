import type { PublicInitiative } from '@fremdrift/contracts';
import { frontHref, parseFrontQuery, renderFrontPage, type FrontPageData } from './front-page';
import { translator } from './public-site-texts';

function initiative(overrides: Partial<PublicInitiative> = {}): PublicInitiative {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    title: 'Sprogcafé',
    summary: 'Samtaler på dansk.',
    actionPlan: { id: 'p1', title: 'Flygtningehandleplan' },
    goal: { id: 'g1', title: 'Sprog' },
    leadDepartment: { id: 'd1', code: 'SOF', name: 'Sociale Forhold' },
    participatingDepartments: [],
    status: 'in_progress',
    health: 'at_risk',
    progress: 0.5,
    expectedProgress: 0.75,
    startDate: '2026-01-01',
    targetDate: '2026-12-31',
    milestones: [
      { title: 'Lokaler fundet', dueDate: '2026-02-01', completedDate: '2026-02-03' },
      { title: 'Frivillige rekrutteret', dueDate: '2026-09-01', completedDate: null },
    ],
    updates: [
      { periodStart: '2026-10-01', periodEnd: '2026-10-31', health: 'at_risk', text: 'Færre frivillige end ventet.', publishedAt: '2026-11-02T09:00:00Z' },
    ],
    partners: [{ name: 'Frivilligcenter', type: 'volunteer_organisation', role: 'Frivillige' }] as PublicInitiative['partners'],
    lastUpdatedAt: '2026-11-02T09:00:00Z',
    ...overrides,
  };
}

const data = (items: PublicInitiative[], extra: Partial<FrontPageData> = {}): FrontPageData => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 24,
  lastUpdatedAt: items[0]?.lastUpdatedAt ?? null,
  departments: [
    { id: 'd2', code: 'ØK', name: 'Økonomi' },
    { id: 'd1', code: 'SOF', name: 'Sociale Forhold' },
  ],
  goals: [{ id: 'g1', title: 'Sprog' }],
  ...extra,
});

const da = translator('da');
const en = translator('en');
const render = (items: PublicInitiative[], query = {}, extra: Partial<FrontPageData> = {}) =>
  renderFrontPage(da, parseFrontQuery(query), data(items, extra)).value;

describe('the front page', () => {
  it('shows a card per initiative with health as a word, progress with its expected value, milestones and the latest status', () => {
    const page = render([initiative()]);
    expect(page).toContain('Viser 1 initiativ');
    expect(page).toMatch(/class="health health--at_risk"[\s\S]*?<span>I risiko<\/span>/);
    expect(page).toMatch(/aria-valuenow="50"/);
    expect(page).toMatch(/aria-valuetext="50\u00a0%, forventet 75\u00a0%"/);
    expect(page).toContain('Lokaler fundet');
    expect(page).toContain('nået 3. feb. 2026');
    expect(page).toContain('Frivillige rekrutteret');
    expect(page).toContain('senest 1. sep. 2026');
    expect(page).toContain('Færre frivillige end ventet.');
    expect(page).toContain('Status for 1. okt. 2026 – 31. okt. 2026');
    expect(page).toContain('Sidst opdateret 2. nov. 2026 10:00');
  });

  it('escapes every text that comes from the data', () => {
    const hostile = '<script>alert(1)</script>';
    const page = render([
      initiative({
        title: hostile,
        summary: `"onmouseover="x`,
        actionPlan: { id: 'p"1', title: hostile },
        leadDepartment: { id: 'd', code: 'X', name: hostile },
        milestones: [{ title: hostile, dueDate: null, completedDate: null }],
        updates: [],
      }),
    ]);
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('"onmouseover="');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('id="plan-p&quot;1"');
  });

  it('tells an empty catalogue from a search that matches nothing', () => {
    expect(render([])).toContain('Der er endnu ingen offentliggjorte initiativer.');
    const none = render([], { q: 'xyz' });
    expect(none).toContain('Ingen initiativer matcher');
    expect(none).toContain('Nulstil filtre');
  });

  it('groups by plan and goal, with initiatives without a goal last under "Øvrige initiativer"', () => {
    const page = render([initiative({ id: 'a', goal: null, title: 'Uden mål' }), initiative({ id: 'b', title: 'Med mål' })]);
    expect(page.indexOf('Med mål')).toBeLessThan(page.indexOf('Øvrige initiativer'));
    expect(page.indexOf('Øvrige initiativer')).toBeLessThan(page.indexOf('Uden mål'));
  });

  it('sorts the departments by name in the language and keeps the chosen one selected', () => {
    const page = render([], { department: 'ØK' });
    expect(page.indexOf('Sociale Forhold')).toBeLessThan(page.indexOf('Økonomi'));
    expect(page).toMatch(/<option value="ØK"\s+selected>Økonomi<\/option>/);
  });

  it('links to the next and previous pages with the same filters', () => {
    const page = renderFrontPage(da, parseFrontQuery({ status: 'planned', page: '2' }), data([initiative()], { total: 60, page: 2 })).value;
    expect(page).toContain('href="/?status=planned" rel="prev"');
    expect(page).toContain('href="/?status=planned&amp;page=3" rel="next"');
    expect(page).toContain('Side 2 af 3');
  });

  it('is in English with the English translator', () => {
    const page = renderFrontPage(en, parseFrontQuery({}), data([initiative()])).value;
    expect(page).toContain('Showing 1 initiative');
    expect(page).toContain('At risk');
    expect(page).toContain('Last updated 2 Nov 2026 10:00');
  });
});

describe('parseFrontQuery', () => {
  it('keeps valid choices and reads anything else as no filter', () => {
    expect(parseFrontQuery({ health: 'on_track', status: 'completed', goal: '11111111-1111-4111-8111-111111111111', page: '3', q: ' ord ' })).toEqual({
      filters: { q: 'ord', department: '', goal: '11111111-1111-4111-8111-111111111111', health: 'on_track', status: 'completed' },
      page: 3,
      pageSize: 24,
      qTooLong: false,
    });
    expect(parseFrontQuery({ health: 'maybe', status: ['x'], goal: 'nope', page: '-4', q: ['a', 'b'] })).toEqual({
      filters: { q: 'a', department: '', goal: '', health: '', status: '' },
      page: 1,
      pageSize: 24,
      qTooLong: false,
    });
    expect(parseFrontQuery({ q: 'x'.repeat(201) }).qTooLong).toBe(true);
    expect(parseFrontQuery({ pageSize: '5' }).pageSize).toBe(5);
    for (const pageSize of ['0', '101', '2.5', 'x']) expect(parseFrontQuery({ pageSize }).pageSize).toBe(24);
  });

  it('builds short addresses: only the filters in use, and the page from the second', () => {
    expect(frontHref({ q: '', department: '', goal: '', health: '', status: '' })).toBe('/');
    expect(frontHref({ q: 'café og te', department: 'KB', goal: '', health: '', status: '' }, 2)).toBe('/?q=caf%C3%A9+og+te&department=KB&page=2');
    expect(frontHref({ q: '', department: '', goal: '', health: '', status: 'planned' }, 3, 5)).toBe('/?status=planned&pageSize=5&page=3');
  });
});
