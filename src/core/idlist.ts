/** A growable list of agent ids, reused every tick without allocation: the queues between phases. */
export class IdList {
  ids: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.ids = new Int32Array(capacity);
  }

  push(id: number): void {
    if (this.length === this.ids.length) {
      const next = new Int32Array(Math.max(16, this.ids.length * 2));
      next.set(this.ids);
      this.ids = next;
    }
    this.ids[this.length++] = id;
  }

  /**
   * Room for `n` ids in all, keeping those held: for loops that write ids[length] directly.
   * Grows by doubling: a population that grows a little each week would otherwise copy it all weekly.
   */
  reserve(n: number): Int32Array {
    if (n > this.ids.length) {
      const next = new Int32Array(Math.max(n, this.ids.length * 2));
      next.set(this.ids.subarray(0, this.length));
      this.ids = next;
    }
    return this.ids;
  }

  clear(): void {
    this.length = 0;
  }
}
