/**
 * Which cell an error belongs to, and at which notebook line: the generated module's line
 * numbers (in stack frames and compiler messages) are mapped back through the cell spans.
 */
import { basename } from 'node:path';
import { locate, type CellSpan } from './build.js';

export interface CellFailure {
  /** 1-based code cell. */
  cell: number;
  /** Line in the notebook's Markdown, where known. */
  mdLine?: number;
  message: string;
}

/** Some loaders (vite's, under vitest) reject with plain objects shaped like errors. */
function asError(err: unknown): Error {
  if (err instanceof Error) return err;
  const o = (typeof err === 'object' && err !== null ? err : {}) as Partial<Error>;
  if (typeof o.message !== 'string') return new Error(String(err));
  return Object.assign(new Error(o.message), { name: o.name ?? 'Error', stack: o.stack ?? o.message });
}

/**
 * Where an error came from. While a cell runs, that cell failed; the notebook line is the
 * innermost stack frame inside it (frames of the generated module map back to notebook lines).
 * Before any cell runs (a syntax error, a missing import) the error names the line or the
 * module, which is mapped to the cell holding it.
 */
export function failureOf(err: unknown, running: number, modulePath: string, spans: CellSpan[]): CellFailure {
  const e = asError(err);
  const file = basename(modulePath).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const at = new RegExp(`[^\\s(]*${file}(?:\\?[^:\\s]*)?:(\\d+)(?::\\d+)?`, 'g');
  const text = `${e.message}\n${e.stack ?? ''}`;
  const frames = [...text.matchAll(at)].map((m) => locate(spans, Number(m[1]))).filter((f) => f !== undefined);
  // The first lines of the message: esbuild puts its detail on the second ("Transform failed with
  // 1 error:\n<file>:8:10: ERROR: ..."), a scenario error lists one problem per line.
  const lines = e.message.split('\n').filter((l) => l.trim());
  let message = lines.slice(0, 6).join('\n') + (lines.length > 6 ? `\n… (${lines.length - 6} more lines)` : '');
  message = message.replace(at, (_m, line: string) => `notebook line ${locate(spans, Number(line))?.mdLine ?? '?'}`);
  if (e.name && !message.startsWith(e.name)) message = `${e.name}: ${message}`;
  if (running > 0) {
    const inCell = frames.find((f) => f.cell === running);
    const elsewhere = frames[0];
    if (!inCell && elsewhere) message += ` (raised in code from cell ${elsewhere.cell}, notebook line ${elsewhere.mdLine})`;
    return { cell: running, mdLine: inCell?.mdLine, message };
  }
  const where = frames[0] ?? spans.map((s) => ({ cell: s.cell, mdLine: s.mdLine, hit: s.imports.some((i) => text.includes(`'${i}'`)) })).find((s) => s.hit);
  return { cell: where?.cell ?? 1, mdLine: where?.mdLine, message };
}
