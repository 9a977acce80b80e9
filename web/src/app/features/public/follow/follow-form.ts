import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, input, signal, viewChild } from '@angular/core';
import { email, form, FormField, required, submit } from '@angular/forms/signals';
import { LIMITS, type Problem } from '@fremdrift/contracts';
import { TranslateService } from '@ngx-translate/core';
import { I18n } from '../../../core/i18n/i18n';
import { registerTexts } from '../../../core/i18n/register-texts';
import { FieldAria } from '../../../shared/forms/field-aria';
import { FieldErrors } from '../../../shared/forms/field-errors';
import { maxChars } from '../../../shared/forms/length-limit';
import { focusFirstInvalid, toSubmitFailure } from '../../../shared/forms/server-errors';
import { followKey, followTexts, FollowTextPipe } from './follow-texts';

export const FOLLOW_API = '/api/public/follow';

/** What the form follows: a published initiative or an action plan, named as the consent text names it. */
export interface FollowTarget {
  kind: 'initiative' | 'plan';
  id: string;
  title: string;
}

/**
 * "Follow by e-mail" on a public initiative or plan page: the address and the consent text; the
 * API mails a confirmation link (double opt-in) and answers the same whether or not the address
 * follows already, so the form always ends with "check your inbox".
 */
@Component({
  selector: 'fd-follow-form',
  imports: [FormField, FieldAria, FieldErrors, FollowTextPipe],
  templateUrl: './follow-form.html',
  styleUrl: './follow-form.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FollowForm {
  private readonly http = inject(HttpClient);
  private readonly injector = inject(Injector);
  protected readonly i18n = inject(I18n);

  readonly target = input.required<FollowTarget>();

  private readonly model = signal({ email: '' });
  protected readonly followForm = form(this.model, (path) => {
    required(path.email, { message: () => this.i18n.t(followKey('emailRequired')) });
    email(path.email, { message: () => this.i18n.t(followKey('emailInvalid')) });
    maxChars(path.email, LIMITS.email.max, () => this.i18n.t(followKey('emailMax'), { max: LIMITS.email.max }));
  });
  protected readonly submitting = computed(() => this.followForm().submitting());
  protected readonly failure = signal<Problem | null>(null);
  /** The address a confirmation link went to. */
  protected readonly sentTo = signal<string | null>(null);
  protected readonly ids = computed(() => `follow-${this.target().kind}`);
  protected readonly isInitiative = computed(() => this.target().kind === 'initiative');

  private readonly done = viewChild<ElementRef<HTMLElement>>('done');
  private readonly emailInput = viewChild<ElementRef<HTMLInputElement>>('emailInput');

  constructor() {
    registerTexts(inject(TranslateService), followTexts);
  }

  protected async send(event: Event): Promise<void> {
    event.preventDefault();
    this.failure.set(null);
    await submit(this.followForm, {
      action: async () => {
        const target = this.target();
        const address = this.model().email.trim();
        try {
          await this.post({
            email: address,
            ...(target.kind === 'initiative' ? { initiativeId: target.id } : { actionPlanId: target.id }),
            language: this.i18n.language(),
          });
        } catch (error) {
          const t = (key: string, params?: Readonly<Record<string, unknown>>) => this.i18n.t(key, params);
          const { fieldErrors, problem } = toSubmitFailure(error, { email: this.followForm.email }, t);
          this.failure.set(problem ? this.explain(error, problem) : null);
          if (fieldErrors.length > 0) queueMicrotask(() => focusFirstInvalid([this.followForm.email]));
          return fieldErrors;
        }
        this.sentTo.set(address);
        // The message replaces the form: move focus to it, so that it is read out and keyboard users are not lost.
        afterNextRender(() => this.done()?.nativeElement.focus(), { injector: this.injector });
        return undefined;
      },
      onInvalid: () => focusFirstInvalid([this.followForm.email]),
    });
  }

  protected again(): void {
    this.sentTo.set(null);
    this.model.set({ email: '' });
    this.followForm().reset();
    afterNextRender(() => this.emailInput()?.nativeElement.focus(), { injector: this.injector });
  }

  private post(body: Record<string, string>): Promise<unknown> {
    return new Promise((resolve, reject) => this.http.post(FOLLOW_API, body).subscribe({ next: resolve, error: reject }));
  }

  private explain(error: unknown, problem: Problem): Problem {
    const title = this.i18n.t(followKey('failed'));
    if (error instanceof HttpErrorResponse && error.status === 429) {
      const seconds = Number(error.headers.get('Retry-After'));
      const detail =
        Number.isFinite(seconds) && seconds > 0
          ? this.i18n.t(followKey('tooMany'), { minutes: Math.ceil(seconds / 60) })
          : this.i18n.t(followKey('tooManyUnknown'));
      return { ...problem, title, detail };
    }
    if (error instanceof HttpErrorResponse && error.status === 404) return { ...problem, title, detail: this.i18n.t(followKey('gone')) };
    return { ...problem, title: `${title}: ${problem.title}` };
  }
}
