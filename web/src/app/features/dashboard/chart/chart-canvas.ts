import { afterRenderEffect, ChangeDetectionStrategy, Component, computed, DestroyRef, ElementRef, inject, input, output, viewChild } from '@angular/core';
import { CHART_RENDERER, type ChartHandle, type ChartPick, type ChartSpec } from './chart-definition';
import { PrintCharts } from './print-charts';

/**
 * One chart on a canvas: an image (role="img") whose name says what it shows. The same numbers are
 * always in text beside it and in a table, and clicking a bar or slice is only a shortcut for the
 * links there.
 */
@Component({
  selector: 'fd-chart',
  template: `
    <div class="chart" [style.height.px]="shownHeight()">
      <canvas #canvas role="img" [attr.aria-label]="label()"></canvas>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }

    .chart {
      position: relative;
      width: 100%;
      min-width: 0;
    }

    canvas {
      display: block;
      max-width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChartCanvas {
  private readonly render = inject(CHART_RENDERER);
  /** Set on a page made for print. */
  private readonly printCharts = inject(PrintCharts, { optional: true });

  readonly spec = input.required<ChartSpec>();
  /** The accessible name: what the chart is and what it says. */
  readonly label = input.required<string>();
  /** In CSS pixels; the width follows the page. */
  readonly height = input(280);
  /** A bar or slice was clicked. */
  readonly picked = output<ChartPick>();

  protected readonly shownHeight = computed(() => Math.round(this.height() * (this.printCharts?.heightScale ?? 1)));

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private handle: ChartHandle | null = null;
  private drawing: Promise<void> | null = null;
  private latest: ChartSpec | null = null;
  private destroyed = false;

  constructor() {
    // Drawing on the canvas is work on the DOM, after Angular has rendered it.
    afterRenderEffect({ write: () => this.draw(this.canvas().nativeElement, this.printCharts ? { ...this.spec(), print: true } : this.spec()) });
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      this.handle?.destroy();
      this.handle = null;
    });
  }

  private draw(canvas: HTMLCanvasElement, spec: ChartSpec): void {
    this.latest = spec;
    if (this.handle) {
      this.handle.update(spec);
      return;
    }
    if (this.drawing) return;
    this.printCharts?.started();
    this.drawing = this.render(canvas, spec, (point) => this.picked.emit(point)).then(
      (handle) => {
        this.printCharts?.finished();
        if (this.destroyed) {
          handle.destroy();
          return;
        }
        this.handle = handle;
        if (this.latest && this.latest !== spec) handle.update(this.latest);
      },
      (error: unknown) => {
        // Without a chart the text summary and the table still say everything.
        this.printCharts?.finished();
        this.drawing = null;
        console.error('The chart could not be drawn', error);
      },
    );
  }
}
