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
import { isLang, LANGS, type Lang } from './i18n/langs.js';
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
const files = () => import('./experiment/files.js');
// The words of the three languages (about 100 KB) load only for a command that prints or writes them.
const localize = async (lang: Lang) => (await import('./i18n/index.js')).localize(lang);

/** The package version, from package.json beside src/ or dist/. */
function version(): string {
  try {
    return (createRequire(import.meta.url)('../package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export const EXIT_USAGE = 2;

const integer = (min: number, max = Number.MAX_SAFE_INTEGER) => (v: string) => {
  if (!/^\d+$/.test(v) || !Number.isSafeInteger(Number(v)) || Number(v) < min) throw new InvalidArgumentError(`expected an integer >= ${min}, got "${v}"`);
  if (Number(v) > max) throw new InvalidArgumentError(`expected an integer from ${min} to ${max}, got "${v}"`);
  return Number(v);
};
const number = (min: number, max = Number.MAX_VALUE) => (v: string) => {
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x) || x < min) throw new InvalidArgumentError(`expected a number >= ${min}, got "${v}"`);
  if (x > max) throw new InvalidArgumentError(`expected a number from ${min} to ${max}, got "${v}"`);
  return x;
};
/** The readers' language of what a command prints and writes (src/i18n). */
const langArg = (v: string): Lang => {
  if (!isLang(v)) throw new InvalidArgumentError(`expected ${LANGS.join(', ')}, got "${v}"`);
  return v;
};
const LANG_HELP = 'language of the printed summary and report.html: en (English), id (Bahasa Indonesia) or ms (Malay)';
/** Persons per agent, as the schema bounds it (scenario/schema.ts MAX_SCALE). */
const scaleArg = number(1, 1_000_000);
/** Counts of runs or samples: bounded, so a typo cannot queue a million runs. */
const MAX_COUNT = 100_000;
/** Worker threads: more than the cores only contend (and each holds a run in memory). */
const workersArg = (v: string) => {
  const n = integer(1)(v);
  const cores = availableParallelism();
  if (n <= cores) return n;
  process.stderr.write(`--workers ${n}: this machine has ${cores} cores; using ${cores}\n`);
  return cores;
};

interface PlanFlags {
  seed?: number;
  scale?: number;
  replicates?: number;
  workers?: number;
  maxMemory?: number;
}

/**
 * A sweep's largest point: each --param at its largest number (populations, brokers and officers
 * only grow a run), checked like any scenario; and the number of design points, bounded.
 */
async function sweepExtreme(file: string, specs: string[]) {
  if (!specs.length) return [];
  const { parseParamSpec } = await sweeps();
  const parsed = specs.map(parseParamSpec);
  const points = parsed.reduce((n, p) => n * ('values' in p ? p.values.length : 1), 1);
  if (points > MAX_COUNT) throw new UserError([`--param: the full factorial has ${points} design points, more than ${MAX_COUNT}`]);
  const { readScenarioFile, parseScenario } = await import('./scenario/load.js');
  const { setPath } = await import('./scenario/paths.js');
  let data: Record<string, unknown>;
  try {
    data = structuredClone(await readScenarioFile(file)) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof UserError) throw e;
    return []; // scenario code with functions in it (extensions): the sweep's own checks apply
  }
  delete data.variants;
  try {
    for (const p of parsed) {
      const numbers = 'values' in p ? p.values.filter((v): v is number => typeof v === 'number') : [p.lo, p.hi];
      if (numbers.length) setPath(data, p.path, Math.max(...numbers));
    }
    return [{ name: 'the largest point of the sweep', scenario: parseScenario(data) }];
  } catch {
    return []; // an unknown path or an invalid value is the sweep's to report, naming its point
  }
}

/** The memory limit: the flag, else LINTAS_MAX_MEMORY_MB, else the default. */
function memoryLimit(flag: number | undefined, fallback: number): number {
  if (flag !== undefined) return flag;
  const env = process.env.LINTAS_MAX_MEMORY_MB;
  if (env === undefined || env === '') return fallback;
  if (!/^\d+$/.test(env) || Number(env) < 64) throw new UserError([`LINTAS_MAX_MEMORY_MB: expected a whole number of MB >= 64, got "${env}"`]);
  return Number(env);
}

/**
 * Checks, before anything runs or is allocated, every scenario a command will run (the file's
 * variants with `withVariants`) against the run's limits (scenario/limits.ts), then that the
 * output folder can be written.
 */
async function preflight(file: string, o: PlanFlags, outDir: string | undefined, withVariants: boolean, sweepParams: string[] = []): Promise<void> {
  const scenarios = withVariants
    ? (await (await import('./experiment/tasks.js')).variantsOf(file)).map((v) => ({ name: v.name, scenario: v.scenario }))
    : [{ name: 'baseline', scenario: await loadScenario(file) }, ...(await sweepExtreme(file, sweepParams))];
  const { DEFAULT_MAX_MEMORY_MB, planProblems } = await import('./scenario/limits.js');
  const maxMemoryMb = memoryLimit(o.maxMemory, DEFAULT_MAX_MEMORY_MB);
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const { name, scenario } of scenarios) {
    const plan = {
      seed: o.seed ?? scenario.seed,
      seedFrom: o.seed === undefined ? 'seed' : '--seed',
      scale: o.scale ?? scenario.scale,
      scaleFrom: o.scale === undefined ? 'scale' : '--scale',
      replicates: o.replicates ?? 1,
      workers: o.workers ?? 1,
      maxMemoryMb,
    };
    // A problem every variant shares is said once, for the first.
    for (const line of planProblems(scenario, plan)) if (!seen.has(line) && seen.add(line)) lines.push(name === 'baseline' ? line : name.startsWith('the ') ? `${name}: ${line}` : `variant ${name}: ${line}`);
  }
  if (lines.length) throw new UserError(lines);
  if (outDir !== undefined) (await files()).prepareOutDir(outDir);
}

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
  maxMemory?: number;
}

