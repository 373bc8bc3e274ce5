/**
 * Whole-model properties through the model API: stock–flow conservation, common random
 * numbers, opening dates and closures, determinism, the legal definition of trafficking.
 */
import { describe, expect, it } from 'vitest';
import { CROSSING_SLOTS, DEPORTED_SLOT, STATUS_COUNT, STATUS_NAMES, Status } from '../../src/model/codes.js';
import { dateOfWeek } from '../../src/model/geography.js';
import { BUILTIN } from '../../src/model/interventions/index.js';
import { M, METRICS } from '../../src/model/metrics.js';
import { createModel, worldOf } from '../../src/model/model.js';
import type { World } from '../../src/model/state.js';
import { run, scenarioWith } from './helpers.js';

const S = STATUS_COUNT;

describe('createModel', () => {
  it('steps week by week to the horizon, then stops', async () => {
    const s = await scenarioWith();
    const model = createModel(s, { seed: 1, scale: 1000 });
    expect(model.week).toBe(0);
    expect(model.weeks).toBe(313); // 2019-01-07 .. 2024-12-30
    expect(model.step()).toBe(true);
    expect(model.week).toBe(1);
    const seen: number[] = [];
    model.run(10, (week) => seen.push(week));
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    model.run();
    expect(model.week).toBe(313);
    expect(model.step()).toBe(false);
    expect(worldOf(model).rec.ticks).toBe(313);
  });

  it('refuses an input that lacks a parameter or schedules an unknown intervention, naming it', async () => {
    const s = await scenarioWith();
    const { h0: _drop, ...params } = s.params;
    expect(() => createModel({ ...s, params }, { seed: 1, scale: 100 })).toThrow('params.h0: required, expected a finite number');
    const odd = { ...s, interventions: [{ kind: 'teleportation', start: '2019-01-07', intensity: 1 }] };
    expect(() => createModel(odd, { seed: 1, scale: 100 })).toThrow('interventions: unknown kind "teleportation"');
  });
});

describe('stock–flow conservation', () => {
  it('for every status and week, stock(t) − stock(t−1) = inflows − outflows, and stocks match a recount', async () => {
    const s = await scenarioWith();
    const model = createModel(s, { seed: 2, scale: 50 });
    const w = worldOf(model);
    // Stocks kept on each transition equal an independent count of the status column.
    const recount = () => {
      const c = new Float64Array(S);
      for (let id = 0; id < w.agents.migrants.count; id++) c[w.agents.migrants.cols.status[id]!]!++;
      return Array.from(c);
    };
    expect(Array.from(w.agents.stocks)).toEqual(recount());
    let prev = Float64Array.from(w.agents.stocks);
    let checked = 0;
    model.run(120, (t) => {
      const T = w.agents.transitions;
      for (let s2 = 0; s2 < S; s2++) {
        let inflow = 0, outflow = 0;
        for (let from = 0; from <= S; from++) if (from !== s2) inflow += T[from * S + s2]!;
        for (let to = 0; to < S; to++) if (to !== s2) outflow += T[s2 * S + to]!;
        expect(w.agents.stocks[s2]! - prev[s2]!, `${STATUS_NAMES[s2]} in week ${t}`).toBe(inflow - outflow);
        expect(w.rec.series(M[`stock_${STATUS_NAMES[s2]!}`])[t]).toBe(w.agents.stocks[s2]);
        checked++;
      }
      expect(Array.from(w.agents.stocks)).toEqual(recount());
      expect(w.agents.stocks.reduce((a, b) => a + b, 0)).toBe(w.rec.series(M.agents)[t]);
      // Flows recorded by the phases are the transitions into the matching status.
      const into = (to: number) => {
        let n = 0;
        for (let from = 0; from <= S; from++) if (from !== to) n += T[from * S + to]!;
        return n;
      };
      expect(into(Status.exploited), `trafficked in week ${t}`).toBe(w.rec.series(M.trafficked)[t]);
      expect(into(Status.detained), `raids_detained in week ${t}`).toBe(w.rec.series(M.raids_detained)[t]);
      expect(into(Status.identified), `identified in week ${t}`).toBe(w.rec.series(M.identified)[t]);
      expect(T[Status.detained * S + Status.deported]! + w.rec.series(M.identified_deportation)[t]!).toBe(w.rec.series(M.deportations)[t]);
      prev = Float64Array.from(w.agents.stocks);
    });
    expect(checked).toBe(120 * S);
    // Far-origin arrivals are the only agents that appear after the start.
    expect(w.rec.total(M.arrivals_far)).toBeGreaterThan(0);
  });
});

