/** One run of a scenario to files: summary.json, timeseries.csv and crossings.csv. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { simulate } from '../model/model.js';
import type { Scenario } from '../scenario/load.js';
import { writeFilesAtomic } from './files.js';
import { crossingsCsv, summarize, timeseriesCsv, type Summary } from './outputs.js';

export interface RunResult {
  summary: Summary;
  timeseries: string;
  /** Tidy weekly series per crossing (crossings.csv). */
  crossings: string;
}

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
  const { state } = simulate(scenario, { seed: opts.seed ?? scenario.seed, scale: opts.scale ?? scenario.scale, weeks: opts.weeks });
  return { summary: summarize(state), timeseries: timeseriesCsv(state), crossings: crossingsCsv(state) };
}

/** Writes the run's files whole, all or none (files.ts): a full disk leaves no half-written file. */
export function writeRun(dir: string, result: RunResult): void {
  mkdirSync(dir, { recursive: true });
  writeFilesAtomic({
    [join(dir, 'summary.json')]: `${JSON.stringify(result.summary, null, 2)}\n`,
    [join(dir, 'timeseries.csv')]: result.timeseries,
    [join(dir, 'crossings.csv')]: result.crossings,
  });
}

/** A short, readable account of a run for the terminal. */
export function describeRun(s: Summary): string {
  const t = s.totals;
  const f = (x: number | undefined) => Math.round(x ?? 0).toLocaleString('en-US');
  const years = Object.keys(s.perYear);
  const lines = [
    `lintas run: ${s.scenario}, seed ${s.seed}, 1 agent = ${s.scale} person(s), ${s.start} .. ${s.end} (${s.weeks} weeks)`,
    '',
    `  departures            ${f(t.departures)}  (far origins ${f(t.departures_far)})`,
    `  crossings             regular ${f(t.crossings_regular)}, colluded ${f(t.crossings_colluded)}, informal ${f(t.crossings_informal)}`,
    `  interceptions         ${f(t.interceptions)}`,
    `  trafficked (true)     ${f(t.trafficked)}`,
    `  identified victims    ${f(t.identified)}  (${t.trafficked ? ((100 * (t.identified ?? 0)) / t.trafficked).toFixed(1) : '0'}% of trafficked)`,
    `  broker arrests        ${f(t.broker_arrests)}, prosecutions ${f(t.prosecutions)}, convictions ${f(t.convictions)}`,
    `  deportations          ${f(t.deportations)}  (from Sabah through Nunukan ${f(t.deportations_sabah)}, from Sarawak through Entikong ${f(t.deportations_sarawak)})`,
    `  re-crossings          ${f(t.re_crossings)}`,
    `  collusion events      ${f(t.collusion_events)}`,
    '',
    `  per year        ${years.map((y) => y.padStart(8)).join('')}`,
    `  trafficked      ${years.map((y) => f(s.perYear[y]!.trafficked).padStart(8)).join('')}`,
    `  identified      ${years.map((y) => f(s.perYear[y]!.identified).padStart(8)).join('')}`,
    `  deportations    ${years.map((y) => f(s.perYear[y]!.deportations).padStart(8)).join('')}`,
  ];
  return lines.join('\n');
}
