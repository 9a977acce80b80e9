import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { LIMITS, type StatusUpdate } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { toProblem } from '../../../core/http/problem';
import { I18n } from '../../../core/i18n/i18n';
import { LocalDatePipe } from '../../../core/i18n/i18n-pipes';
import { labelKeys } from '../../../core/labels';
import { HealthBadge } from '../../../shared/health-badge/health-badge';
import { InitiativePageState } from '../initiative-page/initiative-page-state';
import { InitiativesApi } from '../initiatives-api';

const STEP = 5;

/** The initiative's earlier status updates, newest period first, with where their public text is. */
@Component({
  selector: 'fd-status-update-list',
  imports: [TranslatePipe, LocalDatePipe, HealthBadge],
  templateUrl: './status-update-list.html',
  styleUrl: './status-update-list.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusUpdateList {
  private readonly api = inject(InitiativesApi);
  private readonly pageState = inject(InitiativePageState);
  private readonly i18n = inject(I18n);

  protected readonly stateKey = labelKeys.publicTextState;
  protected readonly pageSize = signal(STEP);

  private readonly updates = rxResource({
    params: () => {
      const id = this.pageState.initiative()?.id;
      return id ? { id, pageSize: this.pageSize(), revision: this.pageState.revision() } : undefined;
    },
    stream: ({ params }) => this.api.statusUpdates(params.id, params.pageSize),
  });
  protected readonly items = computed(() => (this.updates.hasValue() ? this.updates.value().items : []));
  protected readonly hasMore = computed(
    () => this.updates.hasValue() && this.updates.value().total > this.items().length && this.pageSize() < LIMITS.pageSize.max,
  );
  protected readonly loading = this.updates.isLoading;
  protected readonly problem = computed(() => {
    const error = this.updates.error();
    return error ? toProblem(error, (key, params) => this.i18n.t(key, params)) : null;
  });

  /**
   * While a rewritten public text waits for management (or was returned), the public still reads
   * the text approved before.
   */
  protected stillShowsApproved(update: StatusUpdate): boolean {
    return (
      (update.publicTextState === 'pending' || update.publicTextState === 'returned') &&
      update.approvedPublicText.trim() !== '' &&
      update.approvedPublicText !== update.publicText
    );
  }

  protected showMore(): void {
    this.pageSize.update((size) => Math.min(LIMITS.pageSize.max, size + STEP * 2));
  }
}
