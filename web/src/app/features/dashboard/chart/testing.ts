import type { Provider } from '@angular/core';
import { CHART_RENDERER, type ChartPick, type ChartRenderer, type ChartSpec } from './chart-definition';

/** A chart drawn by the fake: what it was asked to show, and a way to click it. */
export interface FakeChart {
  canvas: HTMLCanvasElement;
  spec: ChartSpec;
  pick(point: ChartPick): void;
  destroyed: boolean;
}

/** Unit tests: charts without chart.js or a canvas (jsdom has none). */
export class FakeCharts {
  readonly drawn: FakeChart[] = [];

  readonly renderer: ChartRenderer = (canvas, spec, pick) => {
    const chart: FakeChart = { canvas, spec, pick, destroyed: false };
    this.drawn.push(chart);
    return Promise.resolve({
      update: (next: ChartSpec) => {
        chart.spec = next;
      },
      destroy: () => {
        chart.destroyed = true;
      },
    });
  };

  /** The chart on screen whose canvas has this accessible name (a regular expression or its start). */
  byLabel(label: RegExp | string): FakeChart | undefined {
    return this.drawn.findLast((chart) => {
      if (chart.destroyed) return false;
      const name = chart.canvas.getAttribute('aria-label') ?? '';
      return typeof label === 'string' ? name.startsWith(label) : label.test(name);
    });
  }
}

export function provideFakeCharts(charts: FakeCharts): Provider {
  return { provide: CHART_RENDERER, useValue: charts.renderer };
}
