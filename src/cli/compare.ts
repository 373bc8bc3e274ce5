/** `lintas compare`: the baseline and every variant over replicates with common random numbers. */
import type { Command } from 'commander';
import { join } from 'node:path';
import type { Lang } from '../i18n/langs.js';
import { experiments, localize, reports, tables } from './modules.js';
import { type ExperimentFlags, experiment, experimentOptions, LANG_HELP, langArg } from './options.js';
import { preflight } from './preflight.js';

type CompareFlags = ExperimentFlags & { report: boolean; json?: boolean; posterior?: string; lang: Lang };

export function registerCompare(program: Command): void {
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
    .action(compareCommand);
}

async function compareCommand(file: string, o: CompareFlags): Promise<void> {
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
}
