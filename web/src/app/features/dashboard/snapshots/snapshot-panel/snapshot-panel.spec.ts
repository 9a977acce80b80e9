import { HttpErrorResponse } from '@angular/common/http';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Principal } from '@fremdrift/access';
import type {
  ActionPlan,
  CreateReportingSnapshotRequest,
  Page,
  ReportingSnapshot,
  ReportingSnapshotSummary,
  SnapshotDiff,
  UserRole,
} from '@fremdrift/contracts';
import { of, Subject, throwError, type Observable } from 'rxjs';
import { Auth } from '../../../../core/auth/auth';
import { todayInMunicipality } from '../../../../core/time/today';
import { NO_FILTERS, type DashboardFilters } from '../../dashboard-query';
import { provideDashboardTesting, textOf } from '../../testing';
import { diffFixture } from '../snapshot.fixtures';
import { SnapshotsApi } from '../snapshots-api';
import { SnapshotPanel } from './snapshot-panel';

const plan = { id: 'p1', title: 'Flygtningehandleplan 2016', goals: [] } as unknown as ActionPlan;

const summary = (id: string, name: string, takenAt: string): ReportingSnapshotSummary => ({
  id,
  name,
  takenAt,
  takenBy: 'Mona Ledelse',
  actionPlanId: 'p1',
  actionPlanTitle: 'Flygtningehandleplan 2016',
  initiativeCount: 16,
});
const page = (items: ReportingSnapshotSummary[], total = items.length): Page<ReportingSnapshotSummary> => ({ items, total, page: 1, pageSize: 100 });

@Component({ imports: [SnapshotPanel], template: `<fd-snapshot-panel [filters]="filters()" [actionPlans]="plans" />` })
class Host {
  readonly filters = signal<DashboardFilters>({ ...NO_FILTERS, actionPlanId: 'p1' });
  readonly plans = [plan];
}

interface Options {
  role?: UserRole;
  snapshots?: ReportingSnapshotSummary[];
  total?: number;
  create?: (request: CreateReportingSnapshotRequest) => Observable<ReportingSnapshot>;
  diff?: (from: string, to: string) => Observable<SnapshotDiff>;
}

async function setup(options: Options = {}) {
  let stored = options.snapshots ?? [];
  const api = {
    list: jest.fn(() => of(page(stored, options.total))),
    create: jest.fn(
      options.create ??
        ((request: CreateReportingSnapshotRequest) => {
          const created = summary('s-new', request.name, '2026-12-04T12:00:00.000Z');
          stored = [created, ...stored];
          return of({ ...created, initiatives: [] });
        }),
    ),
    diff: jest.fn(options.diff ?? (() => of(diffFixture()))),
  };
  const auth = { allows: (rule: (p: Principal) => boolean) => rule({ role: options.role ?? 'management', departmentIds: [] }) };
  TestBed.configureTestingModule({
    imports: [Host],
    providers: [provideDashboardTesting(), provideRouter([]), { provide: SnapshotsApi, useValue: api }, { provide: Auth, useValue: auth }],
  });
  const fixture = TestBed.createComponent(Host);
  document.body.appendChild(fixture.nativeElement);
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const settle = async () => {
    await fixture.whenStable();
    fixture.detectChanges();
  };
  const nameInput = () => element.querySelector<HTMLInputElement>('#snapshot-name');
  const submit = (selector: string) => element.querySelector<HTMLFormElement>(selector)?.dispatchEvent(new Event('submit', { cancelable: true }));
  return { fixture, element, api, settle, nameInput, submit };
}

afterEach(() => document.body.replaceChildren());

