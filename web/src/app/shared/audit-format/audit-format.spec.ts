import { TestBed } from '@angular/core/testing';
import { I18n } from '../../core/i18n/i18n';
import { provideI18nTesting } from '../../core/i18n/testing';
import { changeLines, fieldLabel, formatValue, splitActor } from './audit-format';

function i18n(language: 'da' | 'en' = 'da'): I18n {
  TestBed.configureTestingModule({ providers: [provideI18nTesting(language)] });
  return TestBed.inject(I18n);
}

describe('audit formatting', () => {
  it('names fields in Danish and leaves unknown ones as they are', () => {
    const da = i18n();
    expect(fieldLabel('targetDate', da)).toBe('Slutdato');
    expect(fieldLabel('somethingNew', da)).toBe('somethingNew');
  });

  it('writes values in plain Danish', () => {
    const da = i18n();
    expect(formatValue('health', 'at_risk', da)).toBe('I risiko');
    expect(formatValue('status', 'in_progress', da)).toBe('I gang');
    expect(formatValue('role', 'department_lead', da)).toBe('Afdelingsleder');
    expect(formatValue('published', true, da)).toBe('Ja');
    expect(formatValue('targetDate', '2026-11-23', da)).toBe('23. nov. 2026');
    expect(formatValue('weight', 1234.5, da)).toBe('1.234,5');
    expect(formatValue('summary', '', da)).toBe('(tom)');
    expect(formatValue('summary', null, da)).toBeNull();
    expect(formatValue('summary', 'x'.repeat(500), da)).toHaveLength(160);
    expect(formatValue('password', '[changed]', da)).toBe('skiftet');
  });

  it('writes the same values in English when English is chosen', () => {
    const en = i18n('en');
    expect(fieldLabel('targetDate', en)).toBe('Target date');
    expect(formatValue('health', 'at_risk', en)).toBe('At risk');
    expect(formatValue('targetDate', '2026-11-23', en)).toBe('23 Nov 2026');
    expect(formatValue('weight', 1234.5, en)).toBe('1,234.5');
  });

  it('lists the changed fields of an event', () => {
    expect(changeLines({ action: 'update', changes: { health: { before: 'on_track', after: 'off_track' } } }, i18n())).toEqual([
      { field: 'health', label: 'Vurdering', before: 'På sporet', after: 'Bagud' },
    ]);
  });

  it('leaves out the empty side of a created or deleted record', () => {
    const da = i18n();
    const changes = { title: { before: null, after: 'Ny' }, authorId: { before: null, after: null } };
    expect(changeLines({ action: 'create', changes }, da).map((line) => line.field)).toEqual(['title']);
    expect(changeLines({ action: 'delete', changes: { title: { before: 'Gammel', after: null } } }, da)).toHaveLength(1);
  });

  it('splits the actor into name and e-mail', () => {
    expect(splitActor('Mette Holm <leder.mso@fremdrift.example>')).toEqual({ name: 'Mette Holm', email: 'leder.mso@fremdrift.example' });
    expect(splitActor('Demodata')).toEqual({ name: 'Demodata', email: null });
  });
});
