import { computed, Directive, ElementRef, inject, input } from '@angular/core';
import { FormField } from '@angular/forms/signals';

/** A field's errors are shown once the user has left it, or tried to submit the form. */
export function showsErrors(state: { touched(): boolean; invalid(): boolean }): boolean {
  return state.touched() && state.invalid();
}

/**
 * Ties a form control to its error message for assistive technology: `aria-invalid` and
 * `aria-describedby="<id>-error"` while `<fd-field-errors>` shows an error for it. Applies itself
 * to every `[formField]` control that has an id.
 */
@Directive({
  // It extends Angular's own `[formField]` directive on purpose, so that no control can be left
  // without it; an `fd`-prefixed attribute would have to be added to every control by hand.
  // eslint-disable-next-line @angular-eslint/directive-selector -- extends `[formField]` on purpose (above)
  selector: '[formField][id]',
  host: {
    '[attr.aria-invalid]': 'invalid() ? "true" : null',
    '[attr.aria-describedby]': 'describedBy()',
  },
})
export class FieldAria {
  private readonly formField = inject(FormField);
  private readonly element = inject<ElementRef<HTMLElement>>(ElementRef);

  /** Ids of further descriptions, such as a hint. */
  readonly fdDescribedBy = input<string>('');

  protected readonly invalid = computed(() => showsErrors(this.formField.state()));
  protected readonly describedBy = computed(() => {
    const ids = this.fdDescribedBy().split(/\s+/).filter(Boolean);
    if (this.invalid()) ids.push(`${this.element.nativeElement.id}-error`);
    return ids.length > 0 ? ids.join(' ') : null;
  });
}
