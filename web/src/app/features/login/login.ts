import { HttpErrorResponse } from '@angular/common/http';
import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { form, FormField, required, submit } from '@angular/forms/signals';
import { Router } from '@angular/router';
import { LIMITS, type Problem } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { Auth } from '../../core/auth/auth';
import { safeReturnUrl } from '../../core/auth/return-url';
import { SignInOptionsApi, singleSignOnStartUrl } from '../../core/auth/sign-in-options';
import { toProblem } from '../../core/http/problem';
import { I18n } from '../../core/i18n/i18n';
import { FieldAria } from '../../shared/forms/field-aria';
import { FieldErrors } from '../../shared/forms/field-errors';
import { maxChars } from '../../shared/forms/length-limit';
import { focusFirstInvalid, toSubmitFailure } from '../../shared/forms/server-errors';

/**
 * The sign-in page. With the municipality's identity provider configured, its button comes first and
 * the password form second (behind a disclosure when only the break-glass admins may use it). After
 * signing in the user goes on to `returnUrl` (a path in this app), through the provider too.
 */
@Component({
  selector: 'fd-login',
  imports: [NgTemplateOutlet, FormField, FieldAria, FieldErrors, TranslatePipe],
  templateUrl: './login.html',
  styleUrl: './login.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Login {
  private readonly auth = inject(Auth);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);

  /** Query parameter: where the user was going when they were asked to sign in. */
  readonly returnUrl = input<string>();

  protected readonly sessionExpired = this.auth.sessionExpired;

  private readonly signInOptions = inject(SignInOptionsApi);
  protected readonly options = rxResource({ stream: () => this.signInOptions.get() });
  protected readonly optionsProblem = computed(() => {
    const error = this.options.error();
    return error ? toProblem(error, (key, params) => this.i18n.t(key, params)) : null;
  });
  /** The identity provider's button: its name and where it starts, coming back to `returnUrl`. */
  protected readonly singleSignOn = computed(() => {
    const sso = this.options.hasValue() ? this.options.value().singleSignOn : null;
    return sso ? { label: sso.label, href: singleSignOnStartUrl(sso.startUrl, safeReturnUrl(this.returnUrl())) } : null;
  });
  /** Only the break-glass admins may use a password: the form waits behind a disclosure. */
  protected readonly passwordIsEmergencyOnly = computed(
    () => this.singleSignOn() !== null && this.options.hasValue() && this.options.value().localAccounts === 'break-glass',
  );

  private readonly credentials = signal({ email: '', password: '' });
  protected readonly loginForm = form(this.credentials, (path) => {
    required(path.email, { message: () => this.i18n.t('login.emailRequired') });
    maxChars(path.email, LIMITS.email.max, () => this.i18n.t('login.emailMax', { max: LIMITS.email.max }));
    required(path.password, { message: () => this.i18n.t('login.passwordRequired') });
    maxChars(path.password, LIMITS.password.max, () => this.i18n.t('login.passwordMax', { max: LIMITS.password.max }));
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
          const t = (key: string, params?: Readonly<Record<string, unknown>>) => this.i18n.t(key, params);
          const { fieldErrors, problem } = toSubmitFailure(error, { email: this.loginForm.email, password: this.loginForm.password }, t);
          this.failure.set(problem ? explain(error, problem, this.i18n) : null);
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

/** The login endpoint's own answers, in plain words. */
function explain(error: unknown, problem: Problem, i18n: Pick<I18n, 't' | 'plural'>): Problem {
  if (!(error instanceof HttpErrorResponse)) return problem;
  if (error.status === 401) {
    return { ...problem, title: i18n.t('login.wrongCredentials'), detail: i18n.t('login.checkSpelling') };
  }
  if (error.status === 429) {
    const wait = retryAfterSeconds(error.headers.get('Retry-After'));
    return {
      ...problem,
      title: i18n.t('login.tooManyAttempts'),
      detail: wait === null ? i18n.t('login.waitAWhile') : i18n.t('login.tryAgainIn', { wait: formatWait(wait, i18n) }),
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

export function formatWait(seconds: number, i18n: Pick<I18n, 'plural'>): string {
  if (seconds < 60) return i18n.plural('login.seconds', Math.max(1, seconds));
  return i18n.plural('login.minutes', Math.ceil(seconds / 60));
}
