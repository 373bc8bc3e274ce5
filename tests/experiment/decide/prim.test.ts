/** PRIM recovers a box planted in synthetic data; CART splits where the box is. */
import { describe, expect, it } from 'vitest';
import { cart, leafOf } from '../../../src/experiment/decide/cart.js';
import { prim } from '../../../src/experiment/decide/prim.js';
import { uniforms } from './helpers.js';

const N = 2000;
const NAMES = ['x0', 'x1', 'x2'];
// Three uniform parameters; cases of interest in the box x0 ∈ [0.2, 0.6], x1 ≥ 0.5 (90% of the
// draws there, 5% elsewhere): the box holds 20% of the draws, so its density is 0.9 and its
// coverage 0.9·0.2 / (0.9·0.2 + 0.05·0.8) = 0.818.
const X = NAMES.map((_, j) => uniforms('prim', j, N));
const noise = uniforms('prim-noise', 0, N);
const inPlanted = (i: number) => X[0]![i]! >= 0.2 && X[0]![i]! <= 0.6 && X[1]![i]! >= 0.5;
const Y = X[0]!.map((_, i) => noise[i]! < (inPlanted(i) ? 0.9 : 0.05));

describe('PRIM', () => {
  const r = prim(X, Y, NAMES);
  const box = r.boxes[0]!;

  it('recovers the planted box: its limits, and coverage and density near the known values', () => {
    const lim = Object.fromEntries(box.restrictions.map((x) => [x.parameter, x]));
    expect(Object.keys(lim).sort()).toEqual(['x0', 'x1']);
    expect(lim.x0!.lo).toBeCloseTo(0.2, 1);
    expect(lim.x0!.hi).toBeCloseTo(0.6, 1);
    expect(lim.x1!.lo).toBeCloseTo(0.5, 1);
    expect(lim.x1!.hi).toBe(lim.x1!.fullHi);
    expect(Math.abs(box.box.coverage - 0.818)).toBeLessThan(0.06);
    expect(Math.abs(box.box.density - 0.9)).toBeLessThan(0.04);
    expect(Math.abs(box.box.mass - 0.2)).toBeLessThan(0.04);
  });

  it('peels along a trajectory: coverage never rises, density rises, from the box holding everything', () => {
    const t = box.trajectory;
    expect(t[0]).toMatchObject({ coverage: 1, mass: 1, restricted: 0 });
    expect(t[0]!.density).toBeCloseTo(r.baseDensity, 12);
    for (let i = 1; i < t.length; i++) {
      expect(t[i]!.coverage).toBeLessThanOrEqual(t[i - 1]!.coverage);
      expect(t[i]!.density).toBeGreaterThan(t[i - 1]!.density);
      expect(t[i]!.mass).toBeGreaterThanOrEqual(0.05);
    }
    expect(box.selected).toBeGreaterThan(0);
  });

  it('finds nothing where nothing is to be found, and is deterministic', () => {
    expect(prim(X, Y.map(() => false), NAMES).boxes).toEqual([]);
    expect(prim(X, Y.map(() => true), NAMES).boxes).toEqual([]);
    expect(JSON.stringify(prim(X, Y, NAMES))).toBe(JSON.stringify(r));
  });

  it('covers: a second box lies outside the first', () => {
    const two = prim(X, Y, NAMES, { maxBoxes: 2 });
    if (two.boxes.length === 2) {
      const [a, b] = two.boxes;
      expect(b!.box.coverage).toBeLessThan(a!.box.coverage);
    }
  });
});

describe('CART', () => {
  it('splits on the planted parameters near the box edges, with leaves that separate the cases', () => {
    const nodes = cart(X, Y, NAMES, { maxDepth: 3 });
    const root = nodes[0]!;
    expect(root.n).toBe(N);
    expect(['x0', 'x1']).toContain(root.split!.parameter);
    const used = new Set(nodes.filter((n) => n.split).map((n) => n.split!.parameter));
    expect(used.has('x0') && used.has('x1')).toBe(true);
    // The leaf of the box's centre is mostly cases; a far corner's is mostly not.
    expect(leafOf(nodes, NAMES, [0.4, 0.75, 0.5]).share).toBeGreaterThan(0.8);
    expect(leafOf(nodes, NAMES, [0.9, 0.1, 0.5]).share).toBeLessThan(0.1);
    // Children partition their parent.
    for (const n of nodes) if (n.split) expect(nodes[n.split.left]!.n + nodes[n.split.right]!.n).toBe(n.n);
    expect(nodes.find((n) => n.depth === 1)!.rule).toHaveLength(1);
  });
});
