import { isHealthDrop, suggestHealth } from './health';

const base = { status: 'in_progress' as const, overdueMilestoneCount: 0 };

describe('suggestHealth', () => {
  it('is on track when progress keeps up with the schedule', () => {
    expect(suggestHealth({ ...base, progress: 0.5, expectedProgress: 0.5 })).toBe('on_track');
    expect(suggestHealth({ ...base, progress: 0.9, expectedProgress: 0.5 })).toBe('on_track');
  });

  it('allows a lag of up to 10 points', () => {
    expect(suggestHealth({ ...base, progress: 0.4, expectedProgress: 0.5 })).toBe('on_track');
  });

  it('is at risk when more than 10 and up to 25 points behind', () => {
    expect(suggestHealth({ ...base, progress: 0.39, expectedProgress: 0.5 })).toBe('at_risk');
    expect(suggestHealth({ ...base, progress: 0.25, expectedProgress: 0.5 })).toBe('at_risk');
  });

  it('is off track when more than 25 points behind', () => {
    expect(suggestHealth({ ...base, progress: 0.24, expectedProgress: 0.5 })).toBe('off_track');
    expect(suggestHealth({ ...base, progress: 0, expectedProgress: 1 })).toBe('off_track');
  });

  it('is at risk with an overdue milestone even when on schedule', () => {
    expect(suggestHealth({ ...base, progress: 0.5, expectedProgress: 0.5, overdueMilestoneCount: 1 })).toBe('at_risk');
  });

  it('judges by overdue milestones alone without dates', () => {
    expect(suggestHealth({ ...base, progress: 0, expectedProgress: null })).toBe('on_track');
    expect(suggestHealth({ ...base, progress: 0, expectedProgress: null, overdueMilestoneCount: 2 })).toBe('at_risk');
  });

  it('is on track for finished work', () => {
    expect(suggestHealth({ ...base, status: 'completed', progress: 1, expectedProgress: 1, overdueMilestoneCount: 3 })).toBe('on_track');
    expect(suggestHealth({ ...base, status: 'cancelled', progress: 0, expectedProgress: 1 })).toBe('on_track');
  });
});

describe('isHealthDrop', () => {
  it('is a drop only towards worse health', () => {
    expect(isHealthDrop('on_track', 'at_risk')).toBe(true);
    expect(isHealthDrop('at_risk', 'off_track')).toBe(true);
    expect(isHealthDrop('off_track', 'on_track')).toBe(false);
    expect(isHealthDrop('at_risk', 'at_risk')).toBe(false);
  });
});
