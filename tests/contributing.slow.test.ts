/**
 * CONTRIBUTING.md's walkthrough "Add an intervention", followed to the letter in a copy of the
 * repository: its blocks written as given (the definition, the registry line, its test), then
 * `npm run docs`, the type check, the new measure's test and the tests that list measures — and
 * only those three files edited by hand (the rest is what `npm run docs` regenerates).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const copy = mkdtempSync(join(tmpdir(), 'lintas-contributing-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

/** The code blocks of the walkthrough: ```ts file=PATH (a whole file) and ```ts registry=PATH (lines to add). */
function blocks(): { kind: 'file' | 'registry'; path: string; text: string }[] {
  const doc = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Add an intervention'), doc.indexOf('## Add a metric'));
  return [...section.matchAll(/^( *)```ts (file|registry)=(\S+)\n([\s\S]*?)^\1```/gm)].map((m) => ({
    kind: m[2] as 'file' | 'registry',
    path: m[3]!,
    text: m[4]!.split('\n').map((l) => l.slice(m[1]!.length)).join('\n'),
  }));
}

const run = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { cwd: copy, encoding: 'utf8', env: { ...process.env, LINTAS_BIN: '' } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
};

describe('CONTRIBUTING.md: add an intervention', () => {
  it('works as written and touches three files by hand', () => {
    const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
    for (const f of files) {
      mkdirSync(dirname(join(copy, f)), { recursive: true });
      try {
        cpSync(join(ROOT, f), join(copy, f));
      } catch {
        // listed by git, deleted in the work tree
      }
    }
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
    run('git', ['init', '-q']);
    run('git', ['add', '-A']);
    run('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'before']);

    const steps = blocks();
    expect(steps.map((b) => b.kind)).toEqual(['file', 'registry', 'file']);
    for (const b of steps) {
      const target = join(copy, b.path);
      if (b.kind === 'file') {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, b.text);
        continue;
      }
      // The registry: the import after the last import, the entry at the end of BUILTIN_INTERVENTIONS.
      const [importLine, entry] = b.text.trim().split('\n');
      const lines = readFileSync(target, 'utf8').split('\n');
      const lastImport = lines.length - 1 - [...lines].reverse().findIndex((l) => l.startsWith('import '));
      lines.splice(lastImport + 1, 0, importLine!);
      const end = lines.findIndex((l) => l.startsWith('] as const satisfies'));
      lines.splice(end, 0, `  ${entry!.trim()}`);
      writeFileSync(target, lines.join('\n'));
    }
    const byHand = run('git', ['status', '--porcelain', '--untracked-files=all']).split('\n').filter(Boolean).map((l) => l.slice(3));
    expect(byHand.sort()).toEqual(['src/model/interventions/index.ts', 'src/model/interventions/predeparture-orientation.ts', 'tests/model/interventions/predeparture-orientation.test.ts']);

    run('npx', ['tsx', 'scripts/docs.ts']);
    run('npx', ['tsc', '--noEmit']);
    run('npx', ['vitest', 'run', 'tests/model/interventions/', 'tests/model/interventions.test.ts', 'tests/model/levers.test.ts', 'tests/i18n', 'tests/report/parameters-doc.test.ts', 'tests/report/honesty.test.ts', 'tests/model/phases.test.ts']);
    // What npm run docs wrote is generated, not edited: the parameters, the ODD's tables, the schema and the field reference.
    const all = run('git', ['status', '--porcelain', '--untracked-files=all']).split('\n').filter(Boolean).map((l) => l.slice(3));
    const generated = all.filter((f) => !byHand.includes(f));
    expect(generated.every((f) => f.startsWith('docs/')), generated.join(', ')).toBe(true);
    expect(readFileSync(join(copy, 'docs', 'ODD.md'), 'utf8')).toContain('`predepartureOrientation`');
  }, 600_000);
});
