import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { form, FormField, submit, validate, type SchemaPath, type SchemaPathTree } from '@angular/forms/signals';
import { applyConsentChange } from '@fremdrift/access';
import {
  CONSENT_METHODS,
  LIMITS,
  PARTNER_TYPES,
  type ConsentMethod,
  type InitiativePartner,
  type LinkPartner,
  type PartnerType,
  type Problem,
} from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { consentSummary, PartnersApi } from '../../../core/api/partners-api';
import { httpStatus, toProblem } from '../../../core/http/problem';
import { I18n } from '../../../core/i18n/i18n';
import { labelKeys } from '../../../core/labels';
import { UnsavedChanges } from '../../../core/unsaved-changes/unsaved-changes';
import { FieldAria } from '../../../shared/forms/field-aria';
import { CharCounter } from '../../../shared/forms/char-counter/char-counter';
import { FieldErrors } from '../../../shared/forms/field-errors';
import { maxChars } from '../../../shared/forms/length-limit';
import { focusFirstInvalid } from '../../../shared/forms/server-errors';
import { InitiativePageState } from '../initiative-page/initiative-page-state';
import { InitiativesApi } from '../initiatives-api';
import { injectFocusAfterRender } from '../../../shared/focus/focus-after-render';
import { todayInMunicipality } from '../../../core/time/today';

interface LinkModel {
  mode: 'existing' | 'new';
  partnerId: string;
  name: string;
  type: PartnerType | '';
  role: string;
  publicConsent: boolean;
  consentGivenOn: string;
  consentMethod: ConsentMethod | '';
}

/** Role and consent as the forms edit them; the date and method count only when consent is ticked. */
interface ConsentModel {
  publicConsent: boolean;
  consentGivenOn: string;
  consentMethod: ConsentMethod | '';
}

const EMPTY_LINK: LinkModel = { mode: 'existing', partnerId: '', name: '', type: '', role: '', publicConsent: false, consentGivenOn: '', consentMethod: '' };

/** What a form sends: consent with its date and method when ticked, and nothing about consent when it is not to change. */
export function linkRequest(role: string, model: ConsentModel, current: InitiativePartner | null): LinkPartner {
  if (model.publicConsent && !current?.publicConsent) {
    return { role, publicConsent: true, consentGivenOn: model.consentGivenOn || null, consentMethod: model.consentMethod || null };
  }
  return current ? { role } : { role, publicConsent: false };
}

/**
 * The initiative's co-creation partners with their role and whether they consented to being shown
 * publicly. Those who edit the initiative link existing partners, create new ones, change the role
 * and consent, and remove links.
 */
