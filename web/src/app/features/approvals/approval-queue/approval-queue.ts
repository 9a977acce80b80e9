import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { form, FormField, submit, validate } from '@angular/forms/signals';
import { RouterLink } from '@angular/router';
import { LIMITS, type PendingApproval, type Problem, type ReviewPublicText } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { httpStatus, toProblem } from '../../../core/http/problem';
import { LocalDatePipe } from '../../../core/i18n/i18n-pipes';
import { I18n } from '../../../core/i18n/i18n';
import { FieldAria } from '../../../shared/forms/field-aria';
import { CharCounter } from '../../../shared/forms/char-counter/char-counter';
import { FieldErrors } from '../../../shared/forms/field-errors';
import { maxChars } from '../../../shared/forms/length-limit';
import { focusFirstInvalid } from '../../../shared/forms/server-errors';
import { HealthBadge } from '../../../shared/health-badge/health-badge';
import { Pagination, parsePage } from '../../../shared/pagination/pagination';
import { ApprovalsApi } from '../approvals-api';
import { injectFocusAfterRender } from '../../../shared/focus/focus-after-render';
import { LoadFailed } from '../../../shared/load-failed/load-failed';

/** One item of the queue, with a key that is unique across kinds (a status update and an initiative may share an id). */
export interface QueueEntry {
  key: string;
  item: PendingApproval;
  /** Translation keys that name what is reviewed: "the text for …" or "the change to …". */
  texts: { approveLabel: string; returnLabel: string; approved: string; returned: string; changed: string };
}

export function queueKey(item: PendingApproval): string {
  return item.kind === 'status_update' ? `su-${item.statusUpdate.id}` : `in-${item.initiative.id}`;
}

const TEXTS: Readonly<Record<PendingApproval['kind'], QueueEntry['texts']>> = {
  status_update: {
    approveLabel: 'approvals.approveLabel',
    returnLabel: 'approvals.returnLabel',
    approved: 'approvals.approved',
    returned: 'approvals.returned',
    changed: 'approvals.textChanged',
  },
  initiative: {
    approveLabel: 'approvals.approveChangeLabel',
    returnLabel: 'approvals.returnChangeLabel',
    approved: 'approvals.changeApproved',
    returned: 'approvals.changeReturned',
    changed: 'approvals.changeChanged',
  },
};

/**
 * Management's queue of what waits before it reaches the public, oldest first: public texts from
 * status updates and department leads' changes to an initiative's public face (publishing it, its
 * public summary), shown as now and proposed. Approve, or send back to the lead with a comment on
 * what to change. A review names the version read; one changed since is refused (409), and the
 * queue is read again so that management reads the new version before approving it.
 */
