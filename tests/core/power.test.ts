import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { power } from '../../src/core/power.js';

describe('power', () => {
  it('is x^y to within a few ulps on the simulation’s domain (0 < x ≤ 1, y ≥ 0)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1, noNaN: true }), fc.double({ min: 0, max: 1e4, noNaN: true }), (x, y) => {
        const want = x ** y;
        expect(Math.abs(power(x, y) - want)).toBeLessThanOrEqual(1e-12 * Math.max(want, 1e-300) * Math.max(1, y) + 1e-300);
      }),
    );
  });
  it('keeps the exact edge cases', () => {
    expect(power(0.5, 0)).toBe(1);
    expect(power(0, 2)).toBe(0);
    expect(power(1, 1e9)).toBe(1);
    expect(power(0.5, 1)).toBe(0.5);
  });
});

describe('the simulation path', () => {
  it('raises to a power only through power(): no Math.pow or ** on values (integer constants aside)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
    const offending: string[] = [];
    for (const file of [...files('src/core'), ...files('src/model')])
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$/, '');
          if (/^\s*(\/?\*)/.test(code)) return;
          if (/Math\.pow\(/.test(code) || /\*\*(?!\s*\d+\b)/.test(code.replace(/\/\*\*.*?\*\//g, '').replace(/\b\d+\s*\*\*\s*\d+\b/g, ''))) offending.push(`${file}:${i + 1}`);
        });
    expect(offending).toEqual([]);
  });
});
