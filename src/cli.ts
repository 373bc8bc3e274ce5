/**
 * The `lintas` command. User mistakes (bad flags, missing files, invalid scenarios) print
 * clear lines and exit 2 — never a stack trace.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from './core/errors.js';
import type { BatchOptions } from './experiment/executor.js';
import { ShardFinished, parseShard, withoutShard } from './experiment/shards.js';

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
  shard?: string;
  taskTimeout: number;
}

function experimentOptions(cmd: Command, kind: 'compare' | 'sweep', defaultReplicates: number): Command {
  return cmd
    .option('--replicates <n>', `replicates per ${kind === 'compare' ? 'variant' : 'design point'}`, integer(kind === 'compare' ? 2 : 1), defaultReplicates)
    .option('--seed <n>', "seed of replicate 0; replicate r uses seed + r (default: the scenario's)", integer(0))
    .option('--workers <n>', 'worker threads (results do not depend on it)', integer(1), Math.min(2, availableParallelism()))
    .option('--scale <n>', 'persons per agent, overriding the scenario', number(1))
    .option('--weeks <n>', 'stop each run after this many weeks', integer(1))
    .option('--out <dir>', `output folder (default: out/${kind}-<scenario file name>)`)
    .option('--resume', 'skip runs already finished in the output folder')
    .option('--shard <i/n>', 'run only shard i of n (1-based) of the runs, into OUT/shards/, then `lintas merge OUT`; auto: from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX')
    .option('--task-timeout <s>', 'fail the experiment if one run takes longer than this many seconds', number(1), 3600);
}

/** The shared part of an experiment's options, from its flags. */
function experiment(file: string, kind: 'compare' | 'sweep', o: ExperimentFlags, progress: boolean) {
  const name = file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const outDir = o.out ?? join('out', `${kind}-${name}`);
  const batch: BatchOptions = { argv: withoutShard(currentArgv), taskTimeoutSeconds: o.taskTimeout, shard: o.shard === undefined ? undefined : parseShard(o.shard) };
  return { file, replicates: o.replicates, seed: o.seed, scale: o.scale, weeks: o.weeks, workers: o.workers, outDir, resume: !!o.resume, progress, batch };
}

/** Merges the shards in DIR, then finishes the experiment as a single run would (with --resume, nothing left to run). */
async function merge(dir: string): Promise<void> {
  const { planMerge } = await import('./experiment/merge.js');
  const plan = planMerge(dir);
  process.stderr.write(`lintas merge: ${plan.shards} shards, ${plan.runs} runs; writing the outputs\n`);
  const back = process.cwd();
  process.chdir(plan.cwd);
  try {
    await buildProgram().parseAsync(plan.argv, { from: 'user' });
  } finally {
    process.chdir(back);
  }
}

/** Runs a program to its end, collecting its output; ENOENT (not installed) is a user error. */
function spawnText(cmd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (e: NodeJS.ErrnoException) => fail(e.code === 'ENOENT' ? new UserError([`${cmd}: not found; is this a Slurm login node? (without --submit, lintas slurm only writes the script)`]) : e));
    child.on('close', (code) => done({ code: code ?? 1, stdout, stderr }));
  });
}

