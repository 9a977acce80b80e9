import { minLength, required, validate, type SchemaPathTree } from '@angular/forms/signals';
import { LIMITS, type UserRole } from '@fremdrift/contracts';
import type { I18n } from '../../core/i18n/i18n';
import { maxChars } from '../../shared/forms/length-limit';

/** What the create and edit forms have in common. An empty role means "not chosen yet". */
export interface UserDetailsModel {
  displayName: string;
  role: UserRole | '';
  departmentIds: string[];
}

export interface NewUserModel extends UserDetailsModel {
  email: string;
  password: string;
}

export function userDetailsRules(path: SchemaPathTree<UserDetailsModel>, i18n: Pick<I18n, 't'>): void {
  required(path.displayName, { message: () => i18n.t('users.nameRequired') });
  minLength(path.displayName, LIMITS.displayName.min, { message: () => i18n.t('users.nameMin', { min: LIMITS.displayName.min }) });
  maxChars(path.displayName, LIMITS.displayName.max, () => i18n.t('users.nameMax', { max: LIMITS.displayName.max }));
  required(path.role, { message: () => i18n.t('users.roleRequired') });
  validate(path.departmentIds, ({ value, valueOf }) =>
    valueOf(path.role) === 'department_lead' && value().length === 0 ? { kind: 'required', message: i18n.t('users.departmentsRequired') } : undefined,
  );
}

/** Departments matter only for department leads; other roles are sent without any. */
export function departmentIdsFor(model: UserDetailsModel): string[] {
  return model.role === 'department_lead' ? model.departmentIds : [];
}
