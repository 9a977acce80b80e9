import { TestBed } from '@angular/core/testing';
import type { CreateMilestone, Initiative } from '@fremdrift/contracts';
import { of } from 'rxjs';
import { fakeAuth } from '../../../core/auth/testing';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { UnsavedChanges } from '../../../core/unsaved-changes/unsaved-changes';
import { ConflictPrompt } from '../../../shared/conflict-dialog/conflict-prompt';
import { aMilestone, anInitiative, leadMso } from '../../../shared/testing/initiative.fixtures';
import { InitiativePageState } from '../initiative-page/initiative-page-state';
import { InitiativesApi } from '../initiatives-api';
import { isDueAfterTarget, MilestoneForm } from './milestone-form';

const text = (element: Element | null) =>
  (element?.textContent ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function setup(initiative: Initiative = anInitiative({ targetDate: '2026-12-31' })) {
  const api = {
    createMilestone: jest.fn((_id: string, body: CreateMilestone) => of(aMilestone({ ...body, id: 'm9' }))),
    get: jest.fn(() => of(initiative)),
  };
  TestBed.configureTestingModule({
    imports: [MilestoneForm],
    providers: [provideI18nTesting(), fakeAuth(leadMso), InitiativePageState, ConflictPrompt, UnsavedChanges, { provide: InitiativesApi, useValue: api }],
  });
  TestBed.inject(InitiativePageState).set(initiative);
  const fixture = TestBed.createComponent(MilestoneForm);
  const element = fixture.nativeElement as HTMLElement;
  const control = <T extends HTMLElement>(id: string) => element.querySelector<T>(`#milestone-new-${id}`) as T;
  const type = async (id: string, value: string) => {
    const input = control<HTMLInputElement | HTMLTextAreaElement>(id);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };
  const send = async () => {
    element.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  };
  return { fixture, element, api, control, type, send };
}

describe('isDueAfterTarget', () => {
  it('is true only when both dates are known and the due date is later', () => {
    expect(isDueAfterTarget('2027-01-01', '2026-12-31')).toBe(true);
    expect(isDueAfterTarget('2026-12-31', '2026-12-31')).toBe(false);
    expect(isDueAfterTarget('2026-06-01', '2026-12-31')).toBe(false);
    expect(isDueAfterTarget('', '2026-12-31')).toBe(false);
    expect(isDueAfterTarget('2027-01-01', null)).toBe(false);
  });
});

describe('MilestoneForm', () => {
  it('warns, without stopping the save, when the due date is after the initiative’s target date', async () => {
    const { fixture, element, api, control, type, send } = setup();
    await fixture.whenStable();
    expect(element.querySelector('.milestone-form__warning')).toBeNull();

    await type('title', 'Evaluering');
    await type('due', '2026-11-30');
    expect(element.querySelector('.milestone-form__warning')).toBeNull();

    await type('due', '2027-02-01');
    const warning = element.querySelector('.milestone-form__warning');
    expect(text(warning)).toBe('Fristen ligger efter initiativets slutdato, 31. dec. 2026. Du kan godt gemme, men overvej at rykke fristen eller slutdatoen.');
    expect(control('due').getAttribute('aria-describedby')).toBe('milestone-new-due-warning');
    expect(warning?.closest('[aria-live="polite"]')).not.toBeNull();

    await send();
    expect(api.createMilestone).toHaveBeenCalledWith('i1', expect.objectContaining({ title: 'Evaluering', dueDate: '2027-02-01' }));
  });

  it('has no warning when the initiative has no target date', async () => {
    const { fixture, element, type } = setup(anInitiative({ targetDate: null }));
    await fixture.whenStable();
    await type('due', '2030-01-01');
    expect(element.querySelector('.milestone-form__warning')).toBeNull();
  });

  it('counts characters instead of cutting the text, and refuses too long a title', async () => {
    const { fixture, element, api, control, type, send } = setup();
    await fixture.whenStable();
    const title = control<HTMLInputElement>('title');
    expect(title.hasAttribute('maxlength')).toBe(false);
    expect(control('description').hasAttribute('maxlength')).toBe(false);
    expect(text(title.parentElement?.querySelector('.char-counter') ?? null)).toBe('0/200 tegn');

    await type('title', 'x'.repeat(201));
    expect(title.value).toHaveLength(201);
    expect(text(title.parentElement?.querySelector('.char-counter') ?? null)).toBe('201/200 tegn');
    await send();
    expect(api.createMilestone).not.toHaveBeenCalled();
    expect(text(element.querySelector('#milestone-new-title-error'))).toContain('200');
  });
});
