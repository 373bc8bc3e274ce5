/**
 * Parameter sweeps over any scenario path: the full factorial of value lists, or a Latin
 * hypercube of `--samples N` points over ranges. Every design point is validated before the
 * first run; rows come out tidy (one per run and metric) in CSV, JSON and optionally Parquet.
 */
import { mean } from 'd3-array';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { shuffle, stream } from '../core/rng.js';
import { UserError } from '../core/errors.js';
import { readScenarioFile } from '../scenario/load.js';
import { getPath } from '../scenario/paths.js';
import { writeFileAtomic } from '../io/atomic.js';
import { execute, type ExperimentOptions } from './executor.js';
import { writeParquet } from './parquet.js';
import { sweepScenario, type RunRecord, type Task } from './tasks.js';

type Value = number | string | boolean;
export type ParamSpec = { path: string; values: Value[] } | { path: string; lo: number; hi: number };

/**
 * What sweep takes besides the file, replicates, workers and output folder: `params` as PATH=v1,v2,... (full factorial)
 * or PATH=lo..hi with `samples` N (a Latin hypercube of N points), and whether to also write sweep.parquet.
 */
export interface SweepOptions extends ExperimentOptions {
  params: string[];
  samples?: number;
  parquet: boolean;
}

const parseValue = (s: string): Value => (s === 'true' ? true : s === 'false' ? false : s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : s);

/** Parses one --param spec, or throws a one-line UserError. */
export function parseParamSpec(spec: string): ParamSpec {
  const eq = spec.indexOf('=');
  if (eq <= 0) throw new UserError([`--param ${spec}: expected PATH=v1,v2,... or PATH=lo..hi`]);
  const path = spec.slice(0, eq).trim();
  const rhs = spec.slice(eq + 1).trim();
  if (rhs.includes('..')) {
    const [a, b, ...rest] = rhs.split('..');
    const lo = Number(a), hi = Number(b);
    if (rest.length || a!.trim() === '' || b!.trim() === '' || !Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi))
      throw new UserError([`--param ${spec}: expected a range lo..hi of numbers with lo < hi, got "${rhs}"`]);
    return { path, lo, hi };
  }
  const values = rhs.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (!values.length) throw new UserError([`--param ${spec}: expected one or more values after "="`]);
  return { path, values: values.map(parseValue) };
}

/** Design points: full factorial, or a Latin hypercube drawn from a seeded stream. */
export function designPoints(specs: ParamSpec[], samples: number | undefined, seed: number): [string, Value][][] {
  if (samples !== undefined) {
    const lists = specs.filter((s) => 'values' in s);
    if (lists.length) throw new UserError([`--param ${lists[0]!.path}: --samples needs ranges (PATH=lo..hi), not value lists`]);
    const r = stream(seed, 'sweep-latin-hypercube');
    const columns = (specs as { path: string; lo: number; hi: number }[]).map((s) => {
      const strata = Int32Array.from({ length: samples }, (_, i) => i);
      shuffle(strata, r);
      return Array.from(strata, (k) => Number((s.lo + ((k + r.next()) / samples) * (s.hi - s.lo)).toPrecision(8)));
    });
    return Array.from({ length: samples }, (_, i) => specs.map((s, j) => [s.path, columns[j]![i]!] as [string, Value]));
  }
  const ranges = specs.filter((s) => 'lo' in s);
  if (ranges.length) throw new UserError([`--param ${ranges[0]!.path}=${(ranges[0] as { lo: number }).lo}..${(ranges[0] as { hi: number }).hi}: a range needs --samples N (Latin hypercube)`]);
  let points: [string, Value][][] = [[]];
  for (const s of specs as { path: string; values: Value[] }[]) points = points.flatMap((p) => s.values.map((v) => [...p, [s.path, v] as [string, Value]]));
  return points;
}

// Full precision: the shortest text that reads back to the same double.
const num = (x: Value) => String(x);

/**
 * Runs a parameter sweep over scenario paths, `replicates` seeds per design point. Every point is validated before the first
 * run (all problems in one UserError). Writes sweep.csv, sweep.json (means per point) and optionally sweep.parquet;
 * returns a table for the terminal and the files written.
 */
