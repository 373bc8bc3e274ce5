/**
 * The explorer page. The worker simulates; this thread only animates. Weeks arrive from the
 * worker into the Playback clock; a requestAnimationFrame loop moves the clock on, draws the
 * current week's movers part of the way along their legs, and feeds totals and charts.
 */
import type { Basemap } from '../report/basemap.js';
import { isLang, langOf, localize, type Locale } from '../i18n/index.js';
import { parseScenario, } from '../scenario/parse.js';
import { LiveChart, crossingsSpec, darkFigureSpec, seriesLabel, type Row } from './charts.js';
import { BorderMap } from './map.js';
import { CROSSING_CHANNELS, DARK_FIGURE } from './palette.js';
import { Playback } from './playback.js';
import type { FromWorker, RunConfig, ToWorker, WeekReport } from './protocol.js';
import { TotalsPanel, buildControls, buildLegend } from './ui.js';

/** Persons per agent: the `--scale 20` the issue asks the explorer to run at. */
const SCALE = 20;
/** Chart redraws per second at most while playing: the charts are the costly part of a frame. */
const CHART_INTERVAL_MS = 250;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** What the page exposes for the browser tests and the frame-rate benchmark. */
export interface Stats {
  fps: number;
  weeksPerSecond: number;
  /** Weeks shown so far in this run. */
  week: number;
  frames: number;
  seconds: number;
  playing: boolean;
  /** How far (0–1) the shown week's movers are along their legs, and weeks received but not yet shown. */
  phase: number;
  queued: number;
}
declare global {
  interface Window {
    __lintasStats: Stats;
    __lintas: {
      totals: () => Record<string, number>;
      chartRows: () => { crossings: Row[]; darkFigure: Row[] };
      /** The map's label boxes, in CSS pixels of the canvas (a test checks none overlap). */
      mapLabels: () => { text: string; x: number; y: number; w: number; h: number }[];
      ready: boolean;
    };
  }
}

/**
 * The page's language: ?lang= when the switch has set it, else the browser's (navigator.languages),
 * else English. The switch reloads the page in the language chosen.
 */
function pageLocale(): Locale {
  const asked = new URLSearchParams(location.search).get('lang');
  return localize(asked && isLang(asked) ? asked : langOf(navigator.languages?.length ? navigator.languages : [navigator.language ?? 'en']));
}

/** The static page text (elements marked data-i18n, labels marked data-i18n-aria) in the page's language, and the switch. */
function translatePage(loc: Locale): void {
  document.documentElement.lang = loc.lang;
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = loc.t(el.dataset.i18n!);
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-aria]')) el.setAttribute('aria-label', loc.t(el.dataset.i18nAria!));
  const select = document.getElementById('lang') as HTMLSelectElement | null;
  if (!select) return;
  select.value = loc.lang;
  select.addEventListener('change', () => {
    const url = new URL(location.href);
    url.searchParams.set('lang', select.value);
    location.assign(url.toString());
  });
}

const loc = pageLocale();

