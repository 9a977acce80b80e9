import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import type { ImportCellError, ImportRowResult } from '@fremdrift/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { I18n } from '../../../core/i18n/i18n';
import { cellErrorText, cellPlace } from '../import-texts';

/** How many rows show at first, and how many more each "Vis flere" adds: a 5.000-row file stays quick to render. */
export const ROWS_PER_STEP = 100;

/**
 * A dry run's rows: for each row that would be created or updated, or that has errors, what happens
 * and which cells change from what to what, with each error by row and column. A table on wide
 * screens; on narrow ones each row stacks into a card.
 */
@Component({
  selector: 'fd-import-rows',
  imports: [TranslatePipe],
  templateUrl: './import-rows.html',
  styleUrl: './import-rows.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportRows {
  private readonly i18n = inject(I18n);

  readonly rows = input.required<readonly ImportRowResult[]>();

  /** Whether to show only the rows with errors; offered when some have errors and others do not. */
  protected readonly errorsOnly = signal(false);
  protected readonly errorRowCount = computed(() => this.rows().filter((row) => row.errors.length > 0).length);
  protected readonly offerErrorsOnly = computed(() => this.errorRowCount() > 0 && this.errorRowCount() < this.rows().length);

  protected readonly filtered = computed(() => (this.errorsOnly() ? this.rows().filter((row) => row.errors.length > 0) : this.rows()));
  /** How many of the rows are shown; starts over when the rows or the filter change. */
  protected readonly limit = linkedSignal({ source: this.filtered, computation: () => ROWS_PER_STEP });
  protected readonly shown = computed(() => this.filtered().slice(0, this.limit()));
  protected readonly hidden = computed(() => this.filtered().length - this.shown().length);
  protected readonly nextStep = computed(() => this.i18n.number(Math.min(ROWS_PER_STEP, this.hidden())));

  protected readonly shownText = computed(() =>
    this.i18n.t('transfer.rows.showing', { shown: this.i18n.number(this.shown().length), total: this.i18n.number(this.filtered().length) }),
  );

  protected showMore(): void {
    this.limit.update((limit) => limit + ROWS_PER_STEP);
  }

  protected place(row: ImportRowResult): string {
    return cellPlace({ sheet: row.sheet, row: row.row, column: '' }, (key, params) => this.i18n.t(key, params));
  }

  protected errorText(error: ImportCellError): string {
    return cellErrorText(error, this.i18n.language(), (key, params) => this.i18n.t(key, params));
  }

  protected rowKey(row: ImportRowResult): string {
    return `${row.sheet}:${row.row}`;
  }
}
