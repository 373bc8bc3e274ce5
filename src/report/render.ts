/**
 * Renders vega-lite specs in Node: to SVG with vega's headless view, and to PNG with resvg,
 * given the DejaVu Sans font file explicitly (resvg draws no text without a font).
 */
import { Resvg, renderAsync } from '@resvg/resvg-js';
import { createRequire } from 'node:module';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

const require = createRequire(import.meta.url);
export const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => require.resolve(`dejavu-fonts-ttf/ttf/${f}`));

/** Renders a Vega-Lite spec to SVG text in Node, with ids renumbered so that the same chart always gives the same bytes. */
export async function toSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return renumberIds(svg);
}

/**
 * vega numbers clip paths and gradients from counters that run across the whole process, so the
 * same chart rendered twice in one process (a report built after another) would differ in bytes.
 * The ids are renumbered in order of appearance within each SVG instead.
 */
export function renumberIds(svg: string): string {
  const next = new Map<string, number>();
  const rename = new Map<string, string>();
  for (const m of svg.matchAll(/\bid="([A-Za-z_-]*?)(\d+)"/g)) {
    const old = `${m[1]}${m[2]}`;
    if (rename.has(old)) continue;
    const n = (next.get(m[1]!) ?? 0) + 1;
    next.set(m[1]!, n);
    rename.set(old, `${m[1]}${n}`);
  }
  if (!rename.size) return svg;
  return svg.replace(/(\bid="|url\(#|href="#)([A-Za-z_-]*?\d+)(?=[")])/g, (all, pre: string, id: string) => (rename.has(id) ? `${pre}${rename.get(id)}` : all));
}

const PNG_OPTIONS = (scale: number) => ({
  font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  fitTo: { mode: 'zoom' as const, value: scale },
  background: 'white',
});

/** Renders SVG text to a PNG with resvg and the bundled DejaVu Sans font, zoomed by `scale` (default 2). */
export function svgToPng(svg: string, scale = 2): Buffer {
  return new Resvg(svg, PNG_OPTIONS(scale)).render().asPng();
}

/** svgToPng off the main thread (libuv's pool): a report's charts are drawn side by side, the same bytes. */
export async function svgToPngAsync(svg: string, scale = 2): Promise<Buffer> {
  return (await renderAsync(svg, PNG_OPTIONS(scale))).asPng();
}
