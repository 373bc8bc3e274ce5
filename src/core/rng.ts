/**
 * Random numbers for the engine. Keyed draws (keyedUniform) give a uniform as a pure function of
 * (key, entity id, counter): the model's per-agent decisions use them, so the same agent meets
 * the same luck in every variant (common random numbers). Sequential streams (seedrandom's
 * tychei, seeded from (seed, name)) serve draws that belong to no entity, such as experiment designs.
 */
import seedrandom from 'seedrandom';

export interface Stream {
  readonly name: string;
  /** Uniform double in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
}

interface TycheiPrng {
  (): number;
  quick(): number;
  int32(): number;
}

type TycheiFactory = (seed: string) => TycheiPrng;

const tychei = (seedrandom as unknown as { tychei: TycheiFactory }).tychei;

class TycheiStream implements Stream {
  readonly next: () => number;
  constructor(
    readonly name: string,
    prng: TycheiPrng,
  ) {
    // 32 bits per draw: ample resolution for event probabilities.
    this.next = prng.quick;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

const seeded = (seed: number | string, name: string) => tychei(`${seed}\u0000${name}`);

/** A stream derived from (seed, name); the same pair always gives the same sequence. */
export function stream(seed: number | string, name: string): Stream {
  return new TycheiStream(name, seeded(seed, name));
}

/** Fisher–Yates shuffle of ids in place, driven by a seeded stream. */
export function shuffle(ids: Int32Array | Uint32Array, rng: Stream): void {
  for (let i = ids.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = ids[i]!;
    ids[i] = ids[j]!;
    ids[j] = t;
  }
}

/**
 * Keyed (counter-based) draws: a uniform from (key, agent id, tick) alone. An agent's draw for a
 * process in a week is then the same in every variant, whoever else drew before it — the
 * strongest form of common random numbers for per-agent decisions. murmur3's 32-bit finaliser
 * mixes the inputs.
 */
const fmix32 = (h: number): number => {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
};

export function keyedUniform(key: number, id: number, tick: number): number {
  return keyedBits(key, id, tickTerm(tick)) / 4294967296;
}

/** The counter's share of a keyed draw: the same for every agent in a week, so hot loops compute it once. */
export const tickTerm = (tick: number): number => Math.imul(tick + 1, 0x85ebca77);

/**
 * The 32 bits behind keyedUniform (which is keyedBits / 2^32), for hot loops: `u < p` holds
 * exactly when `keyedBits(…) < p · 2^32`, so a weekly decision needs no division.
 */
export function keyedBits(key: number, id: number, term: number): number {
  return fmix32(keyedEntity(key, id) ^ term) >>> 0;
}

/**
 * The entity's half of a keyed draw: it depends on (key, id) only, never on the tick, so a loop
 * that draws for the same entities every week can keep it (see DrawProcess.entityHalves) and
 * finish each draw with keyedBitsFrom — one mixing round a week instead of two, the same bits.
 */
export function keyedEntity(key: number, id: number): number {
  return fmix32(key ^ Math.imul(id, 0x9e3779b1));
}

/** keyedBits from a kept entity half: keyedBitsFrom(keyedEntity(key, id), term) === keyedBits(key, id, term). */
export function keyedBitsFrom(entity: number, term: number): number {
  return fmix32(entity ^ term) >>> 0;
}

/** The key of a keyed process, derived from (seed, name) like a stream. */
export function streamKey(seed: number | string, name: string): number {
  return seeded(seed, `key:${name}`).int32() | 0;
}
