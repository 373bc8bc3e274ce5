/**
 * The statistical half of the stage and driver tests (tests/model/stages.test.ts has the exact
 * half): paired comparisons over several seeds, slow enough for the slow suite.
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { decompose } from '../../src/experiment/decompose.js';
import { pairedDifference } from '../../src/experiment/stats.js';
import { MECHANISMS, type Mechanism, type Stage } from '../../src/model/cooperation.js';
import { type DecompositionPlan, heldBy, type Player } from '../../src/scenario/variants.js';
import { dataWith, setParam } from './helpers.js';
import { offThread } from './off-thread.js';

const BILATERAL = ['jointPatrols', 'intelligenceSharing', 'jointTraining', 'operationalProtocols'] as const;

/** The baseline with these measures from mid-2019, at one stage, some mechanisms pinned. */
const setup = (stage: Stage, kinds: readonly string[], pins: Partial<Record<Mechanism, Stage>> = {}) =>
  dataWith((d) => {
    d.stages = [{ date: '2019-01-01', stage }];
    d.interventions = kinds.map((kind) => ({ kind, start: '2019-07-01', intensity: 1 }));
    (d as { mechanismStages?: unknown }).mechanismStages = pins;
  });

const runner = offThread();
/** Totals of one scenario over seeds, in the seeds' order. */
const totals = async (data: ScenarioInput, seeds: readonly number[], scale: number) => (await runner.summaries(data, seeds, scale)).map((x) => x.totals);

describe('cooperation stages as processes (paired over seeds)', () => {
  it('patrols: joint teams intercept more than the same units patrolling in parallel', async () => {
    const parallel = await setup('collaboration', ['jointPatrols'], { patrols: 'coexistence' });
    const coordinated = await setup('collaboration', ['jointPatrols'], { patrols: 'coordination' });
    const joint = await setup('collaboration', ['jointPatrols']);
    const seeds = [1, 2, 3];
    const [p, c, j] = await Promise.all([parallel, coordinated, joint].map((d) => totals(d, seeds, 50)));
    seeds.forEach((_, i) => {
      expect(c![i]!.interceptions_patrol).toBeGreaterThan(p![i]!.interceptions_patrol!);
      expect(j![i]!.interceptions_patrol).toBeGreaterThan(c![i]!.interceptions_patrol!);
    });
  }, 900_000);
  it('the change from coexistence to collaboration is the sum of the mechanisms\' Shapley values; every mechanism held is coexistence itself', async () => {
    const seeds = [1, 2, 3, 4];
    const at = async (stage: Stage, pins = {}) => {
      const d = await setup(stage, BILATERAL, pins);
      return (await totals(d, seeds, 50)).map((t) => t.trafficked!);
    };
    // Three players: patrols, justice, and the other four mechanisms together (8 coalitions).
    const players: Player[] = [
      { name: 'patrols', mechanisms: ['patrols'] },
      { name: 'justice', mechanisms: ['justice'] },
      { name: 'others', mechanisms: MECHANISMS.filter((m) => m !== 'patrols' && m !== 'justice') },
    ];
    const coalitions = await Promise.all(
      Array.from({ length: 8 }, (_, s) => at('collaboration', Object.fromEntries(heldBy(players, s).map((m) => [m, 'coexistence'])))),
    );
    const reference = await at('coexistence');
    // The stage acts only through the mechanisms: with every one held, collaboration is coexistence, run for run.
    expect(coalitions[0]).toEqual(reference);
    const runs = coalitions.map((_, s) => (s === 7 ? 'collaboration' : s === 0 ? 'coexistence' : `collaboration~${heldBy(players, s).join('+')}`));
    const byRun = new Map(runs.map((r, s) => [r, coalitions[s]!]));
    const plan: DecompositionPlan = { variant: 'collaboration', against: 'coexistence', stage: 'coexistence', players, runs, emptyIsReference: true };
    const d = decompose(plan, 'trafficked', (run) => byRun.get(run)!);
    // The values add up to the total, replicate by replicate: nothing is left over.
    seeds.forEach((_, r) => expect(d.mechanisms.reduce((s, m) => s + m.byReplicate[r]!, 0)).toBeCloseTo(d.total.byReplicate[r]!, 6));
    expect(d.total.value.mean).toBeLessThan(0);
  }, 1_200_000);
});

describe("the paper's drivers as pathways to exploitation (paired over seeds)", () => {
  it('more collusion at the posts means more people trafficked (paired over seeds)', async () => {
    const low = await dataWith((d) => setParam(d, 'collusionMean', 0.05));
    const high = await dataWith((d) => setParam(d, 'collusionMean', 0.9));
    // The effect is a few per cent of the trafficked: 16 paired seeds to see it clearly.
    const seeds = Array.from({ length: 16 }, (_, i) => i + 1);
    const [a, b] = await Promise.all([totals(low, seeds, 20), totals(high, seeds, 20)]);
    expect(b.reduce((s, x) => s + x.crossings_colluded!, 0)).toBeGreaterThan(3 * a.reduce((s, x) => s + x.crossings_colluded!, 0));
    const diff = pairedDifference(b.map((x) => x.trafficked!), a.map((x) => x.trafficked!));
    expect(diff.lo).toBeGreaterThan(0);
  }, 1_200_000); // 32 runs: about 2 minutes on a quiet day, over 5 on a loaded host
});
