import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, linkedSignal, signal } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { rxResource } from '@angular/core/rxjs-interop';
import { form, FormField, submit, validate } from '@angular/forms/signals';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { canEditPartner, canEditPartners, canMergePartners } from '@fremdrift/access';
import {
  LIMITS,
  PARTNER_TYPES,
  type Page,
  type Partner,
  type PartnerInitiative,
  type PartnerQuery,
  type PartnerType,
  type Problem,
} from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { consentSummary, PartnersApi } from '../../../core/api/partners-api';
import { Auth } from '../../../core/auth/auth';
import { httpStatus, toProblem } from '../../../core/http/problem';
import { I18n } from '../../../core/i18n/i18n';
import { labelKeys } from '../../../core/labels';
import { injectFocusAfterRender } from '../../../shared/focus/focus-after-render';
import { CharCounter } from '../../../shared/forms/char-counter/char-counter';
import { FieldAria } from '../../../shared/forms/field-aria';
import { FieldErrors } from '../../../shared/forms/field-errors';
import { maxChars } from '../../../shared/forms/length-limit';
import { focusFirstInvalid, toSubmitFailure } from '../../../shared/forms/server-errors';
import { Pagination, parsePage } from '../../../shared/pagination/pagination';
import { SearchField } from '../../../shared/search-field/search-field';
import { EmptyList } from '../../../shared/empty-list/empty-list';
import { LoadFailed } from '../../../shared/load-failed/load-failed';

/** How long typing pauses before the search runs. */
export const SEARCH_DEBOUNCE_MS = 400;

interface PartnerModel {
  name: string;
  type: PartnerType | '';
  description: string;
}

const EMPTY_PARTNER: PartnerModel = { name: '', type: '', description: '' };

/** One line of what a merge moves: an initiative of the duplicate, and whether the kept partner is linked there too. */
export interface MergeLine {
  initiative: PartnerInitiative;
  shared: boolean;
}

/** What merging `duplicate` into `kept` does, for the confirmation. */
export function mergePreview(kept: Partner, duplicate: Partner): { lines: MergeLine[]; fillsDescription: boolean } {
  const keptInitiatives = new Set(kept.initiatives.map((initiative) => initiative.id));
  return {
    lines: duplicate.initiatives.map((initiative) => ({ initiative, shared: keptInitiatives.has(initiative.id) })),
    fillsDescription: !kept.description.trim() && !!duplicate.description.trim(),
  };
}

/**
 * The register of co-creation partners: every partner with its type, description and the
 * initiatives it takes part in (role and consent to be named publicly), searchable by name and
 * filterable by type, both kept in the URL. Leads and admins create and correct partners; admins
 * merge duplicates.
 */