describe('common random numbers', () => {
  const START_WEEK = 30;
  it.each(BUILTIN.kinds)('a variant with %s is identical to the baseline, week by week, until it starts', async (kind) => {
    const base = await scenarioWith((d) => {
      d.interventions = [];
      d.stages = [{ date: '2019-01-01', stage: 'collaboration' }];
    });
    const start = dateOfWeek(base.start, START_WEEK);
    const variant = { ...base, interventions: [{ kind, start, intensity: 1 }] };
    const a = createModel(base, { seed: 4, scale: 50 }).run(START_WEEK + 40);
    const b = createModel(variant, { seed: 4, scale: 50 }).run(START_WEEK + 40);
    const C = worldOf(a).fixed.geo.crossingIds.length;
    for (let t = 0; t < START_WEEK; t++) {
      METRICS.forEach((m, slot) => expect(worldOf(b).rec.series(slot)[t], `${m} in week ${t}`).toBe(worldOf(a).rec.series(slot)[t]));
      const row = (w: World) => Array.from(w.rec.perCrossing.subarray(t * C * CROSSING_SLOTS, (t + 1) * C * CROSSING_SLOTS));
      expect(row(worldOf(b))).toEqual(row(worldOf(a)));
    }
    // ... and the intervention changes something once it is in force.
    const fromStart = (m: typeof a) => METRICS.flatMap((_, slot) => Array.from(worldOf(m).rec.series(slot).subarray(START_WEEK)));
    expect(fromStart(b)).not.toEqual(fromStart(a));
  });
});

describe('border model', () => {
  it('sends no one through a post before it opens, while closed, or when it is not operating', async () => {
    const s = await scenarioWith();
    const { world } = run(s, { scale: 20 });
    const C = world.fixed.geo.crossingIds.length;
    const used = (id: string, t: number) => {
      const c = world.fixed.geo.crossingIds.indexOf(id);
      let n = 0;
      // Everything that passes the crossing except deportees, whom Malaysia returns even through a closed post.
      for (let k = 0; k < CROSSING_SLOTS; k++) if (k !== DEPORTED_SLOT) n += world.rec.perCrossing[(t * C + c) * CROSSING_SLOTS + k]!;
      return n;
    };
    let seiNyamuk = 0, jagoiBefore = 0, jagoiAfter = 0, entikongClosed = 0, entikongOpen = 0;
    for (let t = 0; t < world.rec.ticks; t++) {
      const d = dateOfWeek(s.start, t);
      seiNyamuk += used('sei_nyamuk', t);
      if (d < '2024-01-01') jagoiBefore += used('jagoi_babang', t);
      else jagoiAfter += used('jagoi_babang', t);
      // Weeks wholly inside the COVID-19 closure (2020-03-18 .. 2022-03-31).
      if (d >= '2020-03-18' && d <= '2022-03-24') entikongClosed += used('entikong', t);
      else entikongOpen += used('entikong', t);
    }
    expect(seiNyamuk).toBe(0);
    expect(jagoiBefore).toBe(0);
    expect(jagoiAfter).toBeGreaterThan(0);
    expect(entikongClosed).toBe(0);
    expect(entikongOpen).toBeGreaterThan(0);
  });

  it('gives identical results for the same seed and different ones for another seed', async () => {
    const s = await scenarioWith();
    const a = run(s, { scale: 50, weeks: 60, seed: 7 }).summary;
    const b = run(s, { scale: 50, weeks: 60, seed: 7 }).summary;
    const c = run(s, { scale: 50, weeks: 60, seed: 8 }).summary;
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it('counts identified victims below the trafficked (the dark figure)', async () => {
    const { summary } = run(await scenarioWith(), { scale: 20 });
    expect(summary.totals.trafficked).toBeGreaterThan(0);
    expect(summary.totals.identified).toBeGreaterThan(0);
    expect(summary.totals.identified!).toBeLessThan(summary.totals.trafficked! * 0.5);
  });

  it('counts trafficked only where an exploitative employer meets a means (Palermo): none without deception, debt, held papers or threats', async () => {
    const none = await scenarioWith((d) => {
      for (const h of d.hubs) h.traffickerShare = 0;
      for (const [name, value] of Object.entries({ brokerDebtIdr: 0, debtShare: 0, docLoophole: 0, colludedPapersHeld: 0, passportRetention: 0, denunciationThreat: 0, contractSubstitution: 0 }))
        (d.params as Record<string, unknown>)[name] = { value, source: 'test' };
    });
    const { summary } = run(none, { scale: 50, weeks: 104 });
    expect(summary.totals.deceived).toBe(0);
    expect(summary.totals.trafficked).toBe(0);
    expect(summary.totals.crossings_informal).toBeGreaterThan(0);
    // Each means on its own is enough.
    const only = async (name: string, value: number) =>
      run(
        await scenarioWith((d) => {
          for (const h of d.hubs) h.traffickerShare = 0;
          for (const [n, v] of Object.entries({ brokerDebtIdr: 0, debtShare: 0, docLoophole: 0, colludedPapersHeld: 0, passportRetention: 0, denunciationThreat: 0, contractSubstitution: 0, [name]: value }))
            (d.params as Record<string, unknown>)[n] = { value: v, source: 'test' };
        }),
        { scale: 50, weeks: 104 },
      ).summary.totals.trafficked!;
    expect(await only('denunciationThreat', 0.5)).toBeGreaterThan(0);
    expect(await only('docLoophole', 0.5)).toBeGreaterThan(0);
    expect(await only('contractSubstitution', 0.1)).toBeGreaterThan(0);
  });
});
