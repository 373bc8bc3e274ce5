/** `lintas calibrate`: fits uncertain parameters to observed figures (ABC-SMC or history matching) and checks the fit on held-out targets. */
import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { files } from './modules.js';
import { integer, number } from './options.js';

interface CalibrateFlags {
  targets: string;
  method: string;
  params: string[];
  fitYears?: string;
  holdOut: string[];
  particles: number;
  generations: number;
  quantile: number;
  waves: number;
  runsPerWave: number;
  cutoff: number;
  discrepancy: number;
  combine: string;
  baselineRuns: number;
  seed?: number;
  workers: number;
  scale?: number;
  out?: string;
  resume?: boolean;
  json?: boolean;
}

export function registerCalibrate(program: Command): void {
  program
    .command('calibrate')
    .description('fit uncertain parameters to observed figures (ABC-SMC or history matching) and check the fit on held-out targets')
    .argument('<scenario>', 'scenario file (.ts, .json or .yaml)')
    .option('--targets <file>', 'observed figures with sources and error models (CSV)', 'scenarios/data/targets.csv')
    .option('--method <name>', 'abc-smc (sequential Monte Carlo with adaptive tolerances) or history (history matching with Gaussian-process emulators, then importance sampling inside the not-ruled-out space)', 'abc-smc')
    .option('--params <spec>', 'PATH=lo..hi, or a PATH whose scenario entry has a range (repeatable; default: h0, ngoOutreach, selfReport, raidRateSabah, raidRateSarawak)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--fit-years <years>', 'fit only targets inside these years, e.g. 2019-2022 (other fitted rows are held out)')
    .option('--hold-out <ids>', 'comma-separated target ids to hold out (repeatable)', (v: string, acc: string[]) => [...acc, ...v.split(',').map((x) => x.trim()).filter(Boolean)], [] as string[])
    .option('--particles <n>', 'particles per generation (abc-smc); posterior draws run for the check (both methods)', integer(4), 40)
    .option('--generations <n>', 'generations after the prior sample', integer(0), 4)
    .option('--quantile <q>', "next tolerance = this quantile of the generation's distances", number(0.01), 0.5)
    .option('--waves <n>', 'history: waves of runs, emulators and implausibility', integer(1, 50), 3)
    .option('--runs-per-wave <n>', 'history: simulations per wave (and for the posterior inside NROY)', integer(5, 100_000), 200)
    .option('--cutoff <x>', 'history: implausibility cut-off (3: the three-sigma rule)', number(0), 3)
    .option('--discrepancy <sd>', 'history: model-discrepancy SD on the log scale of the figures', number(0), 0.1)
    .option('--combine <how>', "history: combine the targets' implausibilities by the second largest, or the max", 'second')
    .option('--baseline-runs <n>', 'seeds of the hand-set baseline in the check', integer(1), 4)
    .option('--seed <n>', "base seed (default: the scenario's)", integer(0))
    .option('--workers <n>', 'worker threads (results do not depend on it)', integer(1), Math.min(2, availableParallelism()))
    .option('--scale <n>', 'persons per agent, overriding the scenario', number(1))
    .option('--out <dir>', 'output folder (default: out/calibrate-<scenario file name>)')
    .option('--resume', 'skip runs already finished in the output folder')
    .option('--json', 'print calibration.json alone on stdout')
    .exitOverride()
    .action(calibrateCommand);
}

async function calibrateCommand(file: string, o: CalibrateFlags): Promise<void> {
  if (o.method !== 'abc-smc' && o.method !== 'history') throw new UserError([`--method ${o.method}: expected abc-smc or history`]);
  if (!(o.cutoff > 0)) throw new UserError([`--cutoff ${o.cutoff}: expected a number above 0`]);
  if (o.combine !== 'second' && o.combine !== 'max') throw new UserError([`--combine ${o.combine}: expected second or max`]);
  if (o.quantile >= 1) throw new UserError([`--quantile ${o.quantile}: expected a number below 1`]);
  const years = o.fitYears?.match(/^(\d{4})(?:-(\d{4}))?$/);
  if (o.fitYears !== undefined && (!years || Number(years[2] ?? years[1]) < Number(years[1]))) throw new UserError([`--fit-years ${o.fitYears}: expected a year or a range like 2019-2022`]);
  const { calibrate, calibrationTable } = await import('../experiment/calibrate/calibrate.js');
  const outDir = o.out ?? join('out', `calibrate-${file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '')}`);
  // An output folder on /proc or /sys is refused at once (the folder itself is made once the targets pass).
  (await files()).refusePseudoFileSystem(outDir);
  const res = await calibrate({
    file,
    method: o.method,
    targets: o.targets,
    params: o.params,
    fitYears: years ? [Number(years[1]), Number(years[2] ?? years[1])] : undefined,
    holdOut: o.holdOut,
    particles: o.particles,
    generations: o.generations,
    quantile: o.quantile,
    waves: o.waves,
    runsPerWave: o.runsPerWave,
    cutoff: o.cutoff,
    discrepancy: o.discrepancy,
    combine: o.combine,
    baselineRuns: o.baselineRuns,
    seed: o.seed,
    workers: o.workers,
    scale: o.scale,
    outDir,
    resume: !!o.resume,
    progress: !o.json && process.stderr.isTTY,
  });
  if (o.json) process.stdout.write(`${JSON.stringify(res, null, 2)}\n`);
  else {
    const files = [...(res.posterior.length ? ['posterior.csv', 'posterior.parquet'] : []), 'predictive.csv', 'calibration.json'];
    process.stdout.write(`${calibrationTable(res)}\n\n  wrote ${files.map((f) => join(outDir, f)).join(', ')}\n`);
  }
}