function experimentOptions(cmd: Command, kind: 'compare' | 'sweep', defaultReplicates: number): Command {
  return cmd
    .option('--replicates <n>', `replicates per ${kind === 'compare' ? 'variant' : 'design point'}`, integer(kind === 'compare' ? 2 : 1, MAX_COUNT), defaultReplicates)
    .option('--seed <n>', "seed of replicate 0; replicate r uses seed + r (default: the scenario's)", integer(0))
    .option('--workers <n>', 'worker threads (default and maximum: the cores; results do not depend on it)', workersArg, availableParallelism())
    .option('--scale <n>', 'persons per agent, overriding the scenario', scaleArg)
    .option('--weeks <n>', 'stop each run after this many weeks', integer(1, 10_000))
    .option('--max-memory <MB>', 'refuse a run estimated to need more memory than this, all workers together (default 4096, or LINTAS_MAX_MEMORY_MB)', integer(64))
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
  // The shards' command runs from the folder they ran in, so its relative paths mean the same.
  const back = process.cwd();
  if (resolve(plan.cwd) !== resolve(back)) process.chdir(plan.cwd);
  try {
    await buildProgram().parseAsync(plan.argv, { from: 'user' });
  } finally {
    if (process.cwd() !== back) process.chdir(back);
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
    .option('--weeks <n>', 'stop after this many weeks', integer(1, 10_000))
    .option('--scale <n>', 'persons per agent, overriding the scenario (e.g. 20 for a fast run)', scaleArg)
    .option('--out <dir>', 'output folder (default: out/<scenario name>)')
    .option('--json', 'print the summary JSON alone on stdout')
    .option('--max-memory <MB>', 'refuse a run estimated to need more memory than this (default 4096, or LINTAS_MAX_MEMORY_MB)', integer(64))
    .option('--lang <code>', LANG_HELP, langArg, 'en')
    .exitOverride()
    .action(async (file: string, opts: { seed?: number; weeks?: number; scale?: number; out?: string; json?: boolean; maxMemory?: number; lang: Lang }) => {
      const scenario = await loadScenario(file);
      const dir = opts.out ?? join('out', scenario.name);
      await preflight(file, opts, dir, false);
      const { describeRun, runScenario, summaryText, writeRun } = await runs();
      const result = runScenario(scenario, { seed: opts.seed, scale: opts.scale, weeks: opts.weeks });
      writeRun(dir, result);
      if (opts.json) process.stdout.write(summaryText(result.summary));
      else {
        const loc = await localize(opts.lang);
        const wrote = loc.t('cli.run.wrote', { summary: join(dir, 'summary.json'), timeseries: join(dir, 'timeseries.csv'), crossings: join(dir, 'crossings.csv') });
        process.stdout.write(`${describeRun(result.summary, loc)}\n\n  ${wrote}\n`);
      }
    });

  program
    .command('validate')
    .description('check a scenario file and its variants as run and compare would; prints ok, or one line per problem and exits 2')
    .argument('<scenario>', 'scenario file (.ts, .json or .yaml)')
    .option('--max-memory <MB>', 'the memory limit to check runs against (default 4096, or LINTAS_MAX_MEMORY_MB)', integer(64))
    .exitOverride()
    .action(async (file: string, o: { maxMemory?: number }) => {
      // What run and compare check: the scenario, every variant, and a run of each at its own seed and scale.
      await preflight(file, o, undefined, true);
      process.stdout.write('ok\n');
    });

  program
    .command('schema')
    .description('print the JSON Schema of a .json/.yaml scenario, for editors (see docs/scenarios.md)')
    .exitOverride()
    .action(async () => {
      const { scenarioJsonSchema } = await import('./report/scenario-schema.js');
      process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
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
    .option('--posterior <file>', "lintas calibrate's posterior.csv: each replicate draws one parameter set, shared by every variant, so intervals include parameter uncertainty")
    .option('--lang <code>', LANG_HELP, langArg, 'en')
    .exitOverride()
    .action(async (file: string, o: ExperimentFlags & { report: boolean; json?: boolean; posterior?: string; lang: Lang }) => {
      const opts = { ...experiment(file, 'compare', o, !o.json), posterior: o.posterior, lang: o.lang };
      const outDir = opts.outDir;
      await preflight(file, o, outDir, true);
      const { compare, KEY_METRICS } = await experiments();
      const { comparisonTable } = await tables();
      // The report's modules (vega, resvg) load while the runs go rather than after them.
      const report = o.report ? reports() : undefined;
      report?.catch(() => undefined); // a failure surfaces where it is awaited
      const result = await compare(opts);
      const loc = await localize(o.lang);
      if (report) await (await report).buildReport(outDir, loc);
      const wrote = [join(outDir, 'comparison.csv'), join(outDir, 'comparison.json'), ...(o.report ? [join(outDir, 'report.html')] : [])];
      if (o.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else process.stdout.write(`${comparisonTable(result, KEY_METRICS, loc)}\n\n  ${loc.t('cli.table.wrote', { files: wrote.join(', ') })}\n`);
    });

  program
    .command('report')
    .description('write a self-contained report.html (and charts as SVG/PNG) for a compare or sensitivity output folder')
    .argument('<dir>', 'output folder of lintas compare or lintas sensitivity')
    .option('--lang <code>', 'language of report.html: en, id (Bahasa Indonesia) or ms (Malay)', langArg, 'en')
    .exitOverride()
    .action(async (dir: string, o: { lang: Lang }) => {
      // A file cut short (a crash, a full disk) is a condition of the folder, said in one line.
      for (const name of ['comparison.json', 'sensitivity.json', 'scenario.json']) (await files()).checkJsonFile(join(dir, name));
      const sensitivityFolder = existsSync(join(dir, 'sensitivity.json')) && !existsSync(join(dir, 'comparison.json'));
      const loc = await localize(o.lang);
      const { charts } = sensitivityFolder ? await (await import('./report/sensitivity.js')).buildSensitivityReport(dir, loc) : await (await reports()).buildReport(dir, loc);
      process.stdout.write(`${loc.t('cli.report.wrote', { html: join(dir, 'report.html'), n: charts.length, charts: join(dir, 'charts') })}\n`);
    });

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
    .action(async (file: string, o: ExperimentFlags & { method: string; param: string[]; params?: string; parquet?: boolean; report: boolean; outputs?: string; variant?: string; against?: string; trajectories: number; samples: number; bootstrap: number; json?: boolean }) => {
      if (o.method !== 'morris' && o.method !== 'sobol') throw new UserError([`--method ${o.method}: expected morris or sobol`]);
      const { DEFAULT_OUTPUTS, sensitivity, sensitivityTable } = await import('./experiment/sensitivity/analysis.js');
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
      if (o.report) await (await import('./report/sensitivity.js')).buildSensitivityReport(outDir);
      const wrote = ['sensitivity.csv', 'sensitivity.json', 'design.csv', 'points.csv', 'runs.jsonl', ...(o.parquet ? ['sensitivity.parquet'] : []), ...(o.report ? ['report.html'] : [])];
      if (o.json) process.stdout.write(`${JSON.stringify(res, null, 2)}\n`);
      else process.stdout.write(`${sensitivityTable(res)}\n\n  wrote ${wrote.map((f) => join(outDir, f)).join(', ')}\n`);
    });

  program
    .command('brief')
    .description('print a 2–4 page A4 policy brief (PDF, through Chromium) from a compare output folder')
    .argument('<dir>', 'output folder of lintas compare')
    .option('--lang <code>', 'language of the brief: en, id (Bahasa Indonesia) or ms (Malay)', langArg, 'en')
    .option('--out <file>', 'the PDF to write (default: DIR/brief.pdf, or DIR/brief-<lang>.pdf for id and ms)')
    .option('--chromium <path>', 'the Chromium to print with (default: /usr/bin/chromium, or LINTAS_CHROMIUM)')
    .exitOverride()
    .action(async (dir: string, o: { lang: Lang; out?: string; chromium?: string }) => {
      const out = o.out ?? join(dir, o.lang === 'en' ? 'brief.pdf' : `brief-${o.lang}.pdf`);
      const { writeBrief } = await import('./report/brief.js');
      const loc = await localize(o.lang);
      const { pages } = await writeBrief(dir, out, loc, o.chromium ?? process.env.LINTAS_CHROMIUM);
      process.stdout.write(`${loc.t('brief.wrote', { file: out, pages })}\n`);
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
  // A closed pipe or a full disk under stdout arrives as an 'error' event: kept, and reported below.
  let outError: unknown;
  const onOutError = (e: unknown) => {
    outError ??= e;
  };
  process.stdout.on('error', onOutError);
  try {
    await program.parseAsync(argv, { from: 'user' });
    await flushStdout();
    if (outError) throw outError;
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
    const line = await conditionLine(e, e === outError);
    if (line === undefined) throw e;
    process.stderr.write(`${line}\n`);
    return EXIT_USAGE;
  } finally {
    process.stdout.off('error', onOutError);
  }
}

/** Waits until everything written to stdout has gone out (or failed), and any error event has fired. */
async function flushStdout(): Promise<void> {
  await new Promise<void>((done) => {
    if (process.stdout.destroyed) done();
    else process.stdout.write('', () => done());
  });
  await new Promise((done) => setImmediate(done));
}

/**
 * One line for a condition of the machine or the input rather than a bug in lintas: a file-system
 * error (no space, permission, read-only, exists, a closed pipe), a table the run outgrew, memory
 * that cannot be had. Undefined for anything else (an internal error, printed with its stack).
 */
async function conditionLine(e: unknown, stdout: boolean): Promise<string | undefined> {
  const { describeCode, USER_ERRNO } = await files();
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err === 'object' && err.code && USER_ERRNO.has(err.code)) {
    if (stdout || (err.syscall === 'write' && !err.path)) return `lintas: cannot write to standard output: ${describeCode(err)}`;
    return `lintas: ${err.path ? `${err.path}: ` : ''}${describeCode(err)}`;
  }
  const message = e instanceof Error ? e.message : '';
  const full = /agent table "(\w+)" is full \((\d+) agents\)/.exec(message);
  if (full)
    return `lintas: the run outgrew the model's ${full[1]} table (${full[2]} at most): this scenario creates more than the model holds; shorten the horizon or lower the rates that create them`;
  if (e instanceof RangeError && /Array buffer allocation failed|Invalid typed array length|Invalid array length/.test(message))
    return `lintas: not enough memory for this run (${message}); raise --scale or shorten the horizon`;
  return undefined;
}

const isMain = process.argv[1] !== undefined && /cli\.(ts|js)$/.test(process.argv[1]);
if (isMain || process.env.LINTAS_BIN === '1') {
  // After main() has reported a failed stdout, later error events of the dead stream are expected.
  process.stdout.on('error', () => {});
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`lintas: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
      process.exit(1);
    },
  );
}
