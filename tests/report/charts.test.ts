/** Charts: valid vega-lite, rendered to SVG with text, and to PNG with the text actually drawn. */
import { Resvg } from '@resvg/resvg-js';
import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { compare, type Comparison } from '../../src/experiment/compare.js';
import { borneoBasemap } from '../../src/report/basemap.js';
import { borderMapSpec, comparisonSpec, darkFigureSpec, flowsByChannelSpec, flowsByCrossingSpec } from '../../src/report/charts.js';
import { mapData } from '../../src/report/map-data.js';
import { packageFile, readBands } from '../../src/report/report.js';
import { FONT_FILES, svgToPng, toSvg } from '../../src/report/render.js';
import { loadScenario } from '../../src/scenario/load.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let specs: Record<string, TopLevelSpec>;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lintas-charts-'));
  const c: Comparison = await compare({ file: 'tests/fixtures/compare-small.json', replicates: 2, scale: 50, weeks: 40, workers: 1, outDir: dir, resume: false });
  const bands = readBands(readFileSync(join(dir, 'weekly.csv'), 'utf8'));
  const s = await loadScenario('scenarios/baseline.ts');
  const flows = Object.fromEntries(Object.entries(c.variants[0]!.metrics).filter(([k]) => k.startsWith('flow_')).map(([k, v]) => [k.slice(5), v.mean]));
  specs = {
    channels: flowsByChannelSpec(bands),
    dark: darkFigureSpec(bands),
    comparison: comparisonSpec(c),
    crossings: flowsByCrossingSpec(c, Object.fromEntries(s.crossings.map((x) => [x.id, x.kind]))),
    map: borderMapSpec(mapData(s, flows)),
  };
  return () => rmSync(dir, { recursive: true, force: true });
});


describe('charts', () => {
  it('are valid against the vega-lite JSON schema', () => {
    const schema = JSON.parse(readFileSync(packageFile('vega-lite/build/vega-lite-schema.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: false });
    const validate = ajv.compile(schema);
    for (const [name, spec] of Object.entries(specs)) {
      const ok = validate(spec);
      expect(ok, `${name}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
  });

  it('have data: bands for three channels and two dark-figure series, a row per variant', () => {
    const values = (s: TopLevelSpec) => (s as { data: { values: unknown[] } }).data.values;
    expect(new Set(values(specs.channels!).map((v) => (v as { channel: string }).channel)).size).toBe(3);
    expect(new Set(values(specs.dark!).map((v) => (v as { series: string }).series)).size).toBe(2);
    expect(values(specs.comparison!)).toHaveLength(3);
  });

  it('render to SVG with their titles as text', async () => {
    for (const spec of Object.values(specs)) {
      const svg = await toSvg(spec);
      const title = (spec.title as { text: string }).text;
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain(title.replace(/&/g, '&amp;').replace(/'/g, '&#x27;').slice(0, 20));
    }
  });

  it('map draws the Borneo coastline and the Indonesia–Malaysia line from the bundled dataset', () => {
    const { land, border } = borneoBasemap();
    expect(land.features.map((f) => f.properties.country).sort()).toEqual(['Brunei', 'Indonesia', 'Malaysia']);
    const lons = border.geometry.coordinates.flat().map((p) => p[0]!);
    expect(Math.min(...lons)).toBeLessThan(110);
    expect(Math.max(...lons)).toBeGreaterThan(117);
  });

  it('render to PNG with the text drawn only because the font file is given', async () => {
    const svg = await toSvg({ $schema: 'https://vega.github.io/schema/vega-lite/v6.json', title: 'Entikong', width: 10, height: 10, mark: 'point', data: { values: [] } });
    const dark = (opts: ConstructorParameters<typeof Resvg>[1]) => {
      const img = new Resvg(svg, opts).render();
      let n = 0;
      for (let i = 0; i < img.pixels.length; i += 4) if (img.pixels[i + 3]! > 128 && img.pixels[i]! < 100) n++;
      return n;
    };
    expect(FONT_FILES.length).toBeGreaterThan(0);
    const withFont = dark({ font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' } });
    const without = dark({ font: { loadSystemFonts: false } });
    expect(withFont).toBeGreaterThan(50);
    expect(without).toBe(0);
    const png = svgToPng(svg);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });
});
