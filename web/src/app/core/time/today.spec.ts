import { MUNICIPALITY_TIME_ZONE, todayInMunicipality } from './today';

describe('todayInMunicipality', () => {
  it('is the date in Copenhagen', () => {
    expect(MUNICIPALITY_TIME_ZONE).toBe('Europe/Copenhagen');
  });

  it('turns at midnight in Copenhagen, not in UTC nor where the browser is', () => {
    // 23:59:59 and 00:00:00 in Copenhagen (winter time, UTC+1).
    expect(todayInMunicipality(new Date('2026-11-23T22:59:59Z'))).toBe('2026-11-23');
    expect(todayInMunicipality(new Date('2026-11-23T23:00:00Z'))).toBe('2026-11-24');
    // Summer time (UTC+2).
    expect(todayInMunicipality(new Date('2026-07-01T21:59:59Z'))).toBe('2026-07-01');
    expect(todayInMunicipality(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  it('is now by default', () => {
    jest.useFakeTimers({ now: new Date('2026-11-23T23:30:00Z') });
    try {
      expect(todayInMunicipality()).toBe('2026-11-24');
    } finally {
      jest.useRealTimers();
    }
  });
});
