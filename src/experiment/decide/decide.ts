/**
 * `lintas decide`: which measures to fund, and how sure one can be. The decisions are the
 * variants of a scenario, or the portfolios of a menu of measures whose yearly cost fits a
 * budget (portfolio.ts); the uncertainty is a set of draws, each one parameter set from the
 * calibrated posterior (`--posterior`, as compare draws them) and/or from the priors of
 * assumptions (`--params`, as sensitivity reads them), run with its own seed. Every decision
 * runs in every draw with the same parameters and seed (common random numbers), through the same
 * executor as compare — workers, --resume, --shard, merge, slurm — so its outputs do not depend
 * on how or where the runs ran. analysis.ts turns the people trafficked into cases averted,
 * portfolios, robustness, scenario discovery and the value of information; this file plans the
 * runs (refusing bad input before any), runs them, and writes the files.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../core/errors.js';
import { keyedUniform, streamKey } from '../../core/rng.js';
import { writeFileAtomic } from '../../io/atomic.js';
import { dateOfWeek, horizonWeeks } from '../../model/geography.js';
import { registryFor } from '../../model/interventions/index.js';
import { WRITTEN_BY } from '../../scenario/version.js';
import { readPosterior, posteriorDraws } from '../calibrate/posterior.js';
import { programmeCost } from '../compare.js';
import { execute, type ExperimentOptions } from '../executor.js';
import { type Prior, quantileOf, readPriors } from '../sensitivity/priors.js';
import { type AddedMeasure, type RunRecord, type Task, variantsOf, withOverrides } from '../tasks.js';
import { type Analysis, analyse, type DecisionInput, type DecisionResult, type DrawSet } from './analysis.js';
import { type Measure, type MenuItem, portfolioName, searchPortfolios } from './portfolio.js';

/** What decide takes besides the file, draws (`replicates`), workers and output folder. */
export interface DecideOptions extends ExperimentOptions {
  /** A menu of measures (kinds, or "all"): the decisions are its portfolios within the budget. Without it: the file's variants. */
  measures?: string[];
  /** The intensities a measure of the menu may take (default [1]). */
  intensities?: number[];
  /** Yearly budget (IDR): needed with a menu; with variants, those above it are not eligible. */
  budget?: number;
  /** The most portfolios to simulate (default 200). */
  maxPortfolios?: number;
  /** lintas calibrate's posterior.csv: each draw's calibrated parameters. */
  posterior?: string;
  /** A priors file (as lintas sensitivity --params): each draw's assumptions. */
  paramsFile?: string;
  /** The share of the baseline's people trafficked a decision must avert to meet the goal (default 0.1). */
  goal?: number;
  /** The decision whose failures scenario discovery explains (default: the best on average within the budget). */
  main?: string;
}

/** A decision: a portfolio of the menu (its measures) or a variant of the file. */
export interface Decision extends DecisionInput {
  description: string;
  /** A portfolio's measures; null for a variant of the file. */
  measures: Measure[] | null;
  /** The variant the runs start from (0, the baseline, for a portfolio). */
  variant: number;
  /** The measures the runs add to it. */
  added: AddedMeasure[];
}

/** Everything decided before any run: the decisions, the draws, the seeds. */
export interface DecidePlan {
  mode: 'menu' | 'variants';
  scenario: string;
  start: string;
  end: string;
  /** Weeks simulated, and the years they make (for costs). */
  weeks: number;
  years: number;
  scale: number;
  seeds: number[];
  decisions: Decision[];
  /** Menu only: how many portfolios fit the budget, and whether only the maximal ones are simulated. */
  search: { affordable: number; pruned: boolean; measures: string[]; intensities: number[] } | null;
  draws: DrawSet;
  posterior: { file: string; sha256: string; particles: number; parameters: string[] } | null;
  priors: Prior[];
  fingerprint: string;
}

/** decide.json: the plan's settings, each decision's results, the choices, scenario discovery and the value of information. */
export interface DecideResult extends Omit<Analysis, 'averted' | 'avertedShare' | 'regret' | 'meets' | 'decisions'> {
  writtenBy: typeof WRITTEN_BY;
  scenario: string;
  mode: 'menu' | 'variants';
  start: string;
  end: string;
  weeks: number;
  years: number;
  scale: number;
  draws: number;
  seeds: number[];
  budgetPerYearIdr: number | null;
  goal: number;
  metric: 'trafficked';
  search: DecidePlan['search'];
  uncertainty: { posterior: DecidePlan['posterior']; priors: Prior[]; parameters: { path: string; source: 'posterior' | 'prior'; min: number; max: number }[] };
  decisions: (DecisionResult & { description: string; measures: Measure[] | null })[];
}

