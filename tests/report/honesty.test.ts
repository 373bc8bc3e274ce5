/** The report's honesty helpers: classifying sources, rounding, cost ranges, plain labels. */
import { localize } from '../../src/i18n/index.js';
import { BUILTIN } from '../../src/model/interventions/index.js';
import { describe, expect, it } from 'vitest';
import type { VariantResult } from '../../src/experiment/compare.js';
import { costPerCaseRange, count2, countSources, howSureBox, idr2, parameterUncertainty, pct2, sig2, sourceKind } from '../../src/report/honesty.js';
import { crossingNames, variantDescription, variantLabel, variantLabels, type VariantInfo } from '../../src/report/labels.js';

const stage = (s: string) => [{ date: '2019-01-01', stage: s }];
const iv = (kind: string) => ({ kind, start: '2019-07-01', intensity: 1, costPerYearIdr: 1e9 });
const base: VariantInfo = { name: 'baseline', description: 'the scenario', stages: stage('coexistence'), interventions: [{ kind: 'jointPatrols', start: '2023-10-16', intensity: 0.2 }] };
const v = (name: string, kinds: string[], st = 'coexistence'): VariantInfo => ({ name, description: `d ${name}`, stages: stage(st), interventions: [...base.interventions, ...kinds.map(iv)] });
const ALL = [...BUILTIN.kinds];

describe('sources', () => {
  it('are classified from their note', () => {
    expect(sourceKind('assumption: illustrative')).toBe('assumed');
    expect(sourceKind('calibrated: tuned so …')).toBe('calibrated');
    expect(sourceKind('border facts §2: informal route about Rp 200k')).toBe('data');
    expect(sourceKind('Oktavian et al. §3.3: brokers collude; level an assumption')).toBe('partly');
    expect(countSources([{ source: 'assumption: x' }, { source: 'facts' }, { source: 'calibrated: y' }])).toEqual({ data: 1, calibrated: 1, partly: 0, assumed: 1 });
  });
});

describe('rounding to two significant figures', () => {
  it('rounds counts, rupiah and percentages', () => {
    expect(sig2(11_552_105)).toBe(12_000_000);
    expect(sig2(0.0123)).toBe(0.012);
    expect(count2(93_347)).toBe('93,000');
    expect(idr2(11_552_105)).toBe('Rp 12 million');
    expect(idr2(1_683_104_722_792)).toBe('Rp 1.7 trillion');
    expect(idr2(930_412)).toBe('Rp 930,000');
    expect(pct2(-0.612)).toBe('−61%');
    expect(pct2(0.00791)).toBe('+0.79%');
    expect(pct2(0)).toBe('0%');
  });
});

describe('cost per case averted', () => {
  const vr = (lo: number, hi: number, cost = 1e9): VariantResult =>
    ({ name: 'x', description: '', costIdr: cost, costPerTraffickingCaseAvertedIdr: null, metrics: { trafficked: { mean: 0, lo: 0, hi: 0, diff: { mean: (lo + hi) / 2, lo, hi, n: 5 }, unpairedDiff: null, relativeChange: null } } }) as VariantResult;
  it('is a range over the paired interval of cases averted, and absent where the reduction is not clear', () => {
    expect(costPerCaseRange(vr(-200, -100))).toEqual({ lo: 5e6, hi: 1e7 });
    expect(costPerCaseRange(vr(-200, 10))).toBeNull();
    expect(costPerCaseRange(vr(-200, -100, 0))).toBeNull();
  });
  it('says when intervals carry parameter uncertainty', () => {
    expect(parameterUncertainty({ posterior: { description: '200 draws from the ABC posterior' } } as never)).toBe('200 draws from the ABC posterior');
    expect(parameterUncertainty({} as never)).toBeNull();
    const c = { replicates: 20, scale: 20, start: '2019-01-07', end: '2024-12-30', posterior: { description: 'one draw per replicate', parameters: ['params.h0', 'params.collusionMean'] } };
    const box = howSureBox(c as never, [{ source: 'assumption: x' }, { source: 'facts' }, { source: 'assumption: y' }] as never);
    expect(box).toContain('<i>and</i> parameter uncertainty (one draw per replicate). 2 of the 3 coefficients vary with it');
    expect(box).not.toContain('Too few replicates');
  });
});

describe('plain labels', () => {
  it('name a variant by what it adds to the baseline, and the baseline as the baseline', () => {
    expect(variantLabel(base, base)).toBe('Baseline');
    expect(variantLabel(v('jointPatrols', ['jointPatrols']), base)).toBe('Joint patrols');
    expect(variantLabel(v('patrols+intelligence', ['jointPatrols', 'intelligenceSharing']), base)).toBe('Joint patrols + Intelligence sharing');
    expect(variantLabel(v('all@collaboration', ALL, 'collaboration'), base)).toBe(`All ${localize().list('numberWords')[ALL.length]} measures together, at the collaboration stage`);
    expect(variantLabel({ ...base, name: 'kappa', description: 'patrols detect more' }, base)).toBe('kappa');
    expect(variantDescription(v('p+i', ['jointPatrols', 'intelligenceSharing']), base)).toMatch(/^The baseline with two measures added together \(Joint patrols, Intelligence sharing\)/);
    expect(variantDescription(base, base)).toMatch(/^The baseline: the border as it is, at the coexistence stage/);
  });
  it('never give two variants the same label', () => {
    const label = variantLabels([base, v('a', ['jointPatrols']), v('b', ['jointPatrols'])]);
    expect([label('a'), label('b')]).toEqual(['a', 'b']);
    expect(crossingNames([{ id: 'entikong', name: 'PLBN Entikong' }])('entikong')).toBe('PLBN Entikong');
  });
});
