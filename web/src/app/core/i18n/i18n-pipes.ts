import { inject, Pipe, type PipeTransform } from '@angular/core';
import { I18n, type DateStyle } from './i18n';

/*
 * Impure on purpose: they read the current language (a signal), so they run again when it
 * changes. Formatting a date is cheap.
 */

/** `23. nov. 2026` / `23 Nov 2026`. */
@Pipe({ name: 'fdDate', pure: false })
export class LocalDatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);
  transform(value: string | Date | null | undefined, style: DateStyle = 'date'): string {
    return this.i18n.date(value, style);
  }
}

/** `1.234` / `1,234`. */
@Pipe({ name: 'fdNumber', pure: false })
export class LocalNumberPipe implements PipeTransform {
  private readonly i18n = inject(I18n);
  transform(value: number | null | undefined): string {
    return value === null || value === undefined ? '' : this.i18n.number(value);
  }
}

/** A share from 0 to 1: `42 %` / `42%`. */
@Pipe({ name: 'fdPercent', pure: false })
export class LocalPercentPipe implements PipeTransform {
  private readonly i18n = inject(I18n);
  transform(value: number | null | undefined): string {
    return value === null || value === undefined ? '' : this.i18n.percent(value);
  }
}