export async function sweep(opts: SweepOptions): Promise<{ text: string; files: string[] }> {
  if (!opts.params.length) throw new UserError(['sweep: expected at least one --param PATH=values']);
  const specs = opts.params.map(parseParamSpec);
  const data = await readScenarioFile(opts.file);
  for (const s of specs) if (getPath(data, s.path) === undefined) throw new UserError([`--param ${s.path}: unknown path "${s.path}" in ${opts.file}`]);
  const seed0 = opts.seed ?? (((data as { seed?: number }).seed ?? 1) as number);
  const points = designPoints(specs, opts.samples, seed0);
  // Validate every point before anything runs.
  const problems: string[] = [];
  for (const [i, overrides] of points.entries()) {
    try {
      await sweepScenario(opts.file, overrides);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      problems.push(...e.lines.map((l) => `point ${i} (${overrides.map(([p, v]) => `${p}=${num(v)}`).join(', ')}): ${l}`));
    }
  }
  if (problems.length) throw new UserError(problems);

  const seeds = Array.from({ length: opts.replicates }, (_, r) => seed0 + r);
  const tasks: Task[] = points.flatMap((overrides) =>
    seeds.map((seed, r) => ({ file: opts.file, variant: -1, overrides, replicate: r, seed, scale: opts.scale, weeks: opts.weeks })),
  );
  const paths = specs.map((s) => s.path);
  const pointOf = new Map(tasks.map((t, i) => [`p${JSON.stringify(t.overrides)}:r${t.replicate}`, Math.floor(i / seeds.length)]));
  const header = `point,replicate,seed,${paths.join(",")},metric,value\n`;
  const rows = (r: RunRecord) => {
    const point = pointOf.get(r.key)!;
    const vals = points[point]!.map(([, v]) => num(v)).join(',');
    return Object.entries(r.metrics).map(([m, v]) => `${point},${r.replicate},${r.seed},${vals},${m},${num(v)}\n`).join('');
  };
  const records = await execute(tasks, {
    outDir: opts.outDir,
    workers: opts.workers,
    resume: opts.resume,
    manifest: {
      kind: 'sweep',
      file: opts.file.replace(/^.*[\\/]/, ''),
      fingerprint: createHash('sha256').update(JSON.stringify(data)).digest('hex').slice(0, 16),
      points,
      seeds,
      scale: opts.scale ?? null,
      weeks: opts.weeks ?? null,
    },
    rows,
    header,
    partialName: 'sweep.partial.csv',
    progress: opts.progress,
    batch: opts.batch,
  });
  const csvPath = join(opts.outDir, 'sweep.csv');
  writeFileAtomic(csvPath, header + records.map(rows).join(''));
  rmSync(join(opts.outDir, 'sweep.partial.csv'), { force: true });

  const metricNames = Object.keys(records[0]!.metrics);
  const summary = points.map((overrides, i) => {
    const runs = records.slice(i * seeds.length, (i + 1) * seeds.length);
    const means: Record<string, number> = {};
    for (const m of metricNames) means[m] = mean(runs, (r) => r.metrics[m]) ?? 0;
    return { point: i, values: Object.fromEntries(overrides), means };
  });
  const jsonPath = join(opts.outDir, 'sweep.json');
  writeFileAtomic(jsonPath, `${JSON.stringify({ params: paths, seeds, points: summary }, null, 2)}\n`);
  const files = [csvPath, jsonPath];
  if (opts.parquet) {
    const pq = join(opts.outDir, 'sweep.parquet');
    await writeParquet(pq, records, points, paths, pointOf);
    files.push(pq);
  }

  const show = ['trafficked', 'identified', 'crossings_informal', 'interceptions'];
  const lines = [`lintas sweep: ${points.length} points x ${seeds.length} replicate(s)`, `  ${['point', ...paths, ...show].join('  ')}`];
  for (const s of summary)
    lines.push(`  ${[String(s.point), ...paths.map((p) => num(s.values[p]!)), ...show.map((m) => Math.round(s.means[m] ?? 0).toLocaleString('en-US'))].join('  ')}`);
  return { text: lines.join('\n'), files };
}
