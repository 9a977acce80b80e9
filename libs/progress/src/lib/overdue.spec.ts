import { isMilestoneOverdue, nextMilestone, overdueMilestones } from './overdue';

const today = '2026-11-23';

describe('isMilestoneOverdue', () => {
  it('is overdue when open and the due date has passed', () => {
    expect(isMilestoneOverdue({ dueDate: '2026-11-22', completedDate: null }, today)).toBe(true);
  });

  it('is not overdue on its due date or in the future', () => {
    expect(isMilestoneOverdue({ dueDate: today, completedDate: null }, today)).toBe(false);
    expect(isMilestoneOverdue({ dueDate: '2027-01-01', completedDate: null }, today)).toBe(false);
  });

  it('is never overdue once completed, even late', () => {
    expect(isMilestoneOverdue({ dueDate: '2020-01-01', completedDate: '2021-06-01' }, today)).toBe(false);
  });

  it('is not overdue without a due date', () => {
    expect(isMilestoneOverdue({ dueDate: null, completedDate: null }, today)).toBe(false);
  });
});

describe('overdueMilestones', () => {
  it('returns nothing for no milestones', () => {
    expect(overdueMilestones([], today)).toEqual([]);
  });

  it('returns nothing when all are done', () => {
    const all = [
      { dueDate: '2020-01-01', completedDate: '2020-01-01' },
      { dueDate: '2021-01-01', completedDate: '2021-02-01' },
    ];
    expect(overdueMilestones(all, today)).toEqual([]);
  });

  it('returns only the open ones past due', () => {
    const late = { dueDate: '2025-01-01', completedDate: null };
    const future = { dueDate: '2027-01-01', completedDate: null };
    expect(overdueMilestones([late, future], today)).toEqual([late]);
  });
});

describe('nextMilestone', () => {
  it('is the earliest open milestone, undated ones last', () => {
    const undated = { dueDate: null, completedDate: null };
    const later = { dueDate: '2027-03-01', completedDate: null };
    const sooner = { dueDate: '2027-01-01', completedDate: null };
    const done = { dueDate: '2026-01-01', completedDate: '2026-01-01' };
    expect(nextMilestone([undated, later, done, sooner])).toBe(sooner);
  });

  it('is null when all are done', () => {
    expect(nextMilestone([{ dueDate: '2026-01-01', completedDate: '2026-01-01' }])).toBeNull();
  });
});
