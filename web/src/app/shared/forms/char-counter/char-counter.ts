import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18n } from '../../../core/i18n/i18n';

/** From this share of the limit on, the counter warns and says so to screen readers. */
export const NEAR_LIMIT = 0.9;

export type CounterLevel = 'ok' | 'near' | 'full' | 'over';

/** Where a text of `length` characters stands against a limit of `max`. */
export function counterLevel(length: number, max: number): CounterLevel {
  if (length > max) return 'over';
  if (length === max) return 'full';
  return length >= Math.ceil(max * NEAR_LIMIT) ? 'near' : 'ok';
}

/**
 * How much of a text field's limit is used, `123/1000 tegn`, under the control. Text is never cut:
 * the form's validation says when it is too long. Screen readers hear it politely only when the
 * text comes near, reaches or passes the limit, once per step rather than on every keystroke.
 */
@Component({
  selector: 'fd-char-counter',
  template: `
    <p class="char-counter" [class.char-counter--near]="level() === 'near' || level() === 'full'" [class.char-counter--over]="level() === 'over'">
      {{ count() }}
    </p>
    <p class="visually-hidden" aria-live="polite">{{ announcement() }}</p>
  `,
  styles: `
    :host {
      display: block;
    }
    .char-counter {
      margin: 0.25rem 0 0;
      font-size: 0.875rem;
      color: var(--color-text-muted);
      text-align: right;
    }
    .char-counter--near {
      color: var(--color-text);
      font-weight: 600;
    }
    .char-counter--over {
      color: var(--color-danger-text);
      font-weight: 600;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CharCounter {
  private readonly i18n = inject(I18n);

  /** The field's current text. */
  readonly value = input.required<string>();
  readonly max = input.required<number>();

  private readonly length = computed(() => this.value().length);
  protected readonly level = computed(() => counterLevel(this.length(), this.max()));
  protected readonly count = computed(() => this.i18n.t('deadEndsA.charCount', { count: this.i18n.number(this.length()), max: this.i18n.number(this.max()) }));
  /** Changes only when the level does, so that a live region reads it once. */
  protected readonly announcement = computed(() => {
    const level = this.level();
    const max = this.i18n.number(this.max());
    return level === 'ok' ? '' : this.i18n.t(`deadEndsA.charLimit.${level}`, { max });
  });
}
