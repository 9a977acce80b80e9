import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { PublicInitiative } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { I18n } from '../../../core/i18n/i18n';
import { HealthBadge } from '../../../shared/health-badge/health-badge';
import { ProgressBar } from '../../../shared/progress-bar/progress-bar';
import { PubTextPipe } from '../data/pub-text';
import { completedMilestones, nextMilestone } from '../data/public-api';

/** One published initiative in brief: who, how far, how it goes, what happened lately. */
@Component({
  selector: 'fd-public-initiative-card',
  imports: [RouterLink, TranslatePipe, PubTextPipe, HealthBadge, ProgressBar],
  templateUrl: './initiative-card.html',
  styleUrl: './initiative-card.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InitiativeCard {
  protected readonly i18n = inject(I18n);

  readonly initiative = input.required<PublicInitiative>();
  /** The heading level of the initiative's title. */
  readonly level = input(3);

  protected readonly completed = computed(() => completedMilestones(this.initiative().milestones));
  protected readonly next = computed(() => nextMilestone(this.initiative().milestones));
  protected readonly latest = computed(() => this.initiative().updates[0] ?? null);
  protected readonly participating = computed(() =>
    this.initiative()
      .participatingDepartments.map((d) => d.name)
      .join(', '),
  );
  protected readonly partners = computed(() =>
    this.initiative()
      .partners.map((p) => p.name)
      .join(', '),
  );
}