async function main(): Promise<void> {
  translatePage(loc);
  const [scenarioData, basemap] = await Promise.all([
    fetch('/scenario.json').then((r) => r.json() as Promise<unknown>),
    fetch('/basemap.json').then((r) => r.json() as Promise<Basemap>),
    // The map's labels are drawn on a canvas, which does not wait for web fonts by itself.
    document.fonts.load(`18px 'DejaVu Sans'`),
    document.fonts.load(`bold 18px 'DejaVu Sans'`),
  ]);
  const scenario = parseScenario(scenarioData);
  const domain: [number, number] = [Date.parse(`${scenario.start}T00:00:00Z`), Date.parse(`${scenario.end}T00:00:00Z`)];

  const map = new BorderMap($('map') as HTMLCanvasElement, scenario, basemap, $('crossing-list'), (kind) => (loc.lang === 'en' ? kind : loc.t(`chart.crossingKind.${kind}`, { defaultValue: kind })));
  /** The page fills one screen on a projector: the map and the charts take the height that is left. */
  const oneScreen = () => window.matchMedia('(min-width: 1000px) and (min-height: 560px)').matches;
  const rootFont = () => parseFloat(getComputedStyle(document.documentElement).fontSize) || 20;
  const sizeMap = () => {
    const canvas = map.canvas;
    const w = canvas.parentElement!.clientWidth;
    const main = document.querySelector('main')!;
    const legend = $('legend').getBoundingClientRect().height + 0.5 * rootFont();
    const room = oneScreen() ? main.clientHeight - 1.3 * rootFont() - legend : window.innerHeight - 190;
    canvas.style.height = `${Math.round(Math.max(oneScreen() ? 240 : 420, Math.min(w / 1.3, room)))}px`;
    map.resize();
  };
  /** Each chart's plot height: half of what the totals leave in the results column, less titles and axes. */
  const chartSize = (id: string) => {
    const k = rootFont() / 20;
    // The column's own height follows its content: measure the room from the grid the columns sit in.
    const left = document.querySelector('main')!.clientHeight - 1.2 * rootFont() - $('totals').getBoundingClientRect().height - rootFont();
    const height = oneScreen() ? Math.max(80, Math.min(190 * k * 1.2, left / 2 - 150 * k)) : 190;
    return { width: $(id).clientWidth, height: Math.round(height), font: k };
  };
  // The legend first: the map takes the height it leaves.
  buildLegend(loc);
  sizeMap();
  const totalsPanel = new TotalsPanel(loc);
  const [crossingsChart, darkChart] = await Promise.all([
    LiveChart.create($('chart-crossings'), crossingsSpec(domain, chartSize('chart-crossings'), loc)),
    LiveChart.create($('chart-dark'), darkFigureSpec(domain, chartSize('chart-dark'), loc)),
  ]);
  window.addEventListener('resize', () => {
    sizeMap();
    const a = chartSize('chart-crossings');
    const b = chartSize('chart-dark');
    crossingsChart.resize(a.width, a.height);
    darkChart.resize(b.width, b.height);
  });

  const seedInput = $<HTMLInputElement>('seed');
  seedInput.value = String(scenario.seed);
  $('scale-note').textContent = loc.t('explorer.scaleNote', { scale: SCALE, scenario: scenario.name, start: loc.date(scenario.start), end: loc.date(scenario.end) });
  const controls = buildControls(scenario, () => reset(), loc);
  const speedSelect = $<HTMLSelectElement>('speed');
  const playButton = $<HTMLButtonElement>('play');
  const message = $('message');

  const worker = new Worker('/worker.js', { type: 'module' });
  const send = (m: ToWorker) => worker.postMessage(m);

  // `run` numbers runs so that weeks still arriving from a run since reset are dropped.
  let run = 0;
  const clock = new Playback();
  let playing = false;
  let totals: Record<string, number> = {};
  let cumulative = { trafficked: 0, identified: 0 };
  let totalsDirty = true;
  let lastChart = 0;

  const stats: Stats = { fps: 0, weeksPerSecond: 0, week: 0, frames: 0, seconds: 0, playing: false, phase: 1, queued: 0 };
  let playStart = 0, playWeeks0 = 0;
  window.__lintasStats = stats;
  window.__lintas = {
    totals: () => ({ ...totals }),
    chartRows: () => ({ crossings: crossingsChart.rows(), darkFigure: darkChart.rows() }),
    mapLabels: () => map.labelBoxes,
    ready: false,
  };

  const config = (): RunConfig => {
    let seed = Number(seedInput.value);
    if (seedInput.value.trim() === '' || !Number.isSafeInteger(seed) || seed < 0) {
      // Show the seed that actually runs rather than keep a value that was ignored.
      seed = scenario.seed;
      seedInput.value = String(seed);
    }
    return {
      seed,
      scale: SCALE,
      interventions: controls.interventions(),
      stage: controls.stage(),
    };
  };

  /** A fresh world with the controls as they are now; keeps playing if it was. */
  function reset(): void {
    run++;
    clock.reset(playing);
    totals = {};
    cumulative = { trafficked: 0, identified: 0 };
    totalsDirty = true;
    crossingsChart.clear();
    darkChart.clear();
    message.textContent = '';
    if (playing) startStats(performance.now());
    send({ type: 'init', run, scenarioData, config: config() });
  }

  function startStats(now: number): void {
    playStart = now;
    playWeeks0 = clock.shown + 1;
    stats.frames = 0;
  }

  function setPlaying(on: boolean): void {
    playing = on;
    stats.playing = on;
    playButton.textContent = loc.t(on ? 'explorer.pause' : 'explorer.play');
    playButton.setAttribute('aria-pressed', String(on));
    if (on) {
      if (clock.atEnd) reset();
      clock.play();
      startStats(performance.now());
    } else clock.pause();
  }

  worker.onmessage = (e: MessageEvent<FromWorker>) => {
    const m = e.data;
    if (m.run !== run) return;
    if (m.type === 'ready') clock.horizon = m.weeks;
    else if (m.type === 'week') clock.receive(m);
    else {
      message.textContent = loc.t('explorer.couldNotRun', { message: m.message });
      setPlaying(false);
    }
  };
  worker.onerror = (e) => {
    message.textContent = loc.t('explorer.stopped', { message: e.message });
  };

  /** A week came into view: running totals and chart rows. */
  function apply(w: WeekReport): void {
    for (const [k, v] of Object.entries(w.metrics)) totals[k] = (totals[k] ?? 0) + v;
    totalsDirty = true;
    const t = Date.parse(`${w.date}T00:00:00Z`);
    crossingsChart.push(CROSSING_CHANNELS.map((c) => ({ t, series: seriesLabel(c.metric, loc), value: w.metrics[c.metric] ?? 0 })));
    cumulative.trafficked += w.metrics.trafficked ?? 0;
    cumulative.identified += w.metrics.identified ?? 0;
    darkChart.push(DARK_FIGURE.map((d) => ({ t, series: seriesLabel(d.metric, loc), value: cumulative[d.metric] })));
  }

  const speed = () => (speedSelect.value === 'max' ? Infinity : Number(speedSelect.value));

  /** Asks for the weeks the clock wants next, in small batches so a reset never waits on a long one. */
  function requestAhead(): void {
    for (let n = clock.request(speed()); n > 0; n -= 16) send({ type: 'step', run, count: Math.min(16, n) });
  }

  $('play').addEventListener('click', () => setPlaying(!playing));
  $('step').addEventListener('click', () => {
    if (playing) setPlaying(false);
    clock.step();
  });
  $('reset').addEventListener('click', () => reset());
  seedInput.addEventListener('change', () => reset());
  // For a presenter's clicker or keyboard: Space plays or pauses, → or Page Down steps, R resets.
  // Form controls keep their own keys.
  document.addEventListener('keydown', (e) => {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.target instanceof HTMLButtonElement) return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const button = e.key === ' ' ? 'play' : e.key === 'ArrowRight' || e.key === 'PageDown' ? 'step' : e.key === 'r' || e.key === 'R' ? 'reset' : null;
    if (!button) return;
    e.preventDefault();
    $(button).click();
  });

  let last = performance.now();
  let fpsFrames = 0, fpsSince = last;
  function frame(now: number): void {
    const dt = Math.min(0.1, (now - last) / 1000);
    last = now;
    const s = speed();
    for (const w of clock.advance(dt, s)) apply(w);
    if (playing && clock.atEnd) setPlaying(false);
    requestAhead();

    // At full speed weeks go by faster than frames: show each week's movers mid-way.
    map.draw(clock.current, s === Infinity ? 0.5 : clock.phase);
    if (totalsDirty) {
      totalsPanel.show(totals);
      $('date').textContent = loc.date(clock.current?.date ?? scenario.start);
      $('week-label').textContent = loc.t('explorer.weekOf', { n: clock.shown + 1, total: Number.isFinite(clock.horizon) ? clock.horizon : '…' });
      totalsDirty = false;
    }
    if ((crossingsChart.dirty || darkChart.dirty) && (!playing || now - lastChart >= CHART_INTERVAL_MS)) {
      crossingsChart.flush();
      darkChart.flush();
      lastChart = now;
    }

    fpsFrames++;
    if (now - fpsSince >= 1000) {
      $('fps').textContent = `${Math.round((fpsFrames * 1000) / (now - fpsSince))} fps`;
      fpsFrames = 0;
      fpsSince = now;
    }
    if (playing) {
      stats.frames++;
      stats.seconds = (now - playStart) / 1000;
      if (stats.seconds > 0) {
        stats.fps = stats.frames / stats.seconds;
        stats.weeksPerSecond = (clock.shown + 1 - playWeeks0) / stats.seconds;
      }
    }
    stats.week = clock.shown + 1;
    stats.phase = clock.phase;
    stats.queued = clock.queue.length;
    requestAnimationFrame(frame);
  }

  reset();
  requestAnimationFrame(frame);
  window.__lintas.ready = true;
}

main().catch((e: unknown) => {
  const el = document.getElementById('message');
  if (el) el.textContent = loc.t('explorer.couldNotStart', { message: e instanceof Error ? e.message : String(e) });
  throw e;
});
