/**
 * lintas as a user gets it: the packed tarball (`npm pack`, which builds it), installed into an
 * empty folder outside the repository, with a scenario of the user's own that extends the shipped
 * baseline by one intervention — run with `npx tsx`, with `npx lintas compare`, and type-checked
 * against the package's declarations.
 *
 * The pack runs in a copy of the repository (node_modules linked), so that its build does not
 * replace dist/ under tests running beside it.
 */
import { type SpawnSyncReturns, execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'lintas-pack-'));
const user = join(work, 'my-study');

const STUDY = `import { defineScenario, runIfMain, variant } from 'lintas';
import baseline from 'lintas/scenarios/baseline';

const base = defineScenario({ ...baseline, name: 'my-study', interventions: [] });

export default defineScenario({
  ...base,
  variants: [
    variant(base, 'ngo', (d) => {
      d.interventions!.push({ kind: 'ngoCooperation', start: '2020-01-06', intensity: 1 });
    }),
  ],
});

void runIfMain(import.meta.url, true);
`;

/** Runs a command in the user's folder; a failure shows its output. */
function inUser(cmd: string, args: string[]): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd: user, encoding: 'utf8', env: { ...process.env, LINTAS_BIN: '', npm_config_update_notifier: 'false' } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r;
}

const FLAGS = ['--replicates', '2', '--scale', '200', '--weeks', '60', '--workers', '1', '--no-report'];

let tarball = '';

beforeAll(() => {
  // The repository as git sees it (committed and new files, not ignored ones), in a scratch copy.
  const copy = join(work, 'lintas');
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const f of files) {
    mkdirSync(dirname(join(copy, f)), { recursive: true });
    try {
      cpSync(join(ROOT, f), join(copy, f));
    } catch {
      // A file git lists but the work tree has deleted.
    }
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  execFileSync('npm', ['pack', '--pack-destination', work], { cwd: copy, encoding: 'utf8', stdio: 'pipe' });
  tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);
  mkdirSync(user);
  writeFileSync(join(user, 'package.json'), `${JSON.stringify({ name: 'my-study', private: true, type: 'module' })}\n`);
  // From npm's cache where it can (npm ci filled it): the same packages the lockfile names.
  inUser('npm', ['install', tarball, 'typescript@5', '@types/node@20', '--no-audit', '--no-fund', '--prefer-offline']);
  writeFileSync(join(user, 'my-study.ts'), STUDY);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed package, from an empty folder', () => {
  it('holds the built API, its declarations, the CLI and the shipped scenarios, and no sources or tests', () => {
    const list = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).split('\n');
    for (const f of ['package/dist/index.js', 'package/dist/types/src/index.d.ts', 'package/dist/scenarios/baseline.js', 'package/bin/lintas.js', 'package/scenarios/data/origins.csv'])
      expect(list).toContain(f);
    expect(list.filter((f) => f.startsWith('package/src/') || f.startsWith('package/tests/'))).toEqual([]);
  });

  it("runs the user's scenario with npx tsx and with npx lintas compare, to the same bytes", () => {
    const tsx = inUser('npx', ['tsx', 'my-study.ts', ...FLAGS, '--out', 'out-tsx']);
    expect(tsx.stdout).toContain('ngo');
    inUser('npx', ['lintas', 'compare', 'my-study.ts', ...FLAGS, '--out', 'out-cli']);
    const a = readFileSync(join(user, 'out-tsx', 'comparison.csv'), 'utf8');
    const b = readFileSync(join(user, 'out-cli', 'comparison.csv'), 'utf8');
    expect(a).toBe(b);
    // The baseline and the variant, two replicates each.
    const rows = a.trim().split('\n').slice(1).map((l) => l.split(','));
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(['baseline', 'ngo']));
    const manifest = JSON.parse(readFileSync(join(user, 'out-cli', 'manifest.json'), 'utf8')) as { writtenBy: { lintas: string } };
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(manifest.writtenBy.lintas).toBe(pkg.version);
  });

  it('runs a JSON scenario that extends the built-in baseline by name', () => {
    writeFileSync(join(user, 'short.json'), JSON.stringify({ extends: 'baseline', name: 'short', interventions: [] }));
    inUser('npx', ['lintas', 'run', 'short.json', '--scale', '200', '--weeks', '60', '--out', 'out-json']);
    const summary = JSON.parse(readFileSync(join(user, 'out-json', 'summary.json'), 'utf8')) as { scenario: string; totals: { departures: number } };
    expect(summary.scenario).toBe('short');
    expect(summary.totals.departures).toBeGreaterThan(0);
  });

  it("type-checks the user's scenario against the package's declarations (skipLibCheck off)", () => {
    writeFileSync(
      join(user, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false }, files: ['my-study.ts'] }),
    );
    inUser('npx', ['tsc', '-p', '.']);
    // And a mistake is caught: a variant recipe that writes a field no scenario has.
    writeFileSync(join(user, 'my-study.ts'), STUDY.replace("d.interventions!.push", "(d as { nope?: number }).nope = 1;\n      d.nonsense = 1;\n      d.interventions!.push"));
    const r = spawnSync('npx', ['tsc', '-p', '.'], { cwd: user, encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toContain("'nonsense'");
    writeFileSync(join(user, 'my-study.ts'), STUDY);
  });
});
