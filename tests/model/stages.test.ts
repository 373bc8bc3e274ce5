/**
 * The cooperation stages as processes, and the paper's drivers as pathways to exploitation:
 * each mechanism moves what it should and nothing when it is held back; without bilateral
 * measures a stage acts only through justice and victims; more collusion and fraudulent papers
 * mean more people trafficked. Comparisons are paired (same seeds) over several seeds.
 */
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/experiment/outputs.js';
import { Docs } from '../../src/model/codes.js';
import { type Mechanism, type Stage } from '../../src/model/cooperation.js';
import { METRICS } from '../../src/model/metrics.js';
import { createModel, worldOf } from '../../src/model/model.js';
import type { Scenario } from '../../src/scenario/load.js';
import { run, scenarioWith, } from './helpers.js';

const _BILATERAL = ['jointPatrols', 'intelligenceSharing', 'jointTraining', 'operationalProtocols'] as const;

/** The baseline with these measures from mid-2019, at one stage, some mechanisms pinned. */
const setup = (stage: Stage, kinds: readonly string[], pins: Partial<Record<Mechanism, Stage>> = {}) =>
  scenarioWith((d) => {
    d.stages = [{ date: '2019-01-01', stage }];
    d.interventions = kinds.map((kind) => ({ kind, start: '2019-07-01', intensity: 1 }));
    (d as { mechanismStages?: unknown }).mechanismStages = pins;
  });

/** Every weekly metric of a run, as one array (for exact comparisons). */
const weekly = (s: Scenario, seed: number, scale: number, weeks: number) => {
  const m = createModel(s, { seed, scale }).run(weeks);
  return METRICS.flatMap((_, slot) => Array.from(worldOf(m).rec.series(slot)));
};

const totals = (s: Scenario, seed: number, scale: number) => run(s, { seed, scale }).summary.totals;

describe('cooperation stages as processes', () => {
  it('without bilateral measures, a stage acts only through justice and victims across the line', async () => {
    const coex = await setup('coexistence', []);
    const collabHeld = await setup('collaboration', [], { justice: 'coexistence', victims: 'coexistence' });
    expect(weekly(collabHeld, 3, 100, 200)).toEqual(weekly(coex, 3, 100, 200));
    const collab = await setup('collaboration', []);
    expect(weekly(collab, 3, 100, 200)).not.toEqual(weekly(coex, 3, 100, 200));
  });

  it('information: nothing is shared at coexistence, so intelligence sharing changes nothing there', async () => {
    const none = await setup('coexistence', []);
    const shared = await setup('coexistence', ['intelligenceSharing']);
    expect(weekly(shared, 1, 100, 150)).toEqual(weekly(none, 1, 100, 150));
    // From coordination, watch lists at the posts stop brokers; arrests rise.
    const held = await setup('collaboration', ['intelligenceSharing'], { information: 'coexistence' });
    const live = await setup('collaboration', ['intelligenceSharing']);
    for (const seed of [1, 2]) {
      const a = totals(held, seed, 50), b = totals(live, seed, 50);
      expect(a.watch_list_arrests).toBe(0);
      expect(b.watch_list_arrests!).toBeGreaterThan(0);
      expect(b.broker_arrests!).toBeGreaterThan(a.broker_arrests!);
    }
  });


  it('justice: evidence from Malaysia and returned suspects only where the stage allows them', async () => {
    const coex = totals(await setup('coexistence', []), 2, 20);
    const collab = totals(await setup('collaboration', []), 2, 20);
    expect(coex.evidence_received).toBe(0);
    expect(coex.suspects_returned).toBe(0);
    expect(coex.suspects_escaped!).toBeGreaterThan(0);
    expect(collab.evidence_received!).toBeGreaterThan(0);
    expect(collab.suspects_returned!).toBeGreaterThan(0);
    expect(collab.suspects_escaped!).toBeLessThan(coex.suspects_escaped!);
    expect(collab.convictions_cross_border!).toBeGreaterThan(coex.convictions_cross_border!);
  });

  it('victims: found in raids, they are deported as offenders at coexistence and referred to protection from cooperation', async () => {
    const coex = totals(await setup('coexistence', []), 1, 20);
    const coop = totals(await setup('cooperation', []), 1, 20);
    const collab = totals(await setup('collaboration', []), 1, 20);
    expect(coex.victims_referred).toBe(0);
    expect(coex.victims_deported_as_offenders!).toBeGreaterThan(0);
    expect(coop.victims_referred!).toBeGreaterThan(0);
    expect(collab.victims_referred!).toBeGreaterThan(coop.victims_referred!);
    expect(collab.victims_deported_as_offenders!).toBeLessThan(coex.victims_deported_as_offenders!);
  });

  it('training and protocols reach across the line only from the cooperation stage', async () => {
    const lever = async (stage: Stage, kinds: string[]) => {
      const m = createModel(await setup(stage, kinds), { seed: 1, scale: 500 }).run(40);
      return worldOf(m).week;
    };
    const base = await lever('coexistence', []);
    expect((await lever('communication', ['jointTraining'])).idRaid).toBe(base.idRaid);
    expect((await lever('cooperation', ['jointTraining'])).idRaid).toBeGreaterThan(base.idRaid);
    expect((await lever('communication', ['operationalProtocols'])).evidenceWeeksFactor).toBe(1);
    expect((await lever('cooperation', ['operationalProtocols'])).evidenceWeeksFactor).toBeLessThan(1);
  });

});

describe("the paper's drivers as pathways to exploitation", () => {

  it('closing the ID loophole means fewer fraudulent papers and fewer trafficked among those who would have used them', async () => {
    const open = await scenarioWith();
    const closed = await scenarioWith((d) => {
      d.interventions = [...(d.interventions ?? []), { kind: 'documentAlignment', start: '2019-01-07', intensity: 1 }];
    });
    for (const seed of [1, 2]) {
      // Who holds fraudulent papers at some point with the loophole open, and who is ever trafficked, in each run.
      const track = (s: Scenario) => {
        const model = createModel(s, { seed, scale: 50 });
        const fraud = new Set<number>();
        model.run(undefined, () => {
          const m = worldOf(model).agents.migrants;
          for (let id = 0; id < m.count; id++) if (m.cols.docs[id] === Docs.fraudulent) fraud.add(id);
        });
        return { fraud, trafficked: worldOf(model).agents.migrants.cols.traffickedBefore, summary: summarize(model) };
      };
      const a = track(open), b = track(closed);
      expect(b.summary.totals.fraudulent_documents).toBe(0);
      expect(a.fraud.size).toBeGreaterThan(100);
      const among = (t: Uint8Array) => [...a.fraud].filter((id) => t[id] === 1).length;
      expect(among(b.trafficked)).toBeLessThan(among(a.trafficked) * 0.8);
    }
  });
});
