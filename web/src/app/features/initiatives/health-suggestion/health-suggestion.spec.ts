import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Health, Initiative } from '@fremdrift/contracts';
import { I18n } from '../../../core/i18n/i18n';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { anInitiative } from '../../../shared/testing/initiative.fixtures';
import { HealthSuggestion, suggestionReasons } from './health-suggestion';

@Component({
  imports: [HealthSuggestion],
  template: `<fd-health-suggestion [initiative]="initiative()" [current]="current()" [adoptable]="adoptable()" (adopt)="adopted.push($event)" />`,
})
class Host {
  readonly initiative = signal<Initiative>(anInitiative());
  readonly current = signal<Health>('on_track');
  readonly adoptable = signal(true);
  readonly adopted: Health[] = [];
}

const text = (element: Element | null) =>
  (element?.textContent ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function setup() {
  TestBed.configureTestingModule({ imports: [Host], providers: [provideI18nTesting()] });
  const fixture = TestBed.createComponent(Host);
  return { fixture, host: fixture.componentInstance, element: fixture.nativeElement as HTMLElement };
}

describe('suggestionReasons', () => {
  it('gives expected against actual progress and the overdue milestones', () => {
    setup();
    const i18n = TestBed.inject(I18n);
    const reasons = suggestionReasons(anInitiative({ progress: 0.42, expectedProgress: 0.6, overdueMilestoneCount: 2 }), i18n);
    expect(reasons?.map((reason) => reason.replace(/\u00a0/g, ' '))).toEqual([
      'Forventet fremdrift efter tidsplanen: 60 %. Faktisk fremdrift: 42 %.',
      '2 milepæle har overskredet deres frist.',
    ]);
    expect(suggestionReasons(anInitiative({ expectedProgress: null, overdueMilestoneCount: 0 }), i18n)).toEqual([
      'Initiativet mangler start- eller slutdato, så forslaget bygger kun på milepælenes frister.',
    ]);
  });

  it('has nothing to suggest for completed and cancelled initiatives', () => {
    setup();
    const i18n = TestBed.inject(I18n);
    expect(suggestionReasons(anInitiative({ status: 'completed' }), i18n)).toBeNull();
    expect(suggestionReasons(anInitiative({ status: 'cancelled' }), i18n)).toBeNull();
  });
});

describe('HealthSuggestion', () => {
  it('shows the suggestion with its reason and offers to adopt it when it differs', async () => {
    const { fixture, host, element } = setup();
    await fixture.whenStable();

    expect(text(element.querySelector('.suggestion__head'))).toBe('Ud fra tidsplanen og milepælene foreslår Fremdrift: I risiko');
    expect(text(element.querySelector('.suggestion__why'))).toContain('Forventet fremdrift efter tidsplanen: 60 %. Faktisk fremdrift: 42 %.');
    const button = element.querySelector<HTMLButtonElement>('.suggestion__adopt');
    expect(text(button)).toBe('Vælg forslaget: I risiko');
    button?.click();
    expect(host.adopted).toEqual(['at_risk']);
  });

  it('says when the suggestion is the same, and offers nothing to adopt', async () => {
    const { fixture, host, element } = setup();
    host.current.set('at_risk');
    await fixture.whenStable();
    expect(text(element.querySelector('.suggestion__head'))).toContain('Det er den samme vurdering.');
    expect(element.querySelector('.suggestion__adopt')).toBeNull();
  });

  it('offers no button to those who may not report', async () => {
    const { fixture, host, element } = setup();
    host.adoptable.set(false);
    await fixture.whenStable();
    expect(element.querySelector('.suggestion')).not.toBeNull();
    expect(element.querySelector('.suggestion__adopt')).toBeNull();
  });

  it('shows nothing for a completed initiative', async () => {
    const { fixture, host, element } = setup();
    host.initiative.set(anInitiative({ status: 'completed', suggestedHealth: 'on_track', health: 'at_risk' }));
    await fixture.whenStable();
    expect(element.querySelector('.suggestion')).toBeNull();
  });
});
