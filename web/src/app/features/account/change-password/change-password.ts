import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { form, FormField, required, submit, validate } from '@angular/forms/signals';
import type { Problem } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { Auth } from '../../../core/auth/auth';
import { I18n } from '../../../core/i18n/i18n';
import { FieldAria } from '../../../shared/forms/field-aria';
import { MailSettingsSection } from '../mail-settings/mail-settings';
import { FieldErrors } from '../../../shared/forms/field-errors';
import { focusFirstInvalid, toSubmitFailure } from '../../../shared/forms/server-errors';
import { newPasswordRules, PASSWORD_RULES_KEY, PASSWORD_RULES_PARAMS } from '../../../shared/forms/password-rules';

interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  repeatPassword: string;
}

const EMPTY: PasswordChange = { currentPassword: '', newPassword: '', repeatPassword: '' };

/** The signed-in user changes their own password. */
@Component({
  selector: 'fd-change-password',
  imports: [FormField, FieldAria, FieldErrors, TranslatePipe, MailSettingsSection],
  templateUrl: './change-password.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePassword {
  private readonly auth = inject(Auth);
  private readonly i18n = inject(I18n);
  protected readonly passwordHint = PASSWORD_RULES_KEY;
  protected readonly passwordHintParams = PASSWORD_RULES_PARAMS;

  private readonly model = signal<PasswordChange>({ ...EMPTY });
  protected readonly passwordForm = form(this.model, (path) => {
    required(path.currentPassword, { message: () => this.i18n.t('changePassword.currentRequired') });
    newPasswordRules(path.newPassword, this.i18n, 'changePassword.newRequired', 'password.subjectNew');
    validate(path.newPassword, ({ value, valueOf }) =>
      value() && value() === valueOf(path.currentPassword) ? { kind: 'same', message: this.i18n.t('changePassword.same') } : undefined,
    );
    required(path.repeatPassword, { message: () => this.i18n.t('changePassword.repeatRequired') });
    validate(path.repeatPassword, ({ value, valueOf }) =>
      value() && value() !== valueOf(path.newPassword) ? { kind: 'mismatch', message: this.i18n.t('changePassword.mismatch') } : undefined,
    );
  });

  protected readonly failure = signal<Problem | null>(null);
  protected readonly changed = signal(false);

  protected async change(event: Event): Promise<void> {
    event.preventDefault();
    this.failure.set(null);
    this.changed.set(false);
    const f = this.passwordForm;
    const fields = [f.currentPassword, f.newPassword, f.repeatPassword];
    await submit(f, {
      action: async () => {
        const { currentPassword, newPassword } = this.model();
        try {
          await this.auth.changePassword({ currentPassword, newPassword });
        } catch (error) {
          const { fieldErrors, problem } = toSubmitFailure(error, { currentPassword: f.currentPassword, newPassword: f.newPassword }, (key, params) =>
            this.i18n.t(key, params),
          );
          this.failure.set(problem);
          if (fieldErrors.length > 0) queueMicrotask(() => focusFirstInvalid(fields));
          return fieldErrors;
        }
        this.model.set({ ...EMPTY });
        f().reset();
        this.changed.set(true);
        return undefined;
      },
      onInvalid: () => focusFirstInvalid(fields),
    });
  }
}
