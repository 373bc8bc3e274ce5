/**
 * Runs that agree on everything the spin-up reads share it. The spin-up (the weeks before the
 * input's `start`) is a third of a default run, and the variants of a comparison or the points of
 * an intervention sweep usually differ only in measures that begin at or after `start`: an
 * intervention's level and years in force are 0 before its start (interventions/index.ts), the
 * same as when it is absent. So with the same seed, scale and everything else, the world at the
 * end of the spin-up is the same, and a worker keeps a copy of it for the next run that asks.
 * Common random numbers make this exact: draws are keyed by process, entity and week, never by
 * the order of runs. A run from a kept spin-up gives the same bytes as one from scratch
 * (tests/model/fork.test.ts).
 */
import type { ModelInput } from './input.js';
import type { World } from './state.js';

/** Scenario fields the model never reads (documentation, what to compare): they need not agree. */
const UNREAD = new Set(['name', 'description', 'variants', 'decompositions', 'paramSources', 'paramRanges']);

/**
 * What the spin-up of a run depends on, as text: the input without the fields the model never
 * reads and without the interventions that begin at or after `start`; the seed; the scale.
 * Null for an input with interventions of its own (code cannot be compared): it always runs its
 * own spin-up.
 */
export function spinUpKey(input: ModelInput, seed: number, scale: number): string | null {
  if (input.extensions?.length) return null;
  const read: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (!UNREAD.has(k)) read[k] = v;
  // ISO dates compare as text, as scheduledLevel does: these act before `start`, so they count.
  read.interventions = input.interventions.filter((iv) => iv.start < input.start);
  return JSON.stringify([seed, scale, read]);
}

/** Parts of a world that runs share: the input and its parameters, the registry, the keyed draws (pure functions of the seed). */
const SHARED: readonly (keyof World)[] = ['input', 'p', 'params', 'interventions', 'draws'];

/**
 * A copy of a world that shares nothing it could change: typed arrays, arrays, maps and objects
 * (class instances keep their class) are copied; functions and the SHARED parts are kept.
 * `input` becomes the run's own input, which agrees with the world's on all that its spin-up read.
 */
export function forkWorld(w: World, input: ModelInput): World {
  const seen = new Map<object, unknown>();
  for (const k of SHARED) seen.set(w[k] as object, w[k]);
  const copy = cloneValue(w, seen) as World;
  copy.input = input;
  copy.p = input.params as unknown as World['p'];
  copy.params = input.params;
  return copy;
}

function cloneValue(v: unknown, seen: Map<object, unknown>): unknown {
  if (typeof v !== 'object' || v === null) return v;
  const hit = seen.get(v);
  if (hit !== undefined) return hit;
  let copy: unknown;
  if (ArrayBuffer.isView(v)) {
    // A view on part of a buffer would lose what it shares with other views: none is expected.
    if (v.byteOffset !== 0 || v.byteLength !== v.buffer.byteLength) throw new Error('forkWorld: a typed array shares its buffer; copy it explicitly');
    copy = (v as unknown as { slice(): unknown }).slice();
    seen.set(v, copy);
  } else if (Array.isArray(v)) {
    const a: unknown[] = [];
    seen.set(v, a);
    for (const x of v) a.push(cloneValue(x, seen));
    copy = a;
  } else if (v instanceof Map) {
    const m = new Map();
    seen.set(v, m);
    for (const [k, x] of v) m.set(k, cloneValue(x, seen));
    copy = m;
  } else if (v instanceof Set) {
    const s = new Set();
    seen.set(v, s);
    for (const x of v) s.add(cloneValue(x, seen));
    copy = s;
  } else {
    const o = Object.create(Object.getPrototypeOf(v)) as Record<string, unknown>;
    seen.set(v, o);
    for (const k of Object.keys(v)) o[k] = cloneValue((v as Record<string, unknown>)[k], seen);
    copy = o;
  }
  return copy;
}

/** Bytes a world's typed arrays hold (what a kept copy costs). */
export function worldBytes(w: World): number {
  let bytes = 0;
  const seen = new Set<object>(SHARED.map((k) => w[k] as object));
  const walk = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    if (ArrayBuffer.isView(v)) bytes += v.byteLength;
    else if (v instanceof Map) for (const x of v.values()) walk(x);
    else for (const x of Object.values(v)) walk(x);
  };
  walk(w);
  return bytes;
}

/**
 * Copies of worlds at the end of their spin-up, by spinUpKey, within a budget of bytes (oldest
 * dropped first). One per worker thread: runs in a thread go one at a time.
 */
export class SpinUps {
  private readonly kept = new Map<string, { world: World; bytes: number }>();
  private used = 0;
  hits = 0;
  misses = 0;

  constructor(readonly budgetBytes: number) {}

  /** A world of its own for `input` at the end of the spin-up, if one with this key is kept. */
  take(key: string, input: ModelInput): World | undefined {
    const entry = this.kept.get(key);
    if (!entry) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Most recently used last, so that the oldest is dropped first.
    this.kept.delete(key);
    this.kept.set(key, entry);
    return forkWorld(entry.world, input);
  }

  /** Keeps a copy of `w` (at the end of its spin-up) if it fits the budget. */
  keep(key: string, w: World): void {
    const bytes = worldBytes(w);
    if (bytes > this.budgetBytes || this.kept.has(key)) return;
    while (this.used + bytes > this.budgetBytes) {
      const [oldest, entry] = this.kept.entries().next().value!;
      this.kept.delete(oldest);
      this.used -= entry.bytes;
    }
    this.kept.set(key, { world: forkWorld(w, w.input), bytes });
    this.used += bytes;
  }

  get size(): number {
    return this.kept.size;
  }
}
