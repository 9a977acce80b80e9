import { computed, inject, Injectable, signal } from '@angular/core';
import { canEditInitiative, canReportOn } from '@fremdrift/access';
import type { Health, Initiative, Milestone, StatusUpdate, UpdateInitiative, UpdateMilestone, UpdateStatusUpdate } from '@fremdrift/contracts';
import { firstValueFrom } from 'rxjs';
import { Auth } from '../../../core/auth/auth';
import { httpStatus, toProblem } from '../../../core/http/problem';
import { I18n } from '../../../core/i18n/i18n';
import { fieldLabel, formatValue } from '../../../shared/audit-format/audit-format';
import { ConflictPrompt, type ConflictLine } from '../../../shared/conflict-dialog/conflict-prompt';
import { InitiativesApi } from '../initiatives-api';

/** How a save ended: saved, the user took the other version instead, or the user went on editing. */
export type SaveOutcome<T> = { kind: 'saved'; value: T } | { kind: 'discarded'; value: T } | { kind: 'kept'; value: T };

/** The fields of an initiative that someone else may change while the user works. */
const INITIATIVE_FIELDS = [
  'title',
  'summary',
  'description',
  'status',
  'health',
  'ownerName',
  'startDate',
  'targetDate',
  'published',
  'publicSummary',
  'proposedPublished',
  'proposedPublicSummary',
  'internalNotes',
  'participatingDepartmentIds',
] as const;
const MILESTONE_FIELDS = ['title', 'description', 'dueDate', 'completedDate', 'weight', 'position'] as const;

type Comparable = Record<string, unknown>;

/** An initiative's values as the conflict prompt compares them. */
function initiativeValues(initiative: Initiative): Comparable {
  return {
    ...initiative,
    participatingDepartmentIds: initiative.participatingDepartments.map((d) => d.name),
    // A change to the public face waiting for approval is the lead's work too.
    proposedPublished: initiative.publicProposal?.published ?? null,
    proposedPublicSummary: initiative.publicProposal?.publicSummary ?? null,
  };
}

/**
 * One initiative page's state: the initiative as last read, what the signed-in user may do with
 * it, and saving with its version so that nobody overwrites someone else's change unseen. Provided
 * by the page, shared by its sections.
 */
@Injectable()
export class InitiativePageState {
  private readonly api = inject(InitiativesApi);
  private readonly auth = inject(Auth);
  private readonly i18n = inject(I18n);
  private readonly conflicts = inject(ConflictPrompt);

  private readonly current = signal<Initiative | null>(null);
  /** The initiative as last read or saved. */
  readonly initiative = this.current.asReadonly();
  /** Goes up after every change, so that the history and the status updates fetch again. */
  readonly revision = signal(0);
  /** The last thing that went well, for the page's polite live region. */
  readonly announcement = signal('');
  /** A suggested health the user chose to adopt elsewhere on the page; the status update form takes it up. */
  readonly adoptedHealth = signal<{ health: Health } | null>(null);
  /** The status dialog while it is open, with the control focus returns to when it closes. */
  readonly statusChange = signal<{ returnFocus: HTMLElement | null } | null>(null);
  /** Goes up when milestones changed outside the milestone list (completing the initiative), so that it reads them again. */
  readonly milestonesRevision = signal(0);

  private readonly departments = computed(() => {
    const initiative = this.current();
    return initiative
      ? { leadDepartmentId: initiative.leadDepartment.id, participatingDepartmentIds: initiative.participatingDepartments.map((d) => d.id) }
      : null;
  });
  /** Everything: the lead department's lead, or an admin. */
  readonly canEdit = computed(() => {
    const departments = this.departments();
    return departments !== null && this.auth.allows((principal) => canEditInitiative(principal, departments));
  });
  /** Milestone progress and status updates: also the leads of participating departments. */
  readonly canReport = computed(() => {
    const departments = this.departments();
    return departments !== null && this.auth.allows((principal) => canReportOn(principal, departments));
  });

  set(initiative: Initiative): void {
    this.current.set(initiative);
  }

  /** Pre-selects `health` in the status update form (a new object each time, so that a repeat counts). */
  adoptHealth(health: Health): void {
    this.adoptedHealth.set({ health });
  }

  /** Opens the status dialog: every change of status goes through it, so that cancelling and completing ask what they must. */
  requestStatusChange(returnFocus: HTMLElement | null = null): void {
    this.statusChange.set({ returnFocus });
  }

