/**
 * Priors: the range and shape over which each uncertain input varies in a sensitivity analysis
 * (and, later, the prior of a calibration). By default every scenario parameter varies uniformly
 * over the plausible range its entry carries; a parameter without one gets a band from its
 * source note — a narrow one (±20%) for a figure taken from data, a wide one (×½ to ×2) for an
 * assumption. A priors file (`--params FILE`, YAML, JSON or CSV) names any numeric scenario path,
 * table cells included (`crossings.entikong_informal.patrolCoverage`), with a distribution:
 * uniform, log-uniform (for rates spanning orders of magnitude) or triangular (with a mode).
 */
import { csvParse } from 'd3-dsv';
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { UserError } from '../../core/errors.js';
import type { Scenario } from '../../scenario/parse.js';
import { getPath } from '../../scenario/paths.js';

export type Distribution = 'uniform' | 'loguniform' | 'triangular';

export interface Prior {
  path: string;
  distribution: Distribution;
  lo: number;
  hi: number;
  /** The most likely value (triangular only). */
  mode?: number;
  /** Why this range: the parameter's own range, the rule applied to its source, or the priors file's note. */
  source: string;
}

const priorSchema = z
  .object({
    path: z.string().min(1),
    distribution: z.enum(['uniform', 'loguniform', 'triangular']).default('uniform'),
    lo: z.coerce.number().finite(),
    hi: z.coerce.number().finite(),
    mode: z.coerce.number().finite().optional(),
    source: z.string().default('priors file'),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (!(p.lo < p.hi)) ctx.addIssue({ code: 'custom', path: ['hi'], message: `expected lo < hi, got ${p.lo} and ${p.hi}` });
    if (p.distribution === 'loguniform' && !(p.lo > 0)) ctx.addIssue({ code: 'custom', path: ['lo'], message: 'a log-uniform prior needs lo > 0' });
    if (p.distribution === 'triangular') {
      if (p.mode === undefined) ctx.addIssue({ code: 'custom', path: ['mode'], message: 'a triangular prior needs a mode' });
      else if (p.mode < p.lo || p.mode > p.hi) ctx.addIssue({ code: 'custom', path: ['mode'], message: `expected lo ≤ mode ≤ hi, got ${p.mode}` });
    } else if (p.mode !== undefined) ctx.addIssue({ code: 'custom', path: ['mode'], message: 'only a triangular prior takes a mode' });
  });

const MAX_PRIORS_BYTES = 1 << 20;

/** Rows of a priors file: a list (YAML/JSON, or `{ priors: [...] }`) or a CSV with a header. */
function readRows(file: string): unknown[] {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new UserError([`--params ${file}: not a regular file`]);
    size = st.size;
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError([`--params ${file}: no such file`]);
  }
  if (size > MAX_PRIORS_BYTES) throw new UserError([`--params ${file}: larger than 1 MB; a priors file lists parameters, one row each`]);
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, ''); // a byte-order mark, as the scenario files take it
  const ext = extname(file).toLowerCase();
  let data: unknown;
  try {
    if (ext === '.csv') data = csvParse(text).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== '')));
    else if (ext === '.json') data = JSON.parse(text);
    else if (ext === '.yaml' || ext === '.yml') data = parseYaml(text);
    else throw new UserError([`--params ${file}: expected a .csv, .json or .yaml priors file`]);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError([`--params ${file}: cannot parse (${(e as Error).message.split('\n')[0]})`]);
  }
  if (data && typeof data === 'object' && !Array.isArray(data) && 'priors' in data) data = (data as { priors: unknown }).priors;
  if (!Array.isArray(data) || !data.length) throw new UserError([`--params ${file}: expected a non-empty list of priors (path, distribution, lo, hi[, mode, source])`]);
  return data;
}

/** A number at a scenario path, looking through { value, source }. */
export function numberAt(data: unknown, path: string): unknown {
  const v = getPath(data, path);
  return v && typeof v === 'object' && 'value' in (v as object) ? (v as { value: unknown }).value : v;
}

/**
 * Whether a path leads to a number: in the scenario data, or a model parameter the file leaves at
 * its default (given the parsed scenario's parameters).
 */
export function isNumericPath(data: unknown, path: string, params?: Readonly<Record<string, number>>): boolean {
  if (typeof numberAt(data, path) === 'number') return true;
  const m = /^params\.([A-Za-z_]\w*)$/.exec(path);
  return !!(m && params && Object.hasOwn(params, m[1]!) && typeof params[m[1]!] === 'number');
}

/** The priors of a file, each checked against the scenario: the path must hold a number. */
export function readPriors(file: string, data: unknown, params?: Readonly<Record<string, number>>): Prior[] {
  const rows = readRows(file);
  const seen = new Set<string>();
  return rows.map((row, i) => {
    const r = priorSchema.safeParse(row);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      throw new UserError([`--params ${file}: [${i}]${issue.path.length ? `.${issue.path.join('.')}` : ''}: ${issue.message}`]);
    }
    const p = r.data;
    if (!isNumericPath(data, p.path, params)) throw new UserError([`--params ${file}: [${i}].path: ${p.path} does not lead to a number in the scenario`]);
    if (seen.has(p.path)) throw new UserError([`--params ${file}: [${i}].path: ${p.path} is listed twice`]);
    seen.add(p.path);
    return p;
  });
}

/** The band a parameter without a range gets from its source note. */
export function bandFromSource(value: number, source: string): { lo: number; hi: number; source: string } {
  const assumed = /^\s*assum/i.test(source);
  const [down, up] = assumed ? [0.5, 2] : [0.8, 1.2];
  const a = value * down, b = value * up;
  return { lo: Math.min(a, b), hi: Math.max(a, b), source: assumed ? 'assumption without a range: ×½ to ×2' : 'from data without a range: ±20%' };
}

/** Every parameter of the scenario as a uniform prior over its range (or its source's band). */
export function defaultPriors(s: Scenario): Prior[] {
  const out: Prior[] = [];
  for (const [name, value] of Object.entries(s.params)) {
    const range = s.paramRanges[name];
    if (range && range[1] > range[0]) out.push({ path: `params.${name}`, distribution: 'uniform', lo: range[0], hi: range[1], source: 'the parameter\'s plausible range in the scenario' });
    else if (value !== 0) {
      const band = bandFromSource(value, s.paramSources[name] ?? '');
      out.push({ path: `params.${name}`, distribution: 'uniform', ...band });
    }
  }
  return out;
}

/** The value of a prior at u ∈ [0, 1] (its inverse CDF), so unit-cube designs map onto priors. */
export function quantileOf(p: Prior, u: number): number {
  switch (p.distribution) {
    case 'uniform':
      return p.lo + u * (p.hi - p.lo);
    case 'loguniform':
      return Math.exp(Math.log(p.lo) + u * (Math.log(p.hi) - Math.log(p.lo)));
    case 'triangular': {
      const { lo: a, hi: b } = p;
      const c = p.mode!;
      const f = (c - a) / (b - a);
      return u < f ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
  }
}
