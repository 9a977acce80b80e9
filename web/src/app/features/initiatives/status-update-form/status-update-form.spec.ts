import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap } from '@angular/router';
import type { CreateStatusUpdate, DelayCause, Initiative, Page, StatusUpdate } from '@fremdrift/contracts';
import { Observable, of, throwError } from 'rxjs';
import { DelayCausesApi } from '../../../core/api/delay-causes-api';
import { fakeAuth } from '../../../core/auth/testing';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { UnsavedChanges } from '../../../core/unsaved-changes/unsaved-changes';
import { ConflictPrompt } from '../../../shared/conflict-dialog/conflict-prompt';
import { anInitiative, aStatusUpdate, leadMso } from '../../../shared/testing/initiative.fixtures';
import { InitiativePageState } from '../initiative-page/initiative-page-state';
import { InitiativesApi } from '../initiatives-api';
import { StatusUpdateForm } from './status-update-form';

const causes: DelayCause[] = [
  { id: 'c2', code: 'staff', labelDa: 'Mangel på personale', labelEn: 'Lack of staff', active: true, sortOrder: 2 },
  { id: 'c1', code: 'money', labelDa: 'Økonomi', labelEn: 'Funding', active: true, sortOrder: 1 },
  { id: 'c3', code: 'old', labelDa: 'Udgået årsag', labelEn: 'Retired cause', active: false, sortOrder: 3 },
];
const draftKey = `fremdrift.statusDraft.${leadMso.id}.i1`;

function setup(
  create: (id: string, update: CreateStatusUpdate) => Observable<StatusUpdate>,
  initiative: Initiative = anInitiative({ health: 'at_risk' }),
  arrival: { query?: Record<string, string>; latest?: () => Observable<Page<StatusUpdate>> } = {},
) {
  const api = {
    createStatusUpdate: jest.fn(create),
    get: jest.fn(() => of({ ...initiative, health: 'off_track', version: 4 })),
    statusUpdates: jest.fn(arrival.latest ?? (() => of({ items: [], total: 0, page: 1, pageSize: 1 }))),
  };
  TestBed.configureTestingModule({
    imports: [StatusUpdateForm],
    providers: [
      { provide: ActivatedRoute, useValue: { snapshot: { queryParamMap: convertToParamMap(arrival.query ?? {}) } } },
      provideI18nTesting(),
      fakeAuth(leadMso),
      InitiativePageState,
      ConflictPrompt,
      UnsavedChanges,
      { provide: InitiativesApi, useValue: api },
      { provide: DelayCausesApi, useValue: { list: () => of(causes) } },
    ],
  });
  TestBed.inject(InitiativePageState).set(initiative);
  const fixture = TestBed.createComponent(StatusUpdateForm);
  const element = fixture.nativeElement as HTMLElement;
  const control = <T extends HTMLElement>(id: string) => {
    const found = element.querySelector<T>(`#${id}`);
    if (!found) throw new Error(`#${id} not found`);
    return found;
  };
  const type = async (id: string, value: string) => {
    const input = control<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(id);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
  };
  const chooseHealth = async (health: string) => {
    const radio = element.querySelector<HTMLInputElement>(`input[type="radio"][value="${health}"]`);
    radio?.click();
    await fixture.whenStable();
  };
  const send = async () => {
    element.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  };
  return { fixture, element, api, control, type, chooseHealth, send };
}

