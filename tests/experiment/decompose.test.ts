/** Shapley decompositions: the values of known games, their axioms, and a decomposition over replicates. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decompose, MAX_PLAYERS, shapleyValues, shapleyWeight } from '../../src/experiment/decompose.js';
import { MECHANISMS } from '../../src/model/cooperation.js';
import type { DecompositionPlan, Player } from '../../src/scenario/variants.js';

const members = (s: number, n: number) => Array.from({ length: n }, (_, i) => i).filter((i) => s & (1 << i));

/** v(S) = Σ weights of S, plus `bonus` when S holds both players of `pair`. */
const additiveWithPair = (weights: number[], pair: [number, number], bonus: number) => (s: number) =>
  members(s, weights.length).reduce((sum, i) => sum + weights[i]!, 0) + (s & (1 << pair[0]) && s & (1 << pair[1]) ? bonus : 0);

/** Shapley values by their definition: the marginal change averaged over every order of the players. */
function byOrders(n: number, v: (s: number) => number): number[] {
  const phi = new Array<number>(n).fill(0);
  const orders: number[][] = [];
  const permute = (done: number[], left: number[]) => {
    if (!left.length) orders.push(done);
    left.forEach((p, k) => permute([...done, p], [...left.slice(0, k), ...left.slice(k + 1)]));
  };
  permute([], Array.from({ length: n }, (_, i) => i));
  for (const order of orders) {
    let s = 0;
    for (const p of order) {
      phi[p]! += (v(s | (1 << p)) - v(s)) / orders.length;
      s |= 1 << p;
    }
  }
  return phi;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('Shapley values', () => {
  it('weigh a coalition of s players among n by s!(n − s − 1)!/n!, the weights of each player summing to 1', () => {
    const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
    for (let n = 1; n <= 7; n++) {
      let total = 0;
      for (let s = 0; s < n; s++) {
        expect(shapleyWeight(n, s)).toBeCloseTo((fact(s) * fact(n - s - 1)) / fact(n), 14);
        total += shapleyWeight(n, s) * (fact(n - 1) / (fact(s) * fact(n - 1 - s)));
      }
      expect(total).toBeCloseTo(1, 14);
    }
  });

  it('split an interaction of two players equally between them, give the rest its own weight, and a null player 0', () => {
    // Players 0 and 1 make 6 more together; player 3 does nothing.
    const v = additiveWithPair([10, -4, 2.5, 0], [0, 1], 6);
    const phi = shapleyValues(4, v);
    expect(phi[0]).toBeCloseTo(13, 12);
    expect(phi[1]).toBeCloseTo(-1, 12);
    expect(phi[2]).toBeCloseTo(2.5, 12);
    expect(phi[3]).toBe(0);
    expect(sum(phi)).toBeCloseTo(v(15) - v(0), 12);
  });

  it('give symmetric players the same value', () => {
    // v depends only on how many of players 0 and 1 are in, and on player 2.
    const v = (s: number) => (((s & 1) + ((s >> 1) & 1)) ** 2) * 3 + (s & 4 ? 5 : 0);
    const phi = shapleyValues(3, v);
    expect(phi[0]).toBeCloseTo(phi[1]!, 12);
    expect(phi[2]).toBeCloseTo(5, 12);
  });

  it('agree with the average over orders, and add up to v(N) − v(∅) (efficiency), for any game', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2 ** n, maxLength: 2 ** n }))),
        ([n, table]) => {
          const v = (s: number) => table[s]!;
          const phi = shapleyValues(n, v);
          expect(sum(phi)).toBeCloseTo(v(2 ** n - 1) - v(0), 8);
          byOrders(n, v).forEach((x, i) => expect(phi[i]).toBeCloseTo(x, 8));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuse a game with no players or too many', () => {
    expect(() => shapleyValues(0, () => 0)).toThrow('players');
    expect(() => shapleyValues(MAX_PLAYERS + 1, () => 0)).toThrow('players');
  });
});

/** A plan over named players: coalition runs named by who moves, the empty one the reference or a run of its own. */
function plan(names: Player['name'][], emptyIsReference: boolean): DecompositionPlan {
  const players: Player[] = names.map((name) => ({ name, mechanisms: name === 'others' ? MECHANISMS.filter((m) => !names.includes(m)) : [name] }));
  const full = 2 ** names.length - 1;
  const runs = Array.from({ length: full + 1 }, (_, s) =>
    s === full ? 'T' : s === 0 && emptyIsReference ? 'R' : `T~${members(s, names.length).map((i) => names[i]).join('+') || 'none'}`,
  );
  return { variant: 'T', against: 'R', stage: 'coexistence', players, runs, emptyIsReference };
}

