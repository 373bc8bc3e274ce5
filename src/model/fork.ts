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
import { createWorld, type World } from './state.js';

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

/**
 * What the world before its first week depends on (createWorld and initPopulation), as text: as
 * spinUpKey, without what only the weeks read — the interventions, events and cooperation stages
 * (`stages`, `mechanismStages`). Runs whose spin-ups differ only in those (the paper's variants at
 * other stages) start from the same population. Null where spinUpKey is null.
 */
export function initKey(input: ModelInput, seed: number, scale: number): string | null {
  if (input.extensions?.length) return null;
  const read: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (!UNREAD.has(k) && !WEEKLY.has(k)) read[k] = v;
  return JSON.stringify(['init', seed, scale, read]);
}

/** Scenario fields read only week by week (calendar.ts), never in building the world or its first population. */
const WEEKLY = new Set(['interventions', 'events', 'stages', 'mechanismStages']);

/**
 * The part of a world a copy does not take: its input and parameters, the registry, the keyed
 * draws (pure functions of the seed) and the geography (built from the input alone) — a new world
 * has its own.
 */
const SHARED: readonly (keyof World)[] = ['fixed'];

/**
 * A copy of a world for `input` (which agrees with the world's on all that its spin-up read): a
 * new world built by createWorld, as every run's is, with the state copied into it — typed arrays
 * element by element, arrays and maps anew, objects field by field. Built this way its objects
 * have the shapes a fresh run's have, so the model's code stays as V8 optimised it (core/shape.ts).
 */
export function forkWorld(w: World, input: ModelInput): World {
  const copy = createWorld(input, w.fixed.seed, w.fixed.scale, w.fixed.interventions);
  const skip = new Set<string>(SHARED);
  for (const k of Object.keys(w)) if (!skip.has(k)) copyField(copy as unknown as Record<string, unknown>, w as unknown as Record<string, unknown>, k);
  return copy;
}

/** Copies src[k] into dst[k], keeping dst's own objects where they have src's kind. */
function copyField(dst: Record<string, unknown>, src: Record<string, unknown>, k: string): void {
  const s = src[k];
  const d = dst[k];
  if (typeof s !== 'object' || s === null) dst[k] = s;
  else if (ArrayBuffer.isView(s)) {
    const view = s as unknown as Uint8Array;
    if (ArrayBuffer.isView(d) && d.constructor === s.constructor && (d as unknown as Uint8Array).length === view.length) (d as unknown as Uint8Array).set(view);
    else dst[k] = view.slice(); // a list that grew
  } else if (Array.isArray(s)) {
    if (Array.isArray(d) && d.length === s.length) for (let i = 0; i < s.length; i++) copyField(d as unknown as Record<string, unknown>, s as unknown as Record<string, unknown>, String(i));
    else dst[k] = cloneArray(s); // a list whose length changed (officers at a post, a depot's queue)
  } else if (s instanceof Map) {
    const m = d instanceof Map ? d : (dst[k] = new Map()) as Map<unknown, unknown>;
    m.clear();
    for (const [key, v] of s) {
      if (typeof v === 'object' && v !== null) throw new Error(`forkWorld: ${k} holds objects`);
      m.set(key, v);
    }
  } else if (typeof d === 'object' && d !== null && Object.getPrototypeOf(d) === Object.getPrototypeOf(s)) {
    for (const key of Object.keys(s)) copyField(d as Record<string, unknown>, s as Record<string, unknown>, key);
  } else throw new Error(`forkWorld: cannot copy ${k}`);
}

function cloneArray(a: readonly unknown[]): unknown[] {
  return a.map((x) => {
    if (Array.isArray(x)) return cloneArray(x);
    if (ArrayBuffer.isView(x)) return (x as unknown as Uint8Array).slice();
    if (typeof x === 'object' && x !== null) throw new Error('forkWorld: an array of objects that are not arrays');
    return x;
  });
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
    this.kept.set(key, { world: forkWorld(w, w.fixed.input), bytes });
    this.used += bytes;
  }

  get size(): number {
    return this.kept.size;
  }
}
