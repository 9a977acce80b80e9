import { reportPeriod, shorten } from './report-period';

describe('reportPeriod', () => {
  it('is the twelve months up to today when the reader chose no period', () => {
    expect(reportPeriod({ from: '', to: '' }, '2026-12-04')).toEqual({ from: '2026-01-01', to: '2026-12-04' });
    expect(reportPeriod({ from: '', to: '' }, '2026-01-15')).toEqual({ from: '2025-02-01', to: '2026-01-15' });
  });

  it('is the period the reader chose', () => {
    expect(reportPeriod({ from: '2026-03-01', to: '2026-06-30' }, '2026-12-04')).toEqual({ from: '2026-03-01', to: '2026-06-30' });
  });

  it('runs to today from a chosen start, and twelve months back from a chosen end', () => {
    expect(reportPeriod({ from: '2026-09-01', to: '' }, '2026-12-04')).toEqual({ from: '2026-09-01', to: '2026-12-04' });
    expect(reportPeriod({ from: '', to: '2025-06-30' }, '2026-12-04')).toEqual({ from: '2024-07-01', to: '2025-06-30' });
  });

  it('falls back to the default when the chosen period ends before it begins', () => {
    expect(reportPeriod({ from: '2026-09-01', to: '2026-01-01' }, '2026-12-04')).toEqual({ from: '2026-01-01', to: '2026-12-04' });
  });
});

describe('shorten', () => {
  it('keeps a short text whole, with its spaces tidied', () => {
    expect(shorten('  Godt  i gang.\n', 20)).toBe('Godt i gang.');
  });

  it('cuts a long text at a word boundary and says so with an ellipsis', () => {
    const text = 'Pilotforløbet med 30 familier er afsluttet, og evalueringen er sendt til alle afdelinger.';
    const short = shorten(text, 50);
    expect(short.length).toBeLessThanOrEqual(50);
    expect(short).toBe('Pilotforløbet med 30 familier er afsluttet, og…');
  });

  it('cuts inside a very long word rather than leaving almost nothing', () => {
    expect(shorten('a '.concat('x'.repeat(100)), 20)).toBe(`a ${'x'.repeat(17)}…`);
  });
});
