/**
 * The tick loop: an ordered list of named phases run once per tick. Each phase is a plain
 * function of the tick; decide-then-resolve ordering is the caller's list order.
 */

export interface Phase<C> {
  readonly name: string;
  run(ctx: C, tick: number): void;
}

export class Schedule<C> {
  constructor(readonly phases: readonly Phase<C>[]) {
    const seen = new Set<string>();
    for (const p of phases) {
      if (seen.has(p.name)) throw new Error(`phase "${p.name}" is listed twice`);
      seen.add(p.name);
    }
  }

  step(ctx: C, tick: number): void {
    for (const phase of this.phases) phase.run(ctx, tick);
  }

  run(ctx: C, ticks: number, onTick?: (tick: number) => void, from = 0): void {
    for (let t = from; t < ticks; t++) {
      this.step(ctx, t);
      onTick?.(t);
    }
  }
}
