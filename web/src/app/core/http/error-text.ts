import type { FieldError, Problem } from '@fremdrift/contracts';
import type { Translate } from './problem';

const valueOf = (value: string | number | readonly (string | number)[]) => (Array.isArray(value) ? value.join(', ') : value);

/** The user's words for what the API found wrong with a field: by its code, with its limits. */
export function fieldErrorText(error: FieldError, t: Translate): string {
  const params = Object.fromEntries(Object.entries(error.params ?? {}).map(([name, value]) => [name, valueOf(value)]));
  return t(`errors.field.${error.code}`, params);
}

/** The user's words for a problem the API answered: by its code, with the reference that finds it in the log. */
export function problemText(problem: Problem, t: Translate): Pick<Problem, 'title' | 'detail'> {
  return {
    title: t(`errors.problem.${problem.code}`, problem.params),
    detail: problem.requestId ? t('errors.reference', { id: problem.requestId }) : undefined,
  };
}
