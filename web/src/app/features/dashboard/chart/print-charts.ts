import { computed, Injectable, signal } from '@angular/core';

/**
 * Charts on paper, provided by a page made for print (the council report): drawn at once without
 * animation, sharper, a little lower, and counted so that the page prints only once all are drawn.
 */
@Injectable()
export class PrintCharts {
  /** Paper is narrower than a screen: the charts keep their proportions at three quarters of the height. */
  readonly heightScale = 0.75;

  private readonly drawing = signal(0);
  /** No chart is still being drawn. */
  readonly allDrawn = computed(() => this.drawing() === 0);

  started(): void {
    this.drawing.update((count) => count + 1);
  }

  finished(): void {
    this.drawing.update((count) => Math.max(0, count - 1));
  }
}
