import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/experiment/outputs.js';
import { forkWorld, initKey, SpinUps, spinUpKey, worldBytes } from '../../src/model/fork.js';
import { createModel, PHASES, simulate, worldOf } from '../../src/model/model.js';
import type { World } from '../../src/model/state.js';
import type { Scenario } from '../../src/scenario/load.js';
import { scenarioWith, setParam } from './helpers.js';

const SCALE = 1000;
const WEEKS = 40;

/** Everything a run leaves: every weekly series, the per-crossing counts and the agent tables. */
function fingerprint(w: World): string {
  const cols = (t: { cols: Record<string, ArrayLike<number>>; count: number }) => Object.entries(t.cols).map(([k, c]) => [k, Array.from(c).slice(0, t.count)]);
  return JSON.stringify([
    w.rec.columns.map((c) => Array.from(c)),
    Array.from(w.rec.perCrossing),
    cols(w.agents.migrants),
    cols(w.agents.brokers),
    cols(w.agents.officials),
    cols(w.justice.cases),
    w.tick,
  ]);
}

const fresh = (s: Scenario, seed = 1) => fingerprint(worldOf(simulate(s, { seed, scale: SCALE, weeks: WEEKS })));

describe('spinUpKey (what the spin-up of a run reads)', () => {
  it('is the same for runs that differ only in measures beginning at or after start, and in names', async () => {
    const base = await scenarioWith();
    const later = await scenarioWith((d) => {
      d.name = 'with-measures';
      d.description = 'another text';
      d.interventions!.push({ kind: 'ngoCooperation', start: d.start!, intensity: 1 }, { kind: 'antiCollusion', start: '2021-01-04', intensity: 0.5 });
    });
    expect(spinUpKey(later, 1, SCALE)).toBe(spinUpKey(base, 1, SCALE));
  });

  it('differs for a measure in force before start, another seed, scale, parameter or stage, and is null for code-defined measures', async () => {
    const base = await scenarioWith();
    const key = spinUpKey(base, 1, SCALE);
    const differ = [
      // The model's own input (a scenario file may not do this): a measure in force during the spin-up.
      spinUpKey({ ...base, interventions: [...base.interventions, { kind: 'ngoCooperation', start: '2018-12-31', intensity: 1 }] }, 1, SCALE),
      spinUpKey(base, 2, SCALE),
      spinUpKey(base, 1, SCALE * 2),
      spinUpKey(await scenarioWith((d) => setParam(d, 'h0', 0.0002)), 1, SCALE),
      spinUpKey(await scenarioWith((d) => void (d.stages = [{ date: '2019-01-01', stage: 'collaboration', source: 'test' }])), 1, SCALE),
    ];
    for (const k of differ) expect(k).not.toBe(key);
    expect(spinUpKey({ ...base, extensions: [{} as never] }, 1, SCALE)).toBeNull();
  });
});

describe('initKey (what the world before its first week reads)', () => {
  it('is the same for runs that differ only in measures, events or cooperation stages, and differs for a seed, scale or parameter', async () => {
    const base = await scenarioWith();
    const key = initKey(base, 1, SCALE);
    const same = [
      await scenarioWith((d) => void (d.stages = [{ date: '2019-01-01', stage: 'collaboration', source: 'test' }])),
      await scenarioWith((d) => {
        d.stages = [{ date: '2019-01-01', stage: 'collaboration', source: 'test' }];
        d.mechanismStages = { patrols: 'coexistence' };
      }),
      { ...base, interventions: [...base.interventions, { kind: 'ngoCooperation', start: '2016-01-04', intensity: 1 }] },
    ];
    for (const s of same) {
      expect(initKey(s, 1, SCALE)).toBe(key);
      expect(spinUpKey(s, 1, SCALE)).not.toBe(spinUpKey(base, 1, SCALE));
    }
    for (const k of [initKey(base, 2, SCALE), initKey(base, 1, SCALE * 2), initKey(await scenarioWith((d) => setParam(d, 'h0', 0.0002)), 1, SCALE)]) expect(k).not.toBe(key);
    expect(initKey({ ...base, extensions: [{} as never] }, 1, SCALE)).toBeNull();
  });
});

