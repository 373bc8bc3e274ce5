/**
 * Every file lintas writes and every column or key in it, with unit and definition: the source of
 * docs/outputs.md (with the metric registry). Names in angle brackets stand for a family:
 * `<metric>` every metric of the registry, `<flow>` every flow metric, `<stock>` every stock,
 * `<crossing>` every crossing id of the scenario, `<path>` a swept scenario path, `<parameter>` a
 * factor of a sensitivity design, `<output>` an output of a sensitivity analysis, `<draw path>` a
 * parameter an uncertainty draw of decide sets.
 * tests/report/outputs-doc.test.ts runs each command and checks its files against this list.
 */

export interface OutputColumn {
  name: string;
  unit: string;
  definition: string;
}

export interface OutputFile {
  file: string;
  command: 'run' | 'compare' | 'sweep' | 'sensitivity' | 'decide';
  format: 'CSV' | 'JSON' | 'JSON lines' | 'HTML' | 'Parquet' | 'folder';
  description: string;
  columns: OutputColumn[];
}

const col = (name: string, unit: string, definition: string): OutputColumn => ({ name, unit, definition });
const WEEK = col('week', 'week index', 'week of the reported horizon, from 0 (spin-up weeks are not reported)');
const DATE = col('date', 'ISO date', 'the Monday the week starts on');
const SEED = col('seed', 'integer', 'random seed of the run (replicate r runs with seed + r)');
const REPLICATE = col('replicate', 'index', 'replicate number, from 0');

/** The metric keys of a run record (comparison.csv, runs.jsonl, sweep.csv). */
export const RECORD_METRICS: OutputColumn[] = [
  col('<flow>', 'as the metric', 'total of a flow metric over the run (see the metric table below)'),
  col('final_<stock>', 'as the metric', 'a stock metric in the last week of the run'),
  col('flow_<crossing>', 'persons', 'migrant crossings through the crossing over the run (regular + colluded + informal; residents\' visits not counted)'),
  col('perday_<crossing>', 'persons a day', 'outbound persons a day through the crossing while it is open, residents\' visits included (the unit posts report)'),
];

