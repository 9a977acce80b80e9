import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { HEALTHS, INITIATIVE_STATUSES, type PublicInitiatives } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { I18n } from '../../../core/i18n/i18n';
import { groupByPlanAndGoal, matches, PUBLIC_API, type PublicFilters } from '../data/public-api';
import { pub, PubTextPipe } from '../data/pub-text';
import { usePublicTexts } from '../data/public-texts';
import { InitiativeCard } from '../initiative-card/initiative-card';

type FilterName = keyof PublicFilters;

/** The public front page: every published initiative by plan and goal, searchable, with the open data. */
@Component({
  selector: 'fd-public-front-page',
  imports: [RouterLink, TranslatePipe, PubTextPipe, InitiativeCard],
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

  protected readonly api = PUBLIC_API;
  protected readonly healths = HEALTHS;
  protected readonly statuses = INITIATIVE_STATUSES;

  protected readonly data = httpResource<PublicInitiatives>(() => PUBLIC_API.initiatives);
  private readonly items = computed(() => (this.data.hasValue() ? this.data.value().items : []));

  protected readonly filters = computed<PublicFilters>(() => ({
    q: this.q() ?? '',
    department: this.department() ?? '',
    goal: this.goal() ?? '',
    health: this.health() ?? '',
    status: this.status() ?? '',
  }));
  protected readonly filtered = computed(() => {
    const filters = this.filters();
    return this.items().filter((i) => matches(i, filters));
  });
  protected readonly groups = computed(() => groupByPlanAndGoal(this.filtered()));
  protected readonly anyFilter = computed(() => Object.values(this.filters()).some(Boolean));

  protected readonly departments = computed(() => {
    const byCode = new Map<string, string>();
    for (const i of this.items()) for (const d of [i.leadDepartment, ...i.participatingDepartments]) byCode.set(d.code, d.name);
    return [...byCode].map(([code, name]) => ({ code, name })).sort((a, b) => this.i18n.compare(a.name, b.name));
  });
  protected readonly goals = computed(() => {
    const byId = new Map<string, string>();
    for (const i of this.items()) if (i.goal) byId.set(i.goal.id, i.goal.title);
    return [...byId].map(([id, title]) => ({ id, title }));
  });
  protected readonly count = computed(() => this.i18n.plural(pub('front.count'), this.filtered().length));

  constructor() {
    usePublicTexts();
  }

  protected setFilter(name: FilterName, value: string): void {
    void this.router.navigate([], { queryParams: { [name]: value || null }, queryParamsHandling: 'merge', replaceUrl: name === 'q' });
  }

  protected clear(): void {
    void this.router.navigate([], { queryParams: {} });
  }
}
