import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { FormField, type FieldTree } from '@angular/forms/signals';
import { TranslatePipe } from '@ngx-translate/core';
import { FieldAria } from '../field-aria';
import { FieldErrors } from '../field-errors';
import { PASSWORD_RULES_KEY, PASSWORD_RULES_PARAMS } from '../password-rules';

/** A new password chosen for someone: the rules as a hint, the errors, and a "show password" switch. */
@Component({
  selector: 'fd-new-password-field',
  imports: [FormField, FieldAria, FieldErrors, TranslatePipe],
  template: `
    <div class="field">
      <label [for]="controlId()">{{ label() | translate }}</label>
      <p class="field-hint" [id]="controlId() + '-hint'">{{ hint | translate: hintParams }}</p>
      <input
        [id]="controlId()"
        [type]="shown() ? 'text' : 'password'"
        [formField]="field()"
        autocomplete="new-password"
        [fdDescribedBy]="controlId() + '-hint'"
      />
      <fd-field-errors [field]="field()" [controlId]="controlId()" />
      <label class="checkbox">
        <input type="checkbox" [checked]="shown()" (change)="shown.set($any($event.target).checked)" />
        <span>{{ 'users.showPassword' | translate }}</span>
      </label>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewPasswordField {
  readonly field = input.required<FieldTree<string>>();
  readonly controlId = input.required<string>();
  /** Translation key of the label. */
  readonly label = input.required<string>();

  protected readonly hint = PASSWORD_RULES_KEY;
  protected readonly hintParams = PASSWORD_RULES_PARAMS;
  protected readonly shown = signal(false);
}
