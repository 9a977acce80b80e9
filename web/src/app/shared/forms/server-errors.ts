import type { ReadonlyFieldTree, ValidationError } from '@angular/forms/signals';
import type { Problem } from '@fremdrift/contracts';
import { fieldErrorText } from '../../core/http/error-text';
import { toProblem, type Translate } from '../../core/http/problem';

export interface SubmitFailure {
  /** Errors to place on the form's fields (returned from a signal-form `submit` action). */
  fieldErrors: ValidationError.WithOptionalFieldTree[];
  /** What to say above the form: the problem, unless every message found its field. */
  problem: Problem | null;
}

/**
 * Splits an API error into messages for the form's fields (`errors` of a problem+json body, in the
 * user's words by their codes) and the rest, which the form shows as a whole.
 */
export function toSubmitFailure(error: unknown, fields: Readonly<Record<string, ReadonlyFieldTree<unknown>>>, t: Translate): SubmitFailure {
  const problem = toProblem(error, t);
  const fieldErrors: ValidationError.WithOptionalFieldTree[] = [];
  const unplaced: string[] = [];
  for (const [key, errors] of Object.entries(problem.errors ?? {})) {
    const fieldTree: ReadonlyFieldTree<unknown> | undefined = Object.hasOwn(fields, key) ? fields[key] : undefined;
    for (const fieldError of errors) {
      const message = fieldErrorText(fieldError, t);
      if (fieldTree) fieldErrors.push({ kind: 'server', message, fieldTree });
      else unplaced.push(message);
    }
  }
  if (fieldErrors.length > 0 && unplaced.length === 0) return { fieldErrors, problem: null };
  const detail = unplaced.length > 0 ? unplaced.join(' ') : problem.detail;
  return { fieldErrors, problem: { ...problem, detail } };
}

/** Moves focus to the first control whose field has an error, so that its message is read out. */
export function focusFirstInvalid(fields: readonly ReadonlyFieldTree<unknown>[]): void {
  const invalid = fields.find((field) => field().invalid());
  invalid?.().focusBoundControl();
}
