import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { DashboardTextPipe } from '../texts/dashboard-texts';

/**
 * A section of the dashboard: a heading, a sentence that says what the figures show (visible to
 * everyone, not only to screen readers), the chart or table, and a CSV download when allowed.
 */
@Component({
  selector: 'fd-dashboard-panel',
  imports: [DashboardTextPipe],
  template: `
    <section class="panel" [attr.aria-labelledby]="panelId() + '-heading'">
      <div class="panel__head">
        <h2 class="panel__title" [id]="panelId() + '-heading'">{{ heading() }}</h2>
        @if (csvHref(); as href) {
          <a class="button button--secondary panel__csv no-print" [href]="href" download [attr.aria-label]="'actions.csvOf' | fdDashText: { table: heading() }">
            {{ 'actions.csv' | fdDashText }}
          </a>
        }
      </div>
      @if (summary()) {
        <p class="panel__summary" [id]="panelId() + '-summary'">{{ summary() }}</p>
      }
      <ng-content />
    </section>
  `,
  styleUrl: './dashboard-panel.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardPanel {
  /** Unique on the page: the heading's id is `<panelId>-heading`. */
  readonly panelId = input.required<string>();
  readonly heading = input.required<string>();
  readonly summary = input('');
  /** The CSV export of the panel's table; null when the user may not export. */
  readonly csvHref = input<string | null>(null);
}

/**
 * The table behind a chart, folded away under "Vis som tabel": for keyboard and screen-reader
 * users (its cells are links like the chart's bars) and for print, where it is unfolded.
 */
@Component({
  selector: 'fd-table-details',
  imports: [DashboardTextPipe],
  template: `
    <details class="table-details">
      <summary class="table-details__summary no-print" [attr.aria-label]="'table.showOf' | fdDashText: { table: caption() }">
        {{ 'table.show' | fdDashText }}
      </summary>
      <div class="table-scroll" role="region" tabindex="0" [attr.aria-label]="caption()">
        <ng-content />
      </div>
    </details>
  `,
  styleUrl: './dashboard-panel.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TableDetails {
  /** The table's caption, also the name of its scrolling region. */
  readonly caption = input.required<string>();
}
