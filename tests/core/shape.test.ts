import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { canonical, fastObject } from '../../src/core/shape.js';
import { variantsOf } from '../../src/experiment/tasks.js';
import { createModel, worldOf } from '../../src/model/model.js';
import { modelInput } from '../../src/model/state.js';

// V8's own view of an object (fast or hash-table properties; hidden class), for the tests that
// check what shape.ts is for. Natives syntax is allowed only for functions compiled after this.
setFlagsFromString('--allow-natives-syntax');
const hasFastProperties = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

const manyKeys = (n: number, value: (i: number) => unknown) => {
  const o: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) o[`k${i}`] = value(i);
  return o;
};

describe('fastObject', () => {
  it('keeps the keys, their order and the values, -0 and NaN included', () => {
    const src = { b: 1, a: 'x', c: null, d: undefined, e: -0, f: Number.NaN, g: [1, 2], h: { x: 1 }, i: 2.5, j: true };
    const out = fastObject(src);
    expect(Object.keys(out)).toEqual(Object.keys(src));
    for (const k of Object.keys(src) as (keyof typeof src)[]) expect(Object.is(out[k], src[k])).toBe(true);
    expect(out).not.toBe(src);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it('copies shallowly: nested objects are shared', () => {
    const inner = { x: 1 };
    expect(fastObject({ inner }).inner).toBe(inner);
  });

  it('makes fast-mode objects, from hash tables too', () => {
    // Up to about 150 keys (V8's limit for a spread copy); the parameters are 141.
    for (const n of [5, 40, 141]) {
      const grown = manyKeys(n, (i) => i);
      expect(hasFastProperties(fastObject(grown))).toBe(true);
    }
    const table = manyKeys(40, (i) => i);
    delete table.k0; // V8 turns an object into a hash table when a key is deleted
    expect(hasFastProperties(table)).toBe(false);
    expect(hasFastProperties(fastObject(table))).toBe(true);
  });

  it('gives objects with the same keys one hidden class, whether their numbers are whole or not', () => {
    const a = fastObject({ lever: 1, other: 0, name: 'a' });
    const b = fastObject({ lever: 0.85, other: 3.5, name: 'b' });
    const c = fastObject({ lever: 2, other: 1, name: 'c' });
    expect(haveSameMap(a, b)).toBe(true);
    expect(haveSameMap(b, c)).toBe(true);
  });
});

describe('canonical', () => {
  it('copies arrays and plain objects deeply, equal to the original', () => {
    const src = { a: [{ x: 1, y: [2, 3] }], b: { c: { d: 'e' } }, n: 4 };
    const out = canonical(src);
    expect(out).toEqual(src);
    expect(out.a).not.toBe(src.a);
    expect(out.a[0]).not.toBe(src.a[0]);
    expect(out.b.c).not.toBe(src.b.c);
  });

  it('shares what is not plain data (typed arrays, functions, class instances)', () => {
    const arr = new Float64Array(3);
    const fn = () => 1;
    const map = new Map([[1, 2]]);
    const out = canonical({ arr, fn, map });
    expect(out.arr).toBe(arr);
    expect(out.fn).toBe(fn);
    expect(out.map).toBe(map);
  });

  it('keeps a "__proto__" key from JSON as data, never as the prototype', () => {
    const out = canonical(JSON.parse('{"a": {"__proto__": {"polluted": 1}, "b": 2}}')) as { a: Record<string, unknown> };
    expect(Object.getPrototypeOf(out.a)).toBe(Object.prototype);
    expect(Object.keys(out.a)).toEqual(['__proto__', 'b']);
    expect(Object.getOwnPropertyDescriptor(out.a, '__proto__')?.value).toEqual({ polluted: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('copies frozen input into objects that are not frozen', () => {
    const out = canonical(Object.freeze({ a: Object.freeze({ b: 1 }) }));
    expect(Object.isFrozen(out)).toBe(false);
    expect(Object.isFrozen(out.a)).toBe(false);
  });
});

describe('the model input', () => {
  it('has every field of ModelInput in one order, absent ones undefined, and nothing else', async () => {
    const [base, ...rest] = await variantsOf('scenarios/paper-interventions.ts');
    const keys = Object.keys(modelInput(base!.scenario));
    expect(keys).toContain('mechanismStages');
    expect(keys).not.toContain('variants');
    for (const v of rest) expect(Object.keys(modelInput(v.scenario))).toEqual(keys);
  });

  it('gives every variant of the paper comparison the same hidden classes where the tick loop reads', async () => {
    const variants = await variantsOf('scenarios/paper-interventions.ts');
    const worlds = variants.map((v) => worldOf(createModel(v.scenario, { seed: 1, scale: 2000 })));
    const reads = {
      world: (w: (typeof worlds)[number]) => w,
      parameters: (w: (typeof worlds)[number]) => w.fixed.p,
      input: (w: (typeof worlds)[number]) => w.fixed.input,
      week: (w: (typeof worlds)[number]) => w.week,
      capabilities: (w: (typeof worlds)[number]) => w.week.cap,
      origin: (w: (typeof worlds)[number]) => w.fixed.input.origins[0]!,
      crossing: (w: (typeof worlds)[number]) => w.fixed.input.crossings[0]!,
      columns: (w: (typeof worlds)[number]) => w.agents.migrants.cols,
      draws: (w: (typeof worlds)[number]) => w.fixed.draws,
    };
    for (const [name, read] of Object.entries(reads)) {
      const first = read(worlds[0]!);
      expect(hasFastProperties(first), name).toBe(true);
      const differing = worlds.filter((w) => !haveSameMap(read(w), first)).length;
      expect(`${name}: ${differing} of ${worlds.length} differ`).toBe(`${name}: 0 of ${worlds.length} differ`);
    }
  });
});
