/**
 * docs/outputs.md documents what lintas writes: each command's files are checked against the
 * documented columns and keys (src/report/output-files.ts), in both directions.
 */
import { csvParse } from 'd3-dsv';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare } from '../../src/experiment/compare.js';
import { runScenario, writeRun } from '../../src/experiment/run.js';
import { sweep } from '../../src/experiment/sweep.js';
import { FLOW_METRICS, METRICS, STOCK_METRICS } from '../../src/model/metrics.js';
import { OUTPUT_FILES, RECORD_METRICS } from '../../src/report/output-files.js';
import { loadScenario } from '../../src/scenario/load.js';

let dir: string;
let crossingIds: string[];

/** The names a documented name stands for. */
function expand(name: string, extra: Record<string, string[]> = {}): string[] {
  const families: Record<string, string[]> = { metric: METRICS, flow: FLOW_METRICS, stock: STOCK_METRICS, crossing: crossingIds, ...extra };
  const m = /<(\w+)>/.exec(name);
  if (!m) return [name];
  const values = families[m[1]!];
  if (!values) throw new Error(`no family <${m[1]}>`);
  return values.map((v) => name.replace(m[0], v));
}

function documented(file: string, extra?: Record<string, string[]>): string[] {
  const f = OUTPUT_FILES.find((x) => x.file === file);
  if (!f) throw new Error(`${file} is not documented`);
  return f.columns.flatMap((c) => expand(c.name, extra));
}

const header = (path: string) => csvParse(readFileSync(path, 'utf8')).columns;
const recordMetrics = () => RECORD_METRICS.flatMap((c) => expand(c.name)).sort();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lintas-outputs-'));
  const s = await loadScenario('scenarios/baseline.ts');
  crossingIds = s.crossings.map((c) => c.id);
  writeRun(join(dir, 'run'), runScenario(s, { seed: 2, scale: 50, weeks: 6 }));
  // Let the test runner's messages through between long runs (vitest times out a worker that never yields).
  const yieldToRunner = () => new Promise((resolve) => setImmediate(resolve));
  await yieldToRunner();
  const common = { replicates: 2, scale: 50, weeks: 6, workers: 1, resume: false };
  await compare({ ...common, file: 'tests/fixtures/compare-small.json', outDir: join(dir, 'compare') });
  await yieldToRunner();
  await sweep({ ...common, replicates: 1, file: 'scenarios/baseline.ts', params: ['params.patrolKappa=0.01,0.02'], parquet: false, outDir: join(dir, 'sweep') });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('docs/outputs.md', () => {
  it('documents every file the commands write', () => {
    const files = [...readdirSync(join(dir, 'run')), ...readdirSync(join(dir, 'compare')), ...readdirSync(join(dir, 'sweep'))];
    const names = OUTPUT_FILES.map((f) => f.file).join(' ');
    for (const f of files) expect(names, f).toContain(f);
  });

  it('lintas run: summary.json keys and the columns of timeseries.csv and crossings.csv', () => {
    const summary = JSON.parse(readFileSync(join(dir, 'run', 'summary.json'), 'utf8'));
    expect(Object.keys(summary).sort()).toEqual(documented('summary.json').sort());
    expect(Object.keys(summary.totals).sort()).toEqual([...FLOW_METRICS].sort());
    expect(Object.keys(summary.final).sort()).toEqual([...STOCK_METRICS].sort());
    expect(header(join(dir, 'run', 'timeseries.csv'))).toEqual(documented('timeseries.csv'));
    expect(header(join(dir, 'run', 'crossings.csv'))).toEqual(documented('crossings.csv'));
  });

  it('lintas compare: comparison.csv and its metrics, weekly.csv, manifest, scenario.json, the journal', () => {
    const rows = csvParse(readFileSync(join(dir, 'compare', 'comparison.csv'), 'utf8'));
    expect(rows.columns).toEqual(documented('comparison.csv'));
    expect([...new Set(rows.map((r) => r.metric!))].sort()).toEqual(recordMetrics());
    expect(header(join(dir, 'compare', 'weekly.csv'))).toEqual(documented('weekly.csv'));
    const manifest = JSON.parse(readFileSync(join(dir, 'compare', 'manifest.json'), 'utf8'));
    for (const k of documented('manifest.json').filter((k) => k !== 'other keys')) expect(manifest, k).toHaveProperty(k);
    const scenario = JSON.parse(readFileSync(join(dir, 'compare', 'scenario.json'), 'utf8'));
    expect(Object.keys(scenario).map((k) => (Array.isArray(scenario[k]) ? `${k}[]` : k)).sort()).toEqual(documented('scenario.json').sort());
    const line = JSON.parse(readFileSync(join(dir, 'compare', 'runs.jsonl'), 'utf8').split('\n')[0]!);
    expect(Object.keys(line).sort()).toEqual(documented('runs.jsonl').sort());
  });

  it('lintas sweep: sweep.csv', () => {
    expect(header(join(dir, 'sweep', 'sweep.csv'))).toEqual(documented('sweep.csv', { path: ['params.patrolKappa'] }));
    const rows = csvParse(readFileSync(join(dir, 'sweep', 'sweep.csv'), 'utf8'));
    expect([...new Set(rows.map((r) => r.metric!))].sort()).toEqual(recordMetrics());
  });
});
