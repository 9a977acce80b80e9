import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
  type ChartDataset,
} from 'chart.js';
import type { ChartHandle, ChartPick, ChartSpec, Fill } from './chart-definition';

/* The only file that knows chart.js. Loaded on demand (see CHART_RENDERER). */

Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Legend, Tooltip);

const TEXT = '#1b1f24';
const GRID = '#d9dee4';
Chart.defaults.color = TEXT;
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif";
Chart.defaults.font.size = 13;

const patterns = new Map<string, CanvasPattern | string>();

/** A fill as a canvas pattern: the colour with stripes, dots or cross-hatching in the ink. */
function paint(fill: Fill): CanvasPattern | string {
  if (fill.pattern === 'solid') return fill.color;
  const key = `${fill.color}/${fill.pattern}/${fill.ink ?? fill.border}`;
  const cached = patterns.get(key);
  if (cached) return cached;
  const size = 10;
  const tile = document.createElement('canvas');
  tile.width = size;
  tile.height = size;
  const context = tile.getContext('2d');
  if (!context) return fill.color;
  context.fillStyle = fill.color;
  context.fillRect(0, 0, size, size);
  context.strokeStyle = fill.ink ?? fill.border;
  context.fillStyle = fill.ink ?? fill.border;
  context.lineWidth = 1.6;
  const diagonal = (from: number) => {
    context.beginPath();
    context.moveTo(from, size);
    context.lineTo(from + size, 0);
    context.stroke();
  };
  if (fill.pattern === 'stripes' || fill.pattern === 'crosshatch') [-size, 0, size].forEach(diagonal);
  if (fill.pattern === 'crosshatch') {
    for (const from of [-size, 0, size]) {
      context.beginPath();
      context.moveTo(from, 0);
      context.lineTo(from + size, size);
      context.stroke();
    }
  }
  if (fill.pattern === 'dots') {
    context.beginPath();
    context.arc(size / 2, size / 2, 1.8, 0, Math.PI * 2);
    context.fill();
  }
  const pattern = context.createPattern(tile, 'repeat') ?? fill.color;
  patterns.set(key, pattern);
  return pattern;
}

const fills = (fill: Fill | readonly Fill[]) => (Array.isArray(fill) ? (fill as readonly Fill[]) : [fill as Fill]);
const one = <T>(values: T[]) => (values.length === 1 ? values[0] : values);

function formatter(spec: ChartSpec): (value: number) => string {
  const format =
    spec.unit === 'percent'
      ? new Intl.NumberFormat(spec.locale, { style: 'percent', maximumFractionDigits: 0 })
      : new Intl.NumberFormat(spec.locale, { maximumFractionDigits: 0 });
  return (value) => format.format(spec.unit === 'percent' ? value / 100 : value);
}

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function configuration(spec: ChartSpec, pick: (point: ChartPick) => void): ChartConfiguration {
  const format = formatter(spec);
  const datasets = spec.series.map((series): ChartDataset => {
    const seriesFills = fills(series.fill);
    return {
      label: series.name,
      data: [...series.values] as number[],
      backgroundColor: one(seriesFills.map(paint)),
      borderColor: one(seriesFills.map((fill) => fill.border)),
      borderWidth: spec.type === 'doughnut' ? 2 : 1,
      ...(spec.type === 'bar' ? { maxBarThickness: 36, skipNull: true } : {}),
    } as ChartDataset;
  });
  const valueAxis = {
    beginAtZero: true,
    stacked: spec.stacked,
    ...(spec.unit === 'percent' ? { max: 100 } : {}),
    grid: { color: GRID },
    ticks: { precision: 0, callback: (value: string | number) => format(Number(value)) },
  };
  const categoryAxis = { stacked: spec.stacked, grid: { display: false }, ticks: { autoSkip: true } };
  return {
    type: spec.type,
    data: { labels: spec.categories.map((c) => (typeof c === 'string' ? c : [...c])), datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: spec.print || reducedMotion() ? false : { duration: 300 },
      ...(spec.print ? { devicePixelRatio: 2 } : {}),
      ...(spec.type === 'bar'
        ? {
            indexAxis: spec.horizontal ? 'y' : 'x',
            scales: spec.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
          }
        : { cutout: '55%' }),
      plugins: {
        legend: { position: 'bottom', labels: { color: TEXT, boxWidth: 22, boxHeight: 14, padding: 12 } },
        tooltip: {
          callbacks: {
            label: (item) => {
              const value = typeof item.raw === 'number' ? format(item.raw) : '';
              return spec.type === 'doughnut' ? `${item.label}: ${value}` : `${item.dataset.label ?? ''}: ${value}`;
            },
          },
        },
      },
      onClick: (_event, elements) => {
        const [element] = elements;
        if (spec.clickable && element) pick({ series: element.datasetIndex, index: element.index });
      },
      onHover: (event, elements) => {
        const target = event.native?.target;
        if (target instanceof HTMLElement) target.style.cursor = spec.clickable && elements.length > 0 ? 'pointer' : 'default';
      },
    },
  } as ChartConfiguration;
}

export async function renderChart(canvas: HTMLCanvasElement, spec: ChartSpec, pick: (point: ChartPick) => void): Promise<ChartHandle> {
  let current = spec;
  const chart = new Chart(
    canvas,
    configuration(spec, (point) => pick(point)),
  );
  return {
    update(next: ChartSpec) {
      if (next === current) return;
      current = next;
      const { data, options } = configuration(next, pick);
      chart.data = data;
      chart.options = options ?? {};
      chart.update();
    },
    destroy() {
      chart.destroy();
    },
  };
}
