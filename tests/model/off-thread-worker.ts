/** The thread side of off-thread.ts: parse, run and summarise (helpers.run), and copy out the asked-for series. */
import { M } from '../../src/model/metrics.js';
import { parseScenario } from '../../src/scenario/load.js';
import { run as runScenario } from './helpers.js';
import type { OffThreadJob, OffThreadResult } from './off-thread.js';

export default function run(job: OffThreadJob): OffThreadResult {
  const { world, summary } = runScenario(parseScenario(job.data), { seed: job.seed, scale: job.scale });
  const series = Object.fromEntries((job.series ?? []).map((name) => [name, Array.from(world.rec.series(M[name as keyof typeof M]))]));
  return { summary, series };
}
