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

  /** Appends the first `count` of `ids`. */
  pushAll(ids: Int32Array, count: number): void {
    if (this.length + count > this.ids.length) {
      const next = new Int32Array(Math.max(16, this.ids.length * 2, this.length + count));
      next.set(this.ids.subarray(0, this.length));
      this.ids = next;
    }
    this.ids.set(ids.subarray(0, count), this.length);
    this.length += count;
  }

  clear(): void {
    this.length = 0;
  }
}
