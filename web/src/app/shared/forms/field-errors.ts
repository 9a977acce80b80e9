import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { ValidationError } from '@angular/forms/signals';
import { TranslatePipe } from '@ngx-translate/core';
import { I18n } from '../../core/i18n/i18n';
import { showsErrors } from './field-aria';

/** The parts of a field's state that an error message needs. */
export type ErrorSource = () => { touched(): boolean; invalid(): boolean; errors(): readonly ValidationError[] };

/** The error message of one field, with the id that `FieldAria` points the control to. */
@Component({
  selector: 'fd-field-errors',
  imports: [TranslatePipe],
  template: `
    @if (messages().length > 0) {
      <p class="field-error" [id]="controlId() + '-error'">
        <span class="visually-hidden">{{ 'common.errorPrefix' | translate }}</span>
        @for (message of messages(); track $index) {
          <span class="field-error__message">{{ message }}</span>
        }
      </p>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FieldErrors {
  private readonly i18n = inject(I18n);

  readonly field = input.required<ErrorSource>();
  /** The id of the control the message belongs to. */
  readonly controlId = input.required<string>();

  protected readonly messages = computed(() => {
    const state = this.field()();
    if (!showsErrors(state)) return [];
    const unique = new Set(state.errors().map((error) => error.message ?? this.i18n.t('common.fieldInvalid')));
    return [...unique];
  });
}
