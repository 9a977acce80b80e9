import type { Reporting } from '@fremdrift/contracts';
import type { I18n } from '../../core/i18n/i18n';

type Texts = Pick<I18n, 't' | 'plural' | 'date'>;

/** The reporting period in words: "november 2026", or "4. kvartal 2026" for quarters. */
export function periodName(reporting: Pick<Reporting, 'period' | 'periodStart'>, i18n: Texts): string {
  if (reporting.period === 'quarterly') {
    const [year, month] = reporting.periodStart.split('-').map(Number);
    return i18n.t('reporting.quarter', { quarter: Math.floor((month - 1) / 3) + 1, year });
  }
  return i18n.date(reporting.periodStart, 'monthYear');
}

/** Whether this period's status update is in, in words: "Statusopdatering mangler – 12 dage forsinket". */
export function reportingText(reporting: Reporting, i18n: Texts): string {
  switch (reporting.state) {
    case 'done':
      return i18n.t('reporting.done', { period: periodName(reporting, i18n) });
    case 'due':
      return i18n.t('reporting.due', { period: periodName(reporting, i18n), date: i18n.date(reporting.periodEnd) });
    case 'overdue':
      return i18n.plural('reporting.overdue', reporting.daysOverdue);
    default:
      return i18n.t('reporting.notRequired');
  }
}
