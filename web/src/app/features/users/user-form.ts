import { maxLength, minLength, required, validate, type SchemaPathTree } from '@angular/forms/signals';
import { LIMITS, type UserRole } from '@fremdrift/contracts';
import type { I18n } from '../../core/i18n/i18n';

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
  maxLength(path.displayName, LIMITS.displayName.max, { message: () => i18n.t('users.nameMax', { max: LIMITS.displayName.max }) });
  required(path.role, { message: () => i18n.t('users.roleRequired') });
  validate(path.departmentIds, ({ value, valueOf }) =>
    valueOf(path.role) === 'department_lead' && value().length === 0 ? { kind: 'required', message: i18n.t('users.departmentsRequired') } : undefined,
  );
}

/** Departments matter only for department leads; other roles are sent without any. */
export function departmentIdsFor(model: UserDetailsModel): string[] {
  return model.role === 'department_lead' ? model.departmentIds : [];
}

/** The API's field messages are in English; the ones a user can cause get a translated version. */
export function userFieldMessage(i18n: Pick<I18n, 't'>) {
  return (field: string, message: string, status: number): string => {
    if (field === 'email' && status === 409) return i18n.t('users.emailTaken');
    if (field === 'email') return i18n.t('users.emailInvalid');
    if (field === 'displayName') return i18n.t('users.nameRange', { min: LIMITS.displayName.min, max: LIMITS.displayName.max });
    if (field === 'password') return i18n.t('password.lengthRange', { subject: i18n.t('password.subject'), min: LIMITS.password.min, max: LIMITS.password.max });
    if (field === 'departmentIds') return i18n.t('users.departmentsGone');
    if (field === 'role') return i18n.t('users.roleUnknown');
    return message;
  };
}