describe('SnapshotPanel', () => {
  it('prefills "Status pr. <dato>" and names the plan from the filters that it will freeze', async () => {
    const { element, nameInput } = await setup();
    const [year, month, day] = todayInMunicipality().split('-').map(Number);
    const months = ['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'];
    expect(nameInput()?.value).toBe(`Status pr. ${day}. ${months[month - 1]} ${year}`);
    expect(textOf(element.querySelector('#snapshot-name-hint'))).toBe('Omfatter initiativerne i handleplanen Flygtningehandleplan 2016.');
    expect(textOf(element.querySelector('[data-snapshots="empty"]'))).toContain('Frys status før næste møde i byrådet');
  });

  it('freezes with the name and the plan, says it is working meanwhile, then announces the snapshot and moves focus to the message', async () => {
    const answer = new Subject<ReportingSnapshot>();
    const { element, api, settle, nameInput, submit } = await setup({ create: () => answer });
    const input = nameInput() as HTMLInputElement;
    input.value = '  Status til byrådet december  ';
    input.dispatchEvent(new Event('input'));
    submit('.snapshots__freeze');
    await settle();

    expect(api.create).toHaveBeenCalledWith({ name: 'Status til byrådet december', actionPlanId: 'p1' });
    const button = element.querySelector('.snapshots__freeze button[type="submit"]');
    expect(textOf(button)).toBe('Fryser status …');
    expect(button?.getAttribute('aria-disabled')).toBe('true');
    expect(element.querySelector('.snapshots__freeze')?.getAttribute('aria-busy')).toBe('true');
    submit('.snapshots__freeze');
    expect(api.create).toHaveBeenCalledTimes(1);

    answer.next({ ...summary('s9', 'Status til byrådet december', '2026-12-04T12:00:00.000Z'), initiatives: [] });
    answer.complete();
    await settle();
    await settle();
    const message = element.querySelector('#snapshot-frozen');
    expect(textOf(message)).toBe('«Status til byrådet december» er frosset med 16 initiativer.');
    expect(document.activeElement).toBe(message);
    expect(api.list).toHaveBeenCalledTimes(2);
  });

  it('asks for a name without asking the API, and puts the API’s word about the name on the field', async () => {
    const failure = new HttpErrorResponse({
      status: 400,
      error: { type: 'about:blank', title: 'Bad', status: 400, code: 'validation', errors: { name: [{ code: 'tooShort', params: { min: 3 } }] } },
    });
    const { element, api, settle, nameInput, submit } = await setup({ create: () => throwError(() => failure) });
    const input = nameInput() as HTMLInputElement;
    input.value = ' ';
    input.dispatchEvent(new Event('input'));
    submit('.snapshots__freeze');
    await settle();
    expect(api.create).not.toHaveBeenCalled();
    expect(textOf(element.querySelector('#snapshot-name-error'))).toBe('Skriv et navn.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain('snapshot-name-error');
    expect(document.activeElement).toBe(input);

    input.value = 'Status pr. i dag';
    input.dispatchEvent(new Event('input'));
    submit('.snapshots__freeze');
    await settle();
    expect(api.create).toHaveBeenCalledTimes(1);
    expect(textOf(element.querySelector('#snapshot-name-error'))).not.toBe('');
    expect(element.querySelector('#snapshot-freeze-problem')).toBeNull();
  });

  it('lets a viewer read the snapshots and compare, but not freeze', async () => {
    const { element } = await setup({ role: 'viewer' });
    expect(element.querySelector('.snapshots__freeze')).toBeNull();
    expect(textOf(element.querySelector('[data-snapshots="empty"]'))).toContain('Ledelsen fryser status før møderne i byrådet');
  });

  it('lists the snapshots newest first, and says when there are more than it shows', async () => {
    const { element } = await setup({
      snapshots: [summary('s2', 'Status pr. 4. dec. 2026', '2026-12-04T09:00:00.000Z'), summary('s1', 'Status pr. 1. nov. 2026', '2026-11-01T09:00:00.000Z')],
      total: 140,
    });
    const rows = Array.from(element.querySelectorAll('.snapshots__list tbody tr')).map((row) => Array.from(row.children).map(textOf));
    expect(rows[0]).toEqual(['Status pr. 4. dec. 2026', '4. dec. 2026 09:00', 'Mona Ledelse', 'Flygtningehandleplan 2016', '16']);
    expect(rows).toHaveLength(2);
    expect(textOf(element.querySelector('.snapshots__more'))).toBe('Viser de 2 nyeste af 140 statusbilleder.');
  });

  it('compares the chosen snapshot with now (or another one), shows the changes and moves focus to them', async () => {
    const diff = diffFixture({
      healthChanges: [
        {
          initiativeId: 'i1',
          reference: null,
          title: 'Sundhedstjek ved ankomst',
          leadDepartment: { id: 'd', code: 'MSO', name: 'Sundhed og Omsorg' },
          before: 'on_track',
          after: 'off_track',
          direction: 'worse',
        },
      ],
    });
    const { element, api, settle, submit } = await setup({
      snapshots: [summary('s2', 'Status pr. 4. dec. 2026', '2026-12-04T09:00:00.000Z'), summary('s1', 'Status pr. 1. dec. 2026', '2026-12-01T09:00:00.000Z')],
      diff: () => of(diff),
    });
    const from = element.querySelector<HTMLSelectElement>('#snapshot-from') as HTMLSelectElement;
    expect(from.value).toBe('s2');
    from.value = 's1';
    from.dispatchEvent(new Event('change'));
    await settle();
    const to = element.querySelector<HTMLSelectElement>('#snapshot-to') as HTMLSelectElement;
    expect(Array.from(to.options).map((o) => textOf(o))).toEqual(['Nu (den aktuelle status)', 'Status pr. 4. dec. 2026 (4. dec. 2026 09:00)']);

    submit('.snapshots__compare');
    await settle();
    await settle();
    expect(api.diff).toHaveBeenCalledWith('s1', 'now');
    const heading = element.querySelector('#snapshot-diff-heading');
    expect(textOf(heading)).toBe('Ændringer fra «Status pr. 1. dec. 2026» til nu');
    expect(document.activeElement).toBe(heading);
    expect(textOf(element.querySelector('[data-diff="summary"]'))).toBe('1 initiativ har fået en dårligere vurdering');

    const report = Array.from(element.querySelectorAll('a')).find((a) => textOf(a).startsWith('Rapport til byrådet'));
    expect(textOf(report)).toBe('Rapport til byrådet med ændringerne siden Status pr. 1. dec. 2026');
    expect(report?.getAttribute('href')).toBe('/dashboard/rapport?actionPlanId=p1&since=s1');
  });

  it('says so when the changes cannot be loaded, and moves focus to the message', async () => {
    const { element, settle, submit } = await setup({
      snapshots: [summary('s1', 'Status pr. 1. dec. 2026', '2026-12-01T09:00:00.000Z')],
      diff: () => throwError(() => new HttpErrorResponse({ status: 0 })),
    });
    submit('.snapshots__compare');
    await settle();
    await settle();
    const problem = element.querySelector('#snapshot-diff-problem');
    expect(textOf(problem)).toContain('Ændringerne kunne ikke hentes');
    expect(document.activeElement).toBe(problem);
  });
});
