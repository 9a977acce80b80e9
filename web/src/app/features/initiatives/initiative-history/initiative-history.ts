import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { AuditEvent } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { forkJoin, map } from 'rxjs';
import { toProblem } from '../../../core/http/problem';
import { I18n } from '../../../core/i18n/i18n';
import { LocalDatePipe } from '../../../core/i18n/i18n-pipes';
import { labelKeys } from '../../../core/labels';
import { changeLines, eventSubject, splitActor } from '../../../shared/audit-format/audit-format';
import { InitiativePageState } from '../initiative-page/initiative-page-state';
import { InitiativesApi } from '../initiatives-api';

const PAGE_SIZE = 20;

/** Every recorded change to the initiative and what belongs to it, newest first, field by field, with names for every record. */
@Component({
  selector: 'fd-initiative-history',
  imports: [TranslatePipe, LocalDatePipe],
  templateUrl: './initiative-history.html',
  styleUrl: './initiative-history.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InitiativeHistory {
  private readonly api = inject(InitiativesApi);
  private readonly pageState = inject(InitiativePageState);
  private readonly i18n = inject(I18n);

  protected readonly actionKey = labelKeys.auditAction;
  protected readonly pages = signal(1);

  private readonly history = rxResource({
    params: () => {
      const id = this.pageState.initiative()?.id;
      return id ? { id, pages: this.pages(), revision: this.pageState.revision() } : undefined;
    },
    stream: ({ params }) =>
      forkJoin(Array.from({ length: params.pages }, (_, i) => this.api.history(params.id, i + 1, PAGE_SIZE))).pipe(
        map((pages) => ({ items: pages.flatMap((page) => page.items), total: pages[0]?.total ?? 0 })),
      ),
  });

  protected readonly rows = computed(() =>
    (this.history.hasValue() ? this.history.value().items : []).map((event: AuditEvent) => ({
      event,
      actor: splitActor(event.actor.name).name,
      subject: eventSubject(event, this.i18n).text,
      deleted: event.subject.deleted,
      changes: changeLines(event, this.i18n),
    })),
  );
  protected readonly hasMore = computed(() => this.history.hasValue() && this.history.value().total > this.rows().length);
  protected readonly loading = this.history.isLoading;
  protected readonly problem = computed(() => {
    const error = this.history.error();
    return error ? toProblem(error, (key, params) => this.i18n.t(key, params)) : null;
  });

  protected loadMore(): void {
    this.pages.update((n) => n + 1);
  }
}
