import { afterNextRender, ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input } from '@angular/core';
import { canDeleteInitiatives } from '@fremdrift/access';
import { rxResource } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import type { Health } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { tap } from 'rxjs';
import { Auth } from '../../../core/auth/auth';
import { toProblem } from '../../../core/http/problem';
import { I18n } from '../../../core/i18n/i18n';
import { I18nTitleStrategy } from '../../../core/i18n/title-strategy';
import { UnsavedChanges, type HasUnsavedChanges } from '../../../core/unsaved-changes/unsaved-changes';
import { ConflictDialog } from '../../../shared/conflict-dialog/conflict-dialog';
import { ConflictPrompt } from '../../../shared/conflict-dialog/conflict-prompt';
import { HealthBadge } from '../../../shared/health-badge/health-badge';
import { HealthSuggestion } from '../health-suggestion/health-suggestion';
import { ProgressBar } from '../../../shared/progress-bar/progress-bar';
import { InitiativeField } from '../initiative-field/initiative-field';
import type { EditableInitiativeField } from '../initiative-field/initiative-fields';
import { InitiativeDelete } from '../initiative-delete/initiative-delete';
import { InitiativeHistory } from '../initiative-history/initiative-history';
import { InitiativeLifecycle } from '../initiative-lifecycle/initiative-lifecycle';
import { InitiativesApi } from '../initiatives-api';
import { MilestoneList } from '../milestone-list/milestone-list';
import { ParticipatingDepartments } from '../participating-departments/participating-departments';
import { PartnerList } from '../partner-list/partner-list';
import { ReminderHistory } from '../reminder-history/reminder-history';
import { reportingText } from '../reporting-text';
import { StatusUpdateForm } from '../status-update-form/status-update-form';
import { StatusUpdateList } from '../status-update-list/status-update-list';
import { InitiativePageState } from './initiative-page-state';
import { PageNav, type PageSection } from './page-nav';

/**
 * One initiative and everything about it, where its department lead keeps it up to date (`/initiativer/:id`).
 * Each section edits its own part; all share the page's InitiativePageState (the initiative, its
 * version, permissions).
 */
@Component({
  selector: 'fd-initiative-page',
  imports: [
    RouterLink,
    TranslatePipe,
    HealthBadge,
    HealthSuggestion,
    ProgressBar,
    InitiativeField,
    MilestoneList,
    StatusUpdateForm,
    StatusUpdateList,
    ReminderHistory,
    PartnerList,
    ParticipatingDepartments,
    InitiativeHistory,
    InitiativeDelete,
    InitiativeLifecycle,
    PageNav,
    ConflictDialog,
  ],
  providers: [InitiativePageState, ConflictPrompt, UnsavedChanges],
  templateUrl: './initiative-page.html',
  styleUrl: './initiative-page.css',
  host: { '(window:beforeunload)': 'onBeforeUnload($event)' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InitiativePage implements HasUnsavedChanges {
  private readonly api = inject(InitiativesApi);
  private readonly auth = inject(Auth);
  private readonly i18n = inject(I18n);
  private readonly unsaved = inject(UnsavedChanges);
  protected readonly pageState = inject(InitiativePageState);

  /** Route parameter. */
  readonly id = input.required<string>();

  private readonly loaded = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.get(params).pipe(tap((initiative) => this.pageState.set(initiative))),
  });
  protected readonly initiative = this.pageState.initiative;
  protected readonly loadProblem = computed(() => {
    const error = this.loaded.error();
    return error ? toProblem(error, (key, params) => this.i18n.t(key, params)) : null;
  });

  protected readonly canEdit = this.pageState.canEdit;
  protected readonly canReport = this.pageState.canReport;
  protected readonly isLead = computed(() => this.auth.user()?.role === 'department_lead');
  protected readonly canDelete = computed(() => this.auth.allows(canDeleteInitiatives));
  protected readonly reporting = computed(() => {
    const initiative = this.initiative();
    return initiative ? reportingText(initiative.reporting, this.i18n) : '';
  });

  protected readonly overviewFields: EditableInitiativeField[] = [
    'title',
    'summary',
    'description',
    'ownerName',
    'startDate',
    'targetDate',
    'published',
    'publicSummary',
    'internalNotes',
  ];

  /** The page's sections, in order, for the in-page navigation: each link says what its section's heading says. */
  protected readonly sections = computed<PageSection[]>(() => [
    { id: 'overblik', heading: 'overview-heading', label: 'initiative.overview' },
    { id: 'milepaele', heading: 'milestones-heading', label: 'milestones.title' },
    ...(this.canReport() ? [{ id: 'ny-statusopdatering', heading: 'status-form-heading', label: 'statusUpdate.title' }] : []),
    { id: 'statusopdateringer', heading: 'status-list-heading', label: 'statusUpdate.history' },
    { id: 'paamindelser', heading: 'reminders-heading', label: 'reminderHistory.title' },
    { id: 'partnere', heading: 'partners-heading', label: 'partners.title' },
    { id: 'afdelinger', heading: 'departments-heading', label: 'departments.title' },
    { id: 'historik', heading: 'history-heading', label: 'history.title' },
  ]);
  protected readonly pagePath = computed(() => `/initiativer/${encodeURIComponent(this.id())}`);

  constructor() {
    const titles = inject(I18nTitleStrategy);
    titles.setPageName(() => this.initiative()?.title ?? null);
    inject(DestroyRef).onDestroy(() => titles.setPageName(null));
    // Arriving from the create form: say that the initiative was created, once the live region is there.
    if ((inject(Router).currentNavigation()?.extras.state as { created?: boolean } | undefined)?.created) {
      afterNextRender(() => this.pageState.announce(this.i18n.t('initiativeCreate.created')));
    }
  }

  hasUnsavedChanges(): boolean {
    return this.unsaved.any();
  }

  protected onBeforeUnload(event: BeforeUnloadEvent): void {
    if (this.unsaved.any()) event.preventDefault();
  }

  /** Pre-selects the suggested health in the status update form below, which takes focus. */
  protected adoptHealth(health: Health): void {
    this.pageState.adoptHealth(health);
    this.pageState.announce(this.i18n.t('deadEndsA.adopted'));
  }

  protected reload(): void {
    this.loaded.reload();
  }
}
