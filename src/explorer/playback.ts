/**
 * The page's clock, apart from any DOM so it can be tested: weeks arrive from the worker into
 * a queue; the clock moves through them at a speed in weeks per second, each week's movers
 * animating from phase 0 to 1; it asks for weeks a little ahead of what it shows, so the
 * worker never simulates far beyond the screen and a reset throws little away.
 */
import type { WeekReport } from './protocol.js';

/** Weeks per second; Infinity shows every week as soon as it arrives. */
export type Speed = number;

export class Playback {
  /** Weeks in the run, once the worker has said. */
  horizon = Infinity;
  /** Weeks asked of the worker so far in this run. */
  requested = 0;
  queue: WeekReport[] = [];
  current: WeekReport | null = null;
  /** Index of the week shown, -1 before the first. */
  shown = -1;
  /** How far the shown week's movers are along their legs, 0–1. */
  phase = 1;
  /** Last week the clock should reach: the horizon while playing, one more per step, the shown week when paused. */
  target = -1;

  reset(playing: boolean): void {
    this.horizon = Infinity;
    this.requested = 0;
    this.queue = [];
    this.current = null;
    this.shown = -1;
    this.phase = 1;
    this.target = playing ? Infinity : -1;
  }

  get atEnd(): boolean {
    return this.shown >= this.horizon - 1;
  }

  play(): void {
    this.target = Infinity;
  }

  /** Lets the week in flight finish its animation, then holds. */
  pause(): void {
    this.target = this.shown;
  }

  /** One more week (on top of any steps not yet shown). */
  step(): void {
    this.target = Math.min(this.horizon - 1, Math.max(this.target, this.shown) + 1);
  }

  receive(week: WeekReport): void {
    this.queue.push(week);
  }

  /** Moves the clock on by dt seconds; returns the weeks that came into view, in order. */
  advance(dt: number, speed: Speed): WeekReport[] {
    const shownNow: WeekReport[] = [];
    if (this.shown < this.target || this.phase < 1) this.phase += speed === Infinity ? Infinity : dt * speed;
    while (this.phase >= 1 && this.shown < this.target && this.queue[0]?.week === this.shown + 1) {
      const w = this.queue.shift()!;
      this.current = w;
      this.shown = w.week;
      shownNow.push(w);
      this.phase = speed === Infinity ? 1 : this.phase - 1;
    }
    // Nothing more to show yet (or asked for): the movers wait at the end of their legs.
    if (this.phase > 1) this.phase = 1;
    return shownNow;
  }

  /** How many more weeks to ask the worker for now (and counts them as asked). */
  request(speed: Speed): number {
    const ahead = speed === Infinity ? 48 : Math.max(3, Math.ceil(speed / 2));
    const want = Math.min(this.horizon, this.target === Infinity ? this.shown + 1 + ahead : this.target + 1);
    const count = Math.max(0, want - this.requested);
    this.requested += count;
    return count;
  }
}
