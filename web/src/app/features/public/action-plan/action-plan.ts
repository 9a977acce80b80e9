import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { PARTICIPANT_GROUPS, type PublicActionPlan } from '@fremdrift/contracts';
import { I18n } from '../../../core/i18n/i18n';
import { I18nTitleStrategy } from '../../../core/i18n/title-strategy';
import { PROGRESS_RULE_LINK } from '../data/progress-rule';
import { Pagination, parsePage } from '../../../shared/pagination/pagination';
import { isNotFound, PUBLIC_API, publicListParams, type PublicInitiativePage } from '../data/public-api';
import { pub, PubTextPipe } from '../data/pub-text';
import { usePublicTexts } from '../data/public-texts';
import { InitiativeCard } from '../initiative-card/initiative-card';
import { FollowForm } from '../follow/follow-form';

/** The story of one action plan: how it was co-created, by whom, its goals and its initiatives. */
@Component({
  selector: 'fd-public-action-plan',
  imports: [RouterLink, PubTextPipe, InitiativeCard, Pagination, FollowForm],
  templateUrl: './action-plan.html',
  styleUrl: './action-plan.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PublicActionPlanPage {
  protected readonly i18n = inject(I18n);
  protected readonly rule = PROGRESS_RULE_LINK;

  /** Route parameter. */
  readonly id = input.required<string>();
  /** Query parameter: the page of the plan's initiatives. */
  readonly page = input<string | undefined>();

  protected readonly data = httpResource<PublicActionPlan>(() => PUBLIC_API.actionPlan(this.id()));
  protected readonly list = httpResource<PublicInitiativePage>(() => ({
    url: PUBLIC_API.initiatives,
    params: publicListParams({ plan: this.id() }, parsePage(this.page())),
  }));

  protected readonly plan = computed(() => (this.data.hasValue() ? this.data.value() : null));
  protected readonly notFound = computed(() => isNotFound(this.data.error()));
  protected readonly feed = computed(() => PUBLIC_API.planFeed(this.id()));
  protected readonly participants = computed(() => {
    const plan = this.plan();
    return plan ? PARTICIPANT_GROUPS.map((group) => ({ group, count: plan.participants[group] ?? 0 })) : [];
  });
  protected readonly total = computed(() => this.participants().reduce((sum, p) => sum + p.count, 0));
  protected readonly participantsLead = computed(() => this.i18n.plural(pub('plan.participantsLead'), this.total()));
  protected readonly initiativesPage = computed(() => (this.list.hasValue() ? this.list.value() : null));

  constructor() {
    usePublicTexts();
    const titles = inject(I18nTitleStrategy);
    titles.setPageName(() => this.plan()?.title ?? null);
    inject(DestroyRef).onDestroy(() => titles.setPageName(null));
  }
}
