/**
 * Portfolios: sets of measures, each at an intensity, whose yearly cost fits a budget. The menu
 * gives each measure's yearly cost at full intensity (its definition's `costPerYearIdr`); a
 * measure at intensity 0.5 is taken to cost half of it (an assumption, stated in docs/decide.md).
 * Which portfolios are worth simulating (all that fit, or, when they are too many, the maximal
 * ones: those that cannot take one more step of any measure within the budget), the Pareto front
 * of cost against cases averted, and the probability that each option is the best one.
 */

/** A measure of the menu: its kind and yearly cost at full intensity (IDR). */
export interface MenuItem {
  kind: string;
  costPerYearIdr: number;
}

/** A measure of a portfolio, at an intensity in (0, 1]. */
export interface Measure {
  kind: string;
  intensity: number;
}

/** A set of measures with its name and yearly cost (IDR). The empty one is the baseline: no new measure. */
export interface Portfolio {
  name: string;
  measures: Measure[];
  costPerYearIdr: number;
}

/** Costs within a budget allow for the rounding of sums of decimal costs. */
const fits = (cost: number, budget: number) => cost <= budget * (1 + 1e-12) + 1e-6;

/** The name of a portfolio: its measures in menu order joined by +, each `kind` or `kind@0.5`; `baseline` when empty. */
export function portfolioName(measures: readonly Measure[]): string {
  if (!measures.length) return 'baseline';
  return measures.map((m) => (m.intensity === 1 ? m.kind : `${m.kind}@${m.intensity}`)).join('+');
}

/** The yearly cost of a set of measures: each measure's cost at full intensity times its intensity. */
export function costOf(menu: readonly MenuItem[], measures: readonly Measure[]): number {
  const cost = new Map(menu.map((m) => [m.kind, m.costPerYearIdr]));
  return measures.reduce((s, m) => s + (cost.get(m.kind) ?? 0) * m.intensity, 0);
}

/** Portfolios in the order the outputs list them: by cost, then by name. */
const byCost = (a: Portfolio, b: Portfolio) => a.costPerYearIdr - b.costPerYearIdr || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Every portfolio of the menu whose yearly cost fits the budget, each measure absent or at one of
 * the intensities (the baseline, with none, first), with at most `maxMeasures` measures.
 */
export function affordablePortfolios(menu: readonly MenuItem[], intensities: readonly number[], budget: number, maxMeasures = Number.POSITIVE_INFINITY): Portfolio[] {
  const levels = [...new Set(intensities)].sort((a, b) => a - b);
  const out: Portfolio[] = [];
  const walk = (i: number, chosen: Measure[], cost: number) => {
    if (i === menu.length) {
      out.push({ name: portfolioName(chosen), measures: [...chosen], costPerYearIdr: cost });
      return;
    }
    walk(i + 1, chosen, cost);
    if (chosen.length >= maxMeasures) return;
    for (const level of levels) {
      const c = cost + menu[i]!.costPerYearIdr * level;
      if (!fits(c, budget)) break;
      chosen.push({ kind: menu[i]!.kind, intensity: level });
      walk(i + 1, chosen, c);
      chosen.pop();
    }
  };
  walk(0, [], 0);
  return out.sort(byCost);
}

/**
 * Is a portfolio maximal: no measure can be added, or raised to its next intensity, within the
 * budget (and the measure limit)? If more of a measure never averts fewer cases, the best
 * portfolio within the budget is a maximal one.
 */
export function isMaximal(p: Portfolio, menu: readonly MenuItem[], intensities: readonly number[], budget: number, maxMeasures = Number.POSITIVE_INFINITY): boolean {
  const levels = [...new Set(intensities)].sort((a, b) => a - b);
  for (const item of menu) {
    const at = p.measures.find((m) => m.kind === item.kind)?.intensity ?? 0;
    if (at === 0 && p.measures.length >= maxMeasures) continue;
    const next = levels.find((l) => l > at);
    if (next !== undefined && fits(p.costPerYearIdr + (next - at) * item.costPerYearIdr, budget)) return false;
  }
  return true;
}

/** What the search keeps: the portfolios to simulate, how many fit the budget, and whether only the maximal ones (and each measure alone) are kept. */
export interface PortfolioSearch {
  portfolios: Portfolio[];
  affordable: number;
  pruned: boolean;
}

/**
 * The portfolios to simulate: every one that fits the budget if there are at most `max`; else the
 * maximal ones (no measure can be added or raised within the budget), each measure alone at each
 * intensity, and the baseline — the best portfolio is among them if more never does worse. Null
 * when even those are more than `max`.
 */
export function searchPortfolios(menu: readonly MenuItem[], intensities: readonly number[], budget: number, max: number, maxMeasures?: number): PortfolioSearch | null {
  const all = affordablePortfolios(menu, intensities, budget, maxMeasures);
  if (all.length <= max) return { portfolios: all, affordable: all.length, pruned: false };
  const kept = all.filter((p) => p.measures.length <= 1 || isMaximal(p, menu, intensities, budget, maxMeasures));
  return kept.length <= max ? { portfolios: kept, affordable: all.length, pruned: true } : null;
}

/** The portfolio with the highest value among those that fit the budget (ties: the cheaper, then the first). */
export function bestWithinBudget(portfolios: readonly Portfolio[], value: (p: Portfolio) => number, budget = Number.POSITIVE_INFINITY): Portfolio | undefined {
  let best: Portfolio | undefined;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (const p of portfolios) {
    if (!fits(p.costPerYearIdr, budget)) continue;
    const v = value(p);
    if (v > bestValue || (v === bestValue && best && p.costPerYearIdr < best.costPerYearIdr)) {
      best = p;
      bestValue = v;
    }
  }
  return best;
}

/**
 * The Pareto front of cost against value: an option is on it when no other costs no more and is
 * worth at least as much, and is cheaper or worth more. Equal options are both on it.
 */
export function paretoFront(points: readonly { cost: number; value: number }[]): boolean[] {
  return points.map((p, i) => !points.some((q, j) => j !== i && q.cost <= p.cost && q.value >= p.value && (q.cost < p.cost || q.value > p.value)));
}

/**
 * For each option, the share of draws in which it is the best of the eligible options
 * (values[option][draw]; a tie shares the draw equally). Ineligible options get 0.
 */
export function probabilityBest(values: readonly (readonly number[])[], eligible: readonly boolean[]): number[] {
  const n = values[0]?.length ?? 0;
  const p = values.map(() => 0);
  for (let d = 0; d < n; d++) {
    let max = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < values.length; k++) if (eligible[k] && values[k]![d]! > max) max = values[k]![d]!;
    const best = values.map((v, k) => eligible[k] && v[d] === max);
    const ties = best.filter(Boolean).length;
    best.forEach((b, k) => {
      if (b) p[k]! += 1 / ties / n;
    });
  }
  return p;
}
