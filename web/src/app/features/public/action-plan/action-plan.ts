import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { PARTICIPANT_GROUPS, type PublicActionPlan, type PublicInitiatives } from '@fremdrift/contracts';
import { I18n } from '../../../core/i18n/i18n';
import { I18nTitleStrategy } from '../../../core/i18n/title-strategy';
import { PROGRESS_RULE_LINK } from '../data/progress-rule';
import { isNotFound, PUBLIC_API } from '../data/public-api';
import { pub, PubTextPipe } from '../data/pub-text';
import { usePublicTexts } from '../data/public-texts';
import { InitiativeCard } from '../initiative-card/initiative-card';

/** The story of one action plan: how it was co-created, by whom, its goals and its initiatives. */
@Component({
  selector: 'fd-public-action-plan',
  imports: [RouterLink, PubTextPipe, InitiativeCard],
  templateUrl: './action-plan.html',
  styleUrl: './action-plan.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PublicActionPlanPage {
  protected readonly i18n = inject(I18n);
  protected readonly rule = PROGRESS_RULE_LINK;

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly data = httpResource<PublicActionPlan>(() => PUBLIC_API.actionPlan(this.id()));
  private readonly all = httpResource<PublicInitiatives>(() => PUBLIC_API.initiatives);

  protected readonly plan = computed(() => (this.data.hasValue() ? this.data.value() : null));
  protected readonly notFound = computed(() => isNotFound(this.data.error()));
  protected readonly feed = computed(() => PUBLIC_API.planFeed(this.id()));
  protected readonly participants = computed(() => {
    const plan = this.plan();
    return plan ? PARTICIPANT_GROUPS.map((group) => ({ group, count: plan.participants[group] ?? 0 })) : [];
  });
  protected readonly total = computed(() => this.participants().reduce((sum, p) => sum + p.count, 0));
  protected readonly participantsLead = computed(() => this.i18n.plural(pub('plan.participantsLead'), this.total()));
  protected readonly initiatives = computed(() => {
    const plan = this.plan();
    if (!plan || !this.all.hasValue()) return [];
    const ids = new Set(plan.initiativeIds);
    return this.all.value().items.filter((i) => ids.has(i.id));
  });

  constructor() {
    usePublicTexts();
    const titles = inject(I18nTitleStrategy);
    titles.setPageName(() => this.plan()?.title ?? null);
    inject(DestroyRef).onDestroy(() => titles.setPageName(null));
  }
}
