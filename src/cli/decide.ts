/** `lintas decide`: which measures (or variants) to fund under a budget, over uncertainty draws with common random numbers. */
import { type Command, InvalidArgumentError } from 'commander';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import type { Lang } from '../i18n/langs.js';
import { localize } from './modules.js';
import { type ExperimentFlags, experiment, integer, LANG_HELP, langArg, MAX_COUNT, number, runOptions } from './options.js';
import { preflight } from './preflight.js';

type DecideFlags = Omit<ExperimentFlags, 'replicates'> & {
  draws: number;
  measures?: string;
  intensities?: string;
  budget?: number;
  maxPortfolios: number;
  posterior?: string;
  params?: string;
  goal: number;
  main?: string;
  json?: boolean;
  report: boolean;
  lang: Lang;
};

/** A comma-separated list of intensities, each a number in (0, 1]. */
const intensitiesArg = (v: string): string => {
  const xs = v.split(',').map((x) => x.trim());
  if (!xs.length || xs.some((x) => x === '' || !(Number(x) > 0 && Number(x) <= 1))) throw new UserError([`--intensities ${v}: expected intensities in (0, 1] separated by commas, e.g. 0.5,1`]);
  return v;
};

/** The goal: a share of the people trafficked in (0, 1]. */
const goalArg = (v: string): number => {
  const x = Number(v);
  if (v.trim() === '' || !(x > 0 && x <= 1)) throw new InvalidArgumentError(`expected a share in (0, 1], e.g. 0.1 for 10%, got "${v}"`);
  return x;
};

export function registerDecide(program: Command): void {
  runOptions(
    program
      .command('decide')
      .description('which measures to fund under a budget, and how sure to be: portfolios, robustness, scenario discovery and the value of information over uncertainty draws')
      .argument('<scenario>', 'scenario file: its variants are the decisions, or with --measures its baseline takes a menu (.ts, .json or .yaml)')
      .option('--measures <list>', 'a menu: comma-separated measures (kinds), or all; the decisions are its portfolios within --budget')
      .option('--budget <IDR>', 'yearly budget in rupiah (needed with --measures; with variants, those above it are not eligible)', number(0))
      .option('--intensities <list>', 'intensities a measure of the menu may take, e.g. 0.5,1 (a measure at 0.5 costs half)', intensitiesArg, '1')
      .option('--max-portfolios <n>', 'the most portfolios to simulate; above it only the maximal ones (no measure can be added within the budget) and each measure alone', integer(2, MAX_COUNT), 200)
      .option('--posterior <file>', "lintas calibrate's posterior.csv: each draw's calibrated parameters, drawn by weight as compare draws them")
      .option('--params <file>', "priors of assumptions (.yaml, .json or .csv, as lintas sensitivity --params): each draw's values")
      .option('--draws <n>', 'uncertainty draws: each one parameter set and one seed, shared by every decision', integer(2, MAX_COUNT), 20)
      .option('--goal <share>', 'the share of the baseline\'s people trafficked a decision must avert to meet the goal', goalArg, 0.1)
      .option('--main <decision>', 'the decision whose failures scenario discovery explains (default: the best on average within the budget)'),
    'decide',
    'draw',
  )
    .option('--json', 'print decide.json alone on stdout')
    .option('--no-report', 'do not write decide.html')
    .option('--lang <code>', LANG_HELP, langArg, 'en')
    .exitOverride()
    .action(decideCommand);
}

async function decideCommand(file: string, o: DecideFlags): Promise<void> {
  if (o.posterior === undefined && o.params === undefined)
    throw new UserError(["decide: no draws source; give --posterior FILE (lintas calibrate's posterior.csv) and/or --params FILE (priors of assumptions)"]);
  if (o.measures !== undefined && o.budget === undefined) throw new UserError(['--measures: a menu needs --budget IDR (a yearly budget)']);
  const base = experiment(file, 'decide', { ...o, replicates: o.draws }, !o.json);
  const { decide, decideSummary, planDecision } = await import('../experiment/decide/decide.js');
  const opts = {
    ...base,
    lang: o.lang,
    measures: o.measures?.split(',').map((x) => x.trim()).filter(Boolean),
    intensities: o.intensities?.split(',').map(Number),
    budget: o.budget,
    maxPortfolios: o.maxPortfolios,
    posterior: o.posterior,
    paramsFile: o.params,
    goal: o.goal,
    main: o.main,
  };
  // Every refusal comes before the output folder is made and before any run.
  const plan = await planDecision(opts);
  await preflight(file, { ...o, replicates: o.draws }, base.outDir, true);
  const report = o.report ? import('../report/decide.js') : undefined;
  report?.catch(() => undefined); // a failure surfaces where it is awaited
  const result = await decide(opts, plan);
  if (report) await (await report).buildDecideReport(base.outDir, await localize(o.lang));
  const wrote = ['decide.json', 'portfolios.csv', 'outcomes.csv', 'draws.csv', 'prim.csv', 'prim-boxes.csv', 'cart.csv', 'voi.csv', ...(o.report ? ['decide.html'] : [])];
  if (o.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(`${decideSummary(result)}\n\n  wrote ${wrote.map((f) => join(base.outDir, f)).join(', ')}\n`);
}
