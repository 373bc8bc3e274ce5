/**
 * PRIM, the patient rule induction method (Friedman & Fisher 1999), as scenario discovery uses it
 * (Bryant & Lempert 2010; the EMA Workbench): find a box of input values — a range for some of
 * the parameters — in which the cases of interest (here: the draws in which a decision fails its
 * goal) are concentrated. Peeling starts from the box holding every draw and, step by step, cuts
 * off a slice of a few percent of the draws at the low or the high end of one parameter: the cut
 * that raises the share of cases in the box most per draw removed (the "lenient" objective the
 * EMA Workbench uses by default). Each step is a point of the peeling trajectory:
 *
 * - coverage: the share of all cases of interest that lie in the box;
 * - density: the share of the draws in the box that are cases of interest;
 * - mass: the share of all draws in the box.
 *
 * A box is chosen on the trajectory (by default the step with the best balance of coverage and
 * density, their harmonic mean), then pasted: a limit is widened again where that raises the
 * density. Covering finds further boxes among the draws the first one leaves out. Data come as
 * columns: x[j][i] is parameter j in draw i. Pure and deterministic: ties go to the fewer
 * restricted parameters, then the lower parameter index, then the lower end.
 */

export interface PrimOptions {
  /** Share of the box's draws one peel cuts off (default 0.05). */
  peelAlpha?: number;
  /** Share of the box's draws one paste adds (default 0.05). */
  pasteAlpha?: number;
  /** The smallest box, as a share of all draws (default 0.05). */
  massMin?: number;
  /** How a box is chosen on the trajectory: the best harmonic mean of coverage and density (f1, default), or the highest density with at least minCoverage. */
  select?: 'f1' | 'density';
  /** With select 'density': the least coverage a chosen box keeps (default 0.5). */
  minCoverage?: number;
  /** Boxes to find by covering (default 2). */
  maxBoxes?: number;
  /** Covering stops when fewer cases of interest than this are left outside the boxes (default 5). */
  minCases?: number;
}

/** One box on the peeling trajectory. */
export interface PrimStep {
  coverage: number;
  density: number;
  mass: number;
  /** Draws in the box. */
  n: number;
  /** Cases of interest in the box. */
  cases: number;
  /** How many parameters the box restricts. */
  restricted: number;
  /** The box: [lo, hi] per parameter. */
  limits: [number, number][];
}

/** A parameter a box restricts: its range in the box and over all draws. */
export interface Restriction {
  parameter: string;
  lo: number;
  hi: number;
  fullLo: number;
  fullHi: number;
}

/** A box found by PRIM: its trajectory, the step chosen, and the box after pasting. */
export interface PrimBox {
  trajectory: PrimStep[];
  /** Index of the chosen step on the trajectory. */
  selected: number;
  /** The chosen box after pasting. */
  box: PrimStep;
  /** Parameters the box restricts, with their ranges. */
  restrictions: Restriction[];
  /** Pastes that widened the chosen box. */
  pasted: number;
}

export interface PrimResult {
  /** Draws and cases of interest among them. */
  n: number;
  cases: number;
  /** Share of all draws that are cases of interest: the density of the box holding everything. */
  baseDensity: number;
  boxes: PrimBox[];
}

interface State {
  idx: number[];
  limits: [number, number][];
}

const casesIn = (idx: readonly number[], y: readonly boolean[]) => idx.reduce((s, i) => s + (y[i] ? 1 : 0), 0);

function restrictedCount(limits: readonly [number, number][], full: readonly [number, number][]): number {
  return limits.reduce((s, [lo, hi], j) => s + (lo > full[j]![0] || hi < full[j]![1] ? 1 : 0), 0);
}

function stepOf(s: State, y: readonly boolean[], totalCases: number, n: number, full: readonly [number, number][]): PrimStep {
  const cases = casesIn(s.idx, y);
  return {
    coverage: totalCases ? cases / totalCases : 0,
    density: s.idx.length ? cases / s.idx.length : 0,
    mass: s.idx.length / n,
    n: s.idx.length,
    cases,
    restricted: restrictedCount(s.limits, full),
    limits: s.limits.map(([a, b]) => [a, b]),
  };
}

/** The lenient objective: gain in the share of cases per draw removed (or added). */
const lenient = (oldCases: number, oldN: number, newCases: number, newN: number) => (newN === oldN ? 0 : (newCases / newN - oldCases / oldN) / Math.abs(oldN - newN));

interface Candidate {
  obj: number;
  restricted: number;
  state: State;
}

const better = (c: Candidate, best: Candidate | undefined) => !best || c.obj > best.obj || (c.obj === best.obj && c.restricted < best.restricted);

/** The peels of one box: for each parameter, cut off the lowest or the highest share alpha of its draws. */
function bestPeel(x: readonly (readonly number[])[], y: readonly boolean[], s: State, alpha: number, minN: number, full: readonly [number, number][]): Candidate | undefined {
  const m = s.idx.length;
  const oldCases = casesIn(s.idx, y);
  const k = Math.max(1, Math.floor(alpha * m));
  let best: Candidate | undefined;
  x.forEach((col, j) => {
    const vals = s.idx.map((i) => col[i]!).sort((a, b) => a - b);
    const lo = vals[k]!, hi = vals[m - 1 - k]!;
    const sides: [boolean, number][] = [
      [lo > vals[0]!, lo],
      [hi < vals[m - 1]!, hi],
    ];
    sides.forEach(([ok, cut], side) => {
      if (!ok) return;
      const idx = s.idx.filter((i) => (side === 0 ? col[i]! >= cut : col[i]! <= cut));
      if (idx.length < minN) return;
      const limits = s.limits.map(([a, b]) => [a, b] as [number, number]);
      limits[j]![side] = cut;
      const c = { obj: lenient(oldCases, m, casesIn(idx, y), idx.length), restricted: restrictedCount(limits, full), state: { idx, limits } };
      if (better(c, best)) best = c;
    });
  });
  return best;
}

