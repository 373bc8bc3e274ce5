/** A chart rendered twice in one process gives the same bytes: vega's process-wide clip ids are renumbered per SVG. */
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { renumberIds, toSvg } from '../../src/report/render.js';

const spec: TopLevelSpec = {
  data: { values: [{ x: 1, y: 2 }, { x: 2, y: 3 }] },
  mark: { type: 'line', clip: true },
  encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
};

describe('toSvg', () => {
  it('renders the same chart to the same bytes every time in one process', async () => {
    const a = await toSvg(spec);
    const b = await toSvg(spec);
    expect(a).toContain('clip-path="url(#clip1)"');
    expect(b).toBe(a);
  });

  it('renumbers ids in order of appearance and keeps references pointing at them', () => {
    const svg = '<clipPath id="clip8"/><clipPath id="clip3"/><g clip-path="url(#clip3)"/><use href="#clip8"/><g id="gradient_12"/>';
    expect(renumberIds(svg)).toBe('<clipPath id="clip1"/><clipPath id="clip2"/><g clip-path="url(#clip2)"/><use href="#clip1"/><g id="gradient_1"/>');
  });
});
