import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { form, FormField, maxLength, submit, validate } from '@angular/forms/signals';
import { RouterLink } from '@angular/router';
import { LIMITS, type PendingApproval, type Problem, type ReviewPublicText } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { httpStatus, toProblem } from '../../../core/http/problem';
import { LocalDatePipe } from '../../../core/i18n/i18n-pipes';
import { I18n } from '../../../core/i18n/i18n';
import { FieldAria } from '../../../shared/forms/field-aria';
import { FieldErrors } from '../../../shared/forms/field-errors';
import { focusFirstInvalid } from '../../../shared/forms/server-errors';
import { HealthBadge } from '../../../shared/health-badge/health-badge';
import { Pagination, parsePage } from '../../../shared/pagination/pagination';
import { ApprovalsApi } from '../approvals-api';

/**
 * Management's queue of public texts from status updates, oldest first: approve a text, or send it
 * back to the department lead with a comment on what to change.
 */
@Component({
  selector: 'fd-approval-queue',
  imports: [RouterLink, TranslatePipe, LocalDatePipe, FormField, FieldAria, FieldErrors, HealthBadge, Pagination],
  templateUrl: './approval-queue.html',
  styleUrl: './approval-queue.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApprovalQueue {
  private readonly api = inject(ApprovalsApi);
  private readonly i18n = inject(I18n);
  private readonly injector = inject(Injector);
  private readonly element = inject<ElementRef<HTMLElement>>(ElementRef);

  /** Query parameter: page number, from 1. */
  readonly page = input<string>();

  protected readonly approvals = rxResource({
    params: () => parsePage(this.page(), LIMITS.page.max),
    stream: ({ params }) => this.api.list(params),
  });
  protected readonly result = computed(() => (this.approvals.hasValue() ? this.approvals.value() : undefined));
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
  protected readonly busyId = signal<string | null>(null);
  protected readonly failure = signal<{ id: string; problem: Problem } | null>(null);
  protected readonly returningId = signal<string | null>(null);
  private readonly commentModel = signal({ comment: '' });
  protected readonly commentForm = form(this.commentModel, (path) => {
    validate(path.comment, ({ value }) => {
      const comment = value().trim();
      if (!comment) return { kind: 'required', message: this.i18n.t('validation.reviewCommentRequired') };
      if (comment.length < LIMITS.reviewComment.min) return { kind: 'minLength', message: this.i18n.t('validation.reviewCommentMin', { min: LIMITS.reviewComment.min }) };
      return undefined;
    });
    maxLength(path.comment, LIMITS.reviewComment.max, {
      message: () => this.i18n.t('validation.maxLength', { field: this.i18n.t('approvals.comment'), max: LIMITS.reviewComment.max }),
    });
  });
  protected readonly commentMin = LIMITS.reviewComment.min;

  protected async approve(item: PendingApproval): Promise<void> {
    await this.review(item, { decision: 'approve' }, 'approvals.approved');
  }

  protected startReturn(item: PendingApproval): void {
    this.commentModel.set({ comment: '' });
    this.commentForm().reset();
    this.failure.set(null);
    this.returningId.set(item.statusUpdate.id);
    this.focus(`#return-${item.statusUpdate.id}`);
  }

  protected cancelReturn(item: PendingApproval): void {
    this.returningId.set(null);
    this.focus(`#return-button-${item.statusUpdate.id}`);
  }

  protected async sendReturn(event: Event, item: PendingApproval): Promise<void> {
    event.preventDefault();
    await submit(this.commentForm, {
      action: async () => {
        await this.review(item, { decision: 'return', comment: this.commentModel().comment.trim() }, 'approvals.returned');
        return undefined;
      },
      onInvalid: () => focusFirstInvalid([this.commentForm.comment]),
    });
  }

  private async review(item: PendingApproval, review: ReviewPublicText, messageKey: string): Promise<void> {
    if (this.busyId()) return;
    this.busyId.set(item.statusUpdate.id);
    this.failure.set(null);
    try {
      await firstValueFrom(this.api.review(item.initiative.id, item.statusUpdate.id, review));
      this.returningId.set(null);
      this.announcement.set(this.i18n.t(messageKey, { title: item.initiative.title }));
      this.approvals.reload();
      this.focus('h1');
    } catch (error) {
      const problem = toProblem(error, (key, params) => this.i18n.t(key, params));
      this.failure.set({
        id: item.statusUpdate.id,
        problem: httpStatus(error) === 409 ? { ...problem, title: this.i18n.t('approvals.alreadyHandled'), detail: undefined } : problem,
      });
    } finally {
      this.busyId.set(null);
    }
  }

  private focus(selector: string): void {
    afterNextRender(() => this.element.nativeElement.querySelector<HTMLElement>(selector)?.focus(), { injector: this.injector });
  }
}
