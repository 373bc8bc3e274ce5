/**
 * `npm run notebooks [-- notebooks/01-why-people-cross.md ...]`: runs the notebooks (all of
 * notebooks/NN-*.md in order when none is named) and writes one HTML page each under
 * notebooks/html/. Exits 1 if any cell of any notebook fails, after running the others.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { esc } from './api.js';
import { describeProblem, typecheckNotebooks } from './typecheck.js';
import { listNotebooks, NOTEBOOK_DIR, ROOT, NotebookError, runNotebook, type NotebookResult } from './runner.js';

function writeIndex(results: NotebookResult[]): string {
  const path = join(NOTEBOOK_DIR, 'html', 'index.html');
  const items = results.map((r) => `<li><a href="${esc(relative(join(NOTEBOOK_DIR, 'html'), r.html))}">${esc(r.title)}</a></li>`);
  writeFileSync(
    path,
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>lintas notebooks</title></head>\n<body style="font-family: sans-serif; max-width: 50rem; margin: 2rem auto">\n<h1>lintas notebooks</h1>\n<ul>\n${items.join('\n')}\n</ul>\n</body></html>\n`,
  );
  return path;
}

export async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(
      [
        'usage: npm run notebooks [-- [--check] notebooks/NN-name.md ...]',
        'Runs the notebooks (all of notebooks/NN-*.md when none is named) and writes notebooks/html/NN-name.html for each.',
        '  --check   type-check the cells instead of running them (tsx runs cells without checking types)',
      ].join('\n'),
    );
    return 0;
  }
  const check = argv.includes('--check');
  const args = argv.filter((a) => a !== '--check');
  const unknown = args.find((a) => a.startsWith('-'));
  if (unknown) {
    console.error(`unknown option ${unknown} (see --help)`);
    return 2;
  }
  // Paths named on the command line are relative to where it was typed (npm run moves to the
  // project root and leaves that folder in INIT_CWD); cells read files relative to the root.
  const typedIn = process.env.INIT_CWD ?? process.cwd();
  const files = args.length ? args.map((a) => resolve(typedIn, a)) : listNotebooks();
  const missing = files.filter((f) => !existsSync(f));
  for (const f of missing) console.error(`notebook not found: ${relative(typedIn, f)}`);
  if (missing.length) return 2;
  process.chdir(ROOT);
  if (check) {
    const problems = await typecheckNotebooks(files);
    for (const p of problems) console.error(describeProblem(p));
    console.log(`${files.length} notebook${files.length === 1 ? '' : 's'} type-checked: ${problems.length ? `${problems.length} problem(s)` : 'no problems'}`);
    return problems.length ? 1 : 0;
  }
  const done: NotebookResult[] = [];
  let failed = 0;
  for (const file of files) {
    try {
      const r = await runNotebook(file);
      done.push(r);
      const slowest = r.cellSeconds.reduce((best, s, i) => (s > r.cellSeconds[best]! ? i : best), 0);
      console.log(
        `${r.notebook} -> ${relative(ROOT, r.html)}  (${r.cells} cells, ${r.charts} chart${r.charts === 1 ? '' : 's'}, ${(r.ms / 1000).toFixed(1)} s; slowest: cell ${slowest + 1}, ${r.cellSeconds[slowest]!.toFixed(1)} s)`,
      );
    } catch (e) {
      failed++;
      if (e instanceof NotebookError) console.error(`${e.message}\n  page with the error: ${relative(ROOT, e.html)}`);
      else console.error(`${relative(ROOT, file)}: ${(e as Error).message}`);
    }
  }
  if (!args.length && done.length) console.log(`index: ${relative(ROOT, writeIndex(done))}`);
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
