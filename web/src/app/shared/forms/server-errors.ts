import type { ReadonlyFieldTree, ValidationError } from '@angular/forms/signals';
import type { Problem } from '@fremdrift/contracts';
import { toProblem, type Translate } from '../../core/http/problem';

/** Gives a server message for a field in the words the form uses. */
export type FieldMessageTranslator = (field: string, message: string, status: number) => string;

export interface SubmitFailure {
  /** Errors to place on the form's fields (returned from a signal-form `submit` action). */
  fieldErrors: ValidationError.WithOptionalFieldTree[];
  /** What to say above the form: the problem, unless every message found its field. */
  problem: Problem | null;
}

/**
 * Splits an API error into messages for the form's fields (`errors: {field: [messages]}` of a
 * problem+json body) and the rest, which the form shows as a whole.
 */
export function toSubmitFailure(
  error: unknown,
  fields: Readonly<Record<string, ReadonlyFieldTree<unknown>>>,
  t: Translate,
  translate: FieldMessageTranslator = (_field, message) => message,
): SubmitFailure {
  const problem = toProblem(error, t);
  const fieldErrors: ValidationError.WithOptionalFieldTree[] = [];
  const unplaced: string[] = [];
  for (const [key, messages] of Object.entries(problem.errors ?? {})) {
    const fieldTree: ReadonlyFieldTree<unknown> | undefined = Object.hasOwn(fields, key) ? fields[key] : undefined;
    for (const message of messages) {
      if (fieldTree) fieldErrors.push({ kind: 'server', message: translate(key, message, problem.status), fieldTree });
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
