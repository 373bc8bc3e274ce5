/**
 * The CLI and the explorer stay navigable: no function in src/cli.ts, src/cli/ or src/explorer/
 * is longer than MAX_LINES lines (counted from its first line to its last, nested functions
 * included; leading comments not). A longer one is split by what it does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAX_LINES = 80;

/** The .ts files of a folder and its subfolders. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Every function-like node of a file (declarations, expressions, arrows, methods, accessors, constructors), with its length in lines. */
function functionLengths(file: string): { name: string; line: number; lines: number }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: { name: string; line: number; lines: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const named = node.name ?? (ts.isVariableDeclaration(node.parent) || ts.isPropertyAssignment(node.parent) ? node.parent.name : undefined);
      found.push({ name: named ? named.getText(source) : '(anonymous)', line: first + 1, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const FILES = [join(ROOT, 'src/cli.ts'), ...tsFiles(join(ROOT, 'src/cli')), ...tsFiles(join(ROOT, 'src/explorer'))];

describe('function length', () => {
  it('finds the functions it measures', () => {
    const all = FILES.flatMap(functionLengths);
    expect(all.some((f) => f.name === 'main')).toBe(true);
    expect(all.length).toBeGreaterThan(50);
  });

  it(`no function in src/cli.ts, src/cli/ or src/explorer/ is over ${MAX_LINES} lines`, () => {
    const long = FILES.flatMap((file) =>
      functionLengths(file)
        .filter((f) => f.lines > MAX_LINES)
        .map((f) => `${relative(ROOT, file)}:${f.line} ${f.name}: ${f.lines} lines`),
    );
    expect(long).toEqual([]);
  });
});
