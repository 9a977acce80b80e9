import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { PublicInitiative, PublicMilestone, PublicUpdate } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { I18n } from '../../../core/i18n/i18n';
import { I18nTitleStrategy } from '../../../core/i18n/title-strategy';
import { HealthBadge } from '../../../shared/health-badge/health-badge';
import { ProgressBar } from '../../../shared/progress-bar/progress-bar';
import { PROGRESS_RULE_LINK } from '../data/progress-rule';
import { isNotFound, PUBLIC_API } from '../data/public-api';
import { pub, PubTextPipe } from '../data/pub-text';
import { FollowForm } from '../follow/follow-form';
import { usePublicTexts } from '../data/public-texts';

export type TimelineEntry = { kind: 'milestone'; date: string | null; milestone: PublicMilestone } | { kind: 'update'; date: string; update: PublicUpdate };

/** Milestones (by the date reached, else due) and updates (by period end), newest first; undated milestones last. */
export function timeline(initiative: PublicInitiative): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...initiative.milestones.map((milestone): TimelineEntry => ({ kind: 'milestone', date: milestone.completedDate ?? milestone.dueDate, milestone })),
    ...initiative.updates.map((update): TimelineEntry => ({ kind: 'update', date: update.periodEnd, update })),
  ];
  return entries.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || (a.date === null ? 1 : 0) - (b.date === null ? 1 : 0));
}

/** One published initiative at a stable address: its facts and its timeline. */
@Component({
  selector: 'fd-public-initiative',
  imports: [RouterLink, TranslatePipe, PubTextPipe, HealthBadge, ProgressBar, FollowForm],
  templateUrl: './initiative.html',
  styleUrl: './initiative.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PublicInitiativePage {
  protected readonly i18n = inject(I18n);
  protected readonly rule = PROGRESS_RULE_LINK;

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly data = httpResource<PublicInitiative>(() => PUBLIC_API.initiative(this.id()));
  protected readonly initiative = computed(() => (this.data.hasValue() ? this.data.value() : null));
  protected readonly notFound = computed(() => isNotFound(this.data.error()));
  protected readonly entries = computed(() => {
    const initiative = this.initiative();
    return initiative ? timeline(initiative) : [];
  });
  protected readonly participating = computed(
    () =>
      this.initiative()
        ?.participatingDepartments.map((d) => d.name)
        .join(', ') ?? '',
  );

  constructor() {
    usePublicTexts();
    const titles = inject(I18nTitleStrategy);
    titles.setPageName(() => this.initiative()?.title ?? (this.notFound() ? this.i18n.t(pub('initiative.notFoundTitle')) : null));
    inject(DestroyRef).onDestroy(() => titles.setPageName(null));
  }
}
