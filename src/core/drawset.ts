/**
 * A set of entities that some keyed processes draw for every tick (raids on irregular workers,
 * say), kept dense so that a tick's scan reads only its members: their ids and, per process,
 * each member's half of the keyed hash (rng.ts keyedEntity). Members come and go in any order
 * (a removal moves the last member into the gap), so the scan's order is not id order: `belowEither`
 * appends what it finds, and callers that need id order sort what they collect. A scan serves two
 * keys (the sweep's raid and NGO-contact draws).
 */
import type { IdList } from './idlist.js';
import { keyedBitsFrom, keyedEntity } from './rng.js';

export class DrawSet {
  /** Members, densely. */
  ids: Int32Array;
  /** Per key: the member's kept half, at the member's place in `ids`. */
  halves: Uint32Array[];
  length = 0;
  /** 1 + the entity's place in `ids`, 0 for an entity not in the set (by entity id, up to `capacity`). */
  private slot: Int32Array;

  /** `keys`: the keyed processes that draw for the members; `capacity`: the largest entity id + 1. */
  constructor(
    readonly keys: readonly number[],
    capacity: number,
    initial = 256,
  ) {
    this.ids = new Int32Array(initial);
    this.halves = keys.map(() => new Uint32Array(initial));
    this.slot = new Int32Array(capacity);
  }

  has(id: number): boolean {
    return this.slot[id] !== 0;
  }

  add(id: number): void {
    if (this.slot[id] !== 0) return;
    if (this.length === this.ids.length) this.grow();
    const at = this.length++;
    this.ids[at] = id;
    for (let k = 0; k < this.keys.length; k++) this.halves[k]![at] = keyedEntity(this.keys[k]!, id);
    this.slot[id] = at + 1;
  }

  remove(id: number): void {
    const at = this.slot[id]! - 1;
    if (at < 0) return;
    const last = --this.length;
    if (at !== last) {
      const moved = this.ids[last]!;
      this.ids[at] = moved;
      for (const h of this.halves) h[at] = h[last]!;
      this.slot[moved] = at + 1;
    }
    this.slot[id] = 0;
  }

  /**
   * Appends to `out` the members whose draw with the first key at `term0` is below `limit0`, or
   * whose draw with the second key at `term1` is below `limit1` (limits in 32-bit units, need not
   * be whole), each member once, in the set's order. Two processes in one pass over the members.
   */
  belowEither(term0: number, limit0: number, term1: number, limit1: number, out: IdList): void {
    const h0 = this.halves[0]!;
    const h1 = this.halves[1]!;
    const ids = this.ids;
    const n = this.length;
    for (let i = 0; i < n; i++) if (keyedBitsFrom(h0[i]!, term0) < limit0 || keyedBitsFrom(h1[i]!, term1) < limit1) out.push(ids[i]!);
  }

  private grow(): void {
    const size = this.ids.length * 2;
    const ids = new Int32Array(size);
    ids.set(this.ids);
    this.ids = ids;
    this.halves = this.halves.map((h) => {
      const next = new Uint32Array(size);
      next.set(h);
      return next;
    });
  }
}
