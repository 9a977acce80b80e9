import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import type { Initiative, Milestone, UpdateMilestone } from '@fremdrift/contracts';
import { of, throwError } from 'rxjs';
import { fakeAuth } from '../../../core/auth/testing';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { todayInMunicipality } from '../../../core/time/today';
import { UnsavedChanges } from '../../../core/unsaved-changes/unsaved-changes';
import { ConflictPrompt } from '../../../shared/conflict-dialog/conflict-prompt';
import { aMilestone, anInitiative, leadMso } from '../../../shared/testing/initiative.fixtures';
import { InitiativePageState } from '../initiative-page/initiative-page-state';
import { InitiativesApi } from '../initiatives-api';
import { MilestoneList } from './milestone-list';

const first = aMilestone();
const second = aMilestone({ id: 'm2', title: 'Samtalegrupper', position: 1, completedDate: '2026-10-01', overdue: false, version: 2 });

const byId = (id: string) => (id === second.id ? second : first);

function setup(
  initiative: Initiative = anInitiative(),
  update = (_i: string, id: string, version: number, changes: UpdateMilestone) => of({ ...byId(id), ...changes, version: version + 1 } as Milestone),
) {
  const api = {
    milestones: jest.fn(() => of({ items: [second, first], total: 2, page: 1, pageSize: 100 })),
    updateMilestone: jest.fn(update),
    get: jest.fn(() => of(initiative)),
  };
  TestBed.configureTestingModule({
    imports: [MilestoneList],
    providers: [provideI18nTesting(), fakeAuth(leadMso), InitiativePageState, ConflictPrompt, UnsavedChanges, { provide: InitiativesApi, useValue: api }],
  });
  TestBed.inject(InitiativePageState).set(initiative);
  const fixture = TestBed.createComponent(MilestoneList);
  const element = fixture.nativeElement as HTMLElement;
  const buttons = (name: RegExp) =>
    Array.from(element.querySelectorAll('button')).filter((b) => name.test(b.getAttribute('aria-label') ?? b.textContent ?? ''));
  return { fixture, element, api, buttons, pageState: TestBed.inject(InitiativePageState) };
}

const text = (element: Element | null) =>
  (element?.textContent ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('MilestoneList', () => {
  it('shows the milestones in order as a checklist with due dates and what is late', async () => {
    const { fixture, element } = setup();
    await fixture.whenStable();

    const items = Array.from(element.querySelectorAll('li.milestone'));
    expect(items.map((li) => text(li.querySelector('label')))).toEqual(['Screening for traumer', 'Samtalegrupper']);
    expect(text(items[0])).toContain('Forsinket');
    expect(text(items[0])).toContain('Frist 30. apr. 2026');
    expect(text(items[1])).toContain('Nået 1. okt. 2026');
    expect(items[1].querySelector<HTMLInputElement>('input[type="checkbox"]')?.checked).toBe(true);
  });

  it('marks a milestone as reached today in one click, with the version it read', async () => {
    const { fixture, element, api, pageState } = setup();
    await fixture.whenStable();

    element.querySelector<HTMLInputElement>('#ms-m1')?.click();
    await fixture.whenStable();

    expect(api.updateMilestone).toHaveBeenCalledWith('i1', 'm1', 1, { completedDate: todayInMunicipality() });
    expect(api.get).toHaveBeenCalledWith('i1');
    expect(pageState.announcement()).toBe('»Screening for traumer« er markeret som nået.');
  });

  it('takes today’s date in the municipality: just after midnight in Copenhagen, when it is still yesterday in UTC', async () => {
    // Only the clock is fake; timers and microtasks run as usual.
    jest.useFakeTimers({
      now: new Date('2026-11-23T23:30:00Z'),
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    try {
      const { fixture, element, api } = setup();
      await fixture.whenStable();

      element.querySelector<HTMLInputElement>('#ms-m1')?.click();
      await fixture.whenStable();

      expect(api.updateMilestone).toHaveBeenCalledWith('i1', 'm1', 1, { completedDate: '2026-11-24' });
    } finally {
      jest.useRealTimers();
    }
  });

  it('puts the box back and says why when the date is refused', async () => {
    const problem = {
      title: 'Bad Request',
      status: 400,
      code: 'validation',
      errors: { completedDate: [{ code: 'notInFuture', message: 'completedDate cannot be in the future' }] },
    };
    const { fixture, element } = setup(anInitiative(), () => throwError(() => new HttpErrorResponse({ status: 400, error: problem })));
    await fixture.whenStable();

    const box = element.querySelector<HTMLInputElement>('#ms-m1');
    box?.click();
    await fixture.whenStable();

    expect(box?.checked).toBe(false);
    expect(text(element.querySelector('[role="alert"]'))).toContain('Datoen må ikke ligge efter i dag.');
  });

  it('moves a milestone down by renumbering the positions', async () => {
    const { fixture, element, api, buttons } = setup();
    await fixture.whenStable();

    buttons(/^Flyt ned: Screening for traumer$/)[0].click();
    await fixture.whenStable();

    expect(api.updateMilestone).toHaveBeenCalledWith('i1', 'm2', 2, { position: 0 });
    expect(api.updateMilestone).toHaveBeenCalledWith('i1', 'm1', 1, { position: 1 });
    expect(Array.from(element.querySelectorAll('li.milestone label')).map((l) => text(l))).toEqual(['Samtalegrupper', 'Screening for traumer']);
  });

  it('offers only progress to a participating department’s lead', async () => {
    const { fixture, element, buttons } = setup(
      anInitiative({
        leadDepartment: { id: 'd-mbu', code: 'MBU', name: 'Børn og Unge' },
        participatingDepartments: [{ id: 'd-mso', code: 'MSO', name: 'Sundhed og Omsorg' }],
      }),
    );
    await fixture.whenStable();

    expect(element.querySelectorAll('input[type="checkbox"]')).toHaveLength(2);
    expect(buttons(/Flyt|Redigér|Slet|Tilføj/)).toHaveLength(0);
    expect(buttons(/Ret dato/)).toHaveLength(1);
  });

  it('shows read-only milestones to someone who may not report', async () => {
    const { fixture, element, buttons } = setup(
      anInitiative({ leadDepartment: { id: 'd-mbu', code: 'MBU', name: 'Børn og Unge' }, participatingDepartments: [] }),
    );
    await fixture.whenStable();

    expect(element.querySelectorAll('input[type="checkbox"]')).toHaveLength(0);
    expect(element.querySelectorAll('button')).toHaveLength(0);
    expect(buttons(/./)).toHaveLength(0);
  });
});
