/**
 * Every file lintas writes and every column or key in it, with unit and definition: the source of
 * docs/outputs.md (with the metric registry). Names in angle brackets stand for a family:
 * `<metric>` every metric of the registry, `<flow>` every flow metric, `<stock>` every stock,
 * `<crossing>` every crossing id of the scenario, `<path>` a swept scenario path, `<parameter>` a
 * factor of a sensitivity design, `<output>` an output of a sensitivity analysis.
 * tests/report/outputs-doc.test.ts runs each command and checks its files against this list.
 */

export interface OutputColumn {
  name: string;
  unit: string;
  definition: string;
}

export interface OutputFile {
  file: string;
  command: 'run' | 'compare' | 'sweep' | 'sensitivity';
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
];
