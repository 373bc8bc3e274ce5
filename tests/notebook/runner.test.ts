/** The notebook runner's parts: splitting Markdown into cells, the generated module, error attribution. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scopeSvgIds } from '../../src/notebook/api.js';
import { buildModule, locate, rewriteImports } from '../../src/notebook/build.js';
import { parseNotebook } from '../../src/notebook/parse.js';
import { NOTEBOOK_DIR, type NotebookError, runNotebook } from '../../src/notebook/runner.js';

const tmp = mkdtempSync(join(tmpdir(), 'lintas-notebook-unit-'));
const buildDir = join(NOTEBOOK_DIR, '.build', `unit-${process.pid}`);
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  rmSync(buildDir, { recursive: true, force: true });
});

const NOTEBOOK = ['# Title', '', 'Prose.', '', '```ts', 'const a = 1;', '```', '', '```sh', 'echo not a cell', '```', '', '~~~typescript', 'print(a);', '~~~', ''].join('\n');

describe('parseNotebook', () => {
  it('splits prose and ts cells, keeps other fences as prose, and records where each cell starts', () => {
    const blocks = parseNotebook(NOTEBOOK);
    expect(blocks.map((b) => b.kind)).toEqual(['prose', 'code', 'prose', 'code']);
    expect(blocks[1]).toEqual({ kind: 'code', index: 1, code: 'const a = 1;', line: 6 });
    expect(blocks[2]!.kind === 'prose' && blocks[2]!.markdown).toContain('echo not a cell');
    expect(blocks[3]).toMatchObject({ index: 2, code: 'print(a);', line: 14 });
  });
});

describe('buildModule', () => {
  it('puts a marker before each cell and maps module lines back to notebook lines', () => {
    const built = buildModule(parseNotebook(NOTEBOOK), '/p/notebooks/x.md', '/p/notebooks/.build', '/p/src/notebook/api.ts');
    const lines = built.source.split('\n');
    expect(lines[1]).toBe("import { __cell, show, table, print, md, quick } from '../../src/notebook/api.js';");
    const second = built.spans[1]!;
    expect(lines[second.from - 2]).toBe('__cell(2);');
    expect(lines[second.from - 1]).toBe('print(a);');
    expect(locate(built.spans, second.from)).toEqual({ cell: 2, mdLine: 14 });
  });

  it('re-points relative imports from the notebook folder to the build folder, and leaves packages alone', () => {
    const code = "import { a } from '../src/a.js';\nimport b from 'immer';\nconst c = await import('./c.js');\nloadScenario('../not-an-import.ts');";
    expect(rewriteImports(code, '/p/notebooks', '/p/notebooks/.build').split('\n')).toEqual([
      "import { a } from '../../src/a.js';",
      "import b from 'immer';",
      "const c = await import('../c.js');",
      "loadScenario('../not-an-import.ts');",
    ]);
  });
});

describe('errors', () => {
  const write = (name: string, text: string) => {
    const path = join(tmp, name);
    writeFileSync(path, text);
    return path;
  };
  const failure = (path: string) =>
    runNotebook(path, { outDir: tmp, buildDir }).then(
      () => {
        throw new Error('expected the notebook to fail');
      },
      (e: unknown) => e as NotebookError,
    );

  it('a syntax error names its cell and notebook line', async () => {
    const e = await failure(write('syntax.md', '# S\n\n```ts\nconst a = 1;\n```\n\n```ts\nconst b = ;\n```\n'));
    expect(e.failure).toMatchObject({ cell: 2, mdLine: 8 });
  });

  it('an error thrown by a function from an earlier cell is charged to the cell that called it', async () => {
    const e = await failure(write('nested.md', '# N\n\n```ts\nfunction f(x: any) { return x.y.z; }\n```\n\n```ts\nf({});\n```\n'));
    expect(e.failure.cell).toBe(2);
    expect(e.message).toMatch(/TypeError/);
  });

  it('a chart that cannot be rendered fails its cell', async () => {
    const e = await failure(write('chart.md', "# C\n\n```ts\nprint('ok');\n```\n\n```ts\nshow({ mark: 'nonsense' } as never);\n```\n"));
    expect(e.failure.cell).toBe(2);
  });
});

describe('scopeSvgIds', () => {
  it('prefixes ids and their references so several charts can share a page', () => {
    const svg = '<clipPath id="clip1"><rect/></clipPath><g clip-path="url(#clip1)"><use href="#clip1"/></g>';
    expect(scopeSvgIds(svg, 'chart2')).toBe('<clipPath id="chart2-clip1"><rect/></clipPath><g clip-path="url(#chart2-clip1)"><use href="#chart2-clip1"/></g>');
  });
});
