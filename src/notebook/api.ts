/**
 * What notebook cells call: show(spec) for a chart, table(rows), print(...values), md(text).
 * Outputs go to the session of the notebook being run, kept on globalThis because the generated
 * module may load its own copy of this file (a loader namespace or a cache-busting URL), and both
 * copies must write to the one session the runner reads.
 */
import { inspect } from 'node:util';
import { marked } from 'marked';
import type { TopLevelSpec } from 'vega-lite';
import { toSvg } from '../report/render.js';

export type Output = { kind: 'text'; text: string } | { kind: 'html'; html: string } | { kind: 'svg'; svg: string };

export interface Session {
  /** The code cell now running (1-based); 0 before the first marker. */
  cell: number;
  outputs: Map<number, Output[]>;
  /** Charts still rendering, with the cell that asked for them. */
  pending: { cell: number; done: Promise<void> }[];
  charts: number;
  /** When each cell started (performance.now()), to tell authors which cell is slow. */
  started: number[];
  /** Built in quick mode (quick()). */
  quick?: boolean;
}

const KEY = Symbol.for('lintas.notebook.session');
type Holder = { [KEY]?: Session };

export function openSession(): Session {
  // Outputs go to the one open session, so notebooks in one process must run one after another.
  if ((globalThis as Holder)[KEY]) throw new Error('another notebook is already running in this process');
  const s: Session = { cell: 0, outputs: new Map(), pending: [], charts: 0, started: [] };
  (globalThis as Holder)[KEY] = s;
  return s;
}

export function closeSession(): void {
  delete (globalThis as Holder)[KEY];
}

function session(): Session {
  const s = (globalThis as Holder)[KEY];
  if (!s) throw new Error('notebook API called outside a notebook run');
  return s;
}

function emit(o: Output): Output {
  const s = session();
  const list = s.outputs.get(s.cell) ?? [];
  list.push(o);
  s.outputs.set(s.cell, list);
  return o;
}

/** The marker the generated module calls before each cell's code. */
export function __cell(n: number): void {
  const s = session();
  s.cell = n;
  s.started[n] = performance.now();
}

export const esc = (s: unknown): string =>
  String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const asText = (v: unknown): string => (typeof v === 'string' ? v : inspect(v, { depth: 4, breakLength: 100, colors: false }));

/** Text output, like console.log (which is also captured while a notebook runs). */
export function print(...values: unknown[]): void {
  emit({ kind: 'text', text: values.map(asText).join(' ') });
}

/**
 * A notebook's settings for a quick build: `quick(50, 400)` is 50 when the page is built for
 * reading (`npm run notebooks`) and 400 when it is built to check it runs (LINTAS_NOTEBOOK_QUICK=1,
 * as the test suite does), where only the code paths matter. The page says it was built quick.
 */
export function quick<T>(full: T, fast: T): T {
  if (process.env.LINTAS_NOTEBOOK_QUICK !== '1') return full;
  const s = session();
  if (!s.quick) {
    s.quick = true;
    emit({ kind: 'html', html: '<p class="quick"><em>Built in quick mode (smaller runs than the text describes) to check that the notebook runs; its figures are not the ones to read.</em></p>' });
  }
  return fast;
}

/** Markdown computed by a cell — for sentences whose numbers come from the model. */
export function md(markdown: string): void {
  emit({ kind: 'html', html: marked.parse(markdown, { async: false }) });
}

/** Figures in tables: integers with thousands separators, other values to three significant digits. */
export function formatCell(v: unknown): string {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return String(v);
    if (Number.isInteger(v) || Math.abs(v) >= 100) return Math.round(v).toLocaleString('en-US');
    return Number(v.toPrecision(3)).toString();
  }
  return v === null || v === undefined ? '' : String(v);
}

export interface TableOptions {
  caption?: string;
  /** Columns holding shares (0–1), shown as percentages. */
  percent?: string[];
}

/** An array of objects as an HTML table; columns in first-seen key order. */
export function table(rows: readonly Record<string, unknown>[], options: string | TableOptions = {}): void {
  const { caption, percent = [] } = typeof options === 'string' ? { caption: options } : options;
  const cols: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!cols.includes(k)) cols.push(k);
  const numeric = (k: string) => rows.every((r) => r[k] === undefined || typeof r[k] === 'number');
  const cls = (k: string) => (numeric(k) ? ' class="num"' : '');
  const cell = (k: string, v: unknown) => (percent.includes(k) && typeof v === 'number' ? `${(100 * v).toFixed(1)}%` : formatCell(v));
  const head = `<tr>${cols.map((k) => `<th${cls(k)}>${esc(k)}</th>`).join('')}</tr>`;
  // Short values stay on one line (dates, names); long text wraps.
  const td = (k: string, text: string) => `<td${numeric(k) ? ' class="num"' : text.length > 30 ? ' class="wrap"' : ''}>${esc(text)}</td>`;
  const body = rows.map((r) => `<tr>${cols.map((k) => td(k, cell(k, r[k]))).join('')}</tr>`).join('');
  emit({ kind: 'html', html: `<table>${caption ? `<caption>${esc(caption)}</caption>` : ''}<thead>${head}</thead><tbody>${body}</tbody></table>` });
}

/**
 * Several inline SVGs share one document, so ids (clip paths, gradients) are made unique per
 * chart; otherwise a url(#clip1) in the second chart would pick up the first chart's clip.
 */
export function scopeSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/\bid="([^"]+)"/g, `id="${prefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${prefix}-$1"`);
}

/**
 * A vega-lite chart, rendered to inline SVG in Node. Rendering is asynchronous; the slot is
 * kept in place now and filled later, so a cell need not await it and outputs keep their order.
 */
export function show(spec: TopLevelSpec): void {
  const s = session();
  const slot = emit({ kind: 'svg', svg: '' }) as { kind: 'svg'; svg: string };
  const id = `chart${++s.charts}`;
  const done = toSvg(spec).then((svg) => {
    slot.svg = scopeSvgIds(svg, id);
  });
  // Handled by the runner, which awaits every pending chart; this stops a premature unhandled rejection.
  done.catch(() => undefined);
  s.pending.push({ cell: s.cell, done });
}
