import type { PublicActionPlan, PublicInitiative } from '@fremdrift/contracts';
import { parsePage, planNotFound, planPage, planPageHref } from './plan-page';
import { translator } from './public-site-texts';

const PLAN_ID = 'a34c339f-9b86-4942-b686-4fc42e7e959e';

function publicPlan(overrides: Partial<PublicActionPlan> = {}): PublicActionPlan {
  return {
    id: PLAN_ID,
    title: 'Flygtningehandleplan',
    description: 'Sådan tager vi imod flygtninge sammen.',
    coCreationDate: '2024-03-14',
    coCreationMethod: 'Tre borgermøder.',
    participants: { citizens: 40, volunteers: 12, companies: 3, civilSociety: 5, staff: 9 },
    goals: [{ id: 'g1', title: 'Flere i job', description: 'Inden for et år.' }],
    initiativeIds: [],
    ...overrides,
  };
}

const initiative: PublicInitiative = {
  id: '5b582a35-f29d-4500-8931-7edb3948b585',
  title: 'Sprogpraktik',
  summary: 'Praktik med sprogmakker.',
  actionPlan: { id: PLAN_ID, title: 'Flygtningehandleplan' },
  goal: null,
  leadDepartment: { id: 'd1', code: 'MSB', name: 'Sociale Forhold og Beskæftigelse' },
  participatingDepartments: [],
  status: 'planned',
  health: 'on_track',
  progress: 0,
  expectedProgress: null,
  startDate: null,
  targetDate: null,
  milestones: [],
  updates: [],
  partners: [],
  lastUpdatedAt: '2024-06-03T08:00:00.000Z',
};

const words = (markup: string) => markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const noInitiatives = { items: [], total: 0, page: 1, pageSize: 24 };

describe('planPage', () => {
  const da = translator('da');

  it('tells the plan’s story: when, how, who (a table with a total) and its goals', () => {
    const { title, main } = planPage(da, publicPlan(), noInitiatives);
    const text = words(main.value);
    expect(title).toBe('Flygtningehandleplan');
    expect(text).toContain('Planen blev skabt sammen 14. mar. 2024.');
    expect(text).toContain('Metode Tre borgermøder.');
    expect(text).toContain('I alt deltog 69 personer.');
    expect(text).toContain('Kommunens medarbejdere og ledere 9');
    expect(text).toContain('I alt 69');
    expect(text).toContain('Planens mål Flere i job Inden for et år.');
    expect(main.value).toMatch(/<table class="data-table participants" aria-labelledby="participants-heading">/);
    expect(main.value).toContain(`href="/api/public/action-plans/${PLAN_ID}/feed.atom"`);
  });

  it('counts one participant in the singular, and leaves out what the plan does not have', () => {
    const plan = publicPlan({
      participants: { citizens: 1, volunteers: 0, companies: 0, civilSociety: 0, staff: 0 },
      goals: [],
      coCreationDate: null,
      coCreationMethod: '',
    });
    const text = words(planPage(da, plan, noInitiatives).main.value);
    expect(text).toContain('I alt deltog 1 person.');
    expect(text).not.toContain('Planens mål');
    expect(text).not.toContain('Metode');
    expect(text).not.toContain('Planen blev skabt sammen');
  });

  it('says when the plan has no published initiatives, and shows no page links', () => {
    const { main } = planPage(da, publicPlan(), noInitiatives);
    expect(words(main.value)).toContain('Planen har endnu ingen offentliggjorte initiativer.');
    expect(main.value).not.toContain('class="pagination"');
    expect(main.value).not.toContain('class="cards"');
  });

  it('shows the initiatives as cards with h3 titles, and links the pages of a long list', () => {
    const { main } = planPage(da, publicPlan(), { items: [initiative], total: 49, page: 2, pageSize: 24 });
    expect(main.value).toMatch(/<h3 class="card__title"><a href="\/initiativ\/5b582a35-f29d-4500-8931-7edb3948b585">Sprogpraktik<\/a><\/h3>/);
    expect(words(main.value)).toContain('Side 2 af 3');
    expect(main.value).toContain(`href="/handleplan/${PLAN_ID}" rel="prev"`);
    expect(main.value).toContain(`href="/handleplan/${PLAN_ID}?page=3" rel="next"`);
  });

  it('escapes the plan’s texts', () => {
    const hostile = '<script>alert(1)</script>';
    const { main } = planPage(
      da,
      publicPlan({ title: hostile, description: hostile, coCreationMethod: hostile, goals: [{ id: 'g', title: hostile, description: hostile }] }),
      noInitiatives,
    );
    expect(main.value).not.toContain('<script>');
    expect(main.value.split('&lt;script&gt;').length - 1).toBe(6);
  });

  it('has a not-found page', () => {
    expect(planNotFound(da).title).toBe('Handleplanen findes ikke');
  });
});

describe('parsePage and planPageHref', () => {
  it('reads a whole page number from the query, and anything else as the first page', () => {
    expect(parsePage('3')).toBe(3);
    expect(parsePage(['2', '5'])).toBe(2);
    for (const nonsense of [undefined, '', '0', '-1', '1.5', '1e3', 'abc', '9999999']) expect(parsePage(nonsense)).toBe(1);
    expect(parsePage('999999')).toBe(100_000);
  });

  it('keeps the first page’s address short', () => {
    expect(planPageHref(PLAN_ID, 1)).toBe(`/handleplan/${PLAN_ID}`);
    expect(planPageHref(PLAN_ID, 2)).toBe(`/handleplan/${PLAN_ID}?page=2`);
  });
});
