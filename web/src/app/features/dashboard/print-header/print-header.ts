import { ChangeDetectionStrategy, Component, computed, inject, input, ViewEncapsulation } from '@angular/core';
import { I18n } from '../../../core/i18n/i18n';
import { DashboardText, DashboardTextPipe } from '../texts/dashboard-texts';

/**
 * What a printed dashboard needs on paper that the screen shows elsewhere: a heading with the
 * date and the active filters. Its stylesheet also sets up A4 printing for the whole page while
 * the dashboard is open (the header, menu and footer of the app are left out), hence no
 * encapsulation; every rule is inside `@media print`.
 */
@Component({
  selector: 'fd-print-header',
  imports: [DashboardTextPipe],
  template: `
    <div class="dashboard-print-header">
      <p class="dashboard-print-header__title">{{ 'print.heading' | fdDashText }}</p>
      <p>{{ printedAt() }}</p>
      <p>{{ scope() }}</p>
    </div>
  `,
  styleUrl: './print-header.css',
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PrintHeader {
  private readonly i18n = inject(I18n);
  private readonly texts = inject(DashboardText);

  /** The figures' time (ISO). */
  readonly generatedAt = input.required<string>();
  /** The active filters in words. */
  readonly scope = input.required<string>();

  protected readonly printedAt = computed(() => this.texts.text('print.printedAt', { time: this.i18n.date(this.generatedAt(), 'dateTime') }));
}
