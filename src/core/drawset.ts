/**
 * A set of entities that a keyed process draws for every tick (raids on irregular workers, say),
 * kept dense so that a tick's scan reads only its members: their ids and each member's half of
 * the keyed hash (rng.ts keyedEntity). Members come and go in any order (a removal moves the
 * last member into the gap), so the scan's order is not id order: `below` appends what it finds,
 * and callers that need id order sort what they collect.
 */
import type { IdList } from './idlist.js';
import { keyedBitsFrom, keyedEntity } from './rng.js';

export class DrawSet {
  /** Members, densely. */
  ids: Int32Array;
  /** Each member's kept half, at the member's place in `ids`. */
  halves: Uint32Array;
  length = 0;
  /** 1 + the entity's place in `ids`, 0 for an entity not in the set (by entity id, up to `capacity`). */
  private slot: Int32Array;

  /** `key`: the keyed process that draws for the members; `capacity`: the largest entity id + 1. */
  constructor(
    readonly key: number,
    capacity: number,
    initial = 256,
  ) {
    this.ids = new Int32Array(initial);
    this.halves = new Uint32Array(initial);
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
    this.halves[at] = keyedEntity(this.key, id);
    this.slot[id] = at + 1;
  }

  remove(id: number): void {
    const at = this.slot[id]! - 1;
    if (at < 0) return;
    const last = --this.length;
    if (at !== last) {
      const moved = this.ids[last]!;
      this.ids[at] = moved;
      this.halves[at] = this.halves[last]!;
      this.slot[moved] = at + 1;
    }
    this.slot[id] = 0;
  }

  /**
   * Appends to `out` the members whose draw keyedBits(key, id, term) is below `limit` (a number
   * of 32-bit units, need not be whole), in the set's order.
   */
  below(term: number, limit: number, out: IdList): void {
    const halves = this.halves;
    const ids = this.ids;
    const n = this.length;
    for (let i = 0; i < n; i++) if (keyedBitsFrom(halves[i]!, term) < limit) out.push(ids[i]!);
  }

  private grow(): void {
    const size = this.ids.length * 2;
    const ids = new Int32Array(size);
    ids.set(this.ids);
    this.ids = ids;
    const halves = new Uint32Array(size);
    halves.set(this.halves);
    this.halves = halves;
  }
}
