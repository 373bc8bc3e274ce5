/** The metrics registry (metrics.ts): every metric documented, slots dense, stocks in Status order; derived outputs. */
import { describe, expect, it } from 'vitest';
import { STATUS_COUNT, STATUS_NAMES, Status } from '../../src/model/codes.js';
import { FLOW_METRICS, M, METRIC_DEFS, METRICS, type MetricDef, STOCK_METRICS, STOCK_SLOTS, DERIVED_METRICS, isScaled, isStock } from '../../src/model/metrics.js';

const defs = METRIC_DEFS as Record<string, MetricDef>;

describe('the metric registry', () => {
  it('gives every metric a kind, a label, a unit and a definition', () => {
    expect(METRICS.length).toBeGreaterThan(40);
    for (const m of METRICS) {
      const d = defs[m]!;
      expect(['flow', 'stock'], m).toContain(d.kind);
      for (const field of ['label', 'unit', 'definition'] as const) {
        expect(typeof d[field], `${m}.${field}`).toBe('string');
        expect(d[field].trim().length, `${m}.${field}`).toBeGreaterThan(0);
      }
      expect(typeof d.scaled, m).toBe('boolean');
    }
  });

  it('numbers the slots 0..n−1, each once, in declaration order', () => {
    const slots = METRICS.map((m) => M[m]);
    expect(slots).toEqual(METRICS.map((_, i) => i));
    expect(new Set(Object.values(M)).size).toBe(METRICS.length);
    expect(Object.keys(M)).toEqual(METRICS);
  });

  it('splits the metrics into flows and stocks', () => {
    expect([...FLOW_METRICS, ...STOCK_METRICS].sort()).toEqual([...METRICS].sort());
    for (const m of FLOW_METRICS) expect(isStock(m)).toBe(false);
    for (const m of STOCK_METRICS) expect(isStock(m)).toBe(true);
    expect(isStock('no_such_metric')).toBe(false);
  });

  it('scales head counts but not officer counts or shares', () => {
    expect(isScaled('trafficked')).toBe(true);
    expect(isScaled('stock_home')).toBe(true);
    expect(isScaled('officials_removed')).toBe(false);
    expect(isScaled('officials_colluding_share')).toBe(false);
    for (const m of METRICS) expect(isScaled(m)).toBe(defs[m]!.unit === 'persons');
  });

  it('has one stock per status, with STOCK_SLOTS in Status code order', () => {
    expect(STOCK_SLOTS.length).toBe(STATUS_COUNT);
    for (const name of STATUS_NAMES) {
      const slot = STOCK_SLOTS[Status[name]]!;
      expect(METRICS[slot]).toBe(`stock_${name}`);
      expect(defs[`stock_${name}`]!.kind).toBe('stock');
    }
    expect(new Set(STOCK_SLOTS).size).toBe(STATUS_COUNT);
  });
});

describe('derived outputs', () => {
  it('are declared with a definition, computed from recorded metrics on any aggregate', () => {
    for (const [name, d] of Object.entries(DERIVED_METRICS)) {
      expect(d.definition.length, name).toBeGreaterThan(10);
      for (const m of d.of) expect(METRICS).toContain(m);
    }
    expect(DERIVED_METRICS.dark_figure.value({ trafficked: 200, identified: 30 })).toBeCloseTo(0.85, 12);
    expect(DERIVED_METRICS.identification_rate.value({ trafficked: 200, identified: 30 })).toBeCloseTo(0.15, 12);
    expect(DERIVED_METRICS.dark_figure.value({ trafficked: 0, identified: 0 })).toBe(0);
  });
});
