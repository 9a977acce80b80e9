import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { form, FormField, required, submit, validate } from '@angular/forms/signals';
import { LIMITS, type Problem } from '@fremdrift/contracts';
import { Auth } from '../../../core/auth/auth';
import { FieldAria } from '../../../shared/forms/field-aria';
import { FieldErrors } from '../../../shared/forms/field-errors';
import { focusFirstInvalid, toSubmitFailure } from '../../../shared/forms/server-errors';
import { newPasswordRules, PASSWORD_RULES_TEXT } from '../../../shared/forms/password-rules';

interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  repeatPassword: string;
}

const EMPTY: PasswordChange = { currentPassword: '', newPassword: '', repeatPassword: '' };

/** The signed-in user changes their own password. */
@Component({
  selector: 'fd-change-password',
  imports: [FormField, FieldAria, FieldErrors],
  templateUrl: './change-password.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePassword {
  private readonly auth = inject(Auth);
  protected readonly passwordHint = PASSWORD_RULES_TEXT;

  private readonly model = signal<PasswordChange>({ ...EMPTY });
  protected readonly passwordForm = form(this.model, (path) => {
    required(path.currentPassword, { message: 'Skriv din nuværende adgangskode.' });
    newPasswordRules(path.newPassword, 'Skriv en ny adgangskode.', 'Den nye adgangskode');
    validate(path.newPassword, ({ value, valueOf }) =>
      value() && value() === valueOf(path.currentPassword)
        ? { kind: 'same', message: 'Den nye adgangskode skal være en anden end den nuværende.' }
        : undefined,
    );
    required(path.repeatPassword, { message: 'Skriv den nye adgangskode igen.' });
    validate(path.repeatPassword, ({ value, valueOf }) =>
      value() && value() !== valueOf(path.newPassword) ? { kind: 'mismatch', message: 'De to nye adgangskoder er ikke ens.' } : undefined,
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
          const { fieldErrors, problem } = toSubmitFailure(error, { currentPassword: f.currentPassword, newPassword: f.newPassword }, danish);
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

function danish(field: string, message: string): string {
  if (field === 'currentPassword') return 'Det er ikke din nuværende adgangskode.';
  if (field === 'newPassword' && /differ/i.test(message)) return 'Den nye adgangskode skal være en anden end den nuværende.';
  if (field === 'newPassword') return `Den nye adgangskode skal være på ${LIMITS.password.min}–${LIMITS.password.max} tegn.`;
  return message;
}
