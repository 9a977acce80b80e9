import { TestBed } from '@angular/core/testing';
import { I18n } from '../../core/i18n/i18n';
import { provideI18nTesting } from '../../core/i18n/testing';
import type { AuditEvent } from '@fremdrift/contracts';
import { changeLines, eventSubject, fieldLabel, formatValue, labelText, splitActor } from './audit-format';

/** A name that is the same in both languages. */
const name = (text: string) => ({ da: text, en: text });

const BOERN = '11111111-2222-4333-8444-555566667777';
const SUNDHED = '99999999-8888-4777-8666-555544443333';
const GONE = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const INITIATIVE = '0b7c1e2a-1111-2222-3333-444455556666';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

function i18n(language: 'da' | 'en' = 'da'): I18n {
  TestBed.resetTestingModule();
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
    const withEmptyText = { title: { before: null, after: 'Ny' }, summary: { before: null, after: '' }, published: { before: null, after: false } };
    expect(changeLines({ action: 'create', changes: withEmptyText }, da).map((line) => line.field)).toEqual(['title', 'published']);
    expect(changeLines({ action: 'delete', changes: { title: { before: 'Gammel', after: null }, summary: { before: '', after: null } } }, da)).toHaveLength(1);
    expect(changeLines({ action: 'update', changes: { summary: { before: 'Kort', after: '' } } }, da)[0].after).toBe('(tom)');
  });

  it('shows the name of every referenced record instead of its id, in either case', () => {
    const da = i18n();
    const references = { [BOERN]: name('Børn og Unge'), [SUNDHED]: name('Sundhed og Omsorg') };
    const lines = changeLines({ action: 'update', changes: { leadDepartmentId: { before: BOERN, after: SUNDHED.toUpperCase() } }, references }, da);
    expect(lines).toEqual([{ field: 'leadDepartmentId', label: 'Ansvarlig afdeling', before: 'Børn og Unge', after: 'Sundhed og Omsorg' }]);
    expect(formatValue('departmentIds', [BOERN, SUNDHED], da, references)).toBe('Børn og Unge, Sundhed og Omsorg');
  });

  it('says "unknown record" for an id nothing knows, and never shows the id', () => {
    const da = i18n();
    expect(formatValue('goalId', GONE, da, {})).toBe('(ukendt post)');
    expect(formatValue('somethingNewId', GONE, da)).toBe('(ukendt post)');
    expect(formatValue('departmentIds', [GONE, BOERN], da, { [BOERN]: name('Børn og Unge') })).toBe('(ukendt post), Børn og Unge');
    const lines = changeLines({ action: 'create', changes: { goalId: { before: null, after: GONE }, authorId: { before: null, after: GONE } } }, da);
    expect(JSON.stringify(lines)).not.toMatch(UUID);
    expect(formatValue('goalId', GONE, i18n('en'))).toBe('(unknown record)');
  });

  it('leaves out the record’s own id and, under an initiative, the initiative id: the event names both', () => {
    const changes = { id: { before: null, after: GONE }, initiativeId: { before: null, after: INITIATIVE }, title: { before: null, after: 'Ny' } };
    const initiative = { id: INITIATIVE, label: name('Sprogcafé'), deleted: false };
    expect(changeLines({ action: 'create', changes, initiative }, i18n()).map((line) => line.field)).toEqual(['title']);
    expect(changeLines({ action: 'create', changes, initiative: null, references: { [INITIATIVE]: name('Sprogcafé') } }, i18n())).toEqual([
      { field: 'initiativeId', label: 'Initiativ', before: null, after: 'Sprogcafé' },
      { field: 'title', label: 'Titel', before: null, after: 'Ny' },
    ]);
  });

  it('writes labels in the reader’s language, and a status update’s period as dates', () => {
    expect(labelText({ da: 'Bemanding', en: 'Staffing' }, i18n())).toBe('Bemanding');
    expect(labelText({ da: 'Bemanding', en: 'Staffing' }, i18n('en'))).toBe('Staffing');
    expect(labelText(name('2026-10-01/2026-10-31'), i18n())).toBe('1. okt. 2026 – 31. okt. 2026');
    expect(labelText(name('Samtalegrupper'), i18n())).toBe('Samtalegrupper');
    expect(labelText(null, i18n())).toBeNull();
  });

  it('names what an event is about, with a link to its initiative while that exists', () => {
    const da = i18n();
    const initiative = { id: INITIATIVE, label: name('Sprogcafé'), deleted: false };
    const base: Pick<AuditEvent, 'entityType' | 'subject' | 'initiative'> = {
      entityType: 'milestone',
      subject: { id: GONE, label: name('Samtalegrupper'), deleted: false },
      initiative,
    };
    expect(eventSubject(base, da)).toEqual({
      text: 'Milepæl »Samtalegrupper«',
      deleted: false,
      link: null,
      initiative: { text: 'Initiativ »Sprogcafé«', link: `/initiativer/${INITIATIVE}`, deleted: false },
    });
    expect(eventSubject({ ...base, entityType: 'initiative', subject: initiative }, da)).toEqual({
      text: 'Initiativ »Sprogcafé«',
      deleted: false,
      link: `/initiativer/${INITIATIVE}`,
      initiative: null,
    });
    const gone = eventSubject({ ...base, initiative: { id: INITIATIVE, label: name('Sprogcafé'), deleted: true } }, da);
    expect(gone.initiative?.link).toBeNull();
    expect(eventSubject({ entityType: 'department', subject: { id: GONE, label: null, deleted: true }, initiative: null }, da)).toEqual({
      text: 'Afdeling (ukendt navn)',
      deleted: true,
      link: null,
      initiative: null,
    });
    expect(eventSubject({ ...base, entityType: 'status_update', subject: { id: GONE, label: name('2026-10-01/2026-10-31'), deleted: false } }, da).text).toBe(
      'Statusopdatering »1. okt. 2026 – 31. okt. 2026«',
    );
    expect(eventSubject(base, i18n('en')).text).toBe('Milestone “Samtalegrupper”');
  });

  it('splits the actor into name and e-mail', () => {
    expect(splitActor('Mette Holm <leder.mso@fremdrift.example>')).toEqual({ name: 'Mette Holm', email: 'leder.mso@fremdrift.example' });
    expect(splitActor('Demodata')).toEqual({ name: 'Demodata', email: null });
  });
});
