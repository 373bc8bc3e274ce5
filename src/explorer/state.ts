/**
 * The run on the page, apart from the DOM: which run it is, its clock, whether it plays, the
 * running totals, and the figures the page exposes for the browser tests and the frame-rate
 * benchmark.
 */
import type { Row } from './charts.js';
import { Playback } from './playback.js';
import type { WeekReport } from './protocol.js';

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

export class RunState {
  /** Numbers runs, so that weeks still arriving from a run since reset are dropped. */
  run = 0;
  readonly clock = new Playback();
  playing = false;
  /** Persons since the start of the run, by metric. */
  totals: Record<string, number> = {};
  /** Trafficked and identified since the start of the run: the dark-figure chart. */
  cumulative = { trafficked: 0, identified: 0 };
  /** The totals changed since the panel last showed them. */
  totalsDirty = true;
  /** When the charts were last redrawn (performance.now()). */
  lastChart = 0;
  readonly stats: Stats = { fps: 0, weeksPerSecond: 0, week: 0, frames: 0, seconds: 0, playing: false, phase: 1, queued: 0 };
  /** When play began, and the weeks shown then: the frame-rate figures count from there. */
  private playStart = 0;
  private playWeeks0 = 0;

  /** A fresh run: its clock at the start (still playing if it was), its totals empty. Returns its number. */
  next(): number {
    this.run++;
    this.clock.reset(this.playing);
    this.totals = {};
    this.cumulative = { trafficked: 0, identified: 0 };
    this.totalsDirty = true;
    return this.run;
  }

  setPlaying(on: boolean): void {
    this.playing = on;
    this.stats.playing = on;
  }

  /** Play (re)started at `now`: the frame-rate figures count from here. */
  startStats(now: number): void {
    this.playStart = now;
    this.playWeeks0 = this.clock.shown + 1;
    this.stats.frames = 0;
  }

  /** A week came into view: the running totals. */
  add(w: WeekReport): void {
    for (const [k, v] of Object.entries(w.metrics)) this.totals[k] = (this.totals[k] ?? 0) + v;
    this.totalsDirty = true;
    this.cumulative.trafficked += w.metrics.trafficked ?? 0;
    this.cumulative.identified += w.metrics.identified ?? 0;
  }

  /** A frame was drawn at `now`: the figures for the tests and the benchmark. */
  endFrame(now: number): void {
    const { stats, clock } = this;
    if (this.playing) {
      stats.frames++;
      stats.seconds = (now - this.playStart) / 1000;
      if (stats.seconds > 0) {
        stats.fps = stats.frames / stats.seconds;
        stats.weeksPerSecond = (clock.shown + 1 - this.playWeeks0) / stats.seconds;
      }
    }
    stats.week = clock.shown + 1;
    stats.phase = clock.phase;
    stats.queued = clock.queue.length;
  }
}
