import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { form, FormField, submit, validate } from '@angular/forms/signals';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  AUDIT_ACTIONS,
  AUDITED_ENTITIES,
  ISO_DATE_PATTERN,
  LIMITS,
  type AuditAction,
  type AuditedEntity,
  type AuditEvent,
  type AuditFilterOptions,
  type AuditQuery,
  type Page,
} from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { toProblem } from '../../../core/http/problem';
import { I18n } from '../../../core/i18n/i18n';
import { LocalDatePipe } from '../../../core/i18n/i18n-pipes';
import { labelKeys } from '../../../core/labels';
import { changeLines, eventSubject, isUuid, labelText, splitActor, type ChangeLine, type EventSubject } from '../../../shared/audit-format/audit-format';
import { FieldAria } from '../../../shared/forms/field-aria';
import { FieldErrors } from '../../../shared/forms/field-errors';
import { focusFirstInvalid } from '../../../shared/forms/server-errors';
import { Pagination, parsePage } from '../../../shared/pagination/pagination';
import { AuditLogApi } from '../audit-log-api';
import { LoadFailed } from '../../../shared/load-failed/load-failed';

interface AuditFilters {
  actorId: string;
  initiativeId: string;
  entityType: AuditedEntity | '';
  action: AuditAction | '';
  from: string;
  to: string;
}

interface AuditRow {
  event: AuditEvent;
  actor: { name: string; email: string | null };
  subject: EventSubject;
  changes: ChangeLine[];
}

interface Choice {
  id: string;
  text: string;
}

/**
 * The audit trail: who changed what, when, with each field's value before and after, every
 * record and reference by name. Filters and page live in the URL
 * (`?actorId=…&initiativeId=…&entityType=milestone&from=2026-01-01&page=2`).
 */
