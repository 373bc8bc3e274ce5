/**
 * Long model runs for the slow suite, on a worker thread. A vitest worker whose event loop is held
 * by synchronous runs for over 60 s fails the whole suite ("Timeout calling onTaskUpdate"), and on
 * a slow host one full-scale run — its spin-up included — takes longer than that. One thread per
 * test file, so the suite's two forks still use the two cores and no more.
 */
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { afterAll } from 'vitest';
import type { Summary } from '../../src/experiment/outputs.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';

export interface OffThreadJob {
  data: ScenarioInput;
  seed: number;
  scale: number;
  /** Weekly series to bring back, by metric name (persons per agent-count, as recorded). */
  series?: string[];
}

export interface OffThreadResult {
  summary: Summary;
  series: Record<string, number[]>;
}

/** A one-thread pool for this test file, destroyed after its tests. */
export function offThread() {
  const pool = new Piscina({ filename: fileURLToPath(new URL('./off-thread-entry.mjs', import.meta.url)), minThreads: 1, maxThreads: 1 });
  afterAll(() => pool.destroy());
  const run = (job: OffThreadJob) => pool.run(job) as Promise<OffThreadResult>;
  return {
    run,
    /** The summaries of one scenario over seeds, in the seeds' order. */
    summaries: (data: ScenarioInput, seeds: readonly number[], scale: number) =>
      Promise.all(seeds.map((seed) => run({ data, seed, scale }).then((r) => r.summary))),
  };
}
