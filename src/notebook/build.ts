/**
 * Turns a notebook's cells into one TypeScript module: the cells share a scope (a value made in
 * cell 2 is there in cell 5) and top-level await works. Before each cell a marker call tells the
 * API which cell is running, so outputs and errors are attributed to it.
 */
import { dirname, relative, resolve } from 'node:path';
import type { Block, CodeCell } from './parse.js';

/** Names the generated module brings into scope for the cells (they must not import them again). */
export const API_NAMES = ['show', 'table', 'print', 'md', 'quick'] as const;

export interface CellSpan {
  cell: number;
  /** 1-based lines of the generated module that hold this cell's code. */
  from: number;
  to: number;
  /** 1-based Markdown line of the cell's first line. */
  mdLine: number;
  /** What the cell imports (absolute paths for relative specifiers), to blame a failed import on it. */
  imports: string[];
}

export interface BuiltModule {
  source: string;
  spans: CellSpan[];
}

const posix = (p: string) => p.split('\\').join('/');
const dotted = (p: string) => (p.startsWith('.') ? p : `./${p}`);

/**
 * Cells import the project as seen from the notebook (`../src/...` from notebooks/); the module
 * lives elsewhere (notebooks/.build/), so relative specifiers are re-pointed from there.
 */
const IMPORT = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"\n]+)\2/g;

export function rewriteImports(code: string, notebookDir: string, buildDir: string): string {
  return code.replace(IMPORT, (m, lead: string, q: string, spec: string) => {
    if (!spec.startsWith('./') && !spec.startsWith('../')) return m;
    const target = resolve(notebookDir, spec);
    return `${lead}${q}${dotted(posix(relative(buildDir, target)))}${q}`;
  });
}

export function buildModule(blocks: Block[], notebookPath: string, buildDir: string, apiPath: string): BuiltModule {
  const api = dotted(posix(relative(buildDir, apiPath)).replace(/\.ts$/, '.js'));
  const lines = [
    `// Generated from ${posix(relative(buildDir, notebookPath))} by src/notebook: edit the notebook, not this file.`,
    `import { __cell, ${API_NAMES.join(', ')} } from '${api}';`,
  ];
  const spans: CellSpan[] = [];
  for (const b of blocks.filter((x): x is CodeCell => x.kind === 'code')) {
    lines.push(`__cell(${b.index});`);
    const code = rewriteImports(b.code, dirname(notebookPath), buildDir).split('\n');
    const imports = [...b.code.matchAll(IMPORT)].map((m) => (m[3]!.startsWith('.') ? resolve(dirname(notebookPath), m[3]!) : m[3]!));
    spans.push({ cell: b.index, from: lines.length + 1, to: lines.length + code.length, mdLine: b.line, imports });
    lines.push(...code);
  }
  lines.push('export {};', '');
  return { source: lines.join('\n'), spans };
}

/** The cell and notebook line a line of the generated module belongs to. */
export function locate(spans: CellSpan[], line: number): { cell: number; mdLine: number } | undefined {
  const s = spans.find((x) => line >= x.from && line <= x.to);
  return s ? { cell: s.cell, mdLine: s.mdLine + (line - s.from) } : undefined;
}
