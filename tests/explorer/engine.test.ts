/** The explorer's week-by-week engine: the same numbers as simulate(), controls as scenario entries, the mover sample. */
import { beforeAll, describe, expect, it } from 'vitest';
import { AGENT_SAMPLE, Run, applyControls } from '../../src/explorer/engine.js';
import { AGENT_STRIDE, type RunConfig } from '../../src/explorer/protocol.js';
import { Status } from '../../src/model/codes.js';
import { CROSSING_SLOTS } from '../../src/model/codes.js';
import { isScaled, METRICS } from '../../src/model/metrics.js';
import { simulate, worldOf } from '../../src/model/model.js';
import { parseScenario, readScenarioFile } from '../../src/scenario/load.js';

const WEEKS = 40;
const base = (over: Partial<RunConfig> = {}): RunConfig => ({ seed: 3, scale: 20, interventions: {}, stage: null, ...over });
let data: unknown;

beforeAll(async () => {
  data = await readScenarioFile('scenarios/baseline.ts');
});

describe('Run', () => {
  it('gives, week by week, exactly the numbers simulate() records for the same seed and scale', () => {
    const world = worldOf(simulate(parseScenario(data), { seed: 3, scale: 20, weeks: WEEKS }));
    const run = new Run(data, base());
    const C = world.fixed.geo.crossingIds.length;
    for (let t = 0; t < WEEKS; t++) {
      const r = run.step()!;
      expect(r.week).toBe(t);
      METRICS.forEach((m, slot) => expect(r.metrics[m], `${m} in week ${t}`).toBe(world.rec.series(slot)[t]! * (isScaled(m) ? 20 : 1)));
      const slice = world.rec.perCrossing.subarray(t * C * CROSSING_SLOTS, (t + 1) * C * CROSSING_SLOTS);
      expect(Array.from(r.perCrossing)).toEqual(Array.from(slice, (v) => v * 20));
    }
  });

  it('stops at the horizon', () => {
    const run = new Run(data, base({ scale: 200 }));
    let n = 0;
    while (run.step()) n++;
    expect(n).toBe(run.weeks);
    expect(run.step()).toBeNull();
  });

  it('samples at most AGENT_SAMPLE movers, all travelling or just crossed, with valid places', () => {
    const run = new Run(data, base());
    const C = run.model.crossingIds.length;
    for (let t = 0; t < 12; t++) {
      const r = run.step()!;
      const n = r.agents.length / AGENT_STRIDE;
      const stock = (r.metrics.stock_travelling! + r.metrics.stock_crossed!) / 20;
      expect(r.moving).toBe(stock);
      expect(n).toBe(Math.min(AGENT_SAMPLE, stock));
      for (let k = 0; k < r.agents.length; k += AGENT_STRIDE) {
        expect([Status.travelling, Status.crossed]).toContain(r.agents[k + 1]);
        expect(r.agents[k + 4]).toBeLessThan(C);
      }
    }
  });

  it('turns a control into a different run, and an untouched control into the same one', () => {
    const totals = (cfg: RunConfig) => {
      const run = new Run(data, cfg);
      let departures = 0;
      for (let t = 0; t < 30; t++) departures += run.step()!.metrics.departures!;
      return departures;
    };
    const baseline = totals(base());
    expect(totals(base({ interventions: { economicDevelopment: 0 } }))).toBe(baseline);
    expect(totals(base({ interventions: { economicDevelopment: 1 } }))).toBeLessThan(baseline);
  });
});

describe('applyControls', () => {
  it('adds non-zero interventions from the scenario start and replaces the stages, leaving the input alone', () => {
    const before = JSON.stringify(data);
    const out = applyControls(data, base({ interventions: { jointPatrols: 0.5, ngoCooperation: 0 }, stage: 'collaboration' })) as {
      start: string;
      interventions: { kind: string; start: string; intensity: number }[];
      stages: { date: string; stage: string }[];
    };
    expect(JSON.stringify(data)).toBe(before);
    const added = out.interventions.filter((i) => i.start === out.start);
    expect(added.map((i) => [i.kind, i.intensity])).toEqual([['jointPatrols', 0.5]]);
    expect(out.stages).toEqual([{ date: out.start, stage: 'collaboration', source: 'explorer control' }]);
    expect(() => parseScenario(out)).not.toThrow();
  });

  it('changes nothing when no control is set', () => {
    expect(JSON.stringify(applyControls(data, base()))).toBe(JSON.stringify(data));
  });
});