const YEAR_MS = 365.25 * 86_400_000;
export const DEFAULT_MAX_PORTFOLIOS = 200;
export const DEFAULT_GOAL = 0.1;

/** The menu: each named measure (or every measure, for "all") with its yearly cost at full intensity. */
function menuOf(kinds: string[], registry: ReturnType<typeof registryFor>): MenuItem[] {
  if (!kinds.length) throw new UserError([`--measures: expected one or more measures (${registry.kinds.join(', ')}) or all`]);
  const list = kinds.length === 1 && kinds[0] === 'all' ? [...registry.kinds] : kinds;
  const seen = new Set<string>();
  return list.map((kind) => {
    if (!registry.byKind.has(kind)) throw new UserError([`--measures ${kind}: unknown measure; expected one of ${registry.kinds.join(', ')} (or all)`]);
    if (seen.has(kind)) throw new UserError([`--measures ${kind}: listed twice`]);
    seen.add(kind);
    return { kind, costPerYearIdr: registry.get(kind).costPerYearIdr?.value ?? 0 };
  });
}

/** The decisions of a menu: its portfolios within the budget (all, or the maximal ones when too many). */
function menuDecisions(opts: DecideOptions, variants: Awaited<ReturnType<typeof variantsOf>>, years: number): Pick<DecidePlan, 'decisions' | 'search'> {
  const base = variants[0]!.scenario;
  if (variants.length > 1) throw new UserError([`--measures: ${opts.file} has variants; decide among them (without --measures), or give a menu over a scenario without variants`]);
  if (opts.budget === undefined) throw new UserError(['--measures: a menu needs --budget IDR (a yearly budget)']);
  const intensities = opts.intensities ?? [1];
  for (const x of intensities) if (!(x > 0 && x <= 1)) throw new UserError([`--intensities ${intensities.join(',')}: expected intensities in (0, 1], e.g. 0.5,1`]);
  const registry = registryFor(base.extensions);
  // A measure the scenario already schedules is added on top: the levels of one kind add up, capped at 1.
  const menu = menuOf(opts.measures!, registry);
  const max = opts.maxPortfolios ?? DEFAULT_MAX_PORTFOLIOS;
  const cheapest = [...menu].sort((a, b) => a.costPerYearIdr - b.costPerYearIdr)[0]!;
  const search = searchPortfolios(menu, intensities, opts.budget, max);
  if (!search) throw new UserError([`--budget ${opts.budget}: too many portfolios fit, even keeping only the maximal ones (more than --max-portfolios ${max}); lower the budget, name fewer --measures or raise --max-portfolios`]);
  if (search.portfolios.length < 2)
    throw new UserError([`--budget ${opts.budget}: no measure fits; the cheapest, ${cheapest.kind} at intensity ${Math.min(...intensities)}, costs ${cheapest.costPerYearIdr * Math.min(...intensities)} IDR a year`]);
  const decisions = search.portfolios.map((p): Decision => {
    const added = p.measures.map((m) => ({ kind: m.kind, start: base.start, intensity: m.intensity, costPerYearIdr: menu.find((x) => x.kind === m.kind)!.costPerYearIdr * m.intensity }));
    return {
      name: p.name,
      description: p.measures.length ? p.measures.map((m) => `${m.kind} at ${m.intensity}`).join(', ') : 'no new measure',
      measures: p.measures,
      variant: 0,
      added,
      costPerYearIdr: p.costPerYearIdr,
      costIdr: added.reduce((s, e) => s + registry.cost(e, years), 0),
      withinBudget: true,
    };
  });
  return { decisions, search: { affordable: search.affordable, pruned: search.pruned, measures: menu.map((m) => m.kind), intensities: [...new Set(intensities)].sort((a, b) => a - b) } };
}

