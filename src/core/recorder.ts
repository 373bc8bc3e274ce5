/**
 * Collects per-tick metrics into columns. During a tick phases add to the current row (`add`)
 * or set gauges (`set`) by column number — the model names its columns once, in a registry —
 * and `commit` closes the row. Column order is fixed up front, so outputs are stable text.
 */
export class Recorder {
  readonly columns: Float64Array[];
  private readonly index = new Map<string, number>();
  private readonly row: Float64Array;
  ticks = 0;

  constructor(
    readonly names: readonly string[],
    readonly capacity: number,
  ) {
    names.forEach((m, i) => {
      if (this.index.has(m)) throw new Error(`metric "${m}" is declared twice`);
      this.index.set(m, i);
    });
    this.columns = names.map(() => new Float64Array(capacity));
    this.row = new Float64Array(names.length);
  }

  /** Column number of a metric named at an edge (outputs, a chart); hot code holds the number. */
  slot(name: string): number {
    const i = this.index.get(name);
    if (i === undefined) throw new Error(`unknown metric "${name}"`);
    return i;
  }

  add(slot: number, amount = 1): void {
    this.row[slot]! += amount;
  }

  set(slot: number, value: number): void {
    this.row[slot] = value;
  }

  /** The open row's value in a column: what has been added or set this tick so far. */
  current(slot: number): number {
    return this.row[slot]!;
  }

  /**
   * Closes the row: recorded when `keep` (a reported week), dropped otherwise. One code path
   * either way (the row is copied, then overwritten by the next one when dropped), so the model's
   * code is not recompiled when the reported weeks begin.
   */
  close(keep: boolean): void {
    if (keep && this.ticks >= this.capacity) throw new Error(`recorder is full (${this.capacity} ticks)`);
    for (let i = 0; i < this.row.length; i++) this.columns[i]![this.ticks] = this.row[i]!;
    this.row.fill(0);
    this.ticks += keep ? 1 : 0;
  }

  commit(): void {
    this.close(true);
  }

  /** Drops the open row without recording it (weeks that are simulated but not reported). */
  discard(): void {
    this.close(false);
  }

  /** Values of one column over the committed ticks. */
  series(slot: number): Float64Array {
    return this.columns[slot]!.subarray(0, this.ticks);
  }

  total(slot: number): number {
    let s = 0;
    for (const v of this.series(slot)) s += v;
    return s;
  }
}
