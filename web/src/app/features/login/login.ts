import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { form, FormField, maxLength, required, submit } from '@angular/forms/signals';
import { Router } from '@angular/router';
import { LIMITS, type Problem } from '@fremdrift/contracts';
import { Auth } from '../../core/auth/auth';
import { safeReturnUrl } from '../../core/auth/return-url';
import { FieldAria } from '../../shared/forms/field-aria';
import { FieldErrors } from '../../shared/forms/field-errors';
import { focusFirstInvalid, toSubmitFailure } from '../../shared/forms/server-errors';

/** The sign-in page. After signing in the user goes on to `returnUrl` (a path in this app). */
@Component({
  selector: 'fd-login',
  imports: [FormField, FieldAria, FieldErrors],
  templateUrl: './login.html',
  styleUrl: './login.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Login {
  private readonly auth = inject(Auth);
  private readonly router = inject(Router);

  /** Query parameter: where the user was going when they were asked to sign in. */
  readonly returnUrl = input<string>();

  protected readonly sessionExpired = this.auth.sessionExpired;

  private readonly credentials = signal({ email: '', password: '' });
  protected readonly loginForm = form(this.credentials, (path) => {
    required(path.email, { message: 'Skriv din e-mail.' });
    maxLength(path.email, LIMITS.email.max, { message: `E-mailen må højst være ${LIMITS.email.max} tegn.` });
    required(path.password, { message: 'Skriv din adgangskode.' });
    maxLength(path.password, LIMITS.password.max, { message: `Adgangskoden må højst være ${LIMITS.password.max} tegn.` });
  });

  /** Why the last attempt failed, when it was not a single field's fault. */
  protected readonly failure = signal<Problem | null>(null);
  protected readonly submitting = computed(() => this.loginForm().submitting());

  protected async signIn(event: Event): Promise<void> {
    event.preventDefault();
    this.failure.set(null);
    const fields = [this.loginForm.email, this.loginForm.password];
    await submit(this.loginForm, {
      action: async () => {
        try {
          const { email, password } = this.credentials();
          await this.auth.login({ email: email.trim(), password });
        } catch (error) {
          const { fieldErrors, problem } = toSubmitFailure(error, { email: this.loginForm.email, password: this.loginForm.password });
          this.failure.set(problem ? explain(error, problem) : null);
          if (fieldErrors.length > 0) queueMicrotask(() => focusFirstInvalid(fields));
          return fieldErrors;
        }
        await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
        return undefined;
      },
      onInvalid: () => focusFirstInvalid(fields),
    });
  }
}

/** The login endpoint's own answers, in plain Danish. */
function explain(error: unknown, problem: Problem): Problem {
  if (!(error instanceof HttpErrorResponse)) return problem;
  if (error.status === 401) {
    return { ...problem, title: 'Forkert e-mail eller adgangskode.', detail: 'Tjek stavningen, og prøv igen.' };
  }
  if (error.status === 429) {
    const wait = retryAfterSeconds(error.headers.get('Retry-After'));
    return {
      ...problem,
      title: 'Du har prøvet at logge ind for mange gange.',
      detail: wait === null ? 'Vent lidt, og prøv igen.' : `Prøv igen om ${formatWait(wait)}.`,
    };
  }
  return problem;
}

/** `Retry-After` is either a number of seconds or an HTTP date. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

export function formatWait(seconds: number): string {
  if (seconds < 60) return seconds <= 1 ? '1 sekund' : `${seconds} sekunder`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minut' : `${minutes} minutter`;
}
