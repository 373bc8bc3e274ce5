/**
 * The statistical half of the stage and driver tests (tests/model/stages.test.ts has the exact
 * half): paired comparisons over several seeds, slow enough for the slow suite.
 */
import { describe, expect, it } from 'vitest';
import { decompose } from '../../src/experiment/decompose.js';
import { pairedDifference } from '../../src/experiment/stats.js';
import { MECHANISMS, type Mechanism, type Stage } from '../../src/model/cooperation.js';
import { METRICS } from '../../src/model/metrics.js';
import { createModel } from '../../src/model/model.js';
import type { Scenario } from '../../src/scenario/load.js';
import { run, scenarioWith, setParam } from './helpers.js';

const BILATERAL = ['jointPatrols', 'intelligenceSharing', 'jointTraining', 'operationalProtocols'] as const;

/** The baseline with these measures from mid-2019, at one stage, some mechanisms pinned. */
const setup = (stage: Stage, kinds: readonly string[], pins: Partial<Record<Mechanism, Stage>> = {}) =>
  scenarioWith((d) => {
    d.stages = [{ date: '2019-01-01', stage }];
    d.interventions = kinds.map((kind) => ({ kind, start: '2019-07-01', intensity: 1 }));
    (d as { mechanismStages?: unknown }).mechanismStages = pins;
  });

/** Every weekly metric of a run, as one array (for exact comparisons). */
const _weekly = (s: Scenario, seed: number, scale: number, weeks: number) => {
  const m = createModel(s, { seed, scale }).run(weeks);
  return METRICS.flatMap((_, slot) => Array.from(m.recorder.series(slot)));
};

const totals = (s: Scenario, seed: number, scale: number) => run(s, { seed, scale }).summary.totals;

/** Lets the test runner's messages through between long runs (vitest times out a worker that never yields). */
const yieldToRunner = () => new Promise((resolve) => setImmediate(resolve));

describe('cooperation stages as processes (paired over seeds)', () => {
  it('patrols: joint teams intercept more than the same units patrolling in parallel', async () => {
    const parallel = await setup('collaboration', ['jointPatrols'], { patrols: 'coexistence' });
    const coordinated = await setup('collaboration', ['jointPatrols'], { patrols: 'coordination' });
    const joint = await setup('collaboration', ['jointPatrols']);
    for (const seed of [1, 2, 3]) {
      const [p, c, j] = [parallel, coordinated, joint].map((s) => totals(s, seed, 50).interceptions_patrol!);
      expect(c).toBeGreaterThan(p!);
      expect(j).toBeGreaterThan(c!);
    }
  });
  it('the change from coexistence to collaboration decomposes into the mechanisms, up to what they do together', async () => {
    const seeds = [1, 2, 3, 4];
    const at = async (stage: Stage, pins = {}) => {
      const s = await setup(stage, BILATERAL, pins);
      return seeds.map((seed) => totals(s, seed, 50).trafficked!);
    };
    const target = await at('collaboration');
    const reference = await at('coexistence');
    const held = Object.fromEntries(await Promise.all(MECHANISMS.map(async (m) => [m, await at('collaboration', { [m]: 'coexistence' })]))) as Record<Mechanism, number[]>;
    const d = decompose({ variant: 'collaboration', against: 'coexistence', metric: 'trafficked' }, target, reference, held);
    // Contributions and interactions add up to the total, replicate by replicate.
    const sum = d.mechanisms.reduce((s, m) => s + m.contribution.mean, 0) + d.interactions.mean;
    expect(sum).toBeCloseTo(d.total.mean, 6);
    expect(d.total.mean).toBeLessThan(0);
    // Within Monte Carlo error, the mechanisms account for the change on their own.
    expect(d.interactions.lo).toBeLessThan(0);
    expect(d.interactions.hi).toBeGreaterThan(0);
  });
});

describe("the paper's drivers as pathways to exploitation (paired over seeds)", () => {
  it('more collusion at the posts means more people trafficked (paired over seeds)', async () => {
    const low = await scenarioWith((d) => setParam(d, 'collusionMean', 0.05));
    const high = await scenarioWith((d) => setParam(d, 'collusionMean', 0.9));
    // The effect is a few per cent of the trafficked: 16 paired seeds to see it clearly.
    const seeds = Array.from({ length: 16 }, (_, i) => i + 1);
    const t = async (s: Scenario) => {
      const out = [];
      for (const seed of seeds) {
        out.push(totals(s, seed, 20));
        await yieldToRunner();
      }
      return out;
    };
    const a = await t(low), b = await t(high);
    expect(b.reduce((s, x) => s + x.crossings_colluded!, 0)).toBeGreaterThan(3 * a.reduce((s, x) => s + x.crossings_colluded!, 0));
    const diff = pairedDifference(b.map((x) => x.trafficked!), a.map((x) => x.trafficked!));
    expect(diff.lo).toBeGreaterThan(0);
  });
});