/** The arguments of the command being run, kept by shards so that merge can finish the experiment. */
let currentArgv: string[] = [];

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
      else process.stdout.write(`${describeRun(result.summary)}\n\n  wrote ${join(dir, 'summary.json')} and ${join(dir, 'timeseries.csv')}; per crossing: ${join(dir, 'crossings.csv')}\n`);
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

  program
    .command('merge')
    .description('merge the shards of an experiment (run with --shard i/n) into the outputs of a single run')
    .argument('<dir>', 'the output folder the shards wrote to')
    .exitOverride()
    .action(merge);

  program
    .command('slurm')
    .description('write (and with --submit, submit) an sbatch job array running an experiment in shards: lintas slurm <compare|sweep|sensitivity …> --out DIR --shards n [--cpus-per-task c] [--time T] [--partition P] [--mem M] [--submit] [--wait]')
    .argument('[command...]', 'the experiment command, with its arguments and an --out folder every node sees')
    .allowUnknownOption()
    .helpOption(false)
    .exitOverride()
    .action(async () => {
      const { outOf, parseSlurmArgs, sbatchScript } = await import('./experiment/slurm.js');
      const { options, command } = parseSlurmArgs(currentArgv.slice(currentArgv.indexOf('slurm') + 1));
      const out = resolve(outOf(command));
      mkdirSync(join(out, 'slurm'), { recursive: true });
      const script = join(out, 'slurm', 'lintas.sbatch');
      writeFileSync(script, sbatchScript(options, command, { cwd: process.cwd(), node: process.execPath, bin: fileURLToPath(new URL('../bin/lintas.js', import.meta.url)) }));
      process.stdout.write(`wrote ${script} (${options.shards} array tasks, ${options.cpusPerTask} CPUs each)\n`);
      if (!options.submit) {
        process.stdout.write(`submit it with: sbatch ${script}\nthen, when every task has ended: lintas merge ${out}\n`);
        return;
      }
      const { code, stdout, stderr } = await spawnText('sbatch', ['--parsable', ...(options.wait ? ['--wait'] : []), script]);
      const job = stdout.trim().split(/[;\n]/)[0] ?? '';
      if (!options.wait) {
        if (code !== 0) throw new UserError([`sbatch failed (exit ${code}): ${stderr.trim().split('\n')[0] ?? ''}`]);
        process.stdout.write(`submitted job ${job}; when every task has ended: lintas merge ${out}\n`);
        return;
      }
      process.stdout.write(`job ${job} ended${code === 0 ? '' : ` with a failed task (sbatch exit ${code}; logs in ${join(out, 'slurm')})`}; merging\n`);
      // merge names any shard that did not finish, with the command that reruns it.
      await merge(out);
    });

  program
    .command('calibrate')
    .description('fit uncertain parameters to observed figures (ABC-SMC) and check the fit on held-out targets')
    .argument('<scenario>', 'scenario file (.ts, .json or .yaml)')
    .option('--targets <file>', 'observed figures with sources and error models (CSV)', 'scenarios/data/targets.csv')
    .option('--method <name>', 'abc-smc (sequential Monte Carlo with adaptive tolerances)', 'abc-smc')
    .option('--params <spec>', 'PATH=lo..hi, or a PATH whose scenario entry has a range (repeatable; default: h0, ngoOutreach, selfReport, raidRateSabah, raidRateSarawak)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--fit-years <years>', 'fit only targets inside these years, e.g. 2019-2022 (other fitted rows are held out)')
    .option('--hold-out <ids>', 'comma-separated target ids to hold out (repeatable)', (v: string, acc: string[]) => [...acc, ...v.split(',').map((x) => x.trim()).filter(Boolean)], [] as string[])
    .option('--particles <n>', 'particles per generation', integer(4), 40)
    .option('--generations <n>', 'generations after the prior sample', integer(0), 4)
    .option('--quantile <q>', "next tolerance = this quantile of the generation's distances", number(0.01), 0.5)
    .option('--baseline-runs <n>', 'seeds of the hand-set baseline in the check', integer(1), 4)
    .option('--seed <n>', "base seed (default: the scenario's)", integer(0))
    .option('--workers <n>', 'worker threads (results do not depend on it)', integer(1), Math.min(2, availableParallelism()))
    .option('--scale <n>', 'persons per agent, overriding the scenario', number(1))
    .option('--out <dir>', 'output folder (default: out/calibrate-<scenario file name>)')
    .option('--resume', 'skip runs already finished in the output folder')
    .option('--json', 'print calibration.json alone on stdout')
    .exitOverride()
    .action(async (file: string, o: { targets: string; method: string; params: string[]; fitYears?: string; holdOut: string[]; particles: number; generations: number; quantile: number; baselineRuns: number; seed?: number; workers: number; scale?: number; out?: string; resume?: boolean; json?: boolean }) => {
      if (o.method !== 'abc-smc') throw new UserError([`--method ${o.method}: expected abc-smc`]);
      if (o.quantile >= 1) throw new UserError([`--quantile ${o.quantile}: expected a number below 1`]);
      const years = o.fitYears?.match(/^(\d{4})(?:-(\d{4}))?$/);
      if (o.fitYears !== undefined && (!years || Number(years[2] ?? years[1]) < Number(years[1]))) throw new UserError([`--fit-years ${o.fitYears}: expected a year or a range like 2019-2022`]);
      const { calibrate, calibrationTable } = await import('./experiment/calibrate/calibrate.js');
      const outDir = o.out ?? join('out', `calibrate-${file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '')}`);
      const res = await calibrate({
        file,
        targets: o.targets,
        params: o.params,
        fitYears: years ? [Number(years[1]), Number(years[2] ?? years[1])] : undefined,
        holdOut: o.holdOut,
        particles: o.particles,
        generations: o.generations,
        quantile: o.quantile,
        baselineRuns: o.baselineRuns,
        seed: o.seed,
        workers: o.workers,
        scale: o.scale,
        outDir,
        resume: !!o.resume,
        progress: !o.json && process.stderr.isTTY,
      });
      if (o.json) process.stdout.write(`${JSON.stringify(res, null, 2)}\n`);
      else process.stdout.write(`${calibrationTable(res)}\n\n  wrote ${['posterior.csv', 'posterior.parquet', 'predictive.csv', 'calibration.json'].map((f) => join(outDir, f)).join(', ')}\n`);
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  currentArgv = argv;
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof ShardFinished) {
      process.stdout.write(e.lines.map((l) => `${l}\n`).join(''));
      return 0;
    }
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
