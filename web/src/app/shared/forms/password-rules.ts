import { maxLength, minLength, required, type SchemaPath } from '@angular/forms/signals';
import { LIMITS } from '@fremdrift/contracts';

export const PASSWORD_RULES_TEXT = `Mindst ${LIMITS.password.min} tegn. Lange sætninger er både sikre og nemme at huske.`;

export function newPasswordRules(path: SchemaPath<string>, requiredMessage: string, subject = 'Adgangskoden'): void {
  required(path, { message: requiredMessage });
  minLength(path, LIMITS.password.min, { message: `${subject} skal være på mindst ${LIMITS.password.min} tegn.` });
  maxLength(path, LIMITS.password.max, { message: `${subject} må højst være ${LIMITS.password.max} tegn.` });
}
