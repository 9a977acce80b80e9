import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { IdentityRoleMapping, IdentityRoleMappingInput, Problem } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { catchError, firstValueFrom, of } from 'rxjs';
import { DepartmentsApi } from '../../../core/api/departments-api';
import { SignInOptionsApi } from '../../../core/auth/sign-in-options';
import { httpStatus, toProblem, type Translate } from '../../../core/http/problem';
import { I18n } from '../../../core/i18n/i18n';
import { labelKeys } from '../../../core/labels';
import { injectFocusAfterRender } from '../../../shared/focus/focus-after-render';
import { LoadFailed } from '../../../shared/load-failed/load-failed';
import { IdentityMappingForm } from '../identity-mapping-form/identity-mapping-form';
import { IdentityMappingsApi } from '../identity-mappings-api';

/**
 * The admins' page "Rolletildeling": which group or job-function role from the municipality's
 * identity provider gives which Fremdrift role (and, for a department lead, which department).
 * Create, edit in place and delete after a confirmation; a write refused because someone else
 * changed or deleted the mapping meanwhile reads the list again and says so.
 */
@Component({
  selector: 'fd-identity-mapping-list',
  imports: [IdentityMappingForm, LoadFailed, TranslatePipe],
  templateUrl: './identity-mapping-list.html',
  styleUrl: './identity-mapping-list.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IdentityMappingList {
  private readonly api = inject(IdentityMappingsApi);
  private readonly departmentsApi = inject(DepartmentsApi);
  private readonly signInOptions = inject(SignInOptionsApi);
  private readonly i18n = inject(I18n);
  private readonly focus = injectFocusAfterRender();
  private readonly t: Translate = (key, params) => this.i18n.t(key, params);

  protected readonly roleKey = labelKeys.role;

  protected readonly list = rxResource({ stream: () => this.api.list() });
  /** The mappings by value and unit, as the API lists them; changed in place after each write. */
  protected readonly mappings = linkedSignal(() => (this.list.hasValue() ? this.sorted(this.list.value()) : []));
  protected readonly loadProblem = computed(() => {
    const error = this.list.error();
    return error ? toProblem(error, this.t) : null;
  });

  private readonly departmentList = rxResource({ stream: () => this.departmentsApi.listAll() });
  protected readonly departments = computed(() => (this.departmentList.hasValue() ? this.departmentList.value().items : []));

  /** Mappings wait unused until an identity provider is configured: the page says so. */
  private readonly options = rxResource({ stream: () => this.signInOptions.get().pipe(catchError(() => of(null))) });
  protected readonly providerMissing = computed(() => {
    const options = this.options.hasValue() ? this.options.value() : null;
    return options !== null && options.singleSignOn === null;
  });

  /** The last thing that went well, read out politely. */
  protected readonly confirmation = signal('');
  /** A write refused because the mapping changed or went meanwhile; the list has been read again. */
  protected readonly conflict = signal<Problem | null>(null);

  protected readonly editingId = signal<string | null>(null);
  private readonly editing = computed(() => this.mappings().find((m) => m.id === this.editingId()) ?? null);

  protected readonly deletingId = signal<string | null>(null);
  protected readonly deleteBusy = signal(false);
  protected readonly deleteProblem = signal<Problem | null>(null);

  /** How a screen reader tells the entries' buttons apart: value, unit, role and department. */
  protected labelOf(mapping: IdentityRoleMapping): string {
    return [mapping.claimValue, mapping.unitConstraint, this.t(labelKeys.role(mapping.role)), mapping.department?.code].filter(Boolean).join(', ');
  }

  protected readonly create = async (input: IdentityRoleMappingInput): Promise<void> => {
    this.clearMessages();
    const created = await firstValueFrom(this.api.create(input));
    this.mappings.update((list) => this.sorted([...list, created]));
    this.confirmation.set(this.t('identityMappings.added', { claim: created.claimValue }));
  };

  protected readonly update = async (input: IdentityRoleMappingInput): Promise<void> => {
    const mapping = this.editing();
    if (!mapping) return;
    this.clearMessages();
    let updated: IdentityRoleMapping;
    try {
      updated = await firstValueFrom(this.api.update(mapping.id, mapping.version, input));
    } catch (error) {
      // The form shows the other refusals at its fields; a conflict closes it, as the list is read again.
      if (!this.changedMeanwhile(error)) throw error;
      this.showConflict(error);
      return;
    }
    this.mappings.update((list) => this.sorted(list.map((m) => (m.id === updated.id ? updated : m))));
    this.editingId.set(null);
    this.confirmation.set(this.t('identityMappings.saved', { claim: updated.claimValue }));
    this.focus(`#edit-button-${updated.id}`);
  };

  protected startEdit(mapping: IdentityRoleMapping): void {
    this.clearMessages();
    this.deletingId.set(null);
    this.editingId.set(mapping.id);
    this.focus(`#edit-heading-${mapping.id}`);
  }

  protected cancelEdit(id: string): void {
    this.editingId.set(null);
    this.focus(`#edit-button-${id}`);
  }

  protected askDelete(mapping: IdentityRoleMapping): void {
    this.clearMessages();
    this.editingId.set(null);
    this.deleteProblem.set(null);
    this.deletingId.set(mapping.id);
    this.focus(`#confirm-delete-${mapping.id}`);
  }

  protected cancelDelete(id: string): void {
    this.deletingId.set(null);
    this.focus(`#delete-button-${id}`);
  }

  protected async remove(mapping: IdentityRoleMapping): Promise<void> {
    if (this.deleteBusy()) return;
    this.deleteBusy.set(true);
    this.deleteProblem.set(null);
    try {
      await firstValueFrom(this.api.delete(mapping.id, mapping.version));
      this.mappings.update((list) => list.filter((m) => m.id !== mapping.id));
      this.deletingId.set(null);
      this.confirmation.set(this.t('identityMappings.deleted', { claim: mapping.claimValue }));
      this.focus('#mappings-heading');
    } catch (error) {
      if (this.changedMeanwhile(error)) this.showConflict(error);
      else this.deleteProblem.set(toProblem(error, this.t));
    } finally {
      this.deleteBusy.set(false);
    }
  }

  /** Someone else changed (409 `staleVersion`) or deleted (404) the mapping since the list was read. */
  private changedMeanwhile(error: unknown): boolean {
    const status = httpStatus(error);
    return status === 404 || (status === 409 && toProblem(error, this.t).code === 'staleVersion');
  }

  private showConflict(error: unknown): void {
    this.conflict.set({ ...toProblem(error, this.t), detail: this.t('identityMappings.changedMeanwhile') });
    this.editingId.set(null);
    this.deletingId.set(null);
    this.list.reload();
    this.focus('#mappings-conflict');
  }

  private clearMessages(): void {
    this.confirmation.set('');
    this.conflict.set(null);
  }

  private sorted(list: readonly IdentityRoleMapping[]): IdentityRoleMapping[] {
    return [...list].sort(
      (a, b) => this.i18n.compare(a.claimValue.toLowerCase(), b.claimValue.toLowerCase()) || this.i18n.compare(a.unitConstraint ?? '', b.unitConstraint ?? ''),
    );
  }
}
