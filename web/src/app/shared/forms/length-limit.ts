import { validate, type SchemaPath } from '@angular/forms/signals';

/**
 * At most `max` characters, checked by validation only. Angular's `maxLength()` also sets the
 * control's `maxlength` attribute, and the browser then cuts typed or pasted text without a word;
 * this one lets the text in and says it is too long (with `<fd-char-counter>` under the control).
 */
export function maxChars(path: SchemaPath<string>, max: number, message: () => string): void {
  validate(path, ({ value }) => (value().length > max ? { kind: 'maxLength', message: message() } : undefined));
}
