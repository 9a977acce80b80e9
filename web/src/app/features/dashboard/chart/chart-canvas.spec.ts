import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ChartCanvas } from './chart-canvas';
import { PrintCharts } from './print-charts';
import { CHART_RENDERER, type ChartPick, type ChartRenderer, type ChartSpec } from './chart-definition';
import { FakeCharts, provideFakeCharts } from './testing';

const spec = (values: number[]): ChartSpec => ({
  type: 'bar',
  unit: 'count',
  locale: 'da',
  categories: ['A', 'B'],
  series: [{ name: 'Antal', values, fill: { color: '#000', border: '#000', pattern: 'solid' } }],
});

@Component({
  imports: [ChartCanvas],
  template: `
    @if (shown()) {
      <fd-chart [spec]="spec()" label="3 af 16 initiativer er bagud" [height]="200" (picked)="picked.set($event)" />
    }
  `,
})
class Host {
  readonly shown = signal(true);
  readonly spec = signal(spec([1, 2]));
  readonly picked = signal<ChartPick | null>(null);
}

async function setup() {
  const charts = new FakeCharts();
  TestBed.configureTestingModule({ imports: [Host], providers: [provideFakeCharts(charts)] });
  const fixture = TestBed.createComponent(Host);
  await fixture.whenStable();
  return { fixture, charts, host: fixture.componentInstance, element: fixture.nativeElement as HTMLElement };
}

describe('ChartCanvas', () => {
  it('draws on a canvas that is an image with a name, at the height asked for', async () => {
    const { charts, element } = await setup();
    const canvas = element.querySelector('canvas');
    expect(canvas?.getAttribute('role')).toBe('img');
    expect(canvas?.getAttribute('aria-label')).toBe('3 af 16 initiativer er bagud');
    expect(element.querySelector<HTMLElement>('.chart')?.style.height).toBe('200px');
    expect(charts.drawn).toHaveLength(1);
    expect(charts.drawn[0].canvas).toBe(canvas);
    expect(charts.drawn[0].spec.series[0].values).toEqual([1, 2]);
  });

  it('updates the same chart when the figures change, and tells what was clicked', async () => {
    const { charts, fixture, host } = await setup();
    host.spec.set(spec([3, 4]));
    await fixture.whenStable();
    expect(charts.drawn).toHaveLength(1);
    expect(charts.drawn[0].spec.series[0].values).toEqual([3, 4]);

    charts.drawn[0].pick({ series: 0, index: 1 });
    expect(host.picked()).toEqual({ series: 0, index: 1 });
  });

  it('removes the chart with the component', async () => {
    const { charts, fixture, host } = await setup();
    await Promise.resolve();
    host.shown.set(false);
    await fixture.whenStable();
    expect(charts.drawn[0].destroyed).toBe(true);
  });

  it('on a page made for print, draws without animation, a little lower, and counts the charts still being drawn', async () => {
    const asked: ChartSpec[] = [];
    let finish: () => void = () => undefined;
    const slow: ChartRenderer = (_canvas, chartSpec) => {
      asked.push(chartSpec);
      return new Promise((resolve) => (finish = () => resolve({ update: () => undefined, destroy: () => undefined })));
    };
    TestBed.configureTestingModule({ imports: [Host], providers: [{ provide: CHART_RENDERER, useValue: slow }, PrintCharts] });
    const printCharts = TestBed.inject(PrintCharts);
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    await Promise.resolve();
    expect(printCharts.allDrawn()).toBe(false);
    expect((fixture.nativeElement as HTMLElement).querySelector<HTMLElement>('.chart')?.style.height).toBe('150px');

    finish();
    await Promise.resolve();
    await Promise.resolve();
    expect(printCharts.allDrawn()).toBe(true);
    expect(asked[0].print).toBe(true);
  });
});
