import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal, signal, viewChild, type ElementRef } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { DomSanitizer, type SafeHtml } from '@angular/platform-browser';
import { ActivatedRoute, Router } from '@angular/router';
import { LIMITS, MAIL_KINDS, OUTBOX_STATES, type OutboxMessage, type OutboxMessageSummary, type OutboxQuery, type Page } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom, of } from 'rxjs';
import { toProblem } from '../../../core/http/problem';
import { I18n } from '../../../core/i18n/i18n';
import { LocalDatePipe } from '../../../core/i18n/i18n-pipes';
import { LoadFailed } from '../../../shared/load-failed/load-failed';
import { Pagination, parsePage } from '../../../shared/pagination/pagination';
import { JobsPanel } from '../jobs-panel/jobs-panel';
import { OutboxApi } from '../outbox-api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The admins' outbox ("Udbakke"): every e-mail the app has written, with its state, readable in
 * full; failed messages can be sent again. Without an SMTP server messages are held here, so this
 * is where they are read. Filters, page and the open message live in the URL (`?state=failed&besked=…`).
 */
@Component({
  selector: 'fd-outbox-page',
  imports: [JobsPanel, LoadFailed, LocalDatePipe, Pagination, TranslatePipe],
  templateUrl: './outbox-page.html',
  styleUrl: './outbox-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutboxPage {
  private readonly api = inject(OutboxApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly i18n = inject(I18n);
  private readonly sanitizer = inject(DomSanitizer);

  /** Query parameters. */
  readonly state = input<string>();
  readonly kind = input<string>();
  readonly page = input<string>();
  readonly besked = input<string>();

  protected readonly states = OUTBOX_STATES;
  protected readonly kinds = MAIL_KINDS;
  protected readonly pageSize = LIMITS.pageSize.default;

  protected readonly filters = computed(() => ({ state: oneOf(this.state(), OUTBOX_STATES), kind: oneOf(this.kind(), MAIL_KINDS) }));
  protected readonly hasFilters = computed(() => Boolean(this.filters().state || this.filters().kind));
  protected readonly draftState = linkedSignal<string>(() => this.filters().state ?? '');
  protected readonly draftKind = linkedSignal<string>(() => this.filters().kind ?? '');

  private readonly query = computed<OutboxQuery>(() => ({
    page: parsePage(this.page(), LIMITS.page.max),
    pageSize: this.pageSize,
    state: this.filters().state,
    kind: this.filters().kind,
  }));
  protected readonly messages = rxResource({ params: () => this.query(), stream: ({ params }) => this.api.list(params) });
  protected readonly result = computed<Page<OutboxMessageSummary> | undefined>(() => (this.messages.hasValue() ? this.messages.value() : undefined));
  protected readonly listProblem = computed(() => this.problemOf(this.messages.error()));

  protected readonly openId = computed(() => {
    const id = this.besked();
    return id && UUID.test(id) ? id.toLowerCase() : null;
  });
  protected readonly detail = rxResource({
    params: () => this.openId(),
    stream: ({ params }) => (params ? this.api.get(params) : of(null)),
  });
  protected readonly message = computed<OutboxMessage | null>(() => (this.detail.hasValue() ? this.detail.value() : null));
  protected readonly detailProblem = computed(() => this.problemOf(this.detail.error()));
  /**
   * The e-mail's own HTML document, shown as it is: the frame is sandboxed without any permission
   * (no scripts, no forms, an opaque origin), so nothing in it can reach the app. Angular's sanitizer
   * would otherwise flatten the document into text.
   */
  protected readonly messageHtml = computed<SafeHtml | null>(() => {
    const message = this.message();
    return message ? this.sanitizer.bypassSecurityTrustHtml(message.html) : null;
  });

  /** The opened message's heading takes focus once it has loaded, so that keyboard and screen reader users land on it. */
  private readonly messageHeading = viewChild<ElementRef<HTMLElement>>('messageHeading');
  private focusPending = false;

  protected readonly retrying = signal(false);
  protected readonly retryMessage = signal('');

  protected readonly statusMessage = computed(() => {
    if (this.messages.isLoading()) return this.i18n.t('outbox.loading');
    const result = this.result();
    if (!result) return '';
    if (result.total === 0) return this.i18n.t(this.hasFilters() ? 'outbox.noneMatch' : 'outbox.noneYet');
    if (result.items.length === 0) return this.i18n.t('outbox.noneOnPage');
    const from = (result.page - 1) * result.pageSize + 1;
    const n = (value: number) => this.i18n.number(value);
    return this.i18n.t('common.showing', { from: n(from), to: n(from + result.items.length - 1), total: n(result.total) });
  });

  constructor() {
    effect(() => {
      const heading = this.messageHeading();
      if (heading && this.focusPending) {
        this.focusPending = false;
        heading.nativeElement.focus();
      }
    });
  }

  protected applyFilters(event: Event): void {
    event.preventDefault();
    void this.navigate({ state: this.draftState() || null, kind: this.draftKind() || null, page: null });
  }

  protected clearFilters(): void {
    void this.navigate({ state: null, kind: null, page: null });
  }

  protected open(message: OutboxMessageSummary): void {
    this.focusPending = true;
    this.retryMessage.set('');
    void this.navigate({ besked: message.id });
  }

  protected close(): void {
    this.retryMessage.set('');
    void this.navigate({ besked: null });
  }

  protected async retry(message: OutboxMessage): Promise<void> {
    this.retrying.set(true);
    this.retryMessage.set('');
    try {
      await firstValueFrom(this.api.retry(message.id));
      this.retryMessage.set(this.i18n.t('outbox.retried'));
      this.detail.reload();
      this.messages.reload();
    } catch (error) {
      this.retryMessage.set(this.problemOf(error)?.title ?? '');
    } finally {
      this.retrying.set(false);
    }
  }

  private navigate(queryParams: Record<string, string | null>): Promise<boolean> {
    return this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge' });
  }

  private problemOf(error: unknown) {
    return error ? toProblem(error, (key, params) => this.i18n.t(key, params)) : null;
  }
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}
