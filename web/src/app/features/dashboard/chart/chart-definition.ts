import { InjectionToken } from '@angular/core';

/*
 * What the dashboard asks of a chart, in its own small vocabulary rather than chart.js's: the
 * components stay testable under jsdom (no canvas there), and chart.js is loaded only when a
 * chart is drawn, in a chunk of its own.
 */

/** Never colour alone: each series also has a pattern (and the legend and tables use words). */
export type FillPattern = 'solid' | 'stripes' | 'dots' | 'crosshatch';

export interface Fill {
  color: string;
  /** The outline, dark enough against white (WCAG 1.4.11) whatever the fill. */
  border: string;
  pattern: FillPattern;
  /** The pattern's ink; the border colour by default. */
  ink?: string;
}

export interface ChartSeries {
  name: string;
  values: readonly (number | null)[];
  /** One fill for the whole series, or one per category (a doughnut's slices). */
  fill: Fill | readonly Fill[];
}

export interface ChartSpec {
  type: 'bar' | 'doughnut';
  /** Category names; an array is a name over several lines. */
  categories: readonly (string | readonly string[])[];
  series: readonly ChartSeries[];
  /** Bars grow sideways (long category names read better). */
  horizontal?: boolean;
  stacked?: boolean;
  /** `percent`: values are percentage points, 0–100. */
  unit: 'count' | 'percent';
  /** For number formats in axes and tooltips (`da`, `en`). */
  locale: string;
  /** Clicking a bar or slice opens something (the pointer shows it). */
  clickable?: boolean;
  /** For paper: drawn at once (no animation) and at twice the resolution. */
  print?: boolean;
}

/** A bar or slice that was clicked: its series and category. */
export interface ChartPick {
  series: number;
  index: number;
}

export interface ChartHandle {
  update(spec: ChartSpec): void;
  destroy(): void;
}

export type ChartRenderer = (canvas: HTMLCanvasElement, spec: ChartSpec, pick: (point: ChartPick) => void) => Promise<ChartHandle>;

/** Draws charts; by default with chart.js, loaded on first use. Tests provide a fake. */
export const CHART_RENDERER = new InjectionToken<ChartRenderer>('CHART_RENDERER', {
  providedIn: 'root',
  factory: () => (canvas, spec, pick) => import('./chartjs-renderer').then((m) => m.renderChart(canvas, spec, pick)),
});
