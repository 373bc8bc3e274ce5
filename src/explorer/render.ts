/**
 * What the page shows of the run: the map and the charts sized to the window, and each frame
 * the movers, the running totals, the date, the charts (a few times a second while playing) and
 * the frame rate.
 */
import type { Basemap } from '../report/basemap.js';
import type { Locale } from '../i18n/index.js';
import type { Scenario } from '../scenario/parse.js';
import { LiveChart, crossingsSpec, darkFigureSpec, seriesLabel, type ChartSize } from './charts.js';
import { BorderMap } from './map.js';
import { CROSSING_CHANNELS, DARK_FIGURE } from './palette.js';
import type { WeekReport } from './protocol.js';
import type { RunState } from './state.js';
import { $, TotalsPanel, buildLegend } from './ui.js';

/** Chart redraws per second at most while playing: the charts are the costly part of a frame. */
const CHART_INTERVAL_MS = 250;

/** The page fills one screen on a projector: the map and the charts take the height that is left. */
const oneScreen = () => window.matchMedia('(min-width: 1000px) and (min-height: 560px)').matches;
const rootFont = () => parseFloat(getComputedStyle(document.documentElement).fontSize) || 20;

function sizeMap(map: BorderMap): void {
  const canvas = map.canvas;
  const w = canvas.parentElement!.clientWidth;
  const main = document.querySelector('main')!;
  const legend = $('legend').getBoundingClientRect().height + 0.5 * rootFont();
  const room = oneScreen() ? main.clientHeight - 1.3 * rootFont() - legend : window.innerHeight - 190;
  canvas.style.height = `${Math.round(Math.max(oneScreen() ? 240 : 420, Math.min(w / 1.3, room)))}px`;
  map.resize();
}

/** Each chart's plot height: half of what the totals leave in the results column, less titles and axes. */
function chartSize(id: string): ChartSize {
  const k = rootFont() / 20;
  // The column's own height follows its content: measure the room from the grid the columns sit in.
  const left = document.querySelector('main')!.clientHeight - 1.2 * rootFont() - $('totals').getBoundingClientRect().height - rootFont();
  const height = oneScreen() ? Math.max(80, Math.min(190 * k * 1.2, left / 2 - 150 * k)) : 190;
  return { width: $(id).clientWidth, height: Math.round(height), font: k };
}

export class View {
  /** Frames since the frame rate was last shown, and when it was. */
  private fpsFrames = 0;
  private fpsSince = 0;

  private constructor(
    readonly map: BorderMap,
    private readonly totalsPanel: TotalsPanel,
    private readonly crossingsChart: LiveChart,
    private readonly darkChart: LiveChart,
    private readonly scenario: Scenario,
    private readonly loc: Locale,
  ) {}

  /** Draws the map, the legend, the totals and the empty charts, and follows the window's size. */
  static async create(scenario: Scenario, basemap: Basemap, loc: Locale): Promise<View> {
    const domain: [number, number] = [Date.parse(`${scenario.start}T00:00:00Z`), Date.parse(`${scenario.end}T00:00:00Z`)];
    const map = new BorderMap($('map') as HTMLCanvasElement, scenario, basemap, $('crossing-list'), (kind) => (loc.lang === 'en' ? kind : loc.t(`chart.crossingKind.${kind}`, { defaultValue: kind })));
    // The legend first: the map takes the height it leaves.
    buildLegend(loc);
    sizeMap(map);
    const totalsPanel = new TotalsPanel(loc);
    const [crossingsChart, darkChart] = await Promise.all([
      LiveChart.create($('chart-crossings'), crossingsSpec(domain, chartSize('chart-crossings'), loc)),
      LiveChart.create($('chart-dark'), darkFigureSpec(domain, chartSize('chart-dark'), loc)),
    ]);
    const view = new View(map, totalsPanel, crossingsChart, darkChart, scenario, loc);
    window.addEventListener('resize', () => view.resize());
    return view;
  }

  private resize(): void {
    sizeMap(this.map);
    const a = chartSize('chart-crossings');
    const b = chartSize('chart-dark');
    this.crossingsChart.resize(a.width, a.height);
    this.darkChart.resize(b.width, b.height);
  }

  chartRows() {
    return { crossings: this.crossingsChart.rows(), darkFigure: this.darkChart.rows() };
  }

  /** Empties the charts, for a fresh run. */
  clear(): void {
    this.crossingsChart.clear();
    this.darkChart.clear();
  }

  /** A week came into view (and into the state's totals): its chart rows. */
  push(w: WeekReport, state: RunState): void {
    const { loc } = this;
    const t = Date.parse(`${w.date}T00:00:00Z`);
    this.crossingsChart.push(CROSSING_CHANNELS.map((c) => ({ t, series: seriesLabel(c.metric, loc), value: w.metrics[c.metric] ?? 0 })));
    this.darkChart.push(DARK_FIGURE.map((d) => ({ t, series: seriesLabel(d.metric, loc), value: state.cumulative[d.metric] })));
  }

  /** The frame rate counts from `now`. */
  startFps(now: number): void {
    this.fpsFrames = 0;
    this.fpsSince = now;
  }

  /** One frame at `now`, the clock moving at `speed` weeks per second. */
  draw(now: number, state: RunState, speed: number): void {
    const { clock } = state;
    // At full speed weeks go by faster than frames: show each week's movers mid-way.
    this.map.draw(clock.current, speed === Infinity ? 0.5 : clock.phase);
    if (state.totalsDirty) {
      this.totalsPanel.show(state.totals);
      $('date').textContent = this.loc.date(clock.current?.date ?? this.scenario.start);
      $('week-label').textContent = this.loc.t('explorer.weekOf', { n: clock.shown + 1, total: Number.isFinite(clock.horizon) ? clock.horizon : '…' });
      state.totalsDirty = false;
    }
    if ((this.crossingsChart.dirty || this.darkChart.dirty) && (!state.playing || now - state.lastChart >= CHART_INTERVAL_MS)) {
      this.crossingsChart.flush();
      this.darkChart.flush();
      state.lastChart = now;
    }
    this.fpsFrames++;
    if (now - this.fpsSince >= 1000) {
      $('fps').textContent = `${Math.round((this.fpsFrames * 1000) / (now - this.fpsSince))} fps`;
      this.fpsFrames = 0;
      this.fpsSince = now;
    }
  }
}