/** The decisions of a file with variants: each variant (the runs a decomposition adds left out), costed as compare costs them. */
function variantDecisions(opts: DecideOptions, variants: Awaited<ReturnType<typeof variantsOf>>, horizonEnd: string, years: number): Decision[] {
  if (variants.length < 2) throw new UserError([`${opts.file}: no variants to decide among; give a menu with --measures and --budget`]);
  const baseCost = programmeCost(variants[0]!.scenario, horizonEnd);
  return variants.flatMap((v, i): Decision[] => {
    if (v.decomposes) return [];
    const cost = programmeCost(v.scenario, horizonEnd) - baseCost;
    const perYear = years > 0 ? cost / years : 0;
    return [{ name: v.name, description: v.description, measures: null, variant: i, added: [], costPerYearIdr: perYear, costIdr: cost, withinBudget: opts.budget === undefined || perYear <= opts.budget * (1 + 1e-12) }];
  });
}

/** The uncertainty draws: each draw's posterior particle (as compare draws it) and its priors' values (keyed by draw and parameter). */
function drawsOf(opts: DecideOptions, data: unknown, params: Readonly<Record<string, number>>, seed0: number, n: number): Pick<DecidePlan, 'draws' | 'posterior' | 'priors'> {
  if (!opts.posterior && !opts.paramsFile)
    throw new UserError(['decide: no draws source; give --posterior FILE (lintas calibrate\'s posterior.csv) and/or --params FILE (priors of assumptions)']);
  const post = opts.posterior ? readPosterior(opts.posterior) : null;
  const priors = opts.paramsFile ? readPriors(opts.paramsFile, data, params) : [];
  for (const p of priors) if (post?.paths.includes(p.path)) throw new UserError([`--params ${opts.paramsFile}: ${p.path} is also drawn from --posterior ${opts.posterior}; give it in one source only`]);
  const postDraws = post ? posteriorDraws(post, n, seed0) : [];
  const key = streamKey(seed0, 'decide/priors');
  const values = Array.from({ length: n }, (_, d) => [
    ...(post ? postDraws[d]!.map(([, v]) => v) : []),
    ...priors.map((p, j) => Number(quantileOf(p, keyedUniform(key, d, j)).toPrecision(12))),
  ]);
  return {
    draws: { paths: [...(post?.paths ?? []), ...priors.map((p) => p.path)], sources: [...(post?.paths.map(() => 'posterior' as const) ?? []), ...priors.map(() => 'prior' as const)], values },
    posterior: post ? { file: opts.posterior!, sha256: createHash('sha256').update(readFileSync(opts.posterior!)).digest('hex'), particles: post.weights.length, parameters: post.paths } : null,
    priors,
  };
}

/** Every draw must make a valid scenario of the baseline, and every measure and variant must accept the first draw: checked before any run. */
function checkDraws(plan: DecidePlan, variants: Awaited<ReturnType<typeof variantsOf>>): void {
  const overrides = (d: number) => plan.draws.paths.map((p, j) => [p, plan.draws.values[d]![j]!] as [string, number]);
  const check = (data: unknown, d: number, added: AddedMeasure[], what: string) => {
    try {
      withOverrides(data, overrides(d), added);
    } catch (e) {
      const lines = e instanceof UserError ? e.lines : [String(e)];
      throw new UserError([`draw ${d}: its parameters do not make a valid scenario of ${what}:`, ...lines.map((l) => `  ${l}`)]);
    }
  };
  for (let d = 0; d < plan.seeds.length; d++) check(variants[0]!.data, d, [], 'the baseline');
  const singles = new Map(plan.decisions.flatMap((x) => x.added.map((a) => [JSON.stringify(a), a] as const)));
  for (const a of singles.values()) check(variants[0]!.data, 0, [a], `the baseline with ${a.kind} at ${a.intensity}`);
  for (const x of plan.decisions) if (x.variant > 0) check(variants[x.variant]!.data, 0, [], `variant ${x.name}`);
}

/** The name of a portfolio as the user wrote it, in the order the outputs name it (measures in menu order). */
function canonicalName(name: string, plan: DecidePlan): string {
  if (plan.mode !== 'menu' || name === 'baseline') return name;
  const order = plan.search!.measures;
  const measures = name.split('+').map((part) => {
    const [kind, level] = part.split('@');
    return { kind: kind!, intensity: level === undefined ? 1 : Number(level) };
  });
  if (measures.some((m) => !order.includes(m.kind))) return name;
  return portfolioName(measures.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind)));
}