const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('StatusUpdateForm', () => {
  beforeEach(() => localStorage.clear());

  it('starts from the current period and health, and sends what was written', async () => {
    const { fixture, api, control, type, send } = setup((_id, update) => of(aStatusUpdate({ ...update, publicTextState: 'pending' } as StatusUpdate)));
    await fixture.whenStable();

    expect(control<HTMLInputElement>('su-period-start').value).toBe('2026-11-01');
    expect(control<HTMLInputElement>('su-period-end').value).toBe('2026-11-30');
    expect(fixture.nativeElement.querySelector('input[value="at_risk"]').checked).toBe(true);
    expect(fixture.nativeElement.querySelector('#su-delay-cause')).toBeNull();

    await type('su-narrative', '  Det går fremad.  ');
    await type('su-public', 'Vi er godt i gang.');
    await send();

    expect(api.createStatusUpdate).toHaveBeenCalledWith('i1', {
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
      health: 'at_risk',
      narrative: 'Det går fremad.',
      blockers: '',
      nextSteps: '',
      internalText: '',
      publicText: 'Vi er godt i gang.',
    });
    expect(api.get).toHaveBeenCalledWith('i1');
    expect(control<HTMLTextAreaElement>('su-narrative').value).toBe('');
    expect(localStorage.getItem(draftKey)).toBeNull();
  });

  it('confirms the sent update by the send button, in a status region brought into view, not at the top of the page', async () => {
    const { fixture, element, type, send } = setup((_id, update) => of(aStatusUpdate({ ...update, publicTextState: 'approved' } as StatusUpdate)));
    await fixture.whenStable();
    const region = element.querySelector<HTMLElement>('.status-form__sent');
    expect(region?.getAttribute('role')).toBe('status');
    expect(text(region)).toBe('');
    const scrolled = jest.fn();
    (region as HTMLElement).scrollIntoView = scrolled;

    await type('su-narrative', 'Det går fremad.');
    await send();
    await fixture.whenStable();

    expect(text(region)).toBe('Statusopdateringen er sendt.');
    // It follows the send button, where the user is.
    const button = element.querySelector('button[type="submit"]') as HTMLElement;
    expect(button.compareDocumentPosition(region as HTMLElement) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(scrolled).toHaveBeenCalledWith({ block: 'nearest' });
    expect(TestBed.inject(InitiativePageState).announcement()).toBe('');
  });

  it('requires a cause and an explanation when the health drops, in Danish, before sending', async () => {
    const { fixture, element, api, control, type, chooseHealth, send } = setup((_id, update) => of(aStatusUpdate(update as Partial<StatusUpdate>)));
    await fixture.whenStable();

    await chooseHealth('off_track');
    expect(text(element.querySelector('#su-drop'))).toContain('Vurderingen falder fra I risiko til Bagud.');
    const options = Array.from(control<HTMLSelectElement>('su-delay-cause').options).map((o) => text(o));
    expect(options).toEqual(['Vælg årsag', 'Økonomi', 'Mangel på personale']);

    await type('su-narrative', 'Regionen har sagt fra.');
    await send();
    expect(api.createStatusUpdate).not.toHaveBeenCalled();
    expect(text(element.querySelector('#su-delay-cause-error'))).toBe('Fejl: Vælg årsagen til, at vurderingen falder.');
    expect(text(element.querySelector('#su-delay-reason-error'))).toBe('Fejl: Forklar, hvorfor vurderingen falder.');
    expect(control('su-delay-cause').getAttribute('aria-invalid')).toBe('true');
    expect(control('su-delay-cause').getAttribute('aria-describedby')).toBe('su-drop su-delay-cause-error');
    expect(document.activeElement?.id).toBe('su-delay-cause');

    await type('su-delay-cause', 'c1');
    await type('su-delay-reason', 'For kort');
    await send();
    expect(text(element.querySelector('#su-delay-reason-error'))).toBe('Fejl: Forklaringen skal være på mindst 10 tegn.');

    await type('su-delay-reason', 'Regionen har ikke budget i år.');
    await send();
    expect(api.createStatusUpdate).toHaveBeenCalledWith(
      'i1',
      expect.objectContaining({ health: 'off_track', delayCauseId: 'c1', delayReason: 'Regionen har ikke budget i år.' }),
    );
  });

  it('keeps an unsent update as a draft in this browser and brings it back', async () => {
    const first = setup(() => of(aStatusUpdate()));
    await first.fixture.whenStable();
    await first.type('su-narrative', 'Halvt skrevet');
    await first.chooseHealth('on_track');
    expect(JSON.parse(localStorage.getItem(draftKey) ?? '{}').value).toEqual(expect.objectContaining({ narrative: 'Halvt skrevet', health: 'on_track' }));
    first.fixture.destroy();
    TestBed.resetTestingModule();

    const again = setup(() => of(aStatusUpdate()));
    await again.fixture.whenStable();
    expect(again.control<HTMLTextAreaElement>('su-narrative').value).toBe('Halvt skrevet');
    expect(text(again.element.querySelector('.status-form__draft'))).toContain('Din kladde er hentet frem igen.');

    Array.from(again.element.querySelectorAll('button'))
      .find((b) => text(b) === 'Kassér kladden')
      ?.click();
    await again.fixture.whenStable();
    expect(again.control<HTMLTextAreaElement>('su-narrative').value).toBe('');
    expect(localStorage.getItem(draftKey)).toBeNull();
  });

  it('places the API’s field errors next to the fields, in Danish', async () => {
    const problem = {
      title: 'Bad Request',
      status: 400,
      code: 'validation',
      errors: {
        delayReason: [{ code: 'healthDropReason', params: { min: 10 }, message: 'delayReason must explain the drop in health (at least 10 characters)' }],
      },
    };
    const { fixture, element, type, chooseHealth, send } = setup(() => throwError(() => new HttpErrorResponse({ status: 400, error: problem })));
    await fixture.whenStable();
    await chooseHealth('off_track');
    await type('su-narrative', 'Tekst');
    await type('su-delay-cause', 'c1');
    await type('su-delay-reason', 'En forklaring, der er lang nok.');
    await send();

    expect(text(element.querySelector('#su-delay-reason-error'))).toBe('Fejl: Forklaringen skal være på mindst 10 tegn.');
    expect(element.querySelector('[role="alert"]')).toBeNull();
  });

  it('shows the schedule’s suggestion beside the health, and one click pre-selects it; a drop still asks why', async () => {
    const initiative = anInitiative({ health: 'on_track', suggestedHealth: 'off_track', progress: 0.2, expectedProgress: 0.6, overdueMilestoneCount: 0 });
    const { fixture, element } = setup(() => of(aStatusUpdate()), initiative);
    await fixture.whenStable();

    const fieldset = element.querySelectorAll('fieldset')[1];
    expect(text(fieldset.querySelector('.suggestion__head'))).toBe('Ud fra tidsplanen og milepælene foreslår Fremdrift: Bagud');
    expect(text(fieldset.querySelector('.suggestion__why')).replace(/\u00a0/g, ' ')).toBe(
      'Forventet fremdrift efter tidsplanen: 60 %. Faktisk fremdrift: 20 %.',
    );
    expect(element.querySelector('#su-delay-cause')).toBeNull();

    fieldset.querySelector<HTMLButtonElement>('.suggestion__adopt')?.click();
    await fixture.whenStable();

    expect(element.querySelector<HTMLInputElement>('input[value="off_track"]')?.checked).toBe(true);
    expect(document.activeElement).toBe(element.querySelector('input[value="off_track"]'));
    expect(fieldset.querySelector('.suggestion__adopt')).toBeNull();
    expect(element.querySelector('#su-delay-cause')).not.toBeNull();
    expect(element.querySelector('#su-delay-reason')).not.toBeNull();
  });

  it('takes up a suggestion adopted elsewhere on the page', async () => {
    const initiative = anInitiative({ health: 'on_track', suggestedHealth: 'at_risk' });
    const { fixture, element } = setup(() => of(aStatusUpdate()), initiative);
    await fixture.whenStable();
    expect(element.querySelector<HTMLInputElement>('input[value="on_track"]')?.checked).toBe(true);

    TestBed.inject(InitiativePageState).adoptHealth('at_risk');
    await fixture.whenStable();
    expect(element.querySelector<HTMLInputElement>('input[value="at_risk"]')?.checked).toBe(true);
  });

  it('lets long text in with a counter instead of cutting it, and says it is too long', async () => {
    const { fixture, element, control, type, send } = setup(() => of(aStatusUpdate()));
    await fixture.whenStable();
    const narrative = control<HTMLTextAreaElement>('su-narrative');
    expect(narrative.hasAttribute('maxlength')).toBe(false);
    const counter = () => text(narrative.parentElement?.querySelector('.char-counter') ?? null);
    expect(counter()).toBe('0/10.000 tegn');

    await type('su-narrative', 'x'.repeat(10_001));
    expect(narrative.value).toHaveLength(10_001);
    expect(counter()).toBe('10.001/10.000 tegn');
    await send();
    expect(text(element.querySelector('#su-narrative-error'))).toContain('10000');
  });

  describe('arriving by the reminder’s "no changes" link', () => {
    const noChangeLink = { opdatering: 'ingen-aendringer' };
    const latest = aStatusUpdate({
      periodStart: '2026-10-01',
      periodEnd: '2026-10-31',
      health: 'at_risk',
      narrative: 'To hold er i gang.',
      blockers: 'Mangler lokaler.',
      nextSteps: 'Finde lokaler.',
      internalText: 'Budgettet er presset.',
      publicText: 'Forløbet kører.',
    });
    const pageOf = (items: StatusUpdate[]) => () => of({ items, total: items.length, page: 1, pageSize: 1 });

    it('fills the form in from the latest update for this period, says so, and sends nothing by itself', async () => {
      const { fixture, element, api, control } = setup(() => of(aStatusUpdate()), anInitiative({ health: 'at_risk' }), {
        query: noChangeLink,
        latest: pageOf([latest]),
      });
      await fixture.whenStable();

      expect(api.statusUpdates).toHaveBeenCalledWith('i1', 1);
      const notice = element.querySelector('.status-form__prefill');
      expect(text(notice)).toBe('Udfyldt med sidste opdatering – ret det, der har ændret sig, og send.');
      expect(control<HTMLInputElement>('su-period-start').value).toBe('2026-11-01');
      expect(control<HTMLInputElement>('su-period-end').value).toBe('2026-11-30');
      expect(element.querySelector<HTMLInputElement>('input[type="radio"][value="at_risk"]')?.checked).toBe(true);
      expect(control<HTMLTextAreaElement>('su-narrative').value).toBe('To hold er i gang.');
      expect(control<HTMLTextAreaElement>('su-blockers').value).toBe('Mangler lokaler.');
      expect(control<HTMLTextAreaElement>('su-next-steps').value).toBe('Finde lokaler.');
      // The remark and the public text belonged to the previous period.
      expect(control<HTMLTextAreaElement>('su-internal').value).toBe('');
      expect(control<HTMLTextAreaElement>('su-public').value).toBe('');
      expect(api.createStatusUpdate).not.toHaveBeenCalled();
    });

    it('asks for the cause when the latest update’s health is lower than the initiative’s now', async () => {
      const { fixture, element } = setup(() => of(aStatusUpdate()), anInitiative({ health: 'on_track' }), { query: noChangeLink, latest: pageOf([latest]) });
      await fixture.whenStable();
      expect(element.querySelector('#su-delay-cause')).not.toBeNull();
    });

    it('says when there is no earlier update to fill in from', async () => {
      const { fixture, element, control } = setup(() => of(aStatusUpdate()), anInitiative(), { query: noChangeLink, latest: pageOf([]) });
      await fixture.whenStable();
      expect(text(element.querySelector('.status-form__prefill'))).toBe('Der er ingen tidligere statusopdatering at udfylde med. Skriv den første her.');
      expect(control<HTMLTextAreaElement>('su-narrative').value).toBe('');
    });

    it('keeps the user’s own draft rather than overwriting it', async () => {
      localStorage.setItem(
        draftKey,
        JSON.stringify({
          savedAt: '2026-11-20T10:00:00Z',
          value: { narrative: 'Min egen kladde.', health: 'on_track', periodStart: '2026-11-01', periodEnd: '2026-11-30' },
        }),
      );
      const { fixture, element, api, control } = setup(() => of(aStatusUpdate()), anInitiative(), { query: noChangeLink, latest: pageOf([latest]) });
      await fixture.whenStable();
      expect(api.statusUpdates).not.toHaveBeenCalled();
      expect(control<HTMLTextAreaElement>('su-narrative').value).toBe('Min egen kladde.');
      expect(element.querySelector('.status-form__prefill')).toBeNull();
    });

    it('does not fetch the latest update on an ordinary visit', async () => {
      const { fixture, api, element } = setup(() => of(aStatusUpdate()));
      await fixture.whenStable();
      expect(api.statusUpdates).not.toHaveBeenCalled();
      expect(element.querySelector('.status-form__prefill')).toBeNull();
    });
  });
});
