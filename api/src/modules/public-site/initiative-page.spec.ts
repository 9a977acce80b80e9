import type { PublicInitiative } from '@fremdrift/contracts';
import { describe as summarize, initiativeNotFound, initiativePage, timeline } from './initiative-page';
import { translator } from './public-site-texts';

const HOSTILE = '<img src=x onerror=alert(1)>';

function publicInitiative(overrides: Partial<PublicInitiative> = {}): PublicInitiative {
  return {
    id: '5b582a35-f29d-4500-8931-7edb3948b585',
    title: 'Sprogpraktik',
    summary: 'Praktik med sprogmakker.',
    actionPlan: { id: 'a34c339f-9b86-4942-b686-4fc42e7e959e', title: 'Flygtningehandleplan' },
    goal: { id: 'c1', title: 'Flere i job' },
    leadDepartment: { id: 'd1', code: 'MSB', name: 'Sociale Forhold og Beskæftigelse' },
    participatingDepartments: [{ id: 'd2', code: 'MBU', name: 'Børn og Unge' }],
    status: 'in_progress',
    health: 'at_risk',
    progress: 0.5,
    expectedProgress: 0.25,
    startDate: '2024-01-01',
    targetDate: '2030-12-31',
    milestones: [
      { title: 'Aftaler', dueDate: '2024-06-01', completedDate: '2024-05-01' },
      { title: 'Uden dato', dueDate: null, completedDate: null },
      { title: '75 borgere', dueDate: '2031-01-01', completedDate: null },
    ],
    updates: [
      { periodStart: '2024-05-01', periodEnd: '2024-05-31', health: 'at_risk', text: 'Ti virksomheder er med.', publishedAt: '2024-06-03T08:00:00.000Z' },
    ],
    partners: [
      { name: 'Røde Kors', type: 'volunteer_organisation', role: 'Sprogmakkere' },
      { name: 'Netto', type: 'company', role: '' },
    ],
    lastUpdatedAt: '2024-06-03T08:00:00.000Z',
    ...overrides,
  };
}

/** The page's text as a reader meets it, without markup. */
const words = (markup: string) => markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('initiativePage', () => {
  const da = translator('da');

  it('orders the timeline newest first by the date reached, else due, else the period’s end; undated milestones last', () => {
    expect(timeline(publicInitiative()).map((entry) => (entry.kind === 'milestone' ? entry.milestone.title : entry.update.text))).toEqual([
      '75 borgere',
      'Ti virksomheder er med.',
      'Aftaler',
      'Uden dato',
    ]);
  });

  it('shows the facts with the texts of today’s page, the partners with their type and role, and the address to share', () => {
    const { title, main } = initiativePage(da, publicInitiative());
    const text = words(main.value);
    expect(title).toBe('Sprogpraktik');
    expect(text).toContain('Handleplan Flygtningehandleplan');
    expect(text).toContain('Mål Flere i job');
    expect(text).toContain('Deltagende afdelinger Børn og Unge');
    expect(text).toContain('Forventet færdig 31. dec. 2030');
    expect(text).toContain('Røde Kors (Frivilligorganisation, Sprogmakkere)');
    expect(text).toContain('Netto (Virksomhed)');
    expect(text).toContain('Fast adresse til deling /initiativ/5b582a35-f29d-4500-8931-7edb3948b585');
    expect(text).toContain('Milepæl uden dato');
    expect(text).toContain('Milepæl, planlagt · 1. jan. 2031');
    expect(text).toContain('Offentliggjort 3. jun. 2024');
    expect(main.value).toMatch(/aria-valuetext="50\s%, forventet 25\s%"/);
    expect(main.value).toMatch(/<a href="\/om-data#beregning">Sådan beregnes fremdriften<\/a>/);
  });

  it('leaves out the facts an initiative does not have', () => {
    const { main } = initiativePage(da, publicInitiative({ goal: null, participatingDepartments: [], startDate: null, targetDate: null, partners: [] }));
    const text = words(main.value);
    for (const term of ['Mål', 'Deltagende afdelinger', 'Start', 'Forventet færdig', 'Samarbejdspartnere']) expect(text).not.toContain(` ${term} `);
  });

  it('says so when there is nothing on the timeline yet', () => {
    const { main } = initiativePage(da, publicInitiative({ milestones: [], updates: [] }));
    expect(words(main.value)).toContain('Der er ingen milepæle endnu. Der er ingen offentlige statusopdateringer endnu.');
    expect(main.value).not.toContain('<ol');
  });

  it('escapes every text a user wrote', () => {
    const hostile = publicInitiative({
      title: HOSTILE,
      summary: HOSTILE,
      goal: { id: 'g', title: HOSTILE },
      actionPlan: { id: 'p', title: HOSTILE },
      milestones: [{ title: HOSTILE, dueDate: null, completedDate: null }],
      updates: [{ periodStart: '2024-05-01', periodEnd: '2024-05-31', health: 'on_track', text: HOSTILE, publishedAt: '2024-06-03T08:00:00.000Z' }],
      partners: [{ name: HOSTILE, type: 'other', role: HOSTILE }],
      leadDepartment: { id: 'd', code: 'X', name: HOSTILE },
    });
    const { main } = initiativePage(da, hostile);
    expect(main.value).not.toContain('<img');
    expect(main.value.split('&lt;img src=x onerror=alert(1)&gt;').length - 1).toBeGreaterThanOrEqual(9);
  });

  it('speaks English', () => {
    const { main } = initiativePage(translator('en'), publicInitiative());
    const text = words(main.value);
    expect(text).toContain('Lead department');
    expect(text).toContain('Netto (Company)');
    expect(text).toContain('Milestone without a date');
    expect(text).toContain('Follow by e-mail');
  });

  it('has a not-found page that names nothing', () => {
    const { title, main } = initiativeNotFound(da);
    expect(title).toBe('Initiativet findes ikke eller er ikke offentligt');
    expect(main.value).toContain('<a href="/">Se alle offentlige initiativer</a>');
  });
});

describe('describe (the meta description)', () => {
  it('keeps a short text as it is, on one line', () => {
    expect(summarize('Praktik\n  med   sprogmakker.')).toBe('Praktik med sprogmakker.');
  });

  it('cuts a long text after a whole word and marks the cut', () => {
    const cut = summarize(`${'ord '.repeat(60)}slut`, 40);
    expect(cut.length).toBeLessThanOrEqual(40);
    expect(cut).toMatch(/^(ord )+ord…$/);
  });
});
