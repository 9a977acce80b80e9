import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { I18n } from '../../../core/i18n/i18n';
import { toProblem } from '../../../core/http/problem';

export interface MailSettings {
  remindersEnabled: boolean;
  digestEnabled: boolean;
  language: 'da' | 'en';
}

export const MAIL_SETTINGS_URL = '/api/account/mail-settings';

/**
 * "Mine e-mails": which reminder and digest mails the signed-in user gets, and in which language.
 * Loaded when asked for, so that the account page itself makes no request.
 */
@Component({
  selector: 'fd-mail-settings',
  imports: [TranslatePipe],
  templateUrl: './mail-settings.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MailSettingsSection {
  private readonly http = inject(HttpClient);
  private readonly i18n = inject(I18n);

  protected readonly settings = signal<MailSettings | null>(null);
  protected readonly state = signal<'idle' | 'loading' | 'ready' | 'loadFailed' | 'saving'>('idle');
  protected readonly notice = signal<{ kind: 'success' | 'error'; text: string } | null>(null);

  protected async load(): Promise<void> {
    this.state.set('loading');
    try {
      this.settings.set(await firstValueFrom(this.http.get<MailSettings>(MAIL_SETTINGS_URL)));
      this.state.set('ready');
    } catch {
      this.state.set('loadFailed');
    }
  }

  protected change<K extends keyof MailSettings>(key: K, value: MailSettings[K]): void {
    this.settings.update((current) => (current ? { ...current, [key]: value } : current));
    this.notice.set(null);
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const settings = this.settings();
    if (!settings || this.state() === 'saving') return;
    this.state.set('saving');
    this.notice.set(null);
    try {
      this.settings.set(await firstValueFrom(this.http.patch<MailSettings>(MAIL_SETTINGS_URL, settings)));
      this.notice.set({ kind: 'success', text: this.i18n.t('reminders.saved') });
    } catch (error) {
      const problem = toProblem(error, (key, params) => this.i18n.t(key, params));
      this.notice.set({ kind: 'error', text: `${this.i18n.t('reminders.saveFailed')} ${problem.title}` });
    } finally {
      this.state.set('ready');
    }
  }
}