/** Plans a decision: reads the scenario and the uncertainty sources, builds the decisions and draws, and checks them all before any run. */
export async function planDecision(opts: DecideOptions): Promise<DecidePlan> {
  const variants = await variantsOf(opts.file);
  const base = variants[0]!.scenario;
  const seed0 = opts.seed ?? base.seed;
  const seeds = Array.from({ length: opts.replicates }, (_, r) => seed0 + r);
  const weeks = Math.min(opts.weeks ?? Number.POSITIVE_INFINITY, horizonWeeks(base.start, base.end));
  const horizonEnd = dateOfWeek(base.start, weeks - 1);
  const years = Math.max(0, Date.parse(horizonEnd) - Date.parse(base.start)) / YEAR_MS;
  if (opts.goal !== undefined && !(opts.goal > 0 && opts.goal <= 1)) throw new UserError([`--goal ${opts.goal}: expected a share of the people trafficked in (0, 1], e.g. 0.1`]);
  const menu = opts.measures !== undefined;
  const { decisions, search } = menu ? menuDecisions(opts, variants, years) : { decisions: variantDecisions(opts, variants, horizonEnd, years), search: null };
  if (!decisions.some((d, k) => k > 0 && d.withinBudget)) throw new UserError([`--budget ${opts.budget}: no variant fits the budget`]);
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([variants.map((v) => [v.name, v.scenario]), decisions.map((d) => [d.name, d.variant, d.added])]))
    .digest('hex')
    .slice(0, 16);
  const plan: DecidePlan = {
    mode: menu ? 'menu' : 'variants',
    scenario: base.name,
    start: base.start,
    end: base.end,
    weeks,
    years,
    scale: opts.scale ?? base.scale,
    seeds,
    decisions,
    search,
    ...drawsOf(opts, variants[0]!.data, base.params, seed0, seeds.length),
    fingerprint,
  };
  if (opts.main !== undefined) {
    const main = canonicalName(opts.main, plan);
    const found = decisions.find((d) => d.name === main);
    if (!found) throw new UserError([`--main ${opts.main}: not one of the ${decisions.length} decisions (e.g. ${decisions.slice(1, 4).map((d) => d.name).join(', ')}); see portfolios.csv of a run, or give the measures joined by +`]);
    if (!found.withinBudget) throw new UserError([`--main ${opts.main}: costs more than --budget ${opts.budget} a year`]);
  }
  checkDraws(plan, variants);
  return plan;
}

/** The runs: every decision in every draw, with the draw's parameters and seed. */
export function decideTasks(plan: DecidePlan, file: string, weeks: number | undefined): Task[] {
  const overrides = plan.draws.values.map((v) => plan.draws.paths.map((p, j) => [p, v[j]!] as [string, number]));
  return plan.decisions.flatMap((x, k) =>
    plan.seeds.map((seed, d) => ({ file, variant: x.variant, overrides: overrides[d]!, interventions: x.added.length ? x.added : undefined, name: x.name, point: k, replicate: d, seed, scale: plan.scale, weeks })),
  );
}

