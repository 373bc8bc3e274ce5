/** Whole-model properties: conservation, opening dates and closures, determinism. */
import { describe, expect, it } from 'vitest';
import { CROSSING_SLOTS, DEPORTED_SLOT, STATUS_NAMES } from '../../src/model/codes.js';
import { dateOfWeek } from '../../src/model/geography.js';
import { run, scenarioWith } from './helpers.js';

describe('border model', () => {
  it('keeps every agent in exactly one status each week (conservation)', async () => {
    const s = await scenarioWith();
    const weeklyOk: boolean[] = [];
    const { world } = run(s, {
      scale: 50,
      weeks: 80,
      onWeek: (_t, w) => {
        const counts = new Array(STATUS_NAMES.length).fill(0);
        for (let id = 0; id < w.migrants.count; id++) counts[w.migrants.cols.status[id]!]++;
        const total = counts.reduce((a, b) => a + b, 0);
        weeklyOk.push(total === w.migrants.count && counts.every((c, i) => c === w.rec.columns[w.rec.slot(`stock_${STATUS_NAMES[i]}`)]![w.rec.ticks - 1]));
      },
    });
    expect(weeklyOk).toHaveLength(80);
    expect(weeklyOk.every(Boolean)).toBe(true);
    for (let t = 0; t < 80; t++) {
      const sum = STATUS_NAMES.reduce((a, st) => a + world.rec.series(`stock_${st}`)[t]!, 0);
      expect(sum).toBe(world.rec.series('agents')[t]);
    }
  });

  it('sends no one through a post before it opens, while closed, or when it is not operating', async () => {
    const s = await scenarioWith();
    const { world } = run(s, { scale: 20 });
    const C = world.geo.crossingIds.length;
    const used = (id: string, t: number) => {
      const c = world.geo.crossingIds.indexOf(id);
      let n = 0;
      // Everything that passes the crossing except deportees, whom Malaysia returns even through a closed post.
      for (let k = 0; k < CROSSING_SLOTS; k++) if (k !== DEPORTED_SLOT) n += world.perCrossing[(t * C + c) * CROSSING_SLOTS + k]!;
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

  it('counts trafficked only among broker-led, deceived or indebted, exploited workers', async () => {
    const s = await scenarioWith((d) => {
      // With no trafficking brokers and no debt, no one meets the means element.
      for (const h of d.hubs) h.traffickerShare = 0;
      (d.params as Record<string, unknown>).brokerDebtIdr = { value: 0, source: 'test' };
      (d.params as Record<string, unknown>).debtShare = { value: 0, source: 'test' };
    });
    const { summary } = run(s, { scale: 50, weeks: 104 });
    expect(summary.totals.deceived).toBe(0);
    expect(summary.totals.trafficked).toBe(0);
    expect(summary.totals.crossings_informal).toBeGreaterThan(0);
  });
});
