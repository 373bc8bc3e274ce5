/**
 * One way to address keyed random draws. A model declares its processes once — which kind of
 * entity draws (a person, a broker, a case, ...), how many numbers it draws per tick (slots),
 * and whether it draws every tick or once in an entity's life — and every draw is then a pure
 * function of (seed, process, entity id, tick, slot). Two processes never share a key, the
 * counter tick · slots + slot never collides inside a process, and a slot out of range throws.
 */
import { KeptHalves } from './below.js';
import { fastObject } from './shape.js';
import { keyedUniform, streamKey, tickTerm } from './rng.js';

export interface DrawSpec {
  /** What draws: 'migrant', 'broker', 'hub', ... (one entity type per process). */
  readonly entity: string;
  /** Numbers drawn per entity per tick (or in its life, for `once`). */
  readonly slots: number;
  /** 'tick' (default): fresh numbers every tick; 'once': fixed numbers for the entity's life. */
  readonly when?: 'tick' | 'once';
}

const COUNTERS = 2 ** 32;

export class DrawProcess {
  readonly perTick: boolean;
  constructor(
    readonly name: string,
    readonly entity: string,
    readonly slots: number,
    when: 'tick' | 'once',
    readonly key: number,
  ) {
    this.perTick = when === 'tick';
  }

  /** The uniform in [0, 1) of entity `id` at `tick` in `slot`. */
  u(id: number, tick: number, slot = 0): number {
    if (!this.perTick) throw new Error(`draw process "${this.name}" draws once per ${this.entity}: use once()`);
    if (slot >= this.slots || slot < 0) throw new RangeError(`draw process "${this.name}": slot ${slot} outside 0..${this.slots - 1}`);
    return keyedUniform(this.key, id, tick * this.slots + slot);
  }

  /** The counter term of `tick` and `slot`, for keyedBits(key, id, term) in hot loops (see rng.ts). */
  term(tick: number, slot = 0): number {
    if (!this.perTick) throw new Error(`draw process "${this.name}" draws once per ${this.entity}: use once()`);
    if (slot >= this.slots || slot < 0) throw new RangeError(`draw process "${this.name}": slot ${slot} outside 0..${this.slots - 1}`);
    return tickTerm(tick * this.slots + slot);
  }

  /** A memo of the draws' first halves (a cache of pure values): private, so it is no part of the state. */
  #kept: KeptHalves | undefined;

  /**
   * keyedEntity(key, id) for ids 0..count-1, kept and extended as ids are added (ids are never
   * reused, so a kept half stays right): keyedBitsFrom(halves[id], term(tick)) is the draw's bits.
   * A view, valid until the next call.
   */
  entityHalves(count: number): Uint32Array {
    this.#kept ??= new KeptHalves(this.key);
    return this.#kept.upTo(count);
  }

  /**
   * The ids 0..count-1 whose draw at `term` is below `limit` in 32-bit units (u < limit / 2^32),
   * ascending: a view, valid until the next call. For a loop that draws for every entity every
   * tick and acts on few, from the kept halves four draws at a time (below.ts).
   */
  below(count: number, term: number, limit: number): Int32Array {
    this.#kept ??= new KeptHalves(this.key);
    return this.#kept.below(count, term, limit);
  }

  /** The fixed uniform of entity `id` in `slot` (processes declared 'once'). */
  once(id: number, slot = 0): number {
    if (this.perTick) throw new Error(`draw process "${this.name}" draws every tick: use u()`);
    if (slot >= this.slots || slot < 0) throw new RangeError(`draw process "${this.name}": slot ${slot} outside 0..${this.slots - 1}`);
    return keyedUniform(this.key, id, slot);
  }
}

export type Draws<T extends Record<string, DrawSpec>> = { readonly [K in keyof T]: DrawProcess };

/**
 * The processes of a run: keys derived from (seed, process name, entity type). `ticks` bounds
 * the counters: ticks · slots must stay below 2^32 so that no two draws of a process coincide.
 */
export function declareDraws<T extends Record<string, DrawSpec>>(seed: number, specs: T, ticks: number): Draws<T> {
  const out: Record<string, DrawProcess> = {};
  for (const [name, spec] of Object.entries(specs)) {
    if (!Number.isInteger(spec.slots) || spec.slots < 1) throw new Error(`draw process "${name}": slots must be a whole number >= 1, got ${spec.slots}`);
    const when = spec.when ?? 'tick';
    if (when === 'tick' && ticks * spec.slots > COUNTERS) throw new Error(`draw process "${name}": ${ticks} ticks × ${spec.slots} slots exceed 2^32 counters`);
    out[name] = new DrawProcess(name, spec.entity, spec.slots, when, streamKey(seed, `${name}:${spec.entity}`));
  }
  // A fast-mode object: grown key by key, 40-odd processes would make it a hash table (shape.ts).
  return fastObject(out) as Draws<T>;
}
