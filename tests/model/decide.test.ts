import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdList } from '../../src/core/idlist.js';
import { KeptHalves } from '../../src/core/below.js';
import { keyedBits, keyedUniform, tickTerm } from '../../src/core/rng.js';
import { STATUS_COUNT, Status } from '../../src/model/codes.js';
import { departureBound, homeDecisions, sweep } from '../../src/model/decide.js';
import { createModel, PHASES, worldOf } from '../../src/model/model.js';
import type { World } from '../../src/model/state.js';
import { move, weeksLeft } from '../../src/model/transitions.js';
import { scenarioWith } from './helpers.js';

/** The rule as MODEL.md states it: a resident at home leaves when u(id, week) < min(cap, base hazard of the origin · own factor). */
const reference = (status: Uint8Array, origin: Uint8Array, hf: Float32Array, bh: Float64Array, cap: number, key: number, week: number) =>
  Array.from(status.keys()).filter((id) => status[id] === Status.home && keyedUniform(key, id, week) < Math.min(cap, bh[origin[id]!]! * hf[id]!));

/** The ids whose week's draw is below `bound` (32-bit units), as the sweep finds them. */
const candidates = (key: number, n: number, week: number, bound: number) => new KeptHalves(key).below(n, tickTerm(week), bound);

describe('homeDecisions (the departure draw of the weekly sweep)', () => {
  it('pushes, in id order, exactly the residents at home whose keyed draw falls under their capped hazard', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 600 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (n, key, week, cap) => {
          const status = Uint8Array.from({ length: n }, (_, i) => (keyedUniform(7, i, week) < 0.7 ? Status.home : Status.workingRegular));
          const origin = Uint8Array.from({ length: n }, (_, i) => i % 5);
          const hf = Float32Array.from({ length: n }, (_, i) => 0.5 + (i % 9) / 3);
          const bh = Float64Array.from({ length: 5 }, (_, o) => 0.05 * (o + 1));
          const out = new IdList(4);
          homeDecisions(candidates(key, n, week, departureBound(cap, bh, Math.max(...hf))), status, origin, hf, bh, cap, key, tickTerm(week), out);
          expect(Array.from(out.ids.subarray(0, out.length))).toEqual(reference(status, origin, hf, bh, cap, key, week));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the cap binds: with every hazard above it, the share leaving is the cap', () => {
    const n = 20_000;
    const out = new IdList();
    homeDecisions(candidates(99, n, 3, departureBound(0.1, Float64Array.of(1), 10)), new Uint8Array(n), new Uint8Array(n), new Float32Array(n).fill(10), Float64Array.of(1), 0.1, 99, tickTerm(3), out);
    expect(out.length / n).toBeGreaterThan(0.09);
    expect(out.length / n).toBeLessThan(0.11);
  });

  it('the bound is what the rule needs: one below the largest hazard loses exactly the residents whose draw lies between', () => {
    const n = 50_000;
    const origin = Uint8Array.from({ length: n }, (_, i) => i % 3);
    const hf = Float32Array.from({ length: n }, (_, i) => 1 + (i % 4) / 2);
    const bh = Float64Array.of(0.01, 0.02, 0.04);
    const run = (bound: number) => {
      const out = new IdList();
      homeDecisions(candidates(5, n, 9, bound), new Uint8Array(n), origin, hf, bh, 1, 5, tickTerm(9), out);
      return Array.from(out.ids.subarray(0, out.length));
    };
    const exact = run(departureBound(1, bh, 2.5));
    expect(departureBound(1, bh, 2.5)).toBe(0.1 * 4294967296);
    expect(run(Infinity)).toEqual(exact);
    // A bound under the top hazard (origin 2, factor 2.5) drops some of those departures: the bound must be the largest.
    expect(run(0.05 * 4294967296).length).toBeLessThan(exact.length);
    const low = 0.05 * 4294967296;
    expect(run(low)).toEqual(exact.filter((id) => keyedBits(5, id, tickTerm(9)) < low));
    expect(departureBound(0.03, bh, 2.5)).toBe(0.03 * 4294967296);
  });
});

/**
 * The rules for everyone away as MODEL.md states them, visiting every person in id order: what
 * each does at this week's sweep, given the statuses and timers before it. The sweep visits only
 * those the calendar and the exposed set name; it must do exactly this.
 */
