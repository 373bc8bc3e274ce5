/**
 * Collects per-tick metrics into columns. During a tick phases add to the current row
 * (`add`) or set gauges (`set`); `commit` closes the row. Metric names are fixed up front
 * so the column order, and hence the CSV, is stable.
 */

export class Recorder {
  readonly columns: Float64Array[];
  private readonly index = new Map<string, number>();
  private row: Float64Array;
  ticks = 0;

  constructor(
    readonly metrics: readonly string[],
    readonly capacity: number,
  ) {
    metrics.forEach((m, i) => {
      if (this.index.has(m)) throw new Error(`metric "${m}" is declared twice`);
      this.index.set(m, i);
    });
    this.columns = metrics.map(() => new Float64Array(capacity));
    this.row = new Float64Array(metrics.length);
  }

  /** Column number of a metric, for hot loops that add by index. */
  slot(metric: string): number {
    const i = this.index.get(metric);
    if (i === undefined) throw new Error(`unknown metric "${metric}"`);
    return i;
  }

  add(metric: string, amount = 1): void {
    this.row[this.slot(metric)]! += amount;
  }

  addAt(slot: number, amount = 1): void {
    this.row[slot]! += amount;
  }

  set(metric: string, value: number): void {
    this.row[this.slot(metric)] = value;
  }

  /** Current (uncommitted) value of a metric. */
  peek(metric: string): number {
    return this.row[this.slot(metric)]!;
  }

  commit(): void {
    if (this.ticks >= this.capacity) throw new Error(`recorder is full (${this.capacity} ticks)`);
    for (let i = 0; i < this.row.length; i++) this.columns[i]![this.ticks] = this.row[i]!;
    this.row.fill(0);
    this.ticks++;
  }

  /** Values of one metric over the committed ticks. */
  series(metric: string): Float64Array {
    return this.columns[this.slot(metric)]!.subarray(0, this.ticks);
  }

  total(metric: string): number {
    let s = 0;
    for (const v of this.series(metric)) s += v;
    return s;
  }
}