  announce(message: string): void {
    // Setting the same text twice would not be read out again.
    this.announcement.set('');
    queueMicrotask(() => this.announcement.set(message));
  }

  /** Something changed that the initiative's figures depend on (milestones, a status update). */
  async refresh(): Promise<void> {
    const initiative = this.current();
    if (!initiative) return;
    this.current.set(await firstValueFrom(this.api.get(initiative.id)));
    this.changed();
  }

  changed(): void {
    this.revision.update((n) => n + 1);
  }

  /**
   * Saves changes the user made starting from `base`. On a 409 the user sees what changed
   * meanwhile and chooses: send their changes again on top, or take the other version. `shown`
   * is the user's changes as the prompt shows them (department names rather than ids).
   */
  async saveInitiative(changes: UpdateInitiative, base: Initiative, shown: Comparable = changes): Promise<SaveOutcome<Initiative>> {
    const latest = this.current() ?? base;
    const outcome = await this.withConflicts<Initiative>({
      version: latest.version,
      send: (version) => firstValueFrom(this.api.update(latest.id, version, changes)),
      lines: (now) => this.conflictLines(initiativeValues(base), initiativeValues(now), shown, INITIATIVE_FIELDS),
      onCurrent: (now) => this.current.set(now),
    });
    if (outcome.kind !== 'kept') this.current.set(outcome.value);
    if (outcome.kind === 'saved') this.changed();
    return outcome;
  }

  /**
   * Saves changes to a milestone read as `base`; conflicts as for the initiative. The initiative is
   * read again afterwards (its progress depends on its milestones) unless `refresh` is false.
   */
  async saveMilestone(base: Milestone, changes: UpdateMilestone, options = { refresh: true }): Promise<SaveOutcome<Milestone>> {
    const outcome = await this.withConflicts<Milestone>({
      version: base.version,
      send: (version) => firstValueFrom(this.api.updateMilestone(base.initiativeId, base.id, version, changes)),
      lines: (now) => this.conflictLines(base as unknown as Comparable, now as unknown as Comparable, changes, MILESTONE_FIELDS),
    });
    if (outcome.kind === 'saved') {
      if (options.refresh) await this.refresh();
      else this.changed();
    }
    return outcome;
  }

  /**
   * Saves changes to a status update read as `base` (a lead revising a returned public text);
   * conflicts as for the initiative. The list reads the updates again afterwards.
   */
  async saveStatusUpdate(base: StatusUpdate, changes: UpdateStatusUpdate): Promise<SaveOutcome<StatusUpdate>> {
    const fields = ['health', 'narrative', 'publicText', 'publicTextState'] as const;
    const outcome = await this.withConflicts<StatusUpdate>({
      version: base.version,
      send: (version) => firstValueFrom(this.api.updateStatusUpdate(base.initiativeId, base.id, version, changes)),
      lines: (now) => this.conflictLines(base as unknown as Comparable, now as unknown as Comparable, changes, fields),
    });
    if (outcome.kind !== 'kept') this.changed();
    return outcome;
  }

  private async withConflicts<T extends { version: number }>(request: {
    version: number;
    send: (version: number) => Promise<T>;
    lines: (current: T) => ConflictLine[];
    onCurrent?: (current: T) => void;
  }): Promise<SaveOutcome<T>> {
    let version = request.version;
    for (;;) {
      try {
        return { kind: 'saved', value: await request.send(version) };
      } catch (error) {
        const current = httpStatus(error) === 409 ? (toProblem(error, (key) => key).current as T | undefined) : undefined;
        if (!current) throw error;
        request.onCurrent?.(current);
        const choice = await this.conflicts.ask({ lines: request.lines(current) });
        if (choice === 'discard') return { kind: 'discarded', value: current };
        if (choice === 'cancel') return { kind: 'kept', value: current };
        version = current.version;
      }
    }
  }

  /** The fields whose value now differs from what the user started from, with the user's own value. */
  private conflictLines(started: Comparable, now: Comparable, mine: Comparable, fields: readonly string[]): ConflictLine[] {
    const show = (field: string, value: unknown) => formatValue(field, value, this.i18n) ?? this.i18n.t('common.empty');
    return fields
      .filter((field) => !same(started[field], now[field]))
      .map((field) => ({
        label: fieldLabel(field, this.i18n),
        started: show(field, started[field]),
        now: show(field, now[field]),
        mine: field in mine ? show(field, mine[field]) : null,
      }));
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
