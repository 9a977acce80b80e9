import { afterNextRender, ChangeDetectionStrategy, Component, ElementRef, inject, Injector, input, signal, viewChild } from '@angular/core';
import { form, submit } from '@angular/forms/signals';
import type { Problem } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { I18n } from '../../../core/i18n/i18n';
import { NewPasswordField } from '../../../shared/forms/new-password-field/new-password-field';
import { newPasswordRules } from '../../../shared/forms/password-rules';
import { focusFirstInvalid, toSubmitFailure } from '../../../shared/forms/server-errors';
import { UsersApi } from '../users-api';

/**
 * An admin gives another user a temporary password: typed, confirmed, sent. The user is signed out
 * everywhere; the admin is told to hand the password over safely.
 */
@Component({
  selector: 'fd-user-password-reset',
  imports: [NewPasswordField, TranslatePipe],
  templateUrl: './user-password-reset.html',
  styleUrl: './user-password-reset.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserPasswordReset {
  private readonly usersApi = inject(UsersApi);
  private readonly injector = inject(Injector);
  private readonly i18n = inject(I18n);

  readonly userId = input.required<string>();
  readonly userName = input.required<string>();

  private readonly model = signal({ password: '' });
  protected readonly resetForm = form(this.model, (path) => newPasswordRules(path.password, this.i18n, 'deadEndsB.resetRequired'));

  protected readonly open = signal(false);
  protected readonly sending = signal(false);
  protected readonly failure = signal<Problem | null>(null);
  /** The name of the user whose password was just reset, for the polite announcement. */
  protected readonly done = signal('');

  private readonly heading = viewChild<ElementRef<HTMLElement>>('resetHeading');
  private readonly openButton = viewChild<ElementRef<HTMLElement>>('openButton');

  protected start(): void {
    this.done.set('');
    this.failure.set(null);
    this.open.set(true);
    afterNextRender(() => this.heading()?.nativeElement.focus(), { injector: this.injector });
  }

  protected cancel(): void {
    this.close();
  }

  protected async send(event: Event): Promise<void> {
    event.preventDefault();
    if (this.sending()) return;
    this.failure.set(null);
    const f = this.resetForm;
    await submit(f, {
      action: async () => {
        this.sending.set(true);
        try {
          await firstValueFrom(this.usersApi.resetPassword(this.userId(), { password: this.model().password }), { defaultValue: undefined });
        } catch (error) {
          const { fieldErrors, problem } = toSubmitFailure(error, { password: f.password }, (key, params) => this.i18n.t(key, params));
          this.failure.set(problem);
          if (fieldErrors.length > 0) queueMicrotask(() => focusFirstInvalid([f.password]));
          return fieldErrors;
        } finally {
          this.sending.set(false);
        }
        this.done.set(this.userName());
        this.close();
        return undefined;
      },
      onInvalid: () => focusFirstInvalid([f.password]),
    });
  }

  private close(): void {
    this.model.set({ password: '' });
    this.resetForm().reset();
    this.failure.set(null);
    this.open.set(false);
    afterNextRender(() => this.openButton()?.nativeElement.focus(), { injector: this.injector });
  }
}
