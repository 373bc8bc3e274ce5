/** The thread side of off-thread.ts: parse, run, summarise, and copy out the asked-for series. */
import { summarize } from '../../src/experiment/outputs.js';
import { M } from '../../src/model/metrics.js';
import { simulate } from '../../src/model/model.js';
import { parseScenario } from '../../src/scenario/load.js';
import type { OffThreadJob, OffThreadResult } from './off-thread.js';

export default function run(job: OffThreadJob): OffThreadResult {
  const model = simulate(parseScenario(job.data), { seed: job.seed, scale: job.scale });
  const series = Object.fromEntries((job.series ?? []).map((name) => [name, Array.from(model.recorder.series(M[name as keyof typeof M]))]));
  return { summary: summarize(model.state), series };
}
