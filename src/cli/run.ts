/** `lintas run`: one scenario, written as summary.json, timeseries.csv and crossings.csv. */
import type { Command } from 'commander';
import { join } from 'node:path';
import type { Lang } from '../i18n/langs.js';
import { loadScenario, localize, runs } from './modules.js';
import { integer, LANG_HELP, langArg, scaleArg } from './options.js';
import { preflight } from './preflight.js';

interface RunFlags {
  seed?: number;
  weeks?: number;
  scale?: number;
  out?: string;
  json?: boolean;
  maxMemory?: number;
  lang: Lang;
}

export function registerRun(program: Command): void {
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
    .action(run);
}

async function run(file: string, opts: RunFlags): Promise<void> {
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
}
