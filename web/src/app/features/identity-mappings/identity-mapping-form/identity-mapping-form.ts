import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { form, FormField, required, submit, validate } from '@angular/forms/signals';
import {
  IDENTITY_ROLE_MAPPING_LIMITS,
  USER_ROLES,
  type Department,
  type IdentityRoleMapping,
  type IdentityRoleMappingInput,
  type Problem,
  type UserRole,
} from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import type { Translate } from '../../../core/http/problem';
import { I18n } from '../../../core/i18n/i18n';
import { labelKeys } from '../../../core/labels';
import { CharCounter } from '../../../shared/forms/char-counter/char-counter';
import { FieldAria } from '../../../shared/forms/field-aria';
import { FieldErrors } from '../../../shared/forms/field-errors';
import { maxChars } from '../../../shared/forms/length-limit';
import { focusFirstInvalid, toSubmitFailure } from '../../../shared/forms/server-errors';

/** The form's own shape: text fields as typed, an empty role or department meaning "not chosen yet". */
export interface MappingModel {
  claimValue: string;
  unitConstraint: string;
  role: UserRole | '';
  departmentId: string;
  description: string;
}

const EMPTY: MappingModel = { claimValue: '', unitConstraint: '', role: '', departmentId: '', description: '' };

function modelOf(mapping: IdentityRoleMapping | null): MappingModel {
  if (!mapping) return EMPTY;
  return {
    claimValue: mapping.claimValue,
    unitConstraint: mapping.unitConstraint ?? '',
    role: mapping.role,
    departmentId: mapping.department?.id ?? '',
    description: mapping.description ?? '',
  };
}

/** What is sent: trimmed, empty optional text as null, a department only for a department lead. */
export function toMappingInput(model: MappingModel): IdentityRoleMappingInput {
  const role = model.role as UserRole;
  return {
    claimValue: model.claimValue.trim(),
    unitConstraint: model.unitConstraint.trim() || null,
    role,
    departmentId: role === 'department_lead' ? model.departmentId || null : null,
    description: model.description.trim() || null,
  };
}

/**
 * One role mapping's fields, for a new mapping or one being edited. The page passes `save`, which
 * rejects with the API's error: the form puts field errors by their codes on the fields and says
 * the rest above them.
 */
