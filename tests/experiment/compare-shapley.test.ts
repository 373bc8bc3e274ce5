/**
 * A comparison with Shapley decompositions, end to end on a small scenario: the runs it adds, the
 * values adding up to the total replicate by replicate, and the shape of comparison.json.
 */
import { csvParse } from 'd3-dsv';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Comparison, compare, KEY_METRICS } from '../../src/experiment/compare.js';
import { comparisonTable } from '../../src/experiment/table.js';
import { localize } from '../../src/i18n/index.js';
import { decompositionTables } from '../../src/report/report.js';
import { decompositionPlans } from '../../src/scenario/variants.js';
import { variantsOf } from '../../src/experiment/tasks.js';

const FILE = 'tests/fixtures/compare-shapley.json';
let dir: string;
let result: Comparison;
/** A run's metric in each replicate, from comparison.csv. */
let csv: (run: string, metric: string) => number[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lintas-shapley-'));
  result = await compare({ file: FILE, replicates: 2, scale: 50, weeks: 26, workers: 1, outDir: dir, resume: false });
  const rows = csvParse(readFileSync(join(dir, 'comparison.csv'), 'utf8'));
  csv = (run, metric) =>
    rows
      .filter((r) => r.variant === run && r.metric === metric)
      .sort((a, b) => Number(a.replicate) - Number(b.replicate))
      .map((r) => Number(r.value));
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('lintas compare: Shapley decompositions', () => {
  it('runs the five variants and the 6 + 3 coalitions the two decompositions add', () => {
    expect(result.variants).toHaveLength(14);
    expect(result.variants.filter((v) => v.decomposes)).toHaveLength(9);
    // The runs a decomposition adds stay out of the weekly bands.
    const weekly = new Set(csvParse(readFileSync(join(dir, 'weekly.csv'), 'utf8')).map((r) => r.variant));
    expect([...weekly].sort()).toEqual(['baseline', 'patrols+protocols@collaboration', 'protocols', 'protocols@collaboration', 'protocols@collaboration-held']);
  });

  it('holding every mechanism at the reference stage gives the reference itself, run for run: the empty coalition it stands for', () => {
    const metrics = Object.keys(result.variants[0]!.metrics);
    for (const m of metrics) expect(csv('protocols@collaboration-held', m), m).toEqual(csv('protocols', m));
  });

  it('writes the new shape to comparison.json: three metrics per decomposition, each figure with its interval, clarity, share and replicates', () => {
    const json = JSON.parse(readFileSync(join(dir, 'comparison.json'), 'utf8')) as Comparison;
    expect(json.decompositions).toEqual(result.decompositions);
    expect(json.decompositions.map((d) => `${d.variant}/${d.metric}`)).toEqual([
      'protocols@collaboration/trafficked',
      'protocols@collaboration/identified',
      'protocols@collaboration/convictions',
      'patrols+protocols@collaboration/trafficked',
      'patrols+protocols@collaboration/identified',
      'patrols+protocols@collaboration/convictions',
    ]);
    const [three, , , two] = json.decompositions;
    expect(Object.keys(three!).sort()).toEqual(['against', 'coalitions', 'emptyCoalition', 'heldAt', 'mechanisms', 'method', 'metric', 'notStage', 'stageChange', 'total', 'variant']);
    expect(three).toMatchObject({ method: 'shapley', heldAt: 'coexistence', coalitions: 8, emptyCoalition: 'protocols', notStage: null });
    expect(three!.mechanisms.map((m) => m.mechanism)).toEqual(['justice', 'protocols', 'others']);
    expect(Object.keys(three!.mechanisms[0]!).sort()).toEqual(['byReplicate', 'clear', 'label', 'mechanism', 'mechanisms', 'share', 'value']);
    expect(Object.keys(three!.total.value).sort()).toEqual(['hi', 'lo', 'mean', 'n']);
    expect(two).toMatchObject({ coalitions: 4, emptyCoalition: 'patrols+protocols@collaboration~patrols+information+justice+victims+training+protocols@coexistence' });
    expect(two!.notStage).not.toBeNull();
    for (const d of json.decompositions)
      for (const f of [d.total, d.stageChange, ...d.mechanisms, ...(d.notStage ? [d.notStage] : [])]) {
        expect(f.clear).toBe(f.value.lo > 0 || f.value.hi < 0);
        if (d.total.clear) expect(f.share).toBeCloseTo(f.value.mean / d.total.value.mean, 12);
        else expect(f.share).toBeNull();
      }
    expect(json.variants.find((v) => v.name === three!.emptyCoalition)!.decomposes).toBeUndefined();
    expect(json.variants.find((v) => v.name === 'protocols@collaboration~justice@coexistence')!.decomposes).toEqual({
      variant: 'protocols@collaboration',
      held: ['justice'],
      stage: 'coexistence',
    });
  });

  it('gives values that add up to the total replicate by replicate, as the Shapley formula gives them from the runs', async () => {
    const plans = decompositionPlans(await variantsOf(FILE));
    for (const d of result.decompositions) {
      const plan = plans.find((p) => p.variant === d.variant)!;
      const v = plan.runs.map((run) => csv(run, d.metric));
      const reference = csv(d.against, d.metric);
      for (let r = 0; r < result.replicates; r++) {
        const tag = `${d.variant} ${d.metric} replicate ${r}`;
        const total = v[v.length - 1]![r]! - reference[r]!;
        expect(d.total.byReplicate[r], tag).toBeCloseTo(total, 9);
        expect(sum(d.mechanisms.map((m) => m.byReplicate[r]!)), tag).toBeCloseTo(d.stageChange.byReplicate[r]!, 9);
        expect(d.stageChange.byReplicate[r]! + (d.notStage?.byReplicate[r] ?? 0), tag).toBeCloseTo(total, 9);
        if (plan.players.length === 3) {
          // φ_i = Σ over S ∌ i of |S|!(2 − |S|)!/3! · (v(S ∪ i) − v(S)): weights 1/3, 1/6, 1/6, 1/3.
          const w = [1 / 3, 1 / 6, 1 / 6, 1 / 3];
          [0, 1, 2].forEach((i) => {
            const others = [0, 1, 2].filter((j) => j !== i).map((j) => 1 << j);
            const subsets = [0, others[0]!, others[1]!, others[0]! | others[1]!];
            const phi = subsets.reduce((s, S, k) => s + w[k]! * (v[S | (1 << i)]![r]! - v[S]![r]!), 0);
            expect(d.mechanisms[i]!.byReplicate[r], `${tag} player ${i}`).toBeCloseTo(phi, 9);
          });
        } else {
          const phi = ((v[1]![r]! - v[0]![r]!) + (v[3]![r]! - v[2]![r]!)) / 2;
          expect(d.mechanisms[0]!.byReplicate[r], tag).toBeCloseTo(phi, 9);
          expect(d.notStage!.byReplicate[r], tag).toBeCloseTo(v[0]![r]! - reference[r]!, 9);
        }
      }
    }
  });

  it('shows each decomposition in the terminal table, with what is not the stage where there is some', () => {
    const text = comparisonTable(result, KEY_METRICS, localize('en'));
    expect(text).toContain('protocols@collaboration against protocols, by mechanism (Shapley values over 8 coalitions, paired 95% intervals)');
    expect(text).toContain('not the stage (patrols+protocols@collaboration with every mechanism held at coexistence, against protocols)');
    expect(text).toContain('the other mechanisms together (patrols, information, victims, training)');
    expect(text).not.toContain('interactions');
    // Two replicates: nothing is clear, and shares are given only for a clear total.
    for (const d of result.decompositions) if (!d.total.clear) expect(d.mechanisms.every((m) => m.share === null)).toBe(true);
  });

  it('shows each decomposition in report.html, in every language', () => {
    const html = decompositionTables(result, (name) => name, localize('en'));
    expect(html.match(/<table/g)).toHaveLength(6);
    expect(html).toContain('Shapley values over 8 combinations of the mechanisms');
    expect(html).toContain('what is not the stage: patrols+protocols@collaboration with every mechanism held at coexistence, against protocols');
    expect(html).toContain('not distinguishable from zero');
    for (const lang of ['id', 'ms'] as const) expect(decompositionTables(result, (name) => name, localize(lang))).toContain('Shapley');
  });
});