export const OUTPUT_FILES: OutputFile[] = [
  {
    file: 'summary.json',
    command: 'run',
    format: 'JSON',
    description: 'the run in brief: its settings, totals, totals per year, per crossing, and the stocks at the end',
    columns: [
      col('writtenBy', 'object', 'lintas: the version of lintas that wrote the file; scenarioFormat: the version of the scenario format it read (CONTRIBUTING.md, Versioning)'),
      col('scenario', 'text', 'scenario name'),
      col('seed', 'integer', 'random seed'),
      col('scale', 'persons per agent', 'how many persons one agent stands for'),
      col('start', 'ISO date', 'first reported week'),
      col('end', 'ISO date', 'start of the last reported week'),
      col('weeks', 'weeks', 'reported weeks'),
      col('totals', 'object', '`<flow>` → total over the run'),
      col('perYear', 'object', 'calendar year → `<flow>` → total in that year'),
      col('perCrossing', 'object', '`<crossing>` → kind, regular, colluded, informal, intercepted, migrants (regular + colluded + informal), visits (residents\' short visits), trafficked (people trafficked who had crossed there), identified (victims identified there), deported (deportees returned through it), perDayWhenOpen (outbound migrants and visitors per day over the weeks it was open, as post statistics count them), weeksOpen; persons except weeksOpen'),
      col('perPlace', 'object', '`<crossing>` or `<province>` → kind (crossing or province), perYear: calendar year → counts. A crossing: identified, deported, trafficked there, and outbound (every crossing out of Indonesia there: migrants and residents\' visits) (persons). A province (the `province` of crossings and hubs): identified (victims, by the crossing they used or were returned through), cases_opened (by the broker\'s hub; cases, not scaled), deported (persons). What targets with a place compare with'),
      col('final', 'object', '`<stock>` → value in the last week'),
    ],
  },
  {
    file: 'timeseries.csv',
    command: 'run',
    format: 'CSV',
    description: 'one row per week: every metric, then migrant crossings and residents\' visits per crossing',
    columns: [
      WEEK,
      DATE,
      col('<metric>', 'as the metric', 'the metric in that week (flows: events in the week; stocks: head count at its end)'),
      col('migrants_at_<crossing>', 'persons per week', 'migrant crossings through the crossing (regular + colluded + informal), residents\' visits not counted'),
      col('visits_at_<crossing>', 'persons per week', 'border residents\' short visits (market, medical, family) through the crossing: not migrant crossings'),
    ],
  },
  {
    file: 'crossings.csv',
    command: 'run',
    format: 'CSV',
    description: 'tidy weekly series per crossing: one row per week and crossing',
    columns: [
      WEEK,
      DATE,
      col('crossing', 'id', 'crossing id (scenarios/data/crossings.csv)'),
      col('kind', 'post, sea or informal', 'kind of crossing'),
      col('migrant_crossings', 'persons per week', 'migrants who crossed there (regular + colluded + informal)'),
      col('regular', 'persons per week', 'migrants inspected and passed at an official post'),
      col('colluded', 'persons per week', 'migrants waved through unverified by a colluding officer'),
      col('informal', 'persons per week', 'migrants who crossed on a footpath or unregulated water crossing'),
      col('intercepted', 'persons per week', 'crossing attempts stopped there (at the post or by patrols)'),
      col('visits', 'persons per week', 'border residents\' short visits: not migrant crossings'),
      col('trafficked', 'persons per week', 'people trafficked this week whose journey crossed there'),
      col('identified', 'persons per week', 'victims identified there by officers or patrols'),
      col('deported', 'persons per week', 'deportees returned to Indonesia through it'),
    ],
  },
  {
    file: 'comparison.csv',
    command: 'compare',
    format: 'CSV',
    description: 'tidy: one row per variant, replicate and metric (pivot on metric for a wide table)',
    columns: [col('variant', 'name', 'variant name (the first is the baseline)'), REPLICATE, SEED, col('metric', 'name', 'one of the record metrics below'), col('value', 'as the metric', 'the metric in that run')],
  },
  {
    file: 'comparison.json',
    command: 'compare',
    format: 'JSON',
    description: 'the statistics of the comparison',
    columns: [
      col('scenario, start, end, replicates, seeds, scale, weeks', 'as in manifest.json', 'the comparison\'s settings'),
      col(
        'variants[]',
        'object',
        'name, description, costIdr (programme cost over the run against the baseline, IDR), costPerTraffickingCaseAvertedIdr (IDR per case at the paired mean, null where the reduction is not clear), metrics; and decomposes on the runs a decomposition adds (variant, held: the mechanisms held, stage: the stage they are held at)',
      ),
      col('variants[].metrics.<record metric>', 'as the metric', 'mean, lo and hi (95% interval of the mean over replicates), diff (paired difference against the baseline: mean, lo, hi, n), unpairedDiff, relativeChange (share of the baseline mean)'),
      col(
        'decompositions[]',
        'object',
        'a change of cooperation stage by mechanism, for trafficked, identified and convictions: variant, against, metric, method ("shapley"), heldAt (the reference\'s stage, at which held mechanisms stay), coalitions (runs the Shapley values read, 2^players), emptyCoalition (the run with every mechanism held: `against` itself when the two variants differ only in their stages); total (variant − against), stageChange (variant − emptyCoalition), mechanisms[] (each player: mechanism, or "others" for the unlisted mechanisms moving together, with mechanisms and label; its exact Shapley value) and notStage (emptyCoalition − against: what is not the stage; null when the variants differ only in their stages). Each figure has value (mean, lo, hi, n: 95% interval over replicates), clear (the interval excludes zero; false: not distinguishable from zero), share (of the total\'s mean; null unless the total is clear) and byReplicate. The mechanisms\' values add up to stageChange, and stageChange + notStage to total, replicate by replicate',
      ),
      col(
        'posterior',
        'object',
        'with --posterior FILE only: file, sha256, particles, parameters, description; and calibration when a summary lies beside the posterior (posterior.json beside posterior.csv): each parameter\'s prior range, hand-set value, posterior median and 90% interval; the averaged relative difference and 90% coverage of prior, hand-set and posterior on fitted and held-out targets; each target\'s observed value, model mean and 90% interval, and source (shown in report.html)',
      ),
    ],
  },
  {
    file: 'weekly.csv',
    command: 'compare',
    format: 'CSV',
    description: 'weekly bands over replicates for the charts, one row per variant, week and metric',
    columns: [
      col('variant', 'name', 'variant name'),
      WEEK,
      DATE,
      col('metric', 'name', 'crossings_regular, crossings_colluded, crossings_informal, trafficked or identified'),
      col('mean', 'persons per week', 'mean over replicates'),
      col('p05', 'persons per week', '5th percentile over replicates'),
      col('p95', 'persons per week', '95th percentile over replicates'),
    ],
  },
  {
    file: 'scenario.json',
    command: 'compare',
    format: 'JSON',
    description: 'what the report needs from the scenario',
    columns: [
      col('writtenBy', 'object', 'lintas: the version of lintas that wrote the file; scenarioFormat: the version of the scenario format it read (CONTRIBUTING.md, Versioning)'),
      col('file', 'path', 'the scenario file'),
      col('command', 'text', 'the command that reproduces the comparison'),
      col('parameters[]', 'object', 'name, value, unit, meaning, source, range, intervention (null for the model\'s own) of every coefficient'),
      col('geography', 'object', 'origins, hubs, crossings, destinations, routes and closures as the scenario gives them'),
      col('variants[]', 'object', 'name, description, stages and interventions of every variant'),
    ],
  },
  {
    file: 'manifest.json',
    command: 'compare',
    format: 'JSON',
    description: 'the experiment\'s identity; --resume refuses a folder whose manifest differs. Also written by sweep and sensitivity with their own settings',
    columns: [
      col('kind', 'text', 'compare, sweep or sensitivity'),
      col('writtenBy', 'object', 'lintas: the version of lintas that wrote the file; scenarioFormat: the version of the scenario format it read (CONTRIBUTING.md, Versioning)'),
      col('fingerprint', 'hex', 'hash of the resolved scenarios: a changed scenario is a different experiment'),
      col('seeds', 'integers', 'the seeds of the replicates'),
      col('scale', 'persons per agent', 'scale of every run'),
      col('weeks', 'weeks or null', 'the --weeks limit, if any'),
      col('other keys', 'as named', 'compare: scenario, variants; sweep: file, points; sensitivity: method, factors, decision, design'),
    ],
  },
  {
    file: 'runs.jsonl',
    command: 'compare',
    format: 'JSON lines',
    description: 'the journal: one sealed line per finished run, which --resume reuses. Also written by sweep and sensitivity',
    columns: [
      col('fp', 'hex', 'fingerprint of the experiment the run belongs to'),
      col('key', 'text', 'the run\'s task key'),
      col('variant', 'name', 'variant name (sweep: "sweep")'),
      col('point', 'index', 'variant index, or design point'),
      REPLICATE,
      SEED,
      col('metrics', 'object', 'the record metrics below'),
      col('weekly', 'object', 'metric → weekly series (the weekly.csv metrics)'),
      col('perYear', 'object', 'year → flow metric → total in that calendar year (persons), as in summary.json'),
      col('perPlace', 'object', 'crossing or province → its counts per calendar year, as in summary.json'),
      col('sum', 'hex', 'checksum of the line'),
    ],
  },
  {
    file: 'report.html and charts/',
    command: 'compare',
    format: 'HTML',
    description: 'the self-contained report, in the language of `--lang` (en, id or ms); charts/ holds each chart as a vega-lite spec (.vl.json), SVG and PNG. `lintas brief DIR [--lang id]` adds brief.pdf (brief-id.pdf, brief-ms.pdf): a 2–4 page A4 policy brief printed by Chromium',
    columns: [],
  },
  {
    file: 'sweep.csv',
    command: 'sweep',
    format: 'CSV',
    description: 'tidy: one row per design point, replicate and metric',
    columns: [
      col('point', 'index', 'design point'),
      REPLICATE,
      SEED,
      col('<path>', 'as the parameter', 'the value set at that scenario path (one column per --param)'),
      col('metric', 'name', 'one of the record metrics below'),
      col('value', 'as the metric', 'the metric in that run'),
    ],
  },
  {
    file: 'sweep.json',
    command: 'sweep',
    format: 'JSON',
    description: 'params (the swept paths), seeds, and points[]: point, values (path → value), means (record metric → mean over replicates)',
    columns: [],
  },
  {
    file: 'sweep.parquet',
    command: 'sweep',
    format: 'Parquet',
    description: 'the rows of sweep.csv (with --parquet)',
    columns: [],
  },
  {
    file: 'sensitivity.csv',
    command: 'sensitivity',
    format: 'CSV',
    description: 'tidy: one row per output, parameter and index',
    columns: [
      col('method', 'morris or sobol', 'the method'),
      col('output', 'name', 'a metric, dark_figure, or with --variant/--against the paired difference of a metric'),
      col('parameter', 'path', 'the factor (a scenario path)'),
      col('index', 'name', 'Morris: mu, muStar, sigma, muStarLo, muStarHi; Sobol: S1, ST and their interval ends'),
      col('value', 'as the output (Morris) or share of variance (Sobol)', 'the index'),
    ],
  },
  {
    file: 'sensitivity.json',
    command: 'sensitivity',
    format: 'JSON',
    description: 'the indices with the factors, the share of variance due to seeds per output, and what could flip a decision',
    columns: [],
  },
  {
    file: 'design.csv',
    command: 'sensitivity',
    format: 'CSV',
    description: 'the design: one row per point',
    columns: [col('point', 'index', 'design point'), col('<parameter>', 'as the parameter', 'the value of each factor at the point')],
  },
  {
    file: 'points.csv',
    command: 'sensitivity',
    format: 'CSV',
    description: 'the mean output of each design point over its seeds',
    columns: [col('point', 'index', 'design point'), col('<output>', 'as the output', 'mean over the point\'s replicates')],
  },
  {
    file: 'portfolios.csv',
    command: 'decide',
    format: 'CSV',
    description: 'one row per decision (a portfolio of the menu, or a variant): its cost and its cases averted over the uncertainty draws (docs/decide.md)',
    columns: [
      col('portfolio', 'name', 'the decision: measures joined by + (kind@intensity below 1), baseline for no new measure, or the variant\'s name'),
      col('measures', 'text', 'each measure as kind@intensity, separated by spaces (a variant: its description)'),
      col('cost_idr_per_year', 'IDR a year', 'yearly programme cost: each measure\'s costPerYearIdr times its intensity (a variant: its cost over the horizon per year, beyond the baseline\'s)'),
      col('cost_idr', 'IDR', 'programme cost over the weeks simulated'),
      col('within_budget', 'true/false', 'its yearly cost fits --budget (eligible to be chosen)'),
      col('pareto', 'true/false', 'on the Pareto front of yearly cost against mean cases averted'),
      col('mean_averted', 'persons', 'mean over the draws of the cases averted: people trafficked under the baseline minus under the decision, same draw and seed'),
      col('sd_averted', 'persons', 'standard deviation of the cases averted over the draws'),
      col('p05_averted', 'persons', '5th percentile of the cases averted over the draws'),
      col('p50_averted', 'persons', 'median of the cases averted'),
      col('p95_averted', 'persons', '95th percentile of the cases averted'),
      col('mean_averted_share', 'share', 'mean over the draws of the cases averted as a share of the baseline\'s people trafficked'),
      col('p_best', 'share', 'share of the draws in which it averts the most among the decisions within the budget (ties shared)'),
      col('expected_regret', 'persons', 'mean over the draws of its regret: the best eligible decision\'s cases averted in that draw minus its own'),
      col('max_regret', 'persons', 'its largest regret over the draws (min-max regret minimises it)'),
      col('p90_regret', 'persons', '90th percentile of its regret over the draws'),
      col('satisficing', 'share', 'share of the draws in which it averts at least --goal of the baseline\'s people trafficked'),
      col('cost_per_case_averted_idr', 'IDR', 'cost_idr / mean_averted; empty unless both are positive'),
    ],
  },
  {
    file: 'outcomes.csv',
    command: 'decide',
    format: 'CSV',
    description: 'tidy: one row per decision and uncertainty draw',
    columns: [
      col('portfolio', 'name', 'the decision, as in portfolios.csv'),
      col('draw', 'index', 'the uncertainty draw, from 0'),
      col('seed', 'integer', 'random seed of the draw (draw d runs with seed + d, in every decision)'),
      col('trafficked', 'persons', 'people trafficked over the weeks simulated'),
      col('averted', 'persons', 'the baseline\'s people trafficked in the same draw minus this decision\'s'),
      col('averted_share', 'share', 'averted as a share of the baseline\'s people trafficked in the draw'),
      col('regret', 'persons', 'the most any decision within the budget averts in the draw, minus this decision\'s'),
      col('meets_goal', 'true/false', 'averted_share is at least --goal'),
    ],
  },
  {
    file: 'draws.csv',
    command: 'decide',
    format: 'CSV',
    description: 'the uncertainty draws: one row per draw, the parameter values every decision runs with',
    columns: [col('draw', 'index', 'the draw, from 0'), col('seed', 'integer', 'its random seed'), col('<draw path>', 'as the parameter', 'a scenario path the draw sets: from --posterior (a particle drawn by weight) or --params (a prior)')],
  },
  {
    file: 'prim.csv',
    command: 'decide',
    format: 'CSV',
    description: 'the PRIM peeling trajectory of each box of the draws in which the main decision misses the goal (empty when none or all do)',
    columns: [
      col('box', 'index', 'the box, from 1 (a second box covers draws the first leaves out)'),
      col('step', 'index', 'the peeling step, from 0 (every draw)'),
      col('coverage', 'share', 'share of all failing draws inside the box'),
      col('density', 'share', 'share of the draws inside the box that fail'),
      col('mass', 'share', 'share of all draws inside the box'),
      col('n', 'draws', 'draws inside the box'),
      col('cases', 'draws', 'failing draws inside the box'),
      col('restricted', 'count', 'parameters the box restricts'),
      col('selected', 'true/false', 'the step chosen (before pasting): the best harmonic mean of coverage and density'),
    ],
  },
  {
    file: 'prim-boxes.csv',
    command: 'decide',
    format: 'CSV',
    description: 'each PRIM box after pasting: one row per parameter it restricts',
    columns: [
      col('box', 'index', 'the box, from 1'),
      col('parameter', 'path', 'a parameter the box restricts'),
      col('lo', 'as the parameter', 'lowest value in the box'),
      col('hi', 'as the parameter', 'highest value in the box'),
      col('full_lo', 'as the parameter', 'lowest value over all draws'),
      col('full_hi', 'as the parameter', 'highest value over all draws'),
      col('coverage', 'share', 'the box\'s coverage'),
      col('density', 'share', 'the box\'s density'),
      col('mass', 'share', 'the box\'s mass'),
    ],
  },
  {
    file: 'cart.csv',
    command: 'decide',
    format: 'CSV',
    description: 'a classification tree (CART, Gini) of the draws in which the main decision misses the goal: one row per node, depth first',
    columns: [
      col('node', 'index', 'the node; 0 is the root'),
      col('depth', 'levels', 'levels below the root'),
      col('rule', 'text', 'the conditions from the root to the node, joined by "and"'),
      col('n', 'draws', 'draws in the node'),
      col('failures', 'draws', 'failing draws in the node'),
      col('share', 'share', 'failures / n'),
      col('split_parameter', 'path', 'an inner node\'s split parameter (empty for a leaf)'),
      col('split_threshold', 'as the parameter', 'draws with the parameter at most this go left'),
      col('left', 'index', 'the left child'),
      col('right', 'index', 'the right child'),
    ],
  },
  {
    file: 'voi.csv',
    command: 'decide',
    format: 'CSV',
    description: 'the value of information, in cases averted: EVPI, and EVPPI per parameter (with its noise level) and group',
    columns: [
      col('measure', 'name', 'evpi, evppi (one parameter) or evppi_group'),
      col('parameter', 'path or name', 'the parameter, or the group (posterior, priors, all)'),
      col('source', 'text', 'posterior or prior; for a group, its parameters'),
      col('value', 'persons', 'cases averted gained on average by deciding with it known'),
      col('noise', 'persons', 'the noise level: the mean EVPPI of the parameter\'s values (a group\'s draws) shuffled across the draws, unrelated to anything; a value not clearly above it cannot be told from the estimator\'s bias (empty for evpi)'),
      col('share_of_evpi', 'share', 'value / EVPI'),
    ],
  },
  {
    file: 'decide.json',
    command: 'decide',
    format: 'JSON',
    description: 'the settings (scenario, draws, seeds, budget, goal, uncertainty sources and the range each drawn parameter spans), every decision\'s results as portfolios.csv, the max-expected and min-max-regret choices and what separates them, the main decision\'s failures, the PRIM boxes with their trajectories, the CART tree, and the value of information',
    columns: [],
  },
  {
    file: 'decide.html and charts/',
    command: 'decide',
    format: 'HTML',
    description: 'the report, in the language of `--lang`: portfolios and the Pareto front, robustness, scenario discovery, the value of information, each with a plain-words reading; charts/ holds each chart as SVG and PNG. Also written: manifest.json and runs.jsonl, as compare writes them',
    columns: [],
  },
];