@Component({
  selector: 'fd-identity-mapping-form',
  imports: [FormField, FieldAria, FieldErrors, CharCounter, TranslatePipe],
  template: `
    <form class="form" novalidate (submit)="send($event)">
      @if (failure(); as failure) {
        <div class="notice notice--error" role="alert">
          <p>
            <strong>{{ failureKey() | translate }}</strong> {{ failure.title }}
          </p>
          @if (failure.detail) {
            <p>{{ failure.detail }}</p>
          }
        </div>
      }

      <div class="field">
        <label [for]="idPrefix() + '-claim'">{{ 'identityMappings.claimValue' | translate }}</label>
        <p class="field-hint" [id]="idPrefix() + '-claim-hint'">{{ 'identityMappings.claimValueHint' | translate }}</p>
        <input
          [id]="idPrefix() + '-claim'"
          type="text"
          class="mapping-form__code"
          [formField]="mappingForm.claimValue"
          autocomplete="off"
          autocapitalize="off"
          spellcheck="false"
          [fdDescribedBy]="idPrefix() + '-claim-hint'"
        />
        <fd-field-errors [field]="mappingForm.claimValue" [controlId]="idPrefix() + '-claim'" />
      </div>

      <div class="field">
        <label [for]="idPrefix() + '-unit'">{{ 'identityMappings.unitConstraint' | translate }}</label>
        <p class="field-hint" [id]="idPrefix() + '-unit-hint'">{{ 'identityMappings.unitConstraintHint' | translate }}</p>
        <input
          [id]="idPrefix() + '-unit'"
          type="text"
          class="mapping-form__code"
          [formField]="mappingForm.unitConstraint"
          autocomplete="off"
          autocapitalize="off"
          spellcheck="false"
          [fdDescribedBy]="idPrefix() + '-unit-hint'"
        />
        <fd-field-errors [field]="mappingForm.unitConstraint" [controlId]="idPrefix() + '-unit'" />
      </div>

      <div class="field">
        <label [for]="idPrefix() + '-role'">{{ 'identityMappings.role' | translate }}</label>
        <p class="field-hint" [id]="idPrefix() + '-role-hint'">{{ roleHint() | translate }}</p>
        <select [id]="idPrefix() + '-role'" [formField]="mappingForm.role" [fdDescribedBy]="idPrefix() + '-role-hint'">
          <option value="" disabled>{{ 'identityMappings.chooseRole' | translate }}</option>
          @for (option of roles; track option) {
            <option [value]="option">{{ roleKey(option) | translate }}</option>
          }
        </select>
        <fd-field-errors [field]="mappingForm.role" [controlId]="idPrefix() + '-role'" />
      </div>

      @if (isLead()) {
        <div class="field">
          <label [for]="idPrefix() + '-department'">{{ 'identityMappings.department' | translate }}</label>
          <p class="field-hint" [id]="idPrefix() + '-department-hint'">{{ 'identityMappings.departmentHint' | translate }}</p>
          <select [id]="idPrefix() + '-department'" [formField]="mappingForm.departmentId" [fdDescribedBy]="idPrefix() + '-department-hint'">
            <option value="" disabled>{{ 'identityMappings.chooseDepartment' | translate }}</option>
            @for (department of departmentChoices(); track department.id) {
              <option [value]="department.id">{{ department.name }} ({{ department.code }})</option>
            }
          </select>
          <fd-field-errors [field]="mappingForm.departmentId" [controlId]="idPrefix() + '-department'" />
        </div>
      }

      <div class="field">
        <label [for]="idPrefix() + '-description'">{{ 'identityMappings.description' | translate }}</label>
        <p class="field-hint" [id]="idPrefix() + '-description-hint'">{{ 'identityMappings.descriptionHint' | translate }}</p>
        <input
          [id]="idPrefix() + '-description'"
          type="text"
          [formField]="mappingForm.description"
          autocomplete="off"
          [fdDescribedBy]="idPrefix() + '-description-hint'"
        />
        <fd-char-counter [value]="mappingForm.description().value()" [max]="limits.description.max" />
        <fd-field-errors [field]="mappingForm.description" [controlId]="idPrefix() + '-description'" />
      </div>

      <div class="form-actions">
        <button type="submit" class="button" [attr.aria-disabled]="submitting() ? 'true' : null">
          {{ (submitting() ? 'common.saving' : submitKey()) | translate }}
        </button>
        @if (cancellable()) {
          <button type="button" class="button button--secondary" (click)="cancelled.emit()">{{ 'common.cancel' | translate }}</button>
        }
      </div>
    </form>
  `,
  styles: `
    :host {
      display: block;
    }
    .mapping-form__code {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IdentityMappingForm {
  private readonly i18n = inject(I18n);
  private readonly t: Translate = (key, params) => this.i18n.t(key, params);

  /** Prefix of the controls' ids, unique on the page. */
  readonly idPrefix = input.required<string>();
  /** The mapping being edited; null for a new one. */
  readonly mapping = input<IdentityRoleMapping | null>(null);
  /** Every department; the active ones are offered, and the one the mapping has already. */
  readonly departments = input<readonly Department[]>([]);
  /** Translation keys: the submit button, and the heading of a failure. */
  readonly submitKey = input.required<string>();
  readonly failureKey = input.required<string>();
  readonly cancellable = input(false);
  /** Saves the mapping; rejects with the API's error. */
  readonly save = input.required<(mapping: IdentityRoleMappingInput) => Promise<void>>();
  readonly cancelled = output();

  protected readonly limits = IDENTITY_ROLE_MAPPING_LIMITS;
  protected readonly roles = USER_ROLES;
  protected readonly roleKey = labelKeys.role;

  private readonly model = linkedSignal(() => modelOf(this.mapping()));
  protected readonly mappingForm = form(this.model, (path) => {
    const { claimValue, unitConstraint, description } = IDENTITY_ROLE_MAPPING_LIMITS;
    validate(path.claimValue, ({ value }) =>
      value().trim() === '' ? { kind: 'required', message: this.t('identityMappings.claimValueRequired') } : undefined,
    );
    maxChars(path.claimValue, claimValue.max, () => this.t('identityMappings.tooLong', { max: claimValue.max }));
    maxChars(path.unitConstraint, unitConstraint.max, () => this.t('identityMappings.tooLong', { max: unitConstraint.max }));
    required(path.role, { message: () => this.t('identityMappings.roleRequired') });
    validate(path.departmentId, ({ value, valueOf }) =>
      valueOf(path.role) === 'department_lead' && value() === '' ? { kind: 'required', message: this.t('identityMappings.departmentRequired') } : undefined,
    );
    maxChars(path.description, description.max, () => this.t('identityMappings.tooLong', { max: description.max }));
  });

  protected readonly isLead = computed(() => this.mappingForm.role().value() === 'department_lead');
  protected readonly roleHint = computed(() => {
    const role = this.mappingForm.role().value();
    return role ? labelKeys.roleDescription(role) : 'users.roleHint';
  });
  protected readonly departmentChoices = computed(() => {
    const kept = this.mapping()?.department?.id;
    return this.departments()
      .filter((department) => department.active || department.id === kept)
      .sort((a, b) => a.sortOrder - b.sortOrder || this.i18n.compare(a.name, b.name));
  });

  protected readonly failure = signal<Problem | null>(null);
  protected readonly submitting = computed(() => this.mappingForm().submitting());

  protected async send(event: Event): Promise<void> {
    event.preventDefault();
    if (this.submitting()) return;
    this.failure.set(null);
    const f = this.mappingForm;
    const fields = [f.claimValue, f.unitConstraint, f.role, f.departmentId, f.description];
    await submit(f, {
      action: async () => {
        try {
          await this.save()(toMappingInput(this.model()));
        } catch (error) {
          const { fieldErrors, problem } = toSubmitFailure(
            error,
            { claimValue: f.claimValue, unitConstraint: f.unitConstraint, role: f.role, departmentId: f.departmentId, description: f.description },
            this.t,
          );
          this.failure.set(problem);
          if (fieldErrors.length > 0) queueMicrotask(() => focusFirstInvalid(fields));
          return fieldErrors;
        }
        if (!this.mapping()) {
          this.model.set(EMPTY);
          f().reset();
        }
        return undefined;
      },
      onInvalid: () => focusFirstInvalid(fields),
    });
  }
}
