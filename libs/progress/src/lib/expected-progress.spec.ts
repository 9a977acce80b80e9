import { computeExpectedProgress } from './expected-progress';

describe('computeExpectedProgress', () => {
  it('is null without a start or a target date', () => {
    expect(computeExpectedProgress(null, '2026-12-31', '2026-06-01')).toBeNull();
    expect(computeExpectedProgress('2026-01-01', null, '2026-06-01')).toBeNull();
  });

  it('is 0 before and on the start date (a future start)', () => {
    expect(computeExpectedProgress('2027-01-01', '2027-12-31', '2026-11-23')).toBe(0);
    expect(computeExpectedProgress('2026-11-23', '2027-12-31', '2026-11-23')).toBe(0);
  });

  it('is 1 on and after the target date (a past target)', () => {
    expect(computeExpectedProgress('2016-01-01', '2018-12-31', '2026-11-23')).toBe(1);
    expect(computeExpectedProgress('2026-01-01', '2026-11-23', '2026-11-23')).toBe(1);
  });

  it('runs linearly from start to target', () => {
    expect(computeExpectedProgress('2026-01-01', '2026-01-11', '2026-01-06')).toBe(0.5);
    expect(computeExpectedProgress('2026-01-01', '2026-01-05', '2026-01-02')).toBe(0.25);
  });

  it('is 1 once started when the target is not after the start', () => {
    expect(computeExpectedProgress('2026-05-01', '2026-04-01', '2026-04-15')).toBe(1);
  });
});
