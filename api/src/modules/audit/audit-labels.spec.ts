import { labelOf, referencedIds, referenceKind, subjectKind } from './audit-labels';

const A = '0b7c1e2a-1111-2222-3333-444455556666';
const B = '11111111-2222-4333-8444-555566667777';

describe('audit labels', () => {
  it('knows which kind of record each recorded reference points to', () => {
    expect(referenceKind('lead_department_id', 'initiative')).toBe('department');
    expect(referenceKind('department_id', 'user_department')).toBe('department');
    expect(referenceKind('goal_id', 'initiative')).toBe('goal');
    expect(referenceKind('action_plan_id', 'goal')).toBe('action_plan');
    expect(referenceKind('initiative_id', 'milestone')).toBe('initiative');
    expect(referenceKind('partner_id', 'initiative_partner')).toBe('partner');
    expect(referenceKind('author_id', 'status_update')).toBe('user');
    expect(referenceKind('reviewer_id', 'status_update')).toBe('user');
    expect(referenceKind('user_id', 'user_department')).toBe('user');
    expect(referenceKind('delay_cause_id', 'status_update')).toBe('delay_cause');
    expect(referenceKind('id', 'milestone')).toBe('milestone');
    expect(referenceKind('title', 'milestone')).toBeNull();
    expect(referenceKind('valid', 'milestone')).toBeNull();
  });

  it('names a link row by the record it links', () => {
    expect(subjectKind('initiative_department')).toBe('department');
    expect(subjectKind('initiative_partner')).toBe('partner');
    expect(subjectKind('user_department')).toBe('user');
    expect(subjectKind('status_update')).toBe('status_update');
  });

  it('collects the ids of a change, before and after, in lists too, and nothing that is not an id', () => {
    expect(
      referencedIds('initiative', {
        lead_department_id: { before: A, after: B.toUpperCase() },
        participating_department_ids: { before: [A], after: [A, B] },
        owner_name: { before: 'x', after: A },
        goal_id: { before: null, after: 'not-an-id' },
      }),
    ).toEqual([
      ['department', A],
      ['department', B],
      ['department', A],
      ['department', A],
      ['department', B],
    ]);
  });

  it('labels each kind from its own fields, and nothing from missing ones', () => {
    expect(labelOf('milestone', { title: 'Samtalegrupper' })).toEqual({ da: 'Samtalegrupper', en: 'Samtalegrupper' });
    expect(labelOf('user', { display_name: 'Mette Holm' })).toEqual({ da: 'Mette Holm', en: 'Mette Holm' });
    expect(labelOf('status_update', { period_start: '2026-10-01', period_end: '2026-10-31' })).toEqual({
      da: '2026-10-01/2026-10-31',
      en: '2026-10-01/2026-10-31',
    });
    expect(labelOf('status_update', { period_start: '2026-10-01' })).toBeNull();
    expect(labelOf('delay_cause', { label_da: 'Bemanding', label_en: 'Staffing' })).toEqual({ da: 'Bemanding', en: 'Staffing' });
    expect(labelOf('delay_cause', { label_da: 'Bemanding', label_en: null })).toEqual({ da: 'Bemanding', en: 'Bemanding' });
    expect(labelOf('department', { name: null })).toBeNull();
  });
});
