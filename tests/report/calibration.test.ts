/** The calibration behind a --posterior comparison, as the report shows it: prior against posterior, and the predictive check. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calibrationBeside } from '../../src/experiment/calibrate/posterior.js';
import type { Comparison } from '../../src/experiment/compare.js';
import { localize } from '../../src/i18n/index.js';
import { calibrationCharts, calibrationSection, predictiveCheckSpec, priorPosteriorSpec } from '../../src/report/calibration.js';

const shipped = JSON.parse(readFileSync('scenarios/posterior-baseline.json', 'utf8'));
const cal = calibrationBeside('scenarios/posterior-baseline.csv')!;
const chart = (name: string, caption: string) => `[chart ${name}: ${caption}]`;
const withCal = { posterior: { calibration: cal } } as unknown as Comparison;

describe('calibration summary beside a posterior', () => {
  it('reads the shipped posterior-baseline.json: every parameter with its prior and posterior, every target with its source', () => {
    expect(cal.parameters.map((p) => p.path)).toEqual(shipped.posterior.map((p: { path: string }) => p.path));
    for (const p of cal.parameters) expect(p.lo <= p.q05 && p.q05 <= p.q50 && p.q50 <= p.q95 && p.q95 <= p.hi).toBe(true);
    expect(cal.targets).toHaveLength(shipped.fitted.length + shipped.heldOut.length);
    for (const t of cal.targets) expect(t.source.length, t.id).toBeGreaterThan(20);
    expect(cal.ensembles.map((e) => e.ensemble)).toEqual(['prior', 'hand-set', 'posterior']);
    expect(cal.ensembles[2]!.fit.ard).toBe(shipped.check[2].fit.ard);
  });

  it('is absent for a posterior without a summary beside it', () => {
    expect(calibrationBeside('tests/fixtures/no-such-posterior.csv')).toBeUndefined();
    expect(calibrationBeside('scenarios/posterior-baseline.json')).toBeUndefined();
  });
});

describe('the report section', () => {
  it('is empty without a calibration, and has no charts', () => {
    expect(calibrationSection({} as Comparison, chart)).toBe('');
    expect(calibrationCharts({} as Comparison)).toEqual({});
  });

  it('shows each parameter, the scores of prior, hand-set and posterior, and each target with its source', () => {
    const html = calibrationSection(withCal, chart);
    expect(html).toContain('<h2 id="calibration">What the calibration fitted, and how well it predicts</h2>');
    for (const p of cal.parameters) expect(html).toContain(`<code>${p.path}</code>`);
    for (const t of cal.targets) expect(html).toContain(`<code>${t.id}</code>`);
    const post = cal.ensembles[2]!;
    expect(html).toContain(`<tr><td>posterior (after calibration)</td><td>${post.fit.ard.toFixed(2)}</td><td>${Math.round(100 * post.fit.coverage)}% (${post.fit.n})</td>`);
    expect(html).toContain('[chart prior-posterior:');
    expect(html).toContain('[chart predictive-check:');
  });

  it('speaks the reader\'s language, numbers included', () => {
    const html = calibrationSection(withCal, chart, localize('id'));
    expect(html).toContain('Apa yang dikalibrasi, dan seberapa baik model memprediksi');
    expect(html).toContain(`${cal.ensembles[2]!.fit.ard.toFixed(2).replace('.', ',')}`);
    expect(html).not.toContain('held out');
  });

  it('places each parameter inside its prior range (0–1), and each target beside the interval the model gives it', () => {
    const prior = priorPosteriorSpec(cal) as { data: { values: { lo: number; hi: number; median: number; handSet: number }[] } };
    expect(prior.data.values).toHaveLength(cal.parameters.length);
    for (const v of prior.data.values) for (const x of [v.lo, v.hi, v.median, v.handSet]) expect(x >= 0 && x <= 1).toBe(true);
    const check = predictiveCheckSpec(cal) as { data: { values: { role: string; observed: number; lo: number; hi: number }[] } };
    expect(check.data.values.filter((v) => v.role === 'fitted')).toHaveLength(shipped.fitted.length);
    expect(check.data.values.filter((v) => v.role === 'held out')).toHaveLength(shipped.heldOut.length);
  });
});
