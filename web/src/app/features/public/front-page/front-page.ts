import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { HEALTHS, INITIATIVE_STATUSES, type PublicActionPlan } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { I18n } from '../../../core/i18n/i18n';
import { Pagination, parsePage } from '../../../shared/pagination/pagination';
import { groupByPlanAndGoal, PUBLIC_API, PUBLIC_PAGE_SIZE, publicListParams, type PublicFilters, type PublicInitiativePage } from '../data/public-api';
import { pub, PubTextPipe } from '../data/pub-text';
import { usePublicTexts } from '../data/public-texts';
import { InitiativeCard } from '../initiative-card/initiative-card';

type FilterName = keyof PublicFilters;

/** Placeholders while the first page loads: as many cards as fill a phone's screen, so that nothing below moves into view and back. */
const SKELETON_CARDS = [1, 2, 3];

/** The public front page: the published initiatives by plan and goal, a page at a time, filtered and searched on the server. */
@Component({
  selector: 'fd-public-front-page',
  imports: [RouterLink, TranslatePipe, PubTextPipe, InitiativeCard, Pagination],
  templateUrl: './front-page.html',
  styleUrl: './front-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FrontPage {
  protected readonly i18n = inject(I18n);
  private readonly router = inject(Router);

  // Query parameters (withComponentInputBinding): the view is a shareable URL.
  readonly q = input<string | undefined>();
  readonly department = input<string | undefined>();
  readonly goal = input<string | undefined>();
  readonly health = input<string | undefined>();
  readonly status = input<string | undefined>();
  readonly page = input<string | undefined>();

  protected readonly api = PUBLIC_API;
  protected readonly healths = HEALTHS;
  protected readonly statuses = INITIATIVE_STATUSES;
  protected readonly pageSize = PUBLIC_PAGE_SIZE;
  protected readonly skeleton = SKELETON_CARDS;

  protected readonly filters = computed<PublicFilters>(() => ({
    q: this.q() ?? '',
    department: this.department() ?? '',
    goal: this.goal() ?? '',
    health: this.health() ?? '',
    status: this.status() ?? '',
  }));
  protected readonly pageNumber = computed(() => parsePage(this.page()));

  protected readonly data = httpResource<PublicInitiativePage>(() => ({
    url: PUBLIC_API.initiatives,
    params: publicListParams(this.filters(), this.pageNumber()),
  }));
  private readonly plans = httpResource<PublicActionPlan[]>(() => PUBLIC_API.actionPlans);

  /** The last page that arrived, kept on screen (marked busy) while the next one loads. */
  protected readonly shown = linkedSignal<PublicInitiativePage | undefined, PublicInitiativePage | undefined>({
    source: () => (this.data.hasValue() ? this.data.value() : undefined),
    computation: (page, previous) => page ?? previous?.value,
  });
  protected readonly loading = computed(() => this.data.isLoading());
  protected readonly items = computed(() => this.shown()?.items ?? []);
  protected readonly groups = computed(() => groupByPlanAndGoal(this.items()));
  protected readonly anyFilter = computed(() => Object.values(this.filters()).some(Boolean));

  protected readonly departments = computed(() => [...(this.shown()?.departments ?? [])].sort((a, b) => this.i18n.compare(a.name, b.name)));
  protected readonly goals = computed(() =>
    this.plans.hasValue() ? this.plans.value().flatMap((plan) => plan.goals.map(({ id, title }) => ({ id, title }))) : [],
  );
  protected readonly count = computed(() => this.i18n.plural(pub('front.count'), this.shown()?.total ?? 0));

  constructor() {
    usePublicTexts();
  }

  protected setFilter(name: FilterName, value: string): void {
    void this.router.navigate([], { queryParams: { [name]: value || null, page: null }, queryParamsHandling: 'merge', replaceUrl: name === 'q' });
  }

  protected clear(): void {
    void this.router.navigate([], { queryParams: {} });
  }
}