describe('decompose', () => {
  // Three replicates of a game with an interaction between patrols and information; justice does nothing.
  const replicates = [
    { weights: [-30, -10, 0], bonus: -8, base: 500 },
    { weights: [-26, -12, 0], bonus: -6, base: 480 },
    { weights: [-34, -9, 0], bonus: -10, base: 530 },
  ];
  const names = ['patrols', 'information', 'justice'] as const;
  const valuesOf = (p: DecompositionPlan, notStage = 0) => {
    const byRun = new Map<string, number[]>();
    p.runs.forEach((run, s) => byRun.set(run, replicates.map((r) => r.base + additiveWithPair(r.weights, [0, 1], r.bonus)(s))));
    if (!p.emptyIsReference) byRun.set('R', byRun.get(p.runs[0]!)!.map((x) => x - notStage));
    return (run: string) => byRun.get(run)!;
  };

  it('gives values that add up to the total replicate by replicate, with the interaction split equally', () => {
    const p = plan([...names], true);
    const d = decompose(p, 'trafficked', valuesOf(p));
    expect(d).toMatchObject({ variant: 'T', against: 'R', metric: 'trafficked', method: 'shapley', heldAt: 'coexistence', coalitions: 8, emptyCoalition: 'R', notStage: null });
    replicates.forEach((r, k) => {
      expect(sum(d.mechanisms.map((m) => m.byReplicate[k]!))).toBeCloseTo(d.total.byReplicate[k]!, 10);
      expect(d.mechanisms[0]!.byReplicate[k]).toBeCloseTo(r.weights[0]! + r.bonus / 2, 10);
      expect(d.mechanisms[1]!.byReplicate[k]).toBeCloseTo(r.weights[1]! + r.bonus / 2, 10);
    });
    expect(d.stageChange.byReplicate).toEqual(d.total.byReplicate);
    expect(d.mechanisms.map((m) => m.mechanism)).toEqual([...names]);
    expect(d.mechanisms[0]!.label).toContain('patrol');
  });

  it('flags a value whose interval spans zero as not clear, and gives shares only when the total is clear', () => {
    const p = plan([...names], true);
    const d = decompose(p, 'trafficked', valuesOf(p));
    expect(d.total.clear).toBe(true);
    expect(d.total.share).toBe(1);
    const [patrols, , justice] = d.mechanisms;
    expect(patrols!.clear).toBe(true);
    expect(patrols!.share).toBeCloseTo(patrols!.value.mean / d.total.value.mean, 12);
    expect(justice!.value).toMatchObject({ mean: 0, lo: 0, hi: 0 });
    expect(justice!.clear).toBe(false);
    expect(sum(d.mechanisms.map((m) => m.share!))).toBeCloseTo(1, 12);
    // A total that goes either way: no shares.
    const noisy = decompose(p, 'trafficked', (run) => (run === 'T' ? [10, -10, 1] : run === 'R' ? [0, 0, 0] : [0, 0, 0]));
    expect(noisy.total.clear).toBe(false);
    expect(noisy.total.share).toBeNull();
    for (const m of noisy.mechanisms) expect(m.share).toBeNull();
  });

  it('reports apart what is not the stage when the empty coalition is not the reference', () => {
    const p = plan(['patrols', 'others'], false);
    const d = decompose(p, 'identified', valuesOf(p, 7));
    expect(d.emptyCoalition).toBe('T~none');
    expect(d.notStage!.byReplicate).toEqual([7, 7, 7]);
    expect(d.notStage!.clear).toBe(true); // an interval of zero width at 7
    replicates.forEach((_, k) => {
      expect(sum(d.mechanisms.map((m) => m.byReplicate[k]!))).toBeCloseTo(d.stageChange.byReplicate[k]!, 10);
      expect(d.stageChange.byReplicate[k]! + d.notStage!.byReplicate[k]!).toBeCloseTo(d.total.byReplicate[k]!, 10);
    });
    expect(d.mechanisms[1]).toMatchObject({ mechanism: 'others', mechanisms: ['information', 'justice', 'victims', 'training', 'protocols'] });
    expect(d.mechanisms[1]!.label).toContain('other mechanisms together');
  });

  it('needs the same replicates in every run', () => {
    const p = plan(['patrols', 'others'], true);
    expect(() => decompose(p, 'trafficked', (run) => (run === 'T' ? [1, 2] : [1, 2, 3]))).toThrow('same replicates');
  });
});
