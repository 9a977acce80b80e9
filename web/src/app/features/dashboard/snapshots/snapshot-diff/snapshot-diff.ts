import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { SnapshotDiff, SnapshotDiffInitiativeRef } from '@fremdrift/contracts';
import { I18n } from '../../../../core/i18n/i18n';
import { LocalNumberPipe } from '../../../../core/i18n/i18n-pipes';
import { HealthBadge } from '../../../../shared/health-badge/health-badge';
import { DashboardText, DashboardTextPipe } from '../../texts/dashboard-texts';
import { DIFF_COUNT_KEYS, diffCounts, isEmptyDiff } from './diff-counts';

/**
 * What changed between a frozen snapshot and another one or now: first in words (one line per
 * kind of change), then a table per kind. Used on the dashboard and in the council report.
 */
@Component({
  selector: 'fd-snapshot-diff',
  imports: [RouterLink, HealthBadge, DashboardTextPipe, LocalNumberPipe],
  templateUrl: './snapshot-diff.html',
  styleUrls: ['../../dashboard-table.css', './snapshot-diff.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SnapshotDiffView {
  private readonly i18n = inject(I18n);
  private readonly texts = inject(DashboardText);

  readonly diff = input.required<SnapshotDiff>();
  /** The level of the headings of each kind of change (the section around it has the one above). */
  readonly headingLevel = input(3);

  protected readonly empty = computed(() => isEmptyDiff(this.diff()));

  /** "Fra Status pr. 1. dec. 2026 (1. dec. 2026) til nu:" */
  protected readonly intro = computed(() => {
    const { from, to } = this.diff();
    return this.texts.text('diff.intro', { from: this.when(from), to: to.id === null ? this.texts.text('diff.toNow') : this.when(to) });
  });

  protected readonly emptyText = computed(() => {
    const { from, to } = this.diff();
    return to.id === null
      ? this.texts.text('diff.none', { name: from.name, date: this.i18n.date(from.takenAt, 'dateTime') })
      : this.texts.text('diff.noneBetween', { from: from.name, to: to.name });
  });

  /** One line per kind of change that happened. */
  protected readonly lines = computed(() => {
    const counts = diffCounts(this.diff());
    return DIFF_COUNT_KEYS.filter((key) => counts[key] > 0).map((key) => ({ key, text: this.texts.count(`diff.${key}`, counts[key]) }));
  });

  protected readonly worseFirst = computed(() =>
    [...this.diff().healthChanges].sort((a, b) => (a.direction === b.direction ? 0 : a.direction === 'worse' ? -1 : 1)),
  );

  /** Completed, added and cancelled initiatives: a list each (nothing more to say about them than their name). */
  protected readonly lists = computed(() => {
    const diff = this.diff();
    return [
      { key: 'completed', title: this.texts.text('diff.completedTitle'), rows: diff.completedInitiatives },
      { key: 'added', title: this.texts.text('diff.addedTitle'), rows: diff.added },
      { key: 'cancelled', title: this.texts.text('diff.cancelledTitle'), rows: diff.cancelled },
      { key: 'removed', title: this.texts.text('diff.removedTitle'), rows: diff.removed },
    ].filter((part) => part.rows.length > 0);
  });

  /** The cause in the reader's language, as it was named when the delay was frozen. */
  protected cause(row: SnapshotDiff['newDelays'][number]): string {
    return row.delayCauseLabels?.[this.i18n.language()] ?? row.delayCause ?? this.texts.text('diff.noCause');
  }

  protected name(ref: SnapshotDiffInitiativeRef): string {
    return ref.reference ? `${ref.reference} ${ref.title}` : ref.title;
  }

  protected department(ref: SnapshotDiffInitiativeRef): string {
    return ref.leadDepartment.name;
  }

  private when(point: { name: string; takenAt: string }): string {
    return `${this.texts.text('diff.toSnapshot', { name: point.name })} (${this.i18n.date(point.takenAt, 'dateTime')})`;
  }
}
