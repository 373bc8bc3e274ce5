/**
 * Named random streams. Each stochastic process draws from its own stream, seeded from
 * (run seed, stream name), so extra draws in one process never shift another's sequence:
 * the basis of common random numbers when comparing interventions.
 */
import seedrandom from 'seedrandom';

/** The serialisable state of one tychei generator. */
export type StreamState = { a: number; b: number; c: number; d: number };

export interface Stream {
  readonly name: string;
  /** Uniform double in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  state(): StreamState;
}

interface TycheiPrng {
  (): number;
  quick(): number;
  int32(): number;
  state(): StreamState;
}

type TycheiFactory = (seed: string, opts?: { state?: boolean | StreamState }) => TycheiPrng;

const tychei = (seedrandom as unknown as { tychei: TycheiFactory }).tychei;

/** A stream whose generator can be replaced in place, so holders of the object see a restore. */
class TycheiStream implements Stream {
  next!: () => number;
  constructor(
    readonly name: string,
    private prng: TycheiPrng,
  ) {
    this.reset(prng);
  }
  reset(prng: TycheiPrng): void {
    this.prng = prng;
    // 32 bits per draw: ample resolution for event probabilities.
    this.next = prng.quick;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  state(): StreamState {
    return this.prng.state();
  }
}

const seeded = (seed: number | string, name: string) => tychei(`${seed}\u0000${name}`, { state: true });
const fromState = (state: StreamState) => tychei('', { state: { ...state } });

/** A stream derived from (seed, name); the same pair always gives the same sequence. */
export function stream(seed: number | string, name: string): Stream {
  return new TycheiStream(name, seeded(seed, name));
}

/** A stream continuing exactly where a saved state left off. */
export function restoreStream(name: string, state: StreamState): Stream {
  return new TycheiStream(name, fromState(state));
}

/** A set of named streams from one seed, created on first use. */
export class Streams {
  private readonly byName = new Map<string, TycheiStream>();
  constructor(readonly seed: number | string) {}

  get(name: string): Stream {
    let s = this.byName.get(name);
    if (!s) {
      s = new TycheiStream(name, seeded(this.seed, name));
      this.byName.set(name, s);
    }
    return s;
  }

  /** States of every stream used so far, sorted by name so the snapshot is order-independent. */
  save(): Record<string, StreamState> {
    const out: Record<string, StreamState> = {};
    for (const name of [...this.byName.keys()].sort()) out[name] = this.byName.get(name)!.state();
    return out;
  }

  /**
   * Puts every stream back to the snapshot, in place (objects handed out earlier follow);
   * streams first used after the snapshot go back to their start.
   */
  restore(states: Record<string, StreamState>): void {
    for (const [name, s] of this.byName) s.reset(states[name] ? fromState(states[name]!) : seeded(this.seed, name));
    for (const name of Object.keys(states).sort())
      if (!this.byName.has(name)) this.byName.set(name, new TycheiStream(name, fromState(states[name]!)));
  }
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

/** Poisson draw by inversion (small means) or normal approximation (large means). */
export function poisson(mean: number, rng: Stream): number {
  if (mean <= 0) return 0;
  if (mean > 60) {
    // Box–Muller; two uniforms from the same stream keep the draw count fixed.
    const u1 = rng.next() || 1e-12;
    const u2 = rng.next();
    const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

/** Binomial draw: exact for small n, normal approximation for large n·p. */
export function binomial(n: number, p: number, rng: Stream): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (n < 50) {
    let k = 0;
    for (let i = 0; i < n; i++) if (rng.next() < p) k++;
    return k;
  }
  const mean = n * p;
  if (mean < 30) return Math.min(n, poisson(mean, rng));
  const u1 = rng.next() || 1e-12;
  const u2 = rng.next();
  const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return Math.min(n, Math.max(0, Math.round(mean + Math.sqrt(mean * (1 - p)) * z)));
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
  const h = fmix32(fmix32(key ^ Math.imul(id, 0x9e3779b1)) ^ Math.imul(tick + 1, 0x85ebca77));
  return (h >>> 0) / 4294967296;
}

/** The key of a keyed process, derived from (seed, name) like a stream. */
export function streamKey(seed: number | string, name: string): number {
  return seeded(seed, `key:${name}`).int32() | 0;
}
