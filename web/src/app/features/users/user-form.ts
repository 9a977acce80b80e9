import { maxLength, minLength, required, validate, type SchemaPathTree } from '@angular/forms/signals';
import { LIMITS, type UserRole } from '@fremdrift/contracts';

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


export function userDetailsRules(path: SchemaPathTree<UserDetailsModel>): void {
  required(path.displayName, { message: 'Skriv brugerens navn.' });
  minLength(path.displayName, LIMITS.displayName.min, { message: `Navnet skal være på mindst ${LIMITS.displayName.min} tegn.` });
  maxLength(path.displayName, LIMITS.displayName.max, { message: `Navnet må højst være ${LIMITS.displayName.max} tegn.` });
  required(path.role, { message: 'Vælg en rolle.' });
  validate(path.departmentIds, ({ value, valueOf }) =>
    valueOf(path.role) === 'department_lead' && value().length === 0
      ? { kind: 'required', message: 'Vælg mindst én afdeling, som afdelingslederen har ansvar for.' }
      : undefined,
  );
}

/** Departments matter only for department leads; other roles are sent without any. */
export function departmentIdsFor(model: UserDetailsModel): string[] {
  return model.role === 'department_lead' ? model.departmentIds : [];
}

/** The API's field messages are in English; the ones a user can cause get a Danish version. */
export function danishUserFieldMessage(field: string, message: string, status: number): string {
  if (field === 'email' && status === 409) return 'Der findes allerede en bruger med denne e-mail.';
  if (field === 'email') return 'Skriv en gyldig e-mail, fx navn@aarhus.dk.';
  if (field === 'displayName') return `Navnet skal være på ${LIMITS.displayName.min}–${LIMITS.displayName.max} tegn.`;
  if (field === 'password') return `Adgangskoden skal være på ${LIMITS.password.min}–${LIMITS.password.max} tegn.`;
  if (field === 'departmentIds') return 'En af de valgte afdelinger findes ikke længere. Hent siden igen, og vælg igen.';
  if (field === 'role') return 'Vælg en af rollerne på listen.';
  return message;
}
