/**
 * Runs one notebook: parse, generate the module, import it (which executes the cells in order),
 * wait for the charts, and write the HTML page. A failing cell fails the run with the notebook,
 * the cell number, the notebook line where known, and the error.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { closeSession, openSession, print, type Session } from './api.js';
import { buildModule, type CellSpan } from './build.js';
import { failureOf, type CellFailure } from './errors.js';
import { renderPage, titleOf } from './html.js';
import { parseNotebook, type Block } from './parse.js';

export const ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));
export const NOTEBOOK_DIR = join(ROOT, 'notebooks');
const API_PATH = fileURLToPath(new URL('./api.ts', import.meta.url));

/** The notebooks of the project, in reading order: notebooks/NN-name.md. */
export function listNotebooks(dir = NOTEBOOK_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => /^\d+-.+\.md$/i.test(f))
    .sort()
    .map((f) => join(dir, f));
}

export interface RunOptions {
  /** Where the HTML page goes (default notebooks/html). */
  outDir?: string;
  /** Where the generated module goes (default notebooks/.build). */
  buildDir?: string;
}

export interface NotebookResult {
  notebook: string;
  title: string;
  html: string;
  cells: number;
  charts: number;
  ms: number;
  /** Seconds each code cell took (charts render after the cells, so their time is not included). */
  cellSeconds: number[];
}

export class NotebookError extends Error {
  constructor(
    readonly notebook: string,
    readonly failure: CellFailure,
    readonly html: string,
  ) {
    super(`${notebook}: cell ${failure.cell}${failure.mdLine ? ` (line ${failure.mdLine})` : ''} failed: ${failure.message}`);
    this.name = 'NotebookError';
  }
}

/** Each run gets a fresh module URL, so running a notebook twice in one process executes it twice. */
let runs = 0;

const display = (p: string) => relative(process.cwd(), p) || p;

export interface WrittenModule {
  notebookPath: string;
  name: string;
  blocks: Block[];
  modulePath: string;
  spans: CellSpan[];
  source: string;
}

/** Parses a notebook and writes its generated module (notebooks/.build/NN-name.ts by default). */
export function writeModule(path: string, buildDir: string = join(NOTEBOOK_DIR, '.build')): WrittenModule {
  const notebookPath = resolve(path);
  const name = basename(notebookPath).replace(/\.md$/i, '');
  const dir = resolve(buildDir);
  const blocks = parseNotebook(readFileSync(notebookPath, 'utf8'));
  const built = buildModule(blocks, notebookPath, dir, API_PATH);
  mkdirSync(dir, { recursive: true });
  const modulePath = join(dir, `${name}.ts`);
  writeFileSync(modulePath, built.source);
  return { notebookPath, name, blocks, modulePath, spans: built.spans, source: built.source };
}

/** Imports the generated module, which runs the cells, and waits for their charts. */
async function execute(modulePath: string, spans: CellSpan[]): Promise<{ session: Session; failure?: CellFailure; cellsDone: number }> {
  const session = openSession();
  // Cells may log as they would in a script; while the notebook runs that goes to the page.
  const { log, info } = console;
  console.log = console.info = (...values: unknown[]) => print(...values);
  // A promise a cell forgot to await still fails the cell that was running.
  let floating: unknown;
  const onRejection = (reason: unknown) => {
    floating ??= reason;
  };
  process.on('unhandledRejection', onRejection);
  let failure: CellFailure | undefined;
  let cellsDone = 0;
  try {
    try {
      await import(`${pathToFileURL(modulePath).href}?run=${++runs}`);
      cellsDone = performance.now();
      if (floating !== undefined) throw floating;
    } catch (err) {
      failure = failureOf(err, session.cell, modulePath, spans);
    }
    // Charts render asynchronously; a chart that fails fails its cell (the earliest failure wins).
    for (const p of session.pending) {
      try {
        await p.done;
      } catch (err) {
        if (!failure || p.cell < failure.cell) failure = failureOf(err, p.cell, modulePath, spans);
      }
    }
  } finally {
    console.log = log;
    console.info = info;
    process.off('unhandledRejection', onRejection);
    closeSession();
  }
  return { session, failure, cellsDone };
}

export async function runNotebook(path: string, opts: RunOptions = {}): Promise<NotebookResult> {
  const t0 = performance.now();
  const outDir = resolve(opts.outDir ?? join(NOTEBOOK_DIR, 'html'));
  const { notebookPath, name, blocks, modulePath, spans } = writeModule(path, opts.buildDir);
  const { session, failure, cellsDone } = await execute(modulePath, spans);

  const html = join(outDir, `${name}.html`);
  mkdirSync(outDir, { recursive: true });
  const title = titleOf(blocks, name);
  writeFileSync(html, renderPage({ title, source: display(notebookPath), blocks, outputs: session.outputs, failure }));
  if (failure) throw new NotebookError(display(notebookPath), failure, html);
  const starts = spans.map((sp) => session.started[sp.cell]!);
  const cellSeconds = starts.map((t, i) => ((starts[i + 1] ?? cellsDone) - t) / 1000);
  return { notebook: display(notebookPath), title, html, cells: spans.length, charts: session.charts, ms: performance.now() - t0, cellSeconds };
}
