/** `lintas sweep`: a full factorial over value lists, or a Latin hypercube over ranges. */
import type { Command } from 'commander';
import { sweeps } from './modules.js';
import { type ExperimentFlags, experiment, experimentOptions, integer, MAX_COUNT } from './options.js';
import { preflight } from './preflight.js';

export function registerSweep(program: Command): void {
  experimentOptions(
    program
      .command('sweep')
      .description('run a parameter sweep: full factorial over value lists, or a Latin hypercube over ranges')
      .argument('<scenario>', 'scenario file (.ts, .json or .yaml)')
      .option('--param <spec>', 'PATH=v1,v2,... or PATH=lo..hi (repeatable), e.g. params.patrolKappa=0.01,0.02', (v: string, acc: string[]) => [...acc, v], [] as string[])
      .option('--samples <n>', 'Latin hypercube sample size over the PATH=lo..hi ranges', integer(1, MAX_COUNT)),
    'sweep',
    1,
  )
    .option('--parquet', 'also write sweep.parquet')
    .exitOverride()
    .action(async (file: string, o: ExperimentFlags & { param: string[]; samples?: number; parquet?: boolean }) => {
      await preflight(file, o, experiment(file, 'sweep', o, false).outDir, false, o.param);
      const { sweep } = await sweeps();
      const res = await sweep({ ...experiment(file, 'sweep', o, true), params: o.param, samples: o.samples, parquet: !!o.parquet });
      process.stdout.write(`${res.text}\n\n  wrote ${res.files.join(', ')}\n`);
    });
}
