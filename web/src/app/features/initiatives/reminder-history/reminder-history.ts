import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { SentMailRecord } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { toProblem } from '../../../core/http/problem';
import { I18n } from '../../../core/i18n/i18n';
import { LocalDatePipe } from '../../../core/i18n/i18n-pipes';
import { LoadFailed } from '../../../shared/load-failed/load-failed';
import { InitiativePageState } from '../initiative-page/initiative-page-state';
import { InitiativesApi } from '../initiatives-api';

type Delivery = 'sent' | 'waiting' | 'failed';

/** The reminders and escalations sent about the initiative ("Påmindelse sendt 3. dec. 2026 til Mette Holm"), newest first. */
@Component({
  selector: 'fd-reminder-history',
  imports: [TranslatePipe, LocalDatePipe, LoadFailed],
  templateUrl: './reminder-history.html',
  styleUrl: './reminder-history.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReminderHistory {
  private readonly api = inject(InitiativesApi);
  private readonly pageState = inject(InitiativePageState);
  private readonly i18n = inject(I18n);

  protected readonly reminders = rxResource({
    params: () => this.pageState.initiative()?.id,
    stream: ({ params }) => this.api.sentReminders(params),
  });

  protected readonly rows = computed(() =>
    (this.reminders.hasValue() ? this.reminders.value() : [])
      .map((mail: SentMailRecord) => ({
        mail,
        delivery: delivery(mail),
        // A sent message is dated when it went out; one still in the outbox when it was written.
        date: mail.sentAt ?? mail.createdAt,
        recipient: mail.recipientName ?? mail.to,
      }))
      .sort((a, b) => b.date.localeCompare(a.date)),
  );
  protected readonly loading = this.reminders.isLoading;
  protected readonly problem = computed(() => {
    const error = this.reminders.error();
    return error ? toProblem(error, (key, params) => this.i18n.t(key, params)) : null;
  });
}

function delivery(mail: SentMailRecord): Delivery {
  if (mail.state === 'sent') return 'sent';
  return mail.state === 'failed' ? 'failed' : 'waiting';
}
