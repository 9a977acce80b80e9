import { computeProgress } from './progress';

const done = (weight = 1) => ({ weight, completedDate: '2026-01-10' });
const open = (weight = 1) => ({ weight, completedDate: null });

describe('computeProgress', () => {
  it('derives progress from the status when there are no milestones', () => {
    expect(computeProgress([], 'idea')).toBe(0);
    expect(computeProgress([], 'planned')).toBe(0);
    expect(computeProgress([], 'in_progress')).toBe(0.5);
    expect(computeProgress([], 'on_hold')).toBe(0.5);
    expect(computeProgress([], 'cancelled')).toBe(0);
  });

  it('is complete for a completed initiative even with open milestones', () => {
    expect(computeProgress([open(), open()], 'completed')).toBe(1);
  });

  it('is the weighted share of completed milestones', () => {
    expect(computeProgress([done(3), open(1)], 'in_progress')).toBe(0.75);
    expect(computeProgress([done(1), open(3)], 'in_progress')).toBe(0.25);
  });

  it('is 1 when every milestone is done', () => {
    expect(computeProgress([done(2), done(1)], 'in_progress')).toBe(1);
  });

  it('is 0 when no milestone is done', () => {
    expect(computeProgress([open(2), open(1)], 'in_progress')).toBe(0);
  });

  it('ignores zero-weight milestones when others carry weight', () => {
    expect(computeProgress([done(0), open(1)], 'in_progress')).toBe(0);
    expect(computeProgress([open(0), done(1)], 'in_progress')).toBe(1);
  });

  it('counts milestones equally when every weight is zero', () => {
    expect(computeProgress([done(0), open(0), open(0), open(0)], 'in_progress')).toBe(0.25);
  });

  it('treats negative weights as zero', () => {
    expect(computeProgress([done(-5), open(1)], 'in_progress')).toBe(0);
  });
});
