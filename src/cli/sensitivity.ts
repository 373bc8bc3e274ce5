/** `lintas sensitivity`: Morris screening or Sobol indices of outcomes or of a decision. */
import type { Command } from 'commander';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { type ExperimentFlags, experiment, experimentOptions, integer, MAX_COUNT } from './options.js';
import { preflight } from './preflight.js';

type SensitivityFlags = ExperimentFlags & {
  method: string;
  param: string[];
  params?: string;
  parquet?: boolean;
  report: boolean;
  outputs?: string;
  variant?: string;
  against?: string;
  trajectories: number;
  samples: number;
  bootstrap: number;
  json?: boolean;
};

export function registerSensitivity(program: Command): void {
  experimentOptions(
    program
      .command('sensitivity')
      .description('global sensitivity analysis: Morris screening or Sobol indices of outcomes or of a decision over the parameters\' plausible ranges')
      .argument('<scenario>', 'scenario file (.ts, .json or .yaml)')
      .option('--method <name>', 'morris (screen many parameters) or sobol (apportion the variance of a few)', 'morris')
      .option('--param <spec>', 'PATH=lo..hi, uniform (repeatable); default: every parameter with a range in the scenario', (v: string, acc: string[]) => [...acc, v], [] as string[])
      .option('--params <file>', 'priors file (.yaml, .json or .csv: path, distribution uniform|loguniform|triangular, lo, hi, mode, source)')
      .option('--outputs <list>', `comma-separated metrics, or dark_figure (default ${'trafficked,identified,dark_figure,deportations'})`)
      .option('--variant <name>', 'decision output: this variant minus --against, paired')
      .option('--against <name>', 'the variant the decision is measured against')
      .option('--trajectories <n>', 'Morris trajectories', integer(2, MAX_COUNT), 10)
      .option('--samples <n>', 'Sobol base sample size N (runs N·(k+2) design points)', integer(4, MAX_COUNT), 64)
      .option('--bootstrap <n>', 'bootstrap resamples for the intervals', integer(0, MAX_COUNT), 200),
    'sweep',
    1,
  )
    .option('--json', 'print sensitivity.json alone on stdout')
    .option('--parquet', 'also write sensitivity.parquet')
    .option('--no-report', 'do not write report.html')
    .exitOverride()
    .action(sensitivityCommand);
}

async function sensitivityCommand(file: string, o: SensitivityFlags): Promise<void> {
  if (o.method !== 'morris' && o.method !== 'sobol') throw new UserError([`--method ${o.method}: expected morris or sobol`]);
  const { DEFAULT_OUTPUTS, sensitivity, sensitivityTable } = await import('../experiment/sensitivity/analysis.js');
  const base = experiment(file, 'sweep', o, !o.json);
  const outDir = o.out ?? join('out', `sensitivity-${file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '')}`);
  await preflight(file, o, outDir, true);
  const res = await sensitivity({
    ...base,
    outDir,
    method: o.method,
    params: o.param,
    paramsFile: o.params,
    parquet: !!o.parquet,
    outputs: o.outputs ? o.outputs.split(',').map((x) => x.trim()).filter(Boolean) : DEFAULT_OUTPUTS,
    variant: o.variant,
    against: o.against,
    trajectories: o.trajectories,
    samples: o.samples,
    bootstrap: o.bootstrap,
  });
  if (o.report) await (await import('../report/sensitivity.js')).buildSensitivityReport(outDir);
  const wrote = ['sensitivity.csv', 'sensitivity.json', 'design.csv', 'points.csv', 'runs.jsonl', ...(o.parquet ? ['sensitivity.parquet'] : []), ...(o.report ? ['report.html'] : [])];
  if (o.json) process.stdout.write(`${JSON.stringify(res, null, 2)}\n`);
  else process.stdout.write(`${sensitivityTable(res)}\n\n  wrote ${wrote.map((f) => join(outDir, f)).join(', ')}\n`);
}