function awayReference(w: World) {
  const m = w.agents.migrants.cols;
  const t = w.week.index;
  const p = w.fixed.p;
  const wk = w.week;
  const out = { ready: [] as number[], arriving: [] as number[], jobSeekers: [] as number[], returning: [] as number[], raided: [] as number[], toIdentify: [] as number[], selfReported: [] as number[], deportees: [] as number[], home: [] as number[], escaped: [] as number[] };
  const raided = (id: number) => w.fixed.draws.raid.u(id, t) < (w.fixed.geo.destinationSabah[m.destination[id]!] ? p.raidRateSabah : p.raidRateSarawak) * wk.raidFactor;
  for (let id = 0; id < w.agents.migrants.count; id++) {
    const ends = weeksLeft(w, id) === 1; // one week left: it runs out at this sweep
    switch (m.status[id]) {
      case Status.returned:
        if (ends) out.home.push(id);
        break;
      case Status.preparing:
      case Status.recruited:
        if (ends) out.ready.push(id);
        break;
      case Status.travelling:
        if (ends) out.arriving.push(id);
        break;
      case Status.crossed:
        out.jobSeekers.push(id);
        break;
      case Status.workingRegular:
      case Status.identified:
        if (ends) out.returning.push(id);
        break;
      case Status.workingIrregular:
        if (raided(id)) out.raided.push(id);
        else if (ends) out.returning.push(id);
        break;
      case Status.exploited: {
        const d = w.fixed.input.destinations[m.destination[id]!]!;
        const reach = wk.ngoOutreach * (1 - d.isolation) * (m.papersHeld[id] === 1 ? p.papersHeldIsolation : 1);
        if (w.fixed.draws.ngoContact.u(id, t) < reach) out.toIdentify.push(id);
        else if (m.irregular[id] === 1 && raided(id)) out.raided.push(id);
        else if (ends) {
          const report = p.selfReport * (m.irregular[id] === 1 ? p.selfReportIrregular : 1);
          if (w.fixed.draws.selfReport.u(id, t) < report) out.selfReported.push(id);
          else out.escaped.push(id);
        }
        break;
      }
      case Status.deported:
        out.deportees.push(id);
        break;
    }
  }
  return out;
}

describe('awayDecisions (everyone away, in the weekly sweep)', () => {
  it('does, week after week, exactly what visiting every person away would do', async () => {
    // More raids and NGO contact than the baseline has, so that every branch is taken in a few weeks.
    const s = await scenarioWith((d) => {
      d.spinUpWeeks = 0;
      (d.params as Record<string, { value: number }>).raidRateSabah!.value *= 4;
      (d.params as Record<string, { value: number }>).raidRateSarawak!.value *= 4;
      (d.params as Record<string, { value: number }>).ngoOutreach!.value *= 20;
      (d.params as Record<string, { value: number }>).selfReport!.value = 0.5;
      // Victims without legal status report as often as the others: employers now turn some irregular arrivals away, and fewer stays end in exploitation.
      (d.params as Record<string, { value: number }>).selfReportIrregular!.value = 1;
    });
    const w = worldOf(createModel(s, { seed: 3, scale: 100 }));
    const seen: Record<string, number> = {};
    for (let week = 0; week < 80; week++) {
      for (const phase of PHASES) {
        if (phase.name !== 'sweep') {
          phase.run(w, week);
          continue;
        }
        const expected = awayReference(w);
        const before = Uint8Array.from(w.agents.migrants.cols.status.subarray(0, w.agents.migrants.count));
        sweep(w);
        const q = w.queues;
        const got = (l: IdList) => Array.from(l.ids.subarray(0, l.length));
        const moved = (from: number, to: number) => Array.from(before.keys()).filter((id) => before[id] === from && w.agents.migrants.cols.status[id] === to);
        const actual = { ready: got(q.ready), arriving: got(q.arriving), jobSeekers: got(q.jobSeekers), returning: got(q.returning), raided: got(q.raided), toIdentify: got(q.toIdentify), selfReported: got(q.selfReported), deportees: got(q.deportees), home: moved(Status.returned, Status.home), escaped: moved(Status.exploited, Status.workingIrregular) };
        expect(actual).toEqual(expected);
        for (const [k, v] of Object.entries(expected)) seen[k] = (seen[k] ?? 0) + v.length;
      }
    }
    // Every rule acted at least once, so none is untested.
    for (const k of ['ready', 'arriving', 'jobSeekers', 'returning', 'raided', 'toIdentify', 'selfReported', 'deportees', 'home', 'escaped']) expect(seen[k], k).toBeGreaterThan(9);
  });

  it('starts the week’s transition counts from zero', async () => {
    const w = worldOf(createModel(await scenarioWith((d) => void (d.spinUpWeeks = 0)), { seed: 3, scale: 1000 }));
    PHASES[0]!.run(w, 0);
    w.agents.transitions[3] = 5;
    w.agents.transitions[STATUS_COUNT * STATUS_COUNT] = 2;
    sweep(w);
    // Only what this sweep moved is counted: nothing left from before.
    expect(w.agents.transitions[3]).toBeLessThan(5);
    expect(w.agents.transitions[STATUS_COUNT * STATUS_COUNT]).toBe(0);
  });

  it('hands on those who crossed or were deported at every sweep while they stay so, and only then', async () => {
    const w = worldOf(createModel(await scenarioWith((d) => void (d.spinUpWeeks = 0)), { seed: 3, scale: 1000 }));
    const [calendar] = PHASES;
    const ids = [0, 1, 2];
    move(w, ids[0]!, Status.crossed);
    move(w, ids[1]!, Status.deported);
    move(w, ids[2]!, Status.deported);
    const handed = () => [...w.queues.jobSeekers.ids.subarray(0, w.queues.jobSeekers.length), ...w.queues.deportees.ids.subarray(0, w.queues.deportees.length)].filter((id) => ids.includes(id));
    for (let week = 0; week < 3; week++) {
      w.tick = week; // the week's other phases are not run here
      calendar!.run(w, week);
      sweep(w);
      expect(handed()).toEqual(week < 2 ? ids : [0, 1]);
      w.queues.jobSeekers.clear();
      w.queues.deportees.clear();
      if (week === 1) move(w, ids[2]!, Status.home);
    }
  });
});
