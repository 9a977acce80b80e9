import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18n } from '../../core/i18n/i18n';

/**
 * An initiative's progress (0–1) as a bar with the expected progress as a marker. The same
 * numbers are in the text beside it, so neither the bar's length nor colour carries meaning alone.
 */
@Component({
  selector: 'fd-progress-bar',
  template: `
    <div
      class="bar"
      role="progressbar"
      aria-valuemin="0"
      aria-valuemax="100"
      [attr.aria-valuenow]="percent()"
      [attr.aria-valuetext]="valueText()"
      [attr.aria-label]="label()"
    >
      <div class="bar__fill" [style.width.%]="percent()"></div>
      @if (expectedPercent() !== null) {
        <div class="bar__marker" [style.left.%]="expectedPercent()"></div>
      }
    </div>
    <!-- The progressbar already tells assistive technology the same: aria-valuetext. -->
    <p class="text" aria-hidden="true">
      <span class="text__value">{{ valueLabel() }}</span>
      @if (expectedText(); as expected) {
        <span class="text__expected"><span class="text__marker-key"></span>{{ expected }}</span>
      }
    </p>
  `,
  styleUrl: './progress-bar.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProgressBar {
  private readonly i18n = inject(I18n);

  /** Progress from 0 to 1. */
  readonly value = input.required<number>();
  /** Where the initiative should be by now, from 0 to 1; null when it has no start or target date. */
  readonly expected = input<number | null>(null);
  /** Accessible name, e.g. "Fremdrift for Sprogcafé". */
  readonly label = input.required<string>();

  protected readonly percent = computed(() => toPercent(this.value()));
  protected readonly expectedPercent = computed(() => {
    const expected = this.expected();
    return expected === null ? null : toPercent(expected);
  });
  protected readonly valueLabel = computed(() => this.i18n.percent(this.percent() / 100));
  private readonly expectedLabel = computed(() => {
    const expected = this.expectedPercent();
    return expected === null ? null : this.i18n.percent(expected / 100);
  });
  protected readonly expectedText = computed(() => {
    const expected = this.expectedLabel();
    return expected === null ? null : this.i18n.t('progress.expected', { value: expected });
  });
  protected readonly valueText = computed(() => {
    const expected = this.expectedLabel();
    return expected === null ? this.valueLabel() : this.i18n.t('progress.valueText', { value: this.valueLabel(), expected });
  });
}

function toPercent(fraction: number): number {
  if (!Number.isFinite(fraction)) return 0;
  return Math.round(Math.min(1, Math.max(0, fraction)) * 100);
}