/** Peels from a box while a peel raises the share of cases and the box keeps its minimum size. */
function peel(x: readonly (readonly number[])[], y: readonly boolean[], start: State, o: Required<PrimOptions>, totalCases: number, n: number, full: readonly [number, number][]): PrimStep[] {
  const minN = Math.max(1, Math.ceil(o.massMin * n));
  const steps = [stepOf(start, y, totalCases, n, full)];
  let s = start;
  for (;;) {
    const c = bestPeel(x, y, s, o.peelAlpha, minN, full);
    if (!c || !(c.obj > 0)) break;
    s = c.state;
    steps.push(stepOf(s, y, totalCases, n, full));
  }
  return steps;
}

/** Widens a limit of the box again where that raises the share of cases, until no paste does. */
function paste(x: readonly (readonly number[])[], y: readonly boolean[], pool: readonly number[], s0: State, alpha: number, full: readonly [number, number][]): { state: State; pasted: number } {
  let s = s0;
  let pasted = 0;
  for (;;) {
    const m = s.idx.length;
    const oldCases = casesIn(s.idx, y);
    const k = Math.max(1, Math.floor(alpha * m));
    let best: Candidate | undefined;
    x.forEach((col, j) => {
      // Draws of the pool inside every other limit, outside this one.
      const inOthers = pool.filter((i) => x.every((c, l) => l === j || (c[i]! >= s.limits[l]![0] && c[i]! <= s.limits[l]![1])));
      [0, 1].forEach((side) => {
        const outside = inOthers.filter((i) => (side === 0 ? col[i]! < s.limits[j]![0] : col[i]! > s.limits[j]![1])).map((i) => col[i]!);
        if (!outside.length) return;
        outside.sort((a, b) => (side === 0 ? b - a : a - b));
        const to = outside[Math.min(k, outside.length) - 1]!;
        const limits = s.limits.map(([a, b]) => [a, b] as [number, number]);
        limits[j]![side] = to;
        const idx = pool.filter((i) => x.every((c, l) => c[i]! >= limits[l]![0] && c[i]! <= limits[l]![1]));
        const c = { obj: lenient(oldCases, m, casesIn(idx, y), idx.length), restricted: restrictedCount(limits, full), state: { idx, limits } };
        if (better(c, best)) best = c;
      });
    });
    if (!best || !(best.obj > 0)) return { state: s, pasted };
    s = best.state;
    pasted++;
  }
}

/** The step chosen on a trajectory: the best harmonic mean of (pool) coverage and density, or the densest with enough coverage. */
function choose(trajectory: readonly PrimStep[], poolCases: number, o: Required<PrimOptions>): number {
  let best = 0;
  let bestScore = Number.NEGATIVE_INFINITY;
  trajectory.forEach((s, i) => {
    const coverage = poolCases ? s.cases / poolCases : 0;
    const score = o.select === 'f1' ? (coverage + s.density > 0 ? (2 * coverage * s.density) / (coverage + s.density) : 0) : coverage >= o.minCoverage ? s.density : Number.NEGATIVE_INFINITY;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

/**
 * PRIM boxes for the cases of interest y among n draws of the parameters x (x[j][i]: parameter j
 * in draw i), by peeling, choosing a step, pasting, and covering.
 */
export function prim(x: readonly (readonly number[])[], y: readonly boolean[], names: readonly string[], options: PrimOptions = {}): PrimResult {
  const o: Required<PrimOptions> = { peelAlpha: 0.05, pasteAlpha: 0.05, massMin: 0.05, select: 'f1', minCoverage: 0.5, maxBoxes: 2, minCases: 5, ...options };
  const n = y.length;
  const totalCases = casesIn(y.map((_, i) => i), y);
  const full = x.map((col) => [Math.min(...col), Math.max(...col)] as [number, number]);
  const result: PrimResult = { n, cases: totalCases, baseDensity: n ? totalCases / n : 0, boxes: [] };
  if (!totalCases || totalCases === n || !x.length) return result;
  let pool = y.map((_, i) => i);
  while (result.boxes.length < o.maxBoxes) {
    const poolCases = casesIn(pool, y);
    if (poolCases < Math.min(o.minCases, totalCases) || poolCases === pool.length) break;
    const start: State = { idx: pool, limits: full.map(([a, b]) => [a, b]) };
    const trajectory = peel(x, y, start, o, totalCases, n, full);
    if (trajectory.length < 2) break;
    const selected = choose(trajectory, poolCases, o);
    const chosen: State = { idx: pool.filter((i) => x.every((c, l) => c[i]! >= trajectory[selected]!.limits[l]![0] && c[i]! <= trajectory[selected]!.limits[l]![1])), limits: trajectory[selected]!.limits };
    const { state, pasted } = paste(x, y, pool, chosen, o.pasteAlpha, full);
    const box = stepOf(state, y, totalCases, n, full);
    const restrictions = state.limits.flatMap(([lo, hi], j) => (lo > full[j]![0] || hi < full[j]![1] ? [{ parameter: names[j]!, lo, hi, fullLo: full[j]![0], fullHi: full[j]![1] }] : []));
    result.boxes.push({ trajectory, selected, box, restrictions, pasted });
    const inBox = new Set(state.idx);
    pool = pool.filter((i) => !inBox.has(i));
  }
  return result;
}

/** Whether a point lies in a box (limits per parameter). */
export const inBox = (limits: readonly [number, number][], point: readonly number[]) => limits.every(([lo, hi], j) => point[j]! >= lo && point[j]! <= hi);
