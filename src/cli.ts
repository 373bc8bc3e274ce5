/**
 * The `lintas` command. User mistakes (bad flags, missing files, invalid scenarios) print
 * clear lines and exit 2 — never a stack trace.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { UserError } from './core/errors.js';

// The heavy parts (the model, workers, charts) load only for the command that needs them, so
// `lintas --version` and `lintas validate` start at once.
const experiments = () => import('./experiment/compare.js');
const runs = () => import('./experiment/run.js');
const tables = () => import('./experiment/table.js');
const reports = () => import('./report/report.js');
const sweeps = () => import('./experiment/sweep.js');
const loadScenario = async (file: string) => (await import('./scenario/load.js')).loadScenario(file);

/** The package version, from package.json beside src/ or dist/. */
function version(): string {
  try {
    return (createRequire(import.meta.url)('../package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export const EXIT_USAGE = 2;

const integer = (min: number) => (v: string) => {
  if (!/^\d+$/.test(v) || !Number.isSafeInteger(Number(v)) || Number(v) < min) throw new InvalidArgumentError(`expected an integer >= ${min}, got "${v}"`);
  return Number(v);
};
const number = (min: number) => (v: string) => {
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x) || x < min) throw new InvalidArgumentError(`expected a number >= ${min}, got "${v}"`);
  return x;
};

/** Options every experiment command takes (compare, sweep). */
interface ExperimentFlags {
  replicates: number;
  seed?: number;
  workers: number;
  scale?: number;
  weeks?: number;
  out?: string;
  resume?: boolean;
}

function experimentOptions(cmd: Command, kind: 'compare' | 'sweep', defaultReplicates: number): Command {
  return cmd
    .option('--replicates <n>', `replicates per ${kind === 'compare' ? 'variant' : 'design point'}`, integer(kind === 'compare' ? 2 : 1), defaultReplicates)
    .option('--seed <n>', "seed of replicate 0; replicate r uses seed + r (default: the scenario's)", integer(0))
    .option('--workers <n>', 'worker threads (results do not depend on it)', integer(1), Math.min(2, availableParallelism()))
    .option('--scale <n>', 'persons per agent, overriding the scenario', number(1))
    .option('--weeks <n>', 'stop each run after this many weeks', integer(1))
    .option('--out <dir>', `output folder (default: out/${kind}-<scenario file name>)`)
    .option('--resume', 'skip runs already finished in the output folder');
}

/** The shared part of an experiment's options, from its flags. */
function experiment(file: string, kind: 'compare' | 'sweep', o: ExperimentFlags, progress: boolean) {
  const name = file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const outDir = o.out ?? join('out', `${kind}-${name}`);
  return { file, replicates: o.replicates, seed: o.seed, scale: o.scale, weeks: o.weeks, workers: o.workers, outDir, resume: !!o.resume, progress };
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('lintas')
    .description('Simulate migration and trafficking flows across the Indonesia–Malaysia border on Borneo')
    .version(version(), '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showSuggestionAfterError(true);

  program
    .command('run')
    .description('run one scenario and write summary.json and timeseries.csv')
    .argument('<scenario>', 'scenario file (.ts, .json or .yaml)')
    .option('--seed <n>', 'random seed (default: the scenario\'s)', integer(0))
    .option('--weeks <n>', 'stop after this many weeks', integer(1))
    .option('--scale <n>', 'persons per agent, overriding the scenario (e.g. 20 for a fast run)', number(1))
    .option('--out <dir>', 'output folder (default: out/<scenario name>)')
    .option('--json', 'print the summary JSON alone on stdout')
    .exitOverride()
    .action(async (file: string, opts: { seed?: number; weeks?: number; scale?: number; out?: string; json?: boolean }) => {
      const scenario = await loadScenario(file);
      const { describeRun, runScenario, writeRun } = await runs();
      const result = runScenario(scenario, { seed: opts.seed, scale: opts.scale, weeks: opts.weeks });
      const dir = opts.out ?? join('out', scenario.name);
      writeRun(dir, result);
      if (opts.json) process.stdout.write(`${JSON.stringify(result.summary, null, 2)}\n`);
      else process.stdout.write(`${describeRun(result.summary)}\n\n  wrote ${join(dir, 'summary.json')} and ${join(dir, 'timeseries.csv')}\n`);
    });

  program
    .command('validate')
    .description('check a scenario file; prints ok, or one line per problem and exits 2')
    .argument('<scenario>', 'scenario file (.ts, .json or .yaml)')
    .exitOverride()
    .action(async (file: string) => {
      await loadScenario(file);
      process.stdout.write('ok\n');
    });

  experimentOptions(
    program
      .command('compare')
      .description('run the baseline and every variant over replicates with common random numbers, and compare')
      .argument('<scenario>', 'scenario file with variants (.ts, .json or .yaml)'),
    'compare',
    10,
  )
    .option('--json', 'print comparison.json alone on stdout')
    .option('--no-report', 'do not write report.html')
    .exitOverride()
    .action(async (file: string, o: ExperimentFlags & { report: boolean; json?: boolean }) => {
      const opts = experiment(file, 'compare', o, !o.json && process.stderr.isTTY);
      const outDir = opts.outDir;
      const { compare, KEY_METRICS } = await experiments();
      const { comparisonTable } = await tables();
      const result = await compare(opts);
      if (o.report) await (await reports()).buildReport(outDir);
      const wrote = [join(outDir, 'comparison.csv'), join(outDir, 'comparison.json'), ...(o.report ? [join(outDir, 'report.html')] : [])];
      if (o.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else process.stdout.write(`${comparisonTable(result, KEY_METRICS)}\n\n  wrote ${wrote.join(', ')}\n`);
    });

  program
    .command('report')
    .description('write a self-contained report.html (and charts as SVG/PNG) for a compare or sensitivity output folder')
    .argument('<dir>', 'output folder of lintas compare or lintas sensitivity')
    .exitOverride()
    .action(async (dir: string) => {
      const sensitivityFolder = existsSync(join(dir, 'sensitivity.json')) && !existsSync(join(dir, 'comparison.json'));
      const { charts } = sensitivityFolder ? await (await import('./report/sensitivity.js')).buildSensitivityReport(dir) : await (await reports()).buildReport(dir);
      process.stdout.write(`wrote ${join(dir, 'report.html')} and ${charts.length} charts in ${join(dir, 'charts')}\n`);
    });

  experimentOptions(
    program
      .command('sweep')
      .description('run a parameter sweep: full factorial over value lists, or a Latin hypercube over ranges')
      .argument('<scenario>', 'scenario file (.ts, .json or .yaml)')
      .option('--param <spec>', 'PATH=v1,v2,... or PATH=lo..hi (repeatable), e.g. params.patrolKappa=0.01,0.02', (v: string, acc: string[]) => [...acc, v], [] as string[])
      .option('--samples <n>', 'Latin hypercube sample size over the PATH=lo..hi ranges', integer(1)),
    'sweep',
    1,
  )
    .option('--parquet', 'also write sweep.parquet')
    .exitOverride()
    .action(async (file: string, o: ExperimentFlags & { param: string[]; samples?: number; parquet?: boolean }) => {
      const { sweep } = await sweeps();
      const res = await sweep({ ...experiment(file, 'sweep', o, process.stderr.isTTY), params: o.param, samples: o.samples, parquet: !!o.parquet });
      process.stdout.write(`${res.text}\n\n  wrote ${res.files.join(', ')}\n`);
    });

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
      .option('--trajectories <n>', 'Morris trajectories', integer(2), 10)
      .option('--samples <n>', 'Sobol base sample size N (runs N·(k+2) design points)', integer(4), 64)
      .option('--bootstrap <n>', 'bootstrap resamples for the intervals', integer(0), 200),
    'sweep',
    1,
  )
    .option('--json', 'print sensitivity.json alone on stdout')
    .option('--parquet', 'also write sensitivity.parquet')
    .option('--no-report', 'do not write report.html')
    .exitOverride()
    .action(async (file: string, o: ExperimentFlags & { method: string; param: string[]; params?: string; parquet?: boolean; report: boolean; outputs?: string; variant?: string; against?: string; trajectories: number; samples: number; bootstrap: number; json?: boolean }) => {
      if (o.method !== 'morris' && o.method !== 'sobol') throw new UserError([`--method ${o.method}: expected morris or sobol`]);
      const { DEFAULT_OUTPUTS, sensitivity, sensitivityTable } = await import('./experiment/sensitivity/analysis.js');
      const base = experiment(file, 'sweep', o, !o.json && process.stderr.isTTY);
      const outDir = o.out ?? join('out', `sensitivity-${file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '')}`);
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
      if (o.report) await (await import('./report/sensitivity.js')).buildSensitivityReport(outDir);
      const wrote = ['sensitivity.csv', 'sensitivity.json', 'design.csv', 'points.csv', 'runs.jsonl', ...(o.parquet ? ['sensitivity.parquet'] : []), ...(o.report ? ['report.html'] : [])];
      if (o.json) process.stdout.write(`${JSON.stringify(res, null, 2)}\n`);
      else process.stdout.write(`${sensitivityTable(res)}\n\n  wrote ${wrote.map((f) => join(outDir, f)).join(', ')}\n`);
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof UserError) {
      process.stderr.write(e.lines.map((l) => `${l}\n`).join(''));
      return EXIT_USAGE;
    }
    if (e instanceof CommanderError) {
      // Help and version are not errors; commander has already printed its message.
      return e.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    throw e;
  }
}

const isMain = process.argv[1] !== undefined && /cli\.(ts|js)$/.test(process.argv[1]);
if (isMain || process.env.LINTAS_BIN === '1') {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`lintas: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
      process.exit(1);
    },
  );
}