const num = (x: number | null) => (x === null ? '' : String(x));
const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The tidy files: outcomes per decision and draw, the draws, the decisions, PRIM, CART and the value of information. */
function writeTables(dir: string, plan: DecidePlan, a: Analysis, trafficked: readonly (readonly number[])[]): void {
  const out: string[] = ['portfolio,draw,seed,trafficked,averted,averted_share,regret,meets_goal'];
  plan.decisions.forEach((x, k) =>
    plan.seeds.forEach((seed, d) => {
      const averted = a.averted[k]![d]!;
      out.push(`${csvCell(x.name)},${d},${seed},${trafficked[k]![d]!},${num(averted)},${num(a.avertedShare[k]![d]!)},${num(a.regret[k]![d]!)},${a.meets[k]![d]!}`);
    }),
  );
  writeFileAtomic(join(dir, 'outcomes.csv'), `${out.join('\n')}\n`);
  const draws = [['draw', 'seed', ...plan.draws.paths].join(','), ...plan.seeds.map((seed, d) => [d, seed, ...plan.draws.values[d]!].join(','))];
  writeFileAtomic(join(dir, 'draws.csv'), `${draws.join('\n')}\n`);
  const head = 'portfolio,measures,cost_idr_per_year,cost_idr,within_budget,pareto,mean_averted,sd_averted,p05_averted,p50_averted,p95_averted,mean_averted_share,p_best,expected_regret,max_regret,p90_regret,satisficing,cost_per_case_averted_idr';
  const rows = a.decisions.map((r, k) =>
    [csvCell(r.name), csvCell(plan.decisions[k]!.measures ? plan.decisions[k]!.measures!.map((m) => `${m.kind}@${m.intensity}`).join(' ') : plan.decisions[k]!.description), r.costPerYearIdr, r.costIdr, r.withinBudget, r.pareto, r.mean, r.sd, r.p05, r.p50, r.p95, r.meanAvertedShare, r.pBest, r.expectedRegret, r.maxRegret, r.p90Regret, r.satisficing, num(r.costPerCaseAvertedIdr)].join(','),
  );
  writeFileAtomic(join(dir, 'portfolios.csv'), `${[head, ...rows].join('\n')}\n`);
  const prim = ['box,step,coverage,density,mass,n,cases,restricted,selected'];
  const boxes = ['box,parameter,lo,hi,full_lo,full_hi,coverage,density,mass'];
  a.prim?.boxes.forEach((b, i) => {
    b.trajectory.forEach((s, j) => prim.push([i + 1, j, s.coverage, s.density, s.mass, s.n, s.cases, s.restricted, j === b.selected].join(',')));
    for (const r of b.restrictions) boxes.push([i + 1, r.parameter, r.lo, r.hi, r.fullLo, r.fullHi, b.box.coverage, b.box.density, b.box.mass].join(','));
  });
  writeFileAtomic(join(dir, 'prim.csv'), `${prim.join('\n')}\n`);
  writeFileAtomic(join(dir, 'prim-boxes.csv'), `${boxes.join('\n')}\n`);
  const cart = ['node,depth,rule,n,failures,share,split_parameter,split_threshold,left,right'];
  for (const n of a.cart ?? []) cart.push([n.id, n.depth, csvCell(n.rule.join(' and ')), n.n, n.cases, n.share, n.split?.parameter ?? '', n.split?.threshold ?? '', n.split?.left ?? '', n.split?.right ?? ''].join(','));
  writeFileAtomic(join(dir, 'cart.csv'), `${cart.join('\n')}\n`);
  const v = a.voi;
  const share = (x: number) => (v.evpi > 0 ? x / v.evpi : '');
  const voi = [
    'measure,parameter,source,value,noise,share_of_evpi',
    `evpi,,,${v.evpi},,1`,
    ...v.evppi.map((e) => `evppi,${e.parameter},${e.source},${e.value},${e.noise},${share(e.value)}`),
    ...v.groups.map((g) => `evppi_group,${g.group},${csvCell(g.parameters.join(' '))},${g.value},${g.noise},${share(g.value)}`),
  ];
  writeFileAtomic(join(dir, 'voi.csv'), `${voi.join('\n')}\n`);
}

/** decide.json: the settings, the decisions and everything analysed, without the per-draw tables. */
export function resultOf(plan: DecidePlan, a: Analysis, opts: DecideOptions): DecideResult {
  const { averted: _a, avertedShare: _s, regret: _r, meets: _m, decisions, ...rest } = a;
  return {
    writtenBy: WRITTEN_BY,
    scenario: plan.scenario,
    mode: plan.mode,
    start: plan.start,
    end: plan.end,
    weeks: plan.weeks,
    years: plan.years,
    scale: plan.scale,
    draws: plan.seeds.length,
    seeds: plan.seeds,
    budgetPerYearIdr: opts.budget ?? null,
    goal: opts.goal ?? DEFAULT_GOAL,
    metric: 'trafficked',
    search: plan.search,
    uncertainty: {
      posterior: plan.posterior,
      priors: plan.priors,
      parameters: plan.draws.paths.map((path, j) => {
        const col = plan.draws.values.map((v) => v[j]!);
        return { path, source: plan.draws.sources[j]!, min: Math.min(...col), max: Math.max(...col) };
      }),
    },
    decisions: decisions.map((r, k) => ({ ...r, description: plan.decisions[k]!.description, measures: plan.decisions[k]!.measures })),
    ...rest,
  };
}

/**
 * Runs every decision in every draw (common random numbers) and writes outcomes.csv, draws.csv,
 * portfolios.csv, prim.csv, prim-boxes.csv, cart.csv, voi.csv and decide.json to the output folder.
 * Bad input throws a UserError before any run. docs/decide.md explains each output.
 */
