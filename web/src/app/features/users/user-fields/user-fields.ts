import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { FormField, type FieldTree } from '@angular/forms/signals';
import { LIMITS, USER_ROLES, type Department, type UserRole } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { I18n } from '../../../core/i18n/i18n';
import { labelKeys } from '../../../core/labels';
import { DepartmentPicker } from '../../../shared/department-picker/department-picker';
import { FieldAria } from '../../../shared/forms/field-aria';
import { CharCounter } from '../../../shared/forms/char-counter/char-counter';
import { FieldErrors } from '../../../shared/forms/field-errors';

/** Name, role and (for department leads) departments: the fields the create and edit forms share. */
@Component({
  selector: 'fd-user-fields',
  imports: [FormField, FieldAria, FieldErrors, CharCounter, DepartmentPicker, TranslatePipe],
  template: `
    <div class="field">
      <label [for]="idPrefix() + '-name'">{{ 'users.name' | translate }}</label>
      <input [id]="idPrefix() + '-name'" type="text" [formField]="displayName()" autocomplete="off" />
      <fd-char-counter [value]="displayName()().value()" [max]="nameMax" />
      <fd-field-errors [field]="displayName()" [controlId]="idPrefix() + '-name'" />
    </div>

    <div class="field">
      <label [for]="idPrefix() + '-role'">{{ 'users.role' | translate }}</label>
      <p class="field-hint" [id]="idPrefix() + '-role-hint'">{{ roleHint() }}</p>
      <select [id]="idPrefix() + '-role'" [formField]="role()" [fdDescribedBy]="idPrefix() + '-role-hint'">
        <option value="" disabled>{{ 'users.chooseRole' | translate }}</option>
        @for (option of roles; track option) {
          <option [value]="option">{{ roleKey(option) | translate }}</option>
        }
      </select>
      <fd-field-errors [field]="role()" [controlId]="idPrefix() + '-role'" />
    </div>

    @if (role()().value() === 'department_lead') {
      <fd-department-picker
        [formField]="departmentIds()"
        [departments]="departments()"
        [controlId]="idPrefix() + '-departments'"
        [hint]="'users.departmentsHint' | translate"
      />
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 1.25rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserFields {
  private readonly i18n = inject(I18n);

  readonly displayName = input.required<FieldTree<string>>();
  readonly role = input.required<FieldTree<UserRole | ''>>();
  readonly departmentIds = input.required<FieldTree<string[]>>();
  readonly departments = input<readonly Department[]>([]);
  readonly idPrefix = input.required<string>();
  protected readonly nameMax = LIMITS.displayName.max;
  /** Why the role cannot be changed (translated), when it cannot. */
  readonly roleLockedReason = input('');

  protected readonly roles = USER_ROLES;
  protected readonly roleKey = labelKeys.role;
  protected readonly roleHint = computed(() => {
    const locked = this.roleLockedReason();
    if (locked) return locked;
    const role = this.role()().value();
    return this.i18n.t(role ? labelKeys.roleDescription(role) : 'users.roleHint');
  });
}
