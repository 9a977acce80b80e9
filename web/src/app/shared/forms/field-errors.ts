import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ValidationError } from '@angular/forms/signals';
import { showsErrors } from './field-aria';

/** The parts of a field's state that an error message needs. */
export type ErrorSource = () => { touched(): boolean; invalid(): boolean; errors(): readonly ValidationError[] };

/** The error message of one field, with the id that `FieldAria` points the control to. */
@Component({
  selector: 'fd-field-errors',
  template: `
    @if (messages().length > 0) {
      <p class="field-error" [id]="controlId() + '-error'">
        <span class="visually-hidden">Fejl: </span>
        @for (message of messages(); track $index) {
          <span class="field-error__message">{{ message }}</span>
        }
      </p>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FieldErrors {
  readonly field = input.required<ErrorSource>();
  /** The id of the control the message belongs to. */
  readonly controlId = input.required<string>();

  protected readonly messages = computed(() => {
    const state = this.field()();
    if (!showsErrors(state)) return [];
    const unique = new Set(state.errors().map((error) => error.message ?? 'Feltet er ikke udfyldt korrekt.'));
    return [...unique];
  });
}
