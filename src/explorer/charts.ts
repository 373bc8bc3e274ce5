/**
 * The explorer's live charts: vega-lite specs in the style of src/report/charts.ts, with type
 * sized for a projector, and a small wrapper that inserts weeks into a named dataset as they
 * arrive. vega, vega-lite and vega-embed are loaded as UMD scripts by index.html (their
 * prebuilt bundles), so only their types are imported here.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Locale } from '../i18n/index.js';
import { CROSSING_CHANNELS, DARK_FIGURE, FONT_STACK } from './palette.js';

declare global {
  const vega: typeof import('vega');
  const vegaEmbed: typeof import('vega-embed').default;
}

/** One point of a chart: time (ms), the series it belongs to, its value in persons. */
export interface Row {
  t: number;
  series: string;
  value: number;
}

/** The chart's size and type: `font` is the page's root font size over 20px (type scales with the window). */
export interface ChartSize {
  width: number;
  height: number;
  font: number;
}

const configFor = (k: number) => ({
  font: FONT_STACK,
  background: '#ffffff',
  view: { stroke: null },
  axis: { labelFontSize: 16 * k, titleFontSize: 16 * k, labelColor: '#1a1a1a', titleColor: '#1a1a1a', grid: true, gridOpacity: 0.5 },
  legend: { labelFontSize: 16 * k, titleFontSize: 16 * k, labelColor: '#1a1a1a', symbolStrokeWidth: 4, symbolSize: 300 * k * k, labelLimit: 320 },
  title: { fontSize: 20 * k, subtitleFontSize: 15 * k, anchor: 'start' as const, color: '#1a1a1a', subtitleColor: '#333333' },
});

function lineSpec(title: string, subtitle: string | string[], yTitle: string, series: readonly { label: string; color: string }[], domain: [number, number], smooth: boolean, size: ChartSize): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle },
    // The page passes its column width: vega-embed's own 'container' sizing measures an inline block.
    width: size.width,
    height: size.height,
    // resize: axis labels grow as data arrive, so the layout is recomputed on every update.
    autosize: { type: 'fit-x', contains: 'padding', resize: true },
    config: configFor(size.font),
    // Named and empty: the page inserts rows as weeks arrive.
    data: { name: 'rows' },
    transform: smooth
      ? [
          { window: [{ op: 'mean', field: 'value', as: 'shown' }], frame: [-3, 0], groupby: ['series'], sort: [{ field: 't' }] },
        ]
      : [{ calculate: 'datum.value', as: 'shown' }],
    mark: { type: 'line', strokeWidth: 3.5, clip: true },
    encoding: {
      // The whole horizon from the start, so the axis stays still while the run fills it in.
      x: { field: 't', type: 'temporal', title: null, scale: { type: 'utc', domain }, axis: { format: '%Y', tickCount: 'year', labelFlush: true } },
      // unionWith: a sensible axis before the first week (and no empty-extent warnings).
      y: { field: 'shown', type: 'quantitative', title: yTitle, scale: { domain: { unionWith: [0, 10] } } },
      color: {
        field: 'series',
        type: 'nominal',
        title: null,
        scale: { domain: series.map((s) => s.label), range: series.map((s) => s.color) },
        legend: { orient: 'top', direction: 'horizontal' },
      },
    },
  };
}

/** Weekly migrant crossings by channel (four-week moving average: at scale 20 single weeks are noisy). */
export const crossingsSpec = (domain: [number, number], size: ChartSize, loc: Locale) =>
  lineSpec(
    loc.t('explorer.chart.crossingsTitle'),
    loc.list('explorer.chart.crossingsSubtitle'),
    loc.t('explorer.chart.personsPerWeek'),
    CROSSING_CHANNELS.map((c) => ({ label: seriesLabel(c.metric, loc), color: c.color })),
    domain,
    true,
    size,
  );

/** The dark figure: people trafficked against victims identified, summed from the start. */
export const darkFigureSpec = (domain: [number, number], size: ChartSize, loc: Locale) =>
  lineSpec(
    loc.t('explorer.chart.darkTitle'),
    loc.list('explorer.chart.darkSubtitle'),
    loc.t('explorer.chart.persons'),
    DARK_FIGURE.map((d) => ({ label: seriesLabel(d.metric, loc), color: d.color })),
    domain,
    false,
    size,
  );

/** A series' name in the reader's language (the channels and the dark figure, by metric). */
export const seriesLabel = (metric: string, loc: Locale): string => {
  if (CROSSING_CHANNELS.some((c) => c.metric === metric)) return loc.t(`explorer.channel.${metric}`);
  if (DARK_FIGURE.some((d) => d.metric === metric)) return loc.t(`explorer.dark.${metric}`);
  return metric;
};

type View = Awaited<ReturnType<typeof vegaEmbed>>['view'];

/** A chart fed in batches: rows queue up and are inserted at most a few times a second. */
export class LiveChart {
  private pending: Row[] = [];

  private constructor(readonly view: View) {}

  static async create(el: HTMLElement, spec: TopLevelSpec): Promise<LiveChart> {
    // Errors only: an empty chart (before the first week) makes vega warn about an empty extent.
    const { view } = await vegaEmbed(el, spec, { actions: false, renderer: 'canvas', logLevel: vega.Error });
    return new LiveChart(view);
  }

  push(rows: Row[]): void {
    for (const r of rows) this.pending.push(r);
  }

  get dirty(): boolean {
    return this.pending.length > 0;
  }

  flush(): void {
    if (!this.pending.length) return;
    const rows = this.pending;
    this.pending = [];
    void this.view.change('rows', vega.changeset().insert(rows)).runAsync();
  }

  clear(): void {
    this.pending = [];
    void this.view.change('rows', vega.changeset().remove(() => true)).runAsync();
  }

  /** Follows the page layout when the window changes size. */
  resize(width: number, height?: number): void {
    const v = this.view.width(width);
    void (height === undefined ? v : v.height(height)).runAsync();
  }

  /** The rows the chart holds (for tests and the frame-rate check). */
  rows(): Row[] {
    return this.view.data('rows') as Row[];
  }
}
