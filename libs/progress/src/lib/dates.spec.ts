import { daysBetween, MUNICIPAL_TIME_ZONE, todayIn } from './dates';

const COPENHAGEN = 'Europe/Copenhagen';

describe('todayIn', () => {
  it('gives the calendar date in the municipality, not in UTC', () => {
    expect(todayIn(COPENHAGEN, new Date('2026-11-23T23:30:00Z'))).toBe('2026-11-24');
    expect(todayIn('UTC', new Date('2026-11-23T23:30:00Z'))).toBe('2026-11-23');
  });

  it('turns at midnight in Copenhagen: 23:00 UTC in winter time', () => {
    expect(todayIn(COPENHAGEN, new Date('2026-11-23T22:59:59.999Z'))).toBe('2026-11-23');
    expect(todayIn(COPENHAGEN, new Date('2026-11-23T23:00:00Z'))).toBe('2026-11-24');
  });

  it('turns at midnight in Copenhagen: 22:00 UTC in summer time', () => {
    expect(todayIn(COPENHAGEN, new Date('2026-07-01T21:59:59.999Z'))).toBe('2026-07-01');
    expect(todayIn(COPENHAGEN, new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  it('keeps a 23-hour day when summer time begins (29 March 2026)', () => {
    expect(todayIn(COPENHAGEN, new Date('2026-03-28T22:59:59Z'))).toBe('2026-03-28');
    expect(todayIn(COPENHAGEN, new Date('2026-03-28T23:00:00Z'))).toBe('2026-03-29');
    // 02:00 CET becomes 03:00 CEST at 01:00 UTC; the date stays.
    expect(todayIn(COPENHAGEN, new Date('2026-03-29T01:30:00Z'))).toBe('2026-03-29');
    expect(todayIn(COPENHAGEN, new Date('2026-03-29T21:59:59Z'))).toBe('2026-03-29');
    expect(todayIn(COPENHAGEN, new Date('2026-03-29T22:00:00Z'))).toBe('2026-03-30');
  });

  it('keeps a 25-hour day when summer time ends (25 October 2026)', () => {
    expect(todayIn(COPENHAGEN, new Date('2026-10-24T21:59:59Z'))).toBe('2026-10-24');
    expect(todayIn(COPENHAGEN, new Date('2026-10-24T22:00:00Z'))).toBe('2026-10-25');
    // 03:00 CEST becomes 02:00 CET at 01:00 UTC; the date stays.
    expect(todayIn(COPENHAGEN, new Date('2026-10-25T01:30:00Z'))).toBe('2026-10-25');
    expect(todayIn(COPENHAGEN, new Date('2026-10-25T22:59:59Z'))).toBe('2026-10-25');
    expect(todayIn(COPENHAGEN, new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
  });

  it('turns the year at midnight in Copenhagen', () => {
    expect(todayIn(COPENHAGEN, new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
    expect(todayIn(COPENHAGEN, new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });

  it('pads month and day to ISO form', () => {
    expect(todayIn(COPENHAGEN, new Date('2026-01-05T12:00:00Z'))).toMatch(/^2026-01-05$/);
  });

  it('is the municipality’s zone that the API uses by default', () => {
    expect(MUNICIPAL_TIME_ZONE).toBe(COPENHAGEN);
  });
});

describe('daysBetween', () => {
  it('counts whole calendar days, also across a change to or from summer time', () => {
    expect(daysBetween('2026-11-23', '2026-11-24')).toBe(1);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2026-11-24', '2026-11-23')).toBe(-1);
  });
});

describe('todayIn, called again', () => {
  it('answers each time zone on its own when several are asked in turn', () => {
    const now = new Date('2026-11-23T23:30:00Z');
    expect([todayIn(COPENHAGEN, now), todayIn('UTC', now), todayIn(COPENHAGEN, now), todayIn('America/New_York', now)]).toEqual([
      '2026-11-24',
      '2026-11-23',
      '2026-11-24',
      '2026-11-23',
    ]);
  });
});