describe('runs from a kept spin-up', () => {
  it('give exactly what a run from scratch gives, for every run that shares it, and leave the kept copy as it was', async () => {
    const variants = [
      await scenarioWith(),
      await scenarioWith((d) => void d.interventions!.push({ kind: 'economicDevelopment', start: d.start!, intensity: 1 }, { kind: 'jointPatrols', start: d.start!, intensity: 1 })),
      await scenarioWith((d) => void d.interventions!.push({ kind: 'documentAlignment', start: '2019-03-04', intensity: 1 })),
    ];
    const spinUps = new SpinUps(256 * 2 ** 20);
    for (const s of variants) {
      const reused = fingerprint(worldOf(simulate(s, { seed: 1, scale: SCALE, weeks: WEEKS, spinUps })));
      expect(reused).toBe(fresh(s));
    }
    // One spin-up run (and the world before it, kept too), reused twice.
    expect([spinUps.misses, spinUps.hits, spinUps.size]).toEqual([2, 2, 2]);
    // The measures matter after start: the runs themselves differ.
    expect(fresh(variants[1]!)).not.toBe(fresh(variants[0]!));
  });

  it('keep runs of other seeds and stages apart', async () => {
    const base = await scenarioWith();
    const collab = await scenarioWith((d) => void (d.stages = [{ date: '2019-01-01', stage: 'collaboration', source: 'test' }]));
    const spinUps = new SpinUps(256 * 2 ** 20);
    for (const [s, seed] of [[base, 1], [base, 2], [collab, 1], [base, 2]] as const)
      expect(fingerprint(worldOf(simulate(s, { seed, scale: SCALE, weeks: WEEKS, spinUps })))).toBe(fresh(s, seed));
    // Spin-ups: base 1, base 2 and collab 1 run, base 2 reused; worlds before the first week:
    // base 1 and base 2 built, collab 1 starts from base 1's (stages act only week by week).
    expect([spinUps.misses, spinUps.hits]).toEqual([5, 2]);
  });

  it('a fork shares no state with its original: running one leaves the other unchanged', async () => {
    const s = await scenarioWith();
    const original = worldOf(createModel(s, { seed: 1, scale: SCALE }));
    const before = fingerprint(original);
    const fork = forkWorld(original, s);
    expect(fingerprint(fork)).toBe(before);
    expect(fork.agents.migrants.cols.status).not.toBe(original.agents.migrants.cols.status);
    expect(Object.getPrototypeOf(fork.queues.departing)).toBe(Object.getPrototypeOf(original.queues.departing));
    // Built by createWorld like any run's: its own draws, with the same keys.
    expect(fork.fixed.draws).not.toBe(original.fixed.draws);
    expect(fork.fixed.draws.departure.key).toBe(original.fixed.draws.departure.key);
    // The fork runs on, week by week as createModel's schedule does; the original does not move.
    for (let k = 0; k < WEEKS; k++) for (const phase of PHASES) phase.run(fork, fork.tick);
    expect(fork.tick).toBe(original.tick + WEEKS);
    expect(fingerprint(fork)).not.toBe(before);
    expect(fingerprint(original)).toBe(before);
  });

  it('keep within their budget of bytes, dropping the oldest first', async () => {
    const s = await scenarioWith();
    const w = worldOf(createModel(s, { seed: 1, scale: SCALE }));
    const bytes = worldBytes(w);
    expect(bytes).toBeGreaterThan(w.agents.migrants.capacity);
    const small = new SpinUps(bytes - 1);
    small.keep('a', w);
    expect(small.size).toBe(0);
    const two = new SpinUps(bytes * 2);
    for (const k of ['a', 'b', 'c']) two.keep(k, w);
    expect(two.size).toBe(2);
    expect(two.take('a', s)).toBeUndefined();
    expect(two.take('c', s)).toBeDefined();
  });
});