@Component({
  selector: 'fd-partner-register',
  imports: [LoadFailed, EmptyList, RouterLink, NgTemplateOutlet, TranslatePipe, Pagination, SearchField, FormField, FieldAria, FieldErrors, CharCounter],
  templateUrl: './partner-register.html',
  styleUrl: './partner-register.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnerRegister {
  private readonly api = inject(PartnersApi);
  private readonly auth = inject(Auth);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly i18n = inject(I18n);
  private readonly focus = injectFocusAfterRender();

  /** Query parameter: part of the name. */
  readonly q = input<string>();
  /** Query parameter: one of the partner types. */
  readonly type = input<string>();
  /** Query parameter: page number, from 1. */
  readonly page = input<string>();

  protected readonly types = PARTNER_TYPES;
  protected readonly typeKey = labelKeys.partnerType;
  protected readonly pageSize = LIMITS.pageSize.default;
  protected readonly descriptionMax = LIMITS.longText.max;

  protected readonly searchFilter = computed(() => (this.q() ?? '').trim().slice(0, LIMITS.searchText.max));
  protected readonly typeFilter = computed(() => {
    const type = this.type();
    return (PARTNER_TYPES as readonly string[]).includes(type ?? '') ? (type as PartnerType) : null;
  });
  protected readonly hasFilters = computed(() => !!this.searchFilter() || !!this.typeFilter());
  protected readonly searchDraft = linkedSignal(() => this.searchFilter());

  private readonly query = computed<PartnerQuery>(() => ({
    page: parsePage(this.page(), LIMITS.page.max),
    pageSize: this.pageSize,
    q: this.searchFilter() || undefined,
    type: this.typeFilter() ?? undefined,
    sort: 'name',
  }));
  protected readonly partners = rxResource({ params: () => this.query(), stream: ({ params }) => this.api.list(params) });
  protected readonly result = computed<Page<Partner> | undefined>(() => (this.partners.hasValue() ? this.partners.value() : undefined));
  protected readonly problem = computed(() => {
    const error = this.partners.error();
    return error ? toProblem(error, (key, params) => this.i18n.t(key, params)) : null;
  });
  protected readonly statusMessage = computed(() => {
    if (this.partners.isLoading()) return this.i18n.t('partnerRegister.loading');
    const result = this.result();
    if (!result) return '';
    if (result.total === 0) return this.i18n.t(this.hasFilters() ? 'partnerRegister.noneMatch' : 'partnerRegister.noneYet');
    if (result.items.length === 0) return this.i18n.t('common.emptyPage');
    const n = (value: number) => this.i18n.number(value);
    const from = (result.page - 1) * result.pageSize + 1;
    return this.i18n.t('common.showing', { from: n(from), to: n(from + result.items.length - 1), total: n(result.total) });
  });

  protected readonly canCreate = computed(() => this.auth.allows(canEditPartners));
  protected readonly canMerge = computed(() => this.auth.allows(canMergePartners));
  protected readonly announcement = signal('');

  // Creating a partner (id 'new') or correcting one (its id).
  protected readonly editingId = signal<string | null>(null);
  private readonly editModel = signal<PartnerModel>({ ...EMPTY_PARTNER });
  protected readonly editForm = form(this.editModel, (path) => {
    validate(path.name, ({ value }) => {
      const name = value().trim();
      if (!name) return { kind: 'required', message: this.i18n.t('validation.partnerNameRequired') };
      if (name.length < LIMITS.partnerName.min)
        return { kind: 'minLength', message: this.i18n.t('validation.minLength', { field: this.i18n.t('partnerRegister.name'), min: LIMITS.partnerName.min }) };
      if (name.length > LIMITS.partnerName.max)
        return { kind: 'maxLength', message: this.i18n.t('validation.maxLength', { field: this.i18n.t('partnerRegister.name'), max: LIMITS.partnerName.max }) };
      return undefined;
    });
    validate(path.type, ({ value }) => (!value() ? { kind: 'required', message: this.i18n.t('validation.partnerTypeRequired') } : undefined));
    maxChars(path.description, LIMITS.longText.max, () =>
      this.i18n.t('validation.maxLength', { field: this.i18n.t('partnerRegister.description'), max: LIMITS.longText.max }),
    );
  });
  protected readonly editFailure = signal<Problem | null>(null);
  protected readonly busy = signal(false);

  // Merging a duplicate into the partner being kept.
  protected readonly mergeKeptId = signal<string | null>(null);
  private readonly mergeModel = signal({ duplicateId: '' });
  protected readonly mergeForm = form(this.mergeModel, (path) => {
    validate(path.duplicateId, ({ value }) => (!value() ? { kind: 'required', message: this.i18n.t('partnerRegister.duplicateRequired') } : undefined));
  });
  protected readonly mergeFailure = signal<Problem | null>(null);
  /** Every partner, to choose the duplicate from; fetched when a merge starts. */
  private readonly everyPartner = rxResource({ params: () => this.mergeKeptId() ?? undefined, stream: () => this.api.listAll() });
  protected readonly mergeCandidates = computed(() => {
    const all = this.everyPartner.hasValue() ? this.everyPartner.value().items : [];
    return all.filter((partner) => partner.id !== this.mergeKeptId()).sort((a, b) => this.i18n.compare(a.name, b.name));
  });
  protected readonly mergeTruncated = computed(() => {
    const page = this.everyPartner.hasValue() ? this.everyPartner.value() : null;
    return page && page.total > page.items.length ? { shown: page.items.length, total: page.total } : null;
  });
  protected readonly mergeKept = computed(() => {
    const id = this.mergeKeptId();
    return this.result()?.items.find((partner) => partner.id === id) ?? null;
  });
  protected readonly mergeDuplicate = computed(() => this.mergeCandidates().find((partner) => partner.id === this.mergeModel().duplicateId) ?? null);
  protected readonly preview = computed(() => {
    const kept = this.mergeKept();
    const duplicate = this.mergeDuplicate();
    return kept && duplicate ? mergePreview(kept, duplicate) : null;
  });

  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.searchTimer));
  }

  protected canEdit(partner: Partner): boolean {
    const principal = this.auth.principal();
    return (
      !!principal &&
      canEditPartner(
        principal,
        partner.initiatives.map((initiative) => initiative.leadDepartmentId),
      )
    );
  }

  protected consentText(initiative: PartnerInitiative): string {
    const summary = consentSummary(initiative, (iso) => this.i18n.date(iso));
    return this.i18n.t(summary.key, summary.params);
  }

  protected typeInput(value: string): void {
    this.searchDraft.set(value);
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.applyFilters({ q: value }), SEARCH_DEBOUNCE_MS);
  }

  protected submitSearch(event: Event): void {
    event.preventDefault();
    clearTimeout(this.searchTimer);
    this.applyFilters({ q: this.searchDraft() });
  }

  protected applyFilters(filters: { q?: string; type?: string }): void {
    const params: Record<string, string | null> = { page: null };
    if (filters.q !== undefined) {
      if (filters.q.trim() === this.searchFilter() && filters.type === undefined) return;
      params['q'] = filters.q.trim() || null;
    }
    if (filters.type !== undefined) params['type'] = filters.type || null;
    void this.router.navigate([], { relativeTo: this.route, queryParams: params, queryParamsHandling: 'merge', replaceUrl: filters.q !== undefined });
  }

  protected clearFilters(): void {
    clearTimeout(this.searchTimer);
    this.searchDraft.set('');
    this.applyFilters({ q: '', type: '' });
  }

  protected startCreate(): void {
    this.startEditing('new', EMPTY_PARTNER);
    this.focus('#partner-new-name');
  }

  protected startEdit(partner: Partner): void {
    this.startEditing(partner.id, { name: partner.name, type: partner.type, description: partner.description });
    this.focus(`#partner-${partner.id}-name`);
  }

  protected cancelEdit(): void {
    const id = this.editingId();
    this.editingId.set(null);
    this.focus(id === 'new' ? '#partner-create' : `#partner-${id}-edit`);
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const f = this.editForm;
    const id = this.editingId();
    if (!id || this.busy()) return;
    await submit(f, {
      action: async () => {
        const value = this.editModel();
        const changes = { name: value.name.trim(), type: value.type as PartnerType, description: value.description.trim() };
        this.busy.set(true);
        this.editFailure.set(null);
        try {
          const saved = await firstValueFrom(id === 'new' ? this.api.create(changes) : this.api.update(id, changes));
          this.editingId.set(null);
          this.announce(this.i18n.t(id === 'new' ? 'partnerRegister.created' : 'partnerRegister.saved', { name: saved.name }));
          this.partners.reload();
          this.focus(id === 'new' ? '#partner-create' : `#partner-${id}-edit`);
          return undefined;
        } catch (error) {
          if (httpStatus(error) === 409) return [{ kind: 'taken', message: this.i18n.t('partnerRegister.nameTaken'), fieldTree: f.name }];
          const failure = toSubmitFailure(error, { name: f.name, type: f.type, description: f.description }, (key, params) => this.i18n.t(key, params));
          this.editFailure.set(failure.problem);
          return failure.fieldErrors;
        } finally {
          this.busy.set(false);
        }
      },
      onInvalid: () => focusFirstInvalid([f.name, f.type, f.description]),
    });
  }

  protected startMerge(partner: Partner): void {
    this.editingId.set(null);
    this.mergeModel.set({ duplicateId: '' });
    this.mergeForm().reset();
    this.mergeFailure.set(null);
    this.mergeKeptId.set(partner.id);
    this.focus(`#partner-${partner.id}-duplicate`);
  }

  protected cancelMerge(): void {
    const id = this.mergeKeptId();
    this.mergeKeptId.set(null);
    this.focus(`#partner-${id}-merge`);
  }

  protected async confirmMerge(event: Event): Promise<void> {
    event.preventDefault();
    const kept = this.mergeKept();
    if (!kept || this.busy()) return;
    await submit(this.mergeForm, {
      action: async () => {
        const duplicate = this.mergeDuplicate();
        if (!duplicate) return undefined;
        this.busy.set(true);
        this.mergeFailure.set(null);
        try {
          const merged = await firstValueFrom(this.api.merge(kept.id, duplicate.id));
          this.mergeKeptId.set(null);
          this.announce(this.i18n.t('partnerRegister.merged', { duplicate: duplicate.name, name: merged.name }));
          this.partners.reload();
          this.focus(`#partner-${kept.id}-merge`);
        } catch (error) {
          this.mergeFailure.set(toProblem(error, (key, params) => this.i18n.t(key, params)));
        } finally {
          this.busy.set(false);
        }
        return undefined;
      },
      onInvalid: () => focusFirstInvalid([this.mergeForm.duplicateId]),
    });
  }

  private startEditing(id: string, model: PartnerModel): void {
    this.mergeKeptId.set(null);
    this.editModel.set({ ...model });
    this.editForm().reset();
    this.editFailure.set(null);
    this.editingId.set(id);
  }

  private announce(message: string): void {
    // Setting the same text twice would not be read out again.
    this.announcement.set('');
    queueMicrotask(() => this.announcement.set(message));
  }
}