export async function decide(opts: DecideOptions, planned?: DecidePlan): Promise<DecideResult> {
  const plan = planned ?? (await planDecision(opts));
  const tasks = decideTasks(plan, opts.file, opts.weeks);
  const header = 'portfolio,draw,seed,trafficked\n';
  const rows = (r: RunRecord) => `${csvCell(r.variant)},${r.replicate},${r.seed},${r.metrics.trafficked ?? 0}\n`;
  const records = await execute(tasks, {
    outDir: opts.outDir,
    workers: opts.workers,
    resume: opts.resume,
    manifest: {
      kind: 'decide',
      scenario: plan.scenario,
      fingerprint: plan.fingerprint,
      mode: plan.mode,
      decisions: plan.decisions.map((d) => d.name),
      budget: opts.budget ?? null,
      posterior: plan.posterior?.sha256 ?? null,
      priors: plan.priors,
      seeds: plan.seeds,
      scale: plan.scale,
      weeks: opts.weeks ?? null,
    },
    rows,
    header,
    partialName: 'decide.partial.csv',
    progress: opts.progress,
    lang: opts.lang,
    batch: opts.batch,
  });
  rmSync(join(opts.outDir, 'decide.partial.csv'), { force: true });
  const n = plan.seeds.length;
  const trafficked = plan.decisions.map((_, k) => records.slice(k * n, (k + 1) * n).map((r) => r.metrics.trafficked ?? 0));
  const main = opts.main === undefined ? undefined : canonicalName(opts.main, plan);
  const a = analyse(plan.decisions, trafficked, plan.draws, { goal: opts.goal ?? DEFAULT_GOAL, main, seed: plan.seeds[0]! });
  writeTables(opts.outDir, plan, a, trafficked);
  const result = resultOf(plan, a, opts);
  writeFileAtomic(join(opts.outDir, 'decide.json'), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

const fmt = (x: number) => (Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-US') : Number(x.toPrecision(3)).toString());
const idr = (x: number) => `Rp ${x >= 1e9 ? `${Number((x / 1e9).toPrecision(3))} bn` : Math.round(x).toLocaleString('en-US')}`;
const pct = (x: number) => `${Math.round(100 * x)}%`;

/** The result for the terminal: the front, the two choices, the main decision's failures and what explains them, the value of information. */
export function decideSummary(r: DecideResult): string {
  const sources = [r.uncertainty.posterior ? `posterior ${r.uncertainty.posterior.file}` : '', r.uncertainty.priors.length ? `${r.uncertainty.priors.length} priors` : ''].filter(Boolean).join(' + ');
  const lines = [
    `lintas decide: ${r.scenario}, ${r.decisions.length} decisions${r.search ? ` (${r.search.affordable} portfolios fit ${idr(r.budgetPerYearIdr!)} a year${r.search.pruned ? '; the maximal ones and each measure alone simulated' : ''})` : ''}, ${r.draws} draws (${sources}), ${r.weeks} weeks`,
    `  cases averted = people trafficked in the baseline minus under the decision, same draw and seed; goal: avert at least ${pct(r.goal)}`,
    '  Pareto front (cost a year, cases averted: mean [5–95%], P(best within budget), expected regret):',
  ];
  for (const d of r.decisions.filter((x) => x.pareto))
    lines.push(`    ${d.name.padEnd(44)} ${idr(d.costPerYearIdr).padStart(12)}  ${fmt(d.mean).padStart(7)} [${fmt(d.p05)}, ${fmt(d.p95)}]  P ${pct(d.pBest)}  regret ${fmt(d.expectedRegret)}${d.withinBudget ? '' : '  (over budget)'}`);
  const c = r.choices;
  lines.push(c.same ? `  best on average and min-max regret: ${c.maxExpected}` : `  best on average: ${c.maxExpected}; min-max regret: ${c.minMaxRegret}${c.separation?.driver ? ` (their difference moves most with ${c.separation.driver.parameter}, ρ ${fmt(c.separation.driver.rho)})` : ''}`);
  lines.push(`  ${r.main.name} misses the goal in ${r.main.failures} of ${r.main.draws} draws`);
  const box = r.prim?.boxes[0];
  if (box) lines.push(`  PRIM box (coverage ${pct(box.box.coverage)}, density ${pct(box.box.density)}): ${box.restrictions.map((x) => `${x.parameter} ${fmt(x.lo)}–${fmt(x.hi)}`).join(', ') || 'no restriction'}`);
  const top = r.voi.evppi.slice(0, 5).map((e) => `${e.parameter} ${fmt(e.value)}`).join(', ');
  lines.push(`  EVPI ${fmt(r.voi.evpi)} cases; EVPPI: ${top || 'no parameter varies'} (noise level up to ${fmt(r.voi.reference)})`);
  return lines.join('\n');
}
