import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { FormField, type FieldTree } from '@angular/forms/signals';
import { USER_ROLES, type Department, type UserRole } from '@fremdrift/contracts';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../../../core/labels';
import { FieldAria } from '../../../shared/forms/field-aria';
import { FieldErrors } from '../../../shared/forms/field-errors';
import { DepartmentPicker } from '../department-picker/department-picker';

/** Name, role and (for department leads) departments: the fields the create and edit forms share. */
@Component({
  selector: 'fd-user-fields',
  imports: [FormField, FieldAria, FieldErrors, DepartmentPicker],
  template: `
    <div class="field">
      <label [for]="idPrefix() + '-name'">Navn</label>
      <input [id]="idPrefix() + '-name'" type="text" [formField]="displayName()" autocomplete="off" />
      <fd-field-errors [field]="displayName()" [controlId]="idPrefix() + '-name'" />
    </div>

    <div class="field">
      <label [for]="idPrefix() + '-role'">Rolle</label>
      <p class="field-hint" [id]="idPrefix() + '-role-hint'">{{ roleHint() }}</p>
      <select [id]="idPrefix() + '-role'" [formField]="role()" [fdDescribedBy]="idPrefix() + '-role-hint'">
        <option value="" disabled>Vælg rolle</option>
        @for (option of roles; track option) {
          <option [value]="option">{{ roleLabels[option] }}</option>
        }
      </select>
      <fd-field-errors [field]="role()" [controlId]="idPrefix() + '-role'" />
    </div>

    @if (role()().value() === 'department_lead') {
      <fd-department-picker
        [formField]="departmentIds()"
        [departments]="departments()"
        [controlId]="idPrefix() + '-departments'"
        hint="De afdelinger, hvis initiativer afdelingslederen holder opdaterede."
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
  readonly displayName = input.required<FieldTree<string>>();
  readonly role = input.required<FieldTree<UserRole | ''>>();
  readonly departmentIds = input.required<FieldTree<string[]>>();
  readonly departments = input<readonly Department[]>([]);
  readonly idPrefix = input.required<string>();
  /** Why the role cannot be changed, when it cannot. */
  readonly roleLockedReason = input('');

  protected readonly roles = USER_ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly roleHint = computed(() => {
    const locked = this.roleLockedReason();
    if (locked) return locked;
    const role = this.role()().value();
    return role ? ROLE_DESCRIPTIONS[role] : 'Rollen bestemmer, hvad brugeren kan se og gøre.';
  });
}
