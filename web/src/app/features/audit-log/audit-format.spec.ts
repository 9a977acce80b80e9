import { registerLocaleData } from '@angular/common';
import localeDa from '@angular/common/locales/da';
import { changeLines, fieldLabel, formatValue, splitActor } from './audit-format';

registerLocaleData(localeDa, 'da');

describe('audit formatting', () => {
  it('names fields in Danish and leaves unknown ones as they are', () => {
    expect(fieldLabel('targetDate')).toBe('Slutdato');
    expect(fieldLabel('somethingNew')).toBe('somethingNew');
  });

  it('writes values in plain Danish', () => {
    expect(formatValue('health', 'at_risk', 'da')).toBe('I risiko');
    expect(formatValue('status', 'in_progress', 'da')).toBe('I gang');
    expect(formatValue('role', 'department_lead', 'da')).toBe('Afdelingsleder');
    expect(formatValue('published', true, 'da')).toBe('Ja');
    expect(formatValue('targetDate', '2026-11-23', 'da')).toBe('23. nov. 2026');
    expect(formatValue('weight', 1234.5, 'da')).toBe('1.234,5');
    expect(formatValue('summary', '', 'da')).toBe('(tom)');
    expect(formatValue('summary', null, 'da')).toBeNull();
    expect(formatValue('summary', 'x'.repeat(500), 'da')).toHaveLength(160);
    expect(formatValue('password', '[changed]', 'da')).toBe('skiftet');
  });

  it('lists the changed fields of an event', () => {
    expect(changeLines({ action: 'update', changes: { health: { before: 'on_track', after: 'off_track' } } }, 'da')).toEqual([
      { field: 'health', label: 'Vurdering', before: 'På sporet', after: 'Bagud' },
    ]);
  });

  it('leaves out the empty side of a created or deleted record', () => {
    const changes = { title: { before: null, after: 'Ny' }, authorId: { before: null, after: null } };
    expect(changeLines({ action: 'create', changes }, 'da').map((line) => line.field)).toEqual(['title']);
    expect(changeLines({ action: 'delete', changes: { title: { before: 'Gammel', after: null } } }, 'da')).toHaveLength(1);
  });

  it('splits the actor into name and e-mail', () => {
    expect(splitActor('Mette Holm <leder.mso@fremdrift.example>')).toEqual({ name: 'Mette Holm', email: 'leder.mso@fremdrift.example' });
    expect(splitActor('Demodata')).toEqual({ name: 'Demodata', email: null });
  });
});