@Component({
  selector: 'fd-partner-list',
  imports: [TranslatePipe, FormField, FieldAria, FieldErrors, CharCounter],
  templateUrl: './partner-list.html',
  styleUrl: './partner-list.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnerList {
  private readonly api = inject(InitiativesApi);
  private readonly partnersApi = inject(PartnersApi);
  private readonly pageState = inject(InitiativePageState);
  private readonly i18n = inject(I18n);
  private readonly focus = injectFocusAfterRender();

  protected readonly canEdit = this.pageState.canEdit;
  protected readonly types = PARTNER_TYPES;
  protected readonly typeKey = labelKeys.partnerType;
  protected readonly roleMax = LIMITS.partnerRole.max;
  protected readonly methods = CONSENT_METHODS;
  protected readonly today = todayInMunicipality();

  private readonly initiativeId = computed(() => this.pageState.initiative()?.id);
  private readonly links = rxResource({ params: () => this.initiativeId(), stream: ({ params }) => this.api.partners(params) });
  protected readonly linked = linkedSignal(() =>
    this.links.hasValue() ? [...this.links.value()].sort((a, b) => this.i18n.compare(a.partner.name, b.partner.name)) : [],
  );
  protected readonly loading = this.links.isLoading;
  protected readonly loadProblem = computed(() => {
    const error = this.links.error();
    return error ? toProblem(error, (key, params) => this.i18n.t(key, params)) : null;
  });

  /** The register, fetched only for those who may link partners. */
  private readonly register = rxResource({
    params: () => (this.canEdit() ? true : undefined),
    stream: () => this.partnersApi.listAll(),
  });
  protected readonly available = computed(() => {
    const taken = new Set(this.linked().map((link) => link.partner.id));
    const all = this.register.hasValue() ? this.register.value().items : [];
    return all.filter((partner) => !taken.has(partner.id)).sort((a, b) => this.i18n.compare(a.name, b.name));
  });

  protected readonly failure = signal<{ id: string; problem: Problem } | null>(null);
  protected readonly busy = signal(false);

  // Editing one link's role and consent.
  protected readonly editingId = signal<string | null>(null);
  private readonly editModel = signal<{ role: string } & ConsentModel>({ role: '', publicConsent: false, consentGivenOn: '', consentMethod: '' });
  private editBase = { ...this.editModel() };
  protected readonly editForm = form(this.editModel, (path) => {
    maxChars(path.role, LIMITS.partnerRole.max, () =>
      this.i18n.t('validation.maxLength', { field: this.i18n.t('partners.role'), max: LIMITS.partnerRole.max }),
    );
    this.consentRules(path);
  });
  protected readonly editConsent = computed(() => this.editModel().publicConsent);

  protected readonly confirmingWithdrawId = signal<string | null>(null);

  protected readonly confirmingRemoveId = signal<string | null>(null);

  // Linking a partner, existing or new.
  protected readonly adding = signal(false);
  private readonly linkModel = signal<LinkModel>({ ...EMPTY_LINK });
  private linkBase: LinkModel = { ...EMPTY_LINK };
  protected readonly linkForm = form(this.linkModel, (path) => {
    validate(path.partnerId, ({ value, valueOf }) =>
      valueOf(path.mode) === 'existing' && !value() ? { kind: 'required', message: this.i18n.t('validation.partnerRequired') } : undefined,
    );
    validate(path.name, ({ value, valueOf }) => {
      if (valueOf(path.mode) !== 'new') return undefined;
      const name = value().trim();
      if (!name) return { kind: 'required', message: this.i18n.t('validation.partnerNameRequired') };
      if (name.length < LIMITS.partnerName.min)
        return { kind: 'minLength', message: this.i18n.t('validation.minLength', { field: this.i18n.t('partners.name'), min: LIMITS.partnerName.min }) };
      if (name.length > LIMITS.partnerName.max)
        return { kind: 'maxLength', message: this.i18n.t('validation.maxLength', { field: this.i18n.t('partners.name'), max: LIMITS.partnerName.max }) };
      return undefined;
    });
    validate(path.type, ({ value, valueOf }) =>
      valueOf(path.mode) === 'new' && !value() ? { kind: 'required', message: this.i18n.t('validation.partnerTypeRequired') } : undefined,
    );
    maxChars(path.role, LIMITS.partnerRole.max, () =>
      this.i18n.t('validation.maxLength', { field: this.i18n.t('partners.role'), max: LIMITS.partnerRole.max }),
    );
    this.consentRules(path);
  });
  protected readonly linkMode = computed(() => this.linkModel().mode);
  protected readonly linkConsent = computed(() => this.linkModel().publicConsent);

  constructor() {
    inject(UnsavedChanges).track(
      () =>
        (this.editingId() !== null && JSON.stringify(this.editModel()) !== JSON.stringify(this.editBase)) ||
        (this.adding() && JSON.stringify(this.linkModel()) !== JSON.stringify(this.linkBase)),
    );
  }

  protected consentText(link: InitiativePartner): string {
    const summary = consentSummary(link, (iso) => this.i18n.date(iso));
    return this.i18n.t(summary.key, summary.params);
  }

  protected startEdit(link: InitiativePartner): void {
    this.confirmingRemoveId.set(null);
    this.confirmingWithdrawId.set(null);
    this.editBase = {
      role: link.role,
      publicConsent: link.publicConsent,
      consentGivenOn: link.publicConsent ? (link.consentGivenOn ?? '') : this.today,
      consentMethod: link.publicConsent ? (link.consentMethod ?? '') : '',
    };
    this.editModel.set({ ...this.editBase });
    this.editForm().reset();
    this.editingId.set(link.partner.id);
    this.focus(`#partner-${link.partner.id}-role`);
  }

  protected cancelEdit(link: InitiativePartner): void {
    this.editingId.set(null);
    this.focus(`#partner-${link.partner.id}-edit`);
  }

  protected async saveEdit(event: Event, link: InitiativePartner): Promise<void> {
    event.preventDefault();
    await submit(this.editForm, {
      action: async () => {
        const saved = await this.link(link.partner.id, linkRequest(this.editModel().role.trim(), this.editModel(), link));
        if (saved) {
          this.editingId.set(null);
          this.pageState.announce(this.i18n.t('partners.saved', { name: link.partner.name }));
          this.focus(`#partner-${link.partner.id}-edit`);
        }
        return undefined;
      },
      onInvalid: () => focusFirstInvalid([this.editForm.role, this.editForm.consentGivenOn, this.editForm.consentMethod]),
    });
  }

  protected askWithdraw(link: InitiativePartner): void {
    this.editingId.set(null);
    this.confirmingRemoveId.set(null);
    this.confirmingWithdrawId.set(link.partner.id);
    this.focus(`#partner-${link.partner.id}-withdraw-confirm`);
  }

  protected cancelWithdraw(link: InitiativePartner): void {
    this.confirmingWithdrawId.set(null);
    this.focus(`#partner-${link.partner.id}-withdraw`);
  }

  protected async withdraw(link: InitiativePartner): Promise<void> {
    if (this.busy()) return;
    if (await this.link(link.partner.id, { publicConsent: false })) {
      this.confirmingWithdrawId.set(null);
      this.pageState.announce(this.i18n.t('partners.withdrawn', { name: link.partner.name }));
      this.focus(`#partner-${link.partner.id}-edit`);
    }
  }

  protected askRemove(link: InitiativePartner): void {
    this.editingId.set(null);
    this.confirmingWithdrawId.set(null);
    this.confirmingRemoveId.set(link.partner.id);
    this.focus(`#partner-${link.partner.id}-confirm`);
  }

  protected cancelRemove(link: InitiativePartner): void {
    this.confirmingRemoveId.set(null);
    this.focus(`#partner-${link.partner.id}-remove`);
  }

  protected async remove(link: InitiativePartner): Promise<void> {
    const id = this.initiativeId();
    if (!id || this.busy()) return;
    this.busy.set(true);
    this.failure.set(null);
    try {
      await firstValueFrom(this.api.unlinkPartner(id, link.partner.id));
      this.linked.update((list) => list.filter((l) => l.partner.id !== link.partner.id));
      this.confirmingRemoveId.set(null);
      this.pageState.announce(this.i18n.t('partners.removed', { name: link.partner.name }));
      this.pageState.changed();
      this.focus('.partners__add');
    } catch (error) {
      this.failure.set({ id: link.partner.id, problem: this.problemOf(error) });
    } finally {
      this.busy.set(false);
    }
  }

  protected startAdd(): void {
    this.linkBase = { ...EMPTY_LINK, mode: this.available().length > 0 ? 'existing' : 'new', consentGivenOn: this.today };
    this.linkModel.set({ ...this.linkBase });
    this.linkForm().reset();
    this.failure.set(null);
    this.adding.set(true);
    this.focus('#partner-new select, #partner-new input');
  }

  protected setMode(mode: LinkModel['mode']): void {
    this.linkModel.update((model) => ({ ...model, mode }));
    this.focus(mode === 'new' ? '#partner-new-name' : '#partner-new-existing');
  }

  protected cancelAdd(): void {
    this.adding.set(false);
    this.failure.set(null);
    this.focus('.partners__add');
  }

  protected async saveLink(event: Event): Promise<void> {
    event.preventDefault();
    const f = this.linkForm;
    await submit(f, {
      action: async () => {
        const value = this.linkModel();
        this.failure.set(null);
        let partnerId = value.partnerId;
        let name = this.available().find((p) => p.id === partnerId)?.name ?? '';
        if (value.mode === 'new') {
          try {
            const created = await firstValueFrom(this.partnersApi.create({ name: value.name.trim(), type: value.type as PartnerType }));
            partnerId = created.id;
            name = created.name;
            this.register.reload();
          } catch (error) {
            if (httpStatus(error) === 409) return [{ kind: 'taken', message: this.i18n.t('partners.nameTaken'), fieldTree: f.name }];
            this.failure.set({ id: 'new', problem: this.problemOf(error) });
            return undefined;
          }
        }
        if (await this.link(partnerId, linkRequest(value.role.trim(), value, null), 'new')) {
          this.adding.set(false);
          this.pageState.announce(this.i18n.t('partners.linked', { name }));
          this.focus('.partners__add');
        }
        return undefined;
      },
      onInvalid: () => focusFirstInvalid([f.partnerId, f.name, f.type, f.role, f.consentGivenOn, f.consentMethod]),
    });
  }

  /** The consent rule the API applies (`applyConsentChange`), checked here first so that each field says what it lacks. */
  private consentRules(path: SchemaPathTree<ConsentModel>): void {
    const check = (field: 'consentGivenOn' | 'consentMethod', ctx: { valueOf: <T>(p: SchemaPath<T>) => T }) => {
      if (!ctx.valueOf(path.publicConsent)) return undefined;
      const outcome = applyConsentChange(
        null,
        { publicConsent: true, consentGivenOn: ctx.valueOf(path.consentGivenOn) || null, consentMethod: ctx.valueOf(path.consentMethod) || null },
        todayInMunicipality(),
      );
      const code = outcome.errors?.[field];
      return code ? { kind: code, message: this.i18n.t(`errors.field.${code}`) } : undefined;
    };
    validate(path.consentGivenOn, (ctx) => check('consentGivenOn', ctx));
    validate(path.consentMethod, (ctx) => check('consentMethod', ctx));
  }

  private async link(partnerId: string, link: LinkPartner, failureId = partnerId): Promise<boolean> {
    const id = this.initiativeId();
    if (!id) return false;
    this.busy.set(true);
    this.failure.set(null);
    try {
      const saved = await firstValueFrom(this.api.linkPartner(id, partnerId, link));
      this.linked.update((list) =>
        [...list.filter((l) => l.partner.id !== partnerId), saved].sort((a, b) => this.i18n.compare(a.partner.name, b.partner.name)),
      );
      this.pageState.changed();
      return true;
    } catch (error) {
      this.failure.set({ id: failureId, problem: this.problemOf(error) });
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  private problemOf(error: unknown): Problem {
    return toProblem(error, (key, params) => this.i18n.t(key, params));
  }
}
