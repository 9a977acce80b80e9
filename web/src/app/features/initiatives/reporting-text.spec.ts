import { TestBed } from '@angular/core/testing';
import type { Reporting } from '@fremdrift/contracts';
import { I18n } from '../../core/i18n/i18n';
import { provideI18nTesting } from '../../core/i18n/testing';
import { reportingText } from './reporting-text';

const reporting = (overrides: Partial<Reporting>): Reporting => ({
  state: 'due',
  period: 'monthly',
  periodStart: '2026-11-01',
  periodEnd: '2026-11-30',
  lastReportedPeriodEnd: null,
  daysOverdue: 0,
  ...overrides,
});

function i18n(language: 'da' | 'en' = 'da') {
  TestBed.configureTestingModule({ providers: [provideI18nTesting(language)] });
  return TestBed.inject(I18n);
}

describe('reportingText', () => {
  it('says in Danish whether the period’s status update is in', () => {
    const da = i18n();
    expect(reportingText(reporting({ state: 'overdue', daysOverdue: 12 }), da)).toBe('Statusopdatering mangler – 12 dage forsinket');
    expect(reportingText(reporting({ state: 'overdue', daysOverdue: 1 }), da)).toBe('Statusopdatering mangler – 1 dag forsinket');
    expect(reportingText(reporting({ state: 'due' }), da)).toBe('Statusopdatering for november 2026 mangler – frist 30. nov. 2026');
    expect(reportingText(reporting({ state: 'done' }), da)).toBe('Statusopdatering sendt for november 2026');
    expect(reportingText(reporting({ state: 'done', period: 'quarterly', periodStart: '2026-10-01' }), da)).toBe('Statusopdatering sendt for 4. kvartal 2026');
    expect(reportingText(reporting({ state: 'not_required' }), da)).toBe('Ingen statusopdatering påkrævet');
  });

  it('and in English', () => {
    const en = i18n('en');
    expect(reportingText(reporting({ state: 'overdue', daysOverdue: 12 }), en)).toBe('Status update missing – 12 days overdue');
    expect(reportingText(reporting({ state: 'due' }), en)).toBe('Status update for November 2026 missing – due 30 Nov 2026');
    expect(reportingText(reporting({ state: 'done', period: 'quarterly', periodStart: '2026-10-01' }), en)).toBe('Status update sent for Q4 2026');
  });
});
