/** The page's clock: weeks shown in order at the chosen speed, held when none is ready, asked for just ahead. */
import { describe, expect, it } from 'vitest';
import { Playback } from '../../src/explorer/playback.js';
import type { WeekReport } from '../../src/explorer/protocol.js';

const week = (n: number): WeekReport => ({
  run: 1,
  week: n,
  date: '',
  metrics: {},
  perCrossing: new Float64Array(0),
  open: new Uint8Array(0),
  agents: new Int32Array(0),
  moving: 0,
});

/** Advances in 1/60 s frames for `seconds`, collecting the weeks shown. */
function run(clock: Playback, seconds: number, speed: number): number[] {
  const shown: number[] = [];
  for (let f = 0; f < Math.round(seconds * 60); f++) shown.push(...clock.advance(1 / 60, speed).map((w) => w.week));
  return shown;
}

describe('Playback', () => {
  it('shows nothing until asked, then one week per Step, animating it from 0 to 1', () => {
    const clock = new Playback();
    clock.horizon = 10;
    for (let i = 0; i < 5; i++) clock.receive(week(i));
    expect(run(clock, 1, 4)).toEqual([]);
    clock.step();
    expect(clock.advance(1 / 60, 4).map((w) => w.week)).toEqual([0]);
    expect(clock.phase).toBeLessThan(0.1);
    expect(run(clock, 1, 4)).toEqual([]);
    expect(clock.phase).toBe(1);
    clock.step();
    clock.step();
    expect(run(clock, 1, 4)).toEqual([1, 2]);
  });

  it('plays at the chosen speed, in order, and holds when the next week has not arrived', () => {
    const clock = new Playback();
    clock.horizon = 100;
    for (let i = 0; i < 6; i++) clock.receive(week(i));
    clock.play();
    expect(run(clock, 1, 4)).toEqual([0, 1, 2, 3]);
    expect(run(clock, 2, 4)).toEqual([4, 5]);
    expect(clock.phase).toBe(1);
    clock.receive(week(6));
    expect(run(clock, 0.1, 4)).toEqual([6]);
  });

  it('shows every week that has arrived at once at full speed', () => {
    const clock = new Playback();
    clock.horizon = 100;
    for (let i = 0; i < 30; i++) clock.receive(week(i));
    clock.play();
    expect(clock.advance(1 / 60, Infinity)).toHaveLength(30);
  });

  it('finishes the week in flight on pause, then holds', () => {
    const clock = new Playback();
    clock.horizon = 100;
    for (let i = 0; i < 10; i++) clock.receive(week(i));
    clock.play();
    run(clock, 0.3, 4);
    clock.pause();
    const at = clock.shown;
    expect(run(clock, 2, 4)).toEqual([]);
    expect(clock.shown).toBe(at);
    expect(clock.phase).toBe(1);
  });

  it('asks for weeks a little ahead while playing, only the stepped ones otherwise, never past the horizon', () => {
    const clock = new Playback();
    expect(clock.request(4)).toBe(0);
    clock.step();
    expect(clock.request(4)).toBe(1);
    clock.play();
    expect(clock.request(4)).toBe(2); // three weeks ahead of the (unshown) first at 4 weeks/s
    expect(clock.request(4)).toBe(0);
    clock.horizon = 20;
    expect(clock.request(Infinity)).toBe(17);
    expect(clock.requested).toBe(20);
    clock.reset(false);
    expect(clock.requested).toBe(0);
    expect(clock.shown).toBe(-1);
  });
});