@Component({
  selector: 'fd-audit-log',
  imports: [LoadFailed, LocalDatePipe, FormField, RouterLink, FieldAria, FieldErrors, Pagination, TranslatePipe],
  templateUrl: './audit-log.html',
  styleUrl: './audit-log.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditLog {
  private readonly api = inject(AuditLogApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly i18n = inject(I18n);

  /** Query parameters. */
  readonly actorId = input<string>();
  readonly initiativeId = input<string>();
  readonly entityType = input<string>();
  readonly action = input<string>();
  readonly from = input<string>();
  readonly to = input<string>();
  readonly page = input<string>();

  /** Alphabetical in the user's language. */
  protected readonly entityTypes = computed(() =>
    [...AUDITED_ENTITIES].sort((a, b) => this.i18n.compare(this.i18n.t(labelKeys.auditEntity(a)), this.i18n.t(labelKeys.auditEntity(b)))),
  );
  protected readonly actions = AUDIT_ACTIONS;
  protected readonly entityKey = labelKeys.auditEntity;
  protected readonly actionKey = labelKeys.auditAction;
  protected readonly pageSize = LIMITS.pageSize.default;

  /** The filters in force, from the URL; anything malformed there is ignored. */
  protected readonly filters = computed<AuditFilters>(() => ({
    actorId: uuid(this.actorId()),
    initiativeId: uuid(this.initiativeId()),
    entityType: oneOf(this.entityType(), AUDITED_ENTITIES) ?? '',
    action: oneOf(this.action(), AUDIT_ACTIONS) ?? '',
    from: isoDate(this.from()),
    to: isoDate(this.to()),
  }));
  protected readonly hasFilters = computed(() => Object.values(this.filters()).some(Boolean));

  /** The filter form starts over from the URL whenever the URL changes. */
  private readonly draft = linkedSignal(() => ({ ...this.filters() }));
  protected readonly filterForm = form(this.draft, (path) => {
    validate(path.to, ({ value, valueOf }) =>
      value() && valueOf(path.from) && value() < valueOf(path.from) ? { kind: 'range', message: this.i18n.t('auditLog.rangeError') } : undefined,
    );
  });

  private readonly options = rxResource({ stream: () => this.api.filterOptions() });
  protected readonly optionsFailed = computed(() => Boolean(this.options.error()));
  private readonly loadedOptions = computed<AuditFilterOptions>(() => (this.options.hasValue() ? this.options.value() : { actors: [], initiatives: [] }));

  /** Everyone who has changed something, by name; a user in the URL but not in the list still shows as chosen. */
  protected readonly actorChoices = computed<Choice[]>(() => {
    const choices = this.loadedOptions()
      .actors.map(({ id, name, email }) => ({ id, text: `${name} (${email})` }))
      .sort((a, b) => this.i18n.compare(a.text, b.text));
    return withChosen(choices, this.draft().actorId, this.i18n.t('auditNames.unknownUser'));
  });

  /** The text that narrows the initiative list; not a filter of the trail itself. */
  protected readonly initiativeSearch = signal('');
  private readonly allInitiatives = computed<Choice[]>(() =>
    this.loadedOptions()
      .initiatives.map(({ id, label, deleted }) => {
        const text = labelText(label, this.i18n) ?? this.i18n.t('auditNames.unnamed', { entity: this.i18n.t(labelKeys.auditEntity('initiative')) });
        return { id, text: deleted ? this.i18n.t('auditNames.deletedOption', { label: text }) : text };
      })
      .sort((a, b) => this.i18n.compare(a.text, b.text)),
  );
  protected readonly initiativeChoices = computed<Choice[]>(() => {
    const search = fold(this.initiativeSearch().trim());
    const chosen = this.draft().initiativeId;
    const matching = this.allInitiatives().filter((choice) => !search || choice.id === chosen || fold(choice.text).includes(search));
    return withChosen(matching, chosen, this.i18n.t('auditNames.unknownInitiative'));
  });
  protected readonly initiativeMatches = computed(() =>
    this.initiativeSearch().trim() ? this.i18n.plural('auditLog.initiativeMatches', this.initiativeChoices().length) : '',
  );

  private readonly query = computed<AuditQuery>(() => {
    const { actorId, initiativeId, entityType, action, from, to } = this.filters();
    return {
      page: parsePage(this.page(), LIMITS.page.max),
      pageSize: this.pageSize,
      actorId: actorId || undefined,
      initiativeId: initiativeId || undefined,
      entityType: entityType || undefined,
      action: action || undefined,
      from: from ? startOfLocalDay(from, 0) : undefined,
      // The API's `to` is exclusive: the end of the chosen day is the start of the next.
      to: to ? startOfLocalDay(to, 1) : undefined,
    };
  });

  protected readonly events = rxResource({ params: () => this.query(), stream: ({ params }) => this.api.list(params) });
  protected readonly result = computed<Page<AuditEvent> | undefined>(() => (this.events.hasValue() ? this.events.value() : undefined));
  protected readonly rows = computed<AuditRow[]>(() =>
    (this.result()?.items ?? []).map((event) => ({
      event,
      actor: splitActor(event.actor.name),
      subject: eventSubject(event, this.i18n),
      changes: changeLines(event, this.i18n),
    })),
  );
  protected readonly problem = computed(() => {
    const error = this.events.error();
    return error ? toProblem(error, (key, params) => this.i18n.t(key, params)) : null;
  });

  protected readonly statusMessage = computed(() => {
    if (this.events.isLoading()) return this.i18n.t('auditLog.loading');
    const result = this.result();
    if (!result) return '';
    if (result.total === 0) return this.i18n.t(this.hasFilters() ? 'auditLog.noneMatch' : 'auditLog.noneYet');
    if (result.items.length === 0) return this.i18n.t('auditLog.noneOnPage', { page: this.i18n.number(result.page) });
    const from = (result.page - 1) * result.pageSize + 1;
    const n = (value: number) => this.i18n.number(value);
    return this.i18n.t('common.showing', { from: n(from), to: n(from + result.items.length - 1), total: n(result.total) });
  });

  protected async applyFilters(event: Event): Promise<void> {
    event.preventDefault();
    const f = this.filterForm;
    await submit(f, {
      action: async () => {
        const { actorId, initiativeId, entityType, action, from, to } = this.draft();
        await this.router.navigate([], {
          relativeTo: this.route,
          queryParams: {
            actorId: actorId || null,
            initiativeId: initiativeId || null,
            entityType: entityType || null,
            action: action || null,
            from: from || null,
            to: to || null,
            page: null,
          },
          queryParamsHandling: 'merge',
        });
        return undefined;
      },
      onInvalid: () => focusFirstInvalid([f.from, f.to]),
    });
  }

  protected clearFilters(): void {
    this.initiativeSearch.set('');
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { actorId: null, initiativeId: null, entityType: null, action: null, from: null, to: null, page: null },
      queryParamsHandling: 'merge',
    });
  }
}

function uuid(value: string | undefined): string {
  return isUuid(value) ? value.toLowerCase() : '';
}

/** Lower case without accents, so that "sprogcafe" finds "Sprogcafé". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function withChosen(choices: Choice[], chosen: string, fallback: string): Choice[] {
  return !chosen || choices.some((choice) => choice.id === chosen) ? choices : [{ id: chosen, text: fallback }, ...choices];
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}

function isoDate(value: string | undefined): string {
  return value && ISO_DATE_PATTERN.test(value) && !Number.isNaN(Date.parse(value)) ? value : '';
}

/** Midnight at the start of a calendar day (plus `days`) in the user's time zone, as an ISO time. */
export function startOfLocalDay(isoDay: string, days: number): string {
  const [year, month, day] = isoDay.split('-').map(Number);
  return new Date(year, month - 1, day + days).toISOString();
}
