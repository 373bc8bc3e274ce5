/** One run of a scenario to files: summary.json, timeseries.csv and crossings.csv. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { localize, type Locale } from '../i18n/index.js';
import { simulate } from '../model/model.js';
import type { Scenario } from '../scenario/load.js';
import { WRITTEN_BY } from '../scenario/version.js';
import { writeFilesAtomic } from '../io/atomic.js';
import { crossingsCsv, summarize, timeseriesCsv, type Summary } from './outputs.js';

/**
 * What runScenario returns: the run's Summary and the text of timeseries.csv and crossings.csv, head counts in persons
 * (agents × scale); writeRun writes them to a folder. docs/outputs.md describes each file.
 */
export interface RunResult {
  summary: Summary;
  timeseries: string;
  /** Tidy weekly series per crossing (crossings.csv). */
  crossings: string;
}

/** Overrides for runScenario: seed, scale (persons per agent) and a number of weeks to stop after; by default the scenario's own. */
export interface RunScenarioOptions {
  /** Default: the scenario's seed. */
  seed?: number;
  /** Persons per agent; default: the scenario's scale. */
  scale?: number;
  /** Stop after this many weeks. */
  weeks?: number;
}

/** Runs a scenario with its own seed and scale unless overridden. */
export function runScenario(scenario: Scenario, opts: RunScenarioOptions = {}): RunResult {
  const model = simulate(scenario, { seed: opts.seed ?? scenario.seed, scale: opts.scale ?? scenario.scale, weeks: opts.weeks });
  return { summary: summarize(model), timeseries: timeseriesCsv(model), crossings: crossingsCsv(model) };
}

/** summary.json's text: the summary, after what wrote it. */
export const summaryText = (s: Summary): string => `${JSON.stringify({ writtenBy: WRITTEN_BY, ...s }, null, 2)}\n`;

/** Writes the run's files whole, all or none (files.ts): a full disk leaves no half-written file. */
export function writeRun(dir: string, result: RunResult): void {
  mkdirSync(dir, { recursive: true });
  writeFilesAtomic({
    [join(dir, 'summary.json')]: summaryText(result.summary),
    [join(dir, 'timeseries.csv')]: result.timeseries,
    [join(dir, 'crossings.csv')]: result.crossings,
  });
}

/** A short, readable account of a run for the terminal. */
export function describeRun(s: Summary, loc: Locale = localize()): string {
  const { t: tr } = loc;
  const t = s.totals;
  const f = (x: number | undefined) => loc.int(x ?? 0);
  // Labels padded to one column in every language: English keeps its historical widths.
  const keys = ['departures', 'crossings', 'interceptions', 'trafficked', 'identified', 'justice', 'deportations', 'reCrossings', 'collusion'].map((k) => `cli.run.${k}`);
  const width = Math.max(22, ...keys.map((k) => tr(k).length + 2));
  const row = (key: string, value: string) => `  ${tr(key).padEnd(width - 1)} ${value}`;
  const years = Object.keys(s.perYear);
  const yearRow = (key: string, metric: 'trafficked' | 'identified' | 'deportations') => `  ${tr(key).padEnd(16)}${years.map((y) => f(s.perYear[y]![metric]).padStart(8)).join('')}`;
  const lines = [
    tr('cli.run.header', { scenario: s.scenario, seed: s.seed, scale: s.scale, start: loc.date(s.start), end: loc.date(s.end), weeks: s.weeks }),
    '',
    row('cli.run.departures', `${f(t.departures)}  ${tr('cli.run.farOrigins', { n: f(t.departures_far) })}`),
    row('cli.run.crossings', tr('cli.run.crossingsLine', { regular: f(t.crossings_regular), colluded: f(t.crossings_colluded), informal: f(t.crossings_informal) })),
    row('cli.run.interceptions', f(t.interceptions)),
    row('cli.run.trafficked', f(t.trafficked)),
    row('cli.run.identified', `${f(t.identified)}  ${tr('cli.run.ofTrafficked', { pct: t.trafficked ? loc.fixed((100 * (t.identified ?? 0)) / t.trafficked, 1) : '0' })}`),
    row('cli.run.justice', tr('cli.run.justiceLine', { arrests: f(t.broker_arrests), prosecutions: f(t.prosecutions), convictions: f(t.convictions) })),
    row('cli.run.deportations', `${f(t.deportations)}  ${tr('cli.run.deportationsLine', { sabah: f(t.deportations_sabah), sarawak: f(t.deportations_sarawak) })}`),
    row('cli.run.reCrossings', f(t.re_crossings)),
    row('cli.run.collusion', f(t.collusion_events)),
    '',
    `  ${tr('cli.run.perYear').padEnd(16)}${years.map((y) => y.padStart(8)).join('')}`,
    yearRow('cli.run.rowTrafficked', 'trafficked'),
    yearRow('cli.run.rowIdentified', 'identified'),
    yearRow('cli.run.rowDeportations', 'deportations'),
  ];
  return lines.join('\n');
}
