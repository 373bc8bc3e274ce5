/**
 * Struct-of-arrays agent tables. A column schema names each column and its typed-array kind;
 * the table preallocates capacity and hands out ids in creation order, never reusing one,
 * so iteration in id order is stable for the whole run (the bitECS swap-remove hazard avoided).
 */
import { UserError } from './errors.js';
import { fastObject } from './shape.js';

export type ColumnKind = 'u8' | 'u16' | 'i32' | 'u32' | 'f32' | 'f64';

export type ColumnSchema = Record<string, ColumnKind>;

type ArrayOf<K extends ColumnKind> = K extends 'u8'
  ? Uint8Array
  : K extends 'u16'
    ? Uint16Array
    : K extends 'i32'
      ? Int32Array
      : K extends 'u32'
        ? Uint32Array
        : K extends 'f32'
          ? Float32Array
          : Float64Array;

export type Columns<S extends ColumnSchema> = { [K in keyof S]: ArrayOf<S[K]> };

const constructors = {
  u8: Uint8Array,
  u16: Uint16Array,
  i32: Int32Array,
  u32: Uint32Array,
  f32: Float32Array,
  f64: Float64Array,
} as const;

/** Most rows a growable table may reach. */
export const MAX_GROWN = 4_000_000;

export class AgentTable<S extends ColumnSchema> {
  /** Number of ids handed out so far; ids are 0..count-1. */
  count = 0;
  readonly cols: Columns<S>;

  /**
   * `growable`: a table whose count is an outcome (brokers entering a market) doubles its columns
   * when full, up to MAX_GROWN rows; code must not hold a column across an add() to such a table.
   */
  constructor(
    readonly name: string,
    readonly schema: S,
    public capacity: number,
    readonly growable = false,
  ) {
    const cols = {} as Record<string, ArrayLike<number>>;
    for (const key of Object.keys(schema)) cols[key] = new constructors[schema[key]!](capacity);
    // A fast-mode object: grown key by key, 20-odd columns would make it a hash table (shape.ts).
    this.cols = fastObject(cols) as Columns<S>;
  }

  /** Reserve `n` new ids and return the first; columns start at zero. */
  add(n = 1): number {
    // A count that is not a number, or a table outgrown, comes from the scenario (values far outside
    // their ranges), not from a bug: a UserError, said in one line.
    if (!Number.isFinite(n)) throw new UserError([`agent table "${this.name}": the run computed ${n} agents to add; some parameter value is far outside its plausible range`]);
    if (!Number.isInteger(n) || n < 1) throw new Error(`agent table "${this.name}": add() needs a whole number of agents >= 1, got ${n}`);
    if (this.count + n > this.capacity && this.growable && this.count + n <= MAX_GROWN) this.grow(Math.min(MAX_GROWN, Math.max(2 * this.capacity, this.count + n)));
    if (this.count + n > this.capacity) {
      throw new UserError([
        `agent table "${this.name}" is full (${this.capacity} agents); raise its capacity: this scenario creates more than the model holds (shorten the horizon, or bring extreme parameter values back into their ranges)`,
      ]);
    }
    const first = this.count;
    this.count += n;
    return first;
  }

  /** New columns of `capacity` rows holding the rows so far (same column objects' fields, so same shapes). */
  private grow(capacity: number): void {
    const cols = this.cols as unknown as Record<string, Uint8Array>;
    for (const key of Object.keys(this.schema)) {
      const next = new constructors[this.schema[key]!](capacity) as unknown as Uint8Array;
      next.set(cols[key]!.subarray(0, this.count));
      cols[key] = next;
    }
    this.capacity = capacity;
  }

  /** Ids in a fixed order: 0..count-1. */
  ids(): Int32Array {
    const out = new Int32Array(this.count);
    for (let i = 0; i < this.count; i++) out[i] = i;
    return out;
  }

  /** Bytes held by the columns, for memory reports. */
  bytes(): number {
    let b = 0;
    for (const key of Object.keys(this.schema)) b += (this.cols[key] as unknown as ArrayBufferView).byteLength;
    return b;
  }
}
