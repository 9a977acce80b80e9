import { minLength, required, type SchemaPath } from '@angular/forms/signals';
import { LIMITS } from '@fremdrift/contracts';
import type { I18n } from '../../core/i18n/i18n';
import { maxChars } from './length-limit';

export const PASSWORD_RULES_KEY = 'password.rules';
export const PASSWORD_RULES_PARAMS = { min: LIMITS.password.min } as const;

export function newPasswordRules(path: SchemaPath<string>, i18n: Pick<I18n, 't'>, requiredKey: string, subjectKey = 'password.subject'): void {
  required(path, { message: () => i18n.t(requiredKey) });
  minLength(path, LIMITS.password.min, { message: () => i18n.t('password.tooShort', { subject: i18n.t(subjectKey), min: LIMITS.password.min }) });
  maxChars(path, LIMITS.password.max, () => i18n.t('password.tooLong', { subject: i18n.t(subjectKey), max: LIMITS.password.max }));
}