@Component({
  selector: 'fd-approval-queue',
  imports: [LoadFailed, RouterLink, TranslatePipe, LocalDatePipe, FormField, FieldAria, FieldErrors, CharCounter, HealthBadge, Pagination],
  templateUrl: './approval-queue.html',
  styleUrl: './approval-queue.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApprovalQueue {
  private readonly api = inject(ApprovalsApi);
  private readonly i18n = inject(I18n);
  private readonly focus = injectFocusAfterRender();

  /** Query parameter: page number, from 1. */
  readonly page = input<string>();

  private readonly pageNumber = computed(() => parsePage(this.page(), LIMITS.page.max));
  protected readonly approvals = rxResource({
    params: () => this.pageNumber(),
    stream: ({ params }) => this.api.list(params),
  });
  protected readonly result = computed(() => (this.approvals.hasValue() ? this.approvals.value() : undefined));
  protected readonly entries = computed<QueueEntry[]>(() =>
    (this.result()?.items ?? []).map((item) => ({ key: queueKey(item), item, texts: TEXTS[item.kind] })),
  );
  protected readonly problem = computed(() => {
    const error = this.approvals.error();
    return error ? toProblem(error, (key, params) => this.i18n.t(key, params)) : null;
  });
  protected readonly statusMessage = computed(() => {
    if (this.approvals.isLoading()) return this.i18n.t('approvals.loading');
    const result = this.result();
    if (!result || result.items.length === 0) return '';
    const from = (result.page - 1) * result.pageSize + 1;
    return this.i18n.t('common.showing', {
      from: this.i18n.number(from),
      to: this.i18n.number(from + result.items.length - 1),
      total: this.i18n.number(result.total),
    });
  });

  protected readonly announcement = signal('');
  protected readonly busyKey = signal<string | null>(null);
  /** Why the last review of an item failed, shown with the item. */
  protected readonly failure = signal<{ key: string; problem: Problem } | null>(null);
  /** A review refused because the item had changed, when the item is no longer in the queue. */
  protected readonly gone = signal<string | null>(null);
  protected readonly returningKey = signal<string | null>(null);
  private readonly commentModel = signal({ comment: '' });
  protected readonly commentForm = form(this.commentModel, (path) => {
    validate(path.comment, ({ value }) => {
      const comment = value().trim();
      if (!comment) return { kind: 'required', message: this.i18n.t('validation.reviewCommentRequired') };
      if (comment.length < LIMITS.reviewComment.min)
        return { kind: 'minLength', message: this.i18n.t('validation.reviewCommentMin', { min: LIMITS.reviewComment.min }) };
      return undefined;
    });
    maxChars(path.comment, LIMITS.reviewComment.max, () =>
      this.i18n.t('validation.maxLength', { field: this.i18n.t('approvals.comment'), max: LIMITS.reviewComment.max }),
    );
  });
  protected readonly commentMin = LIMITS.reviewComment.min;
  protected readonly commentMax = LIMITS.reviewComment.max;

  protected async approve(entry: QueueEntry): Promise<void> {
    await this.review(entry, { decision: 'approve' }, entry.texts.approved);
  }

  protected startReturn(entry: QueueEntry): void {
    this.commentModel.set({ comment: '' });
    this.commentForm().reset();
    this.failure.set(null);
    this.returningKey.set(entry.key);
    this.focus(`#return-${entry.key}`);
  }

  protected cancelReturn(entry: QueueEntry): void {
    this.returningKey.set(null);
    this.focus(`#return-button-${entry.key}`);
  }

  protected async sendReturn(event: Event, entry: QueueEntry): Promise<void> {
    event.preventDefault();
    await submit(this.commentForm, {
      action: async () => {
        await this.review(entry, { decision: 'return', comment: this.commentModel().comment.trim() }, entry.texts.returned);
        return undefined;
      },
      onInvalid: () => focusFirstInvalid([this.commentForm.comment]),
    });
  }

  private async review(entry: QueueEntry, review: ReviewPublicText, messageKey: string): Promise<void> {
    if (this.busyKey()) return;
    const title = entry.item.initiative.title;
    this.busyKey.set(entry.key);
    this.failure.set(null);
    this.gone.set(null);
    try {
      await firstValueFrom(this.api.review(entry.item, review));
      this.returningKey.set(null);
      this.announcement.set(this.i18n.t(messageKey, { title }));
      this.approvals.reload();
      this.focus('h1');
    } catch (error) {
      if (httpStatus(error) === 409) {
        await this.readAgain(entry);
        return;
      }
      this.failure.set({ key: entry.key, problem: toProblem(error, (key, params) => this.i18n.t(key, params)) });
    } finally {
      this.busyKey.set(null);
    }
  }

  /**
   * The item changed (or was handled) since the queue was read: read the queue again. Still
   * waiting, the item shows its new version and says so; gone, the page says so.
   */
  private async readAgain(entry: QueueEntry): Promise<void> {
    this.returningKey.set(null);
    const title = entry.item.initiative.title;
    try {
      const page = await firstValueFrom(this.api.list(this.pageNumber()));
      this.approvals.set(page);
      if (page.items.some((item) => queueKey(item) === entry.key)) {
        this.failure.set({ key: entry.key, problem: { type: 'about:blank', code: 'staleVersion', status: 409, title: this.i18n.t(entry.texts.changed) } });
        this.focus(`#approval-${entry.key}-failure`);
        return;
      }
    } catch {
      this.approvals.reload();
    }
    this.gone.set(this.i18n.t('approvals.alreadyHandled', { title }));
    this.focus('h1');
  }
}
