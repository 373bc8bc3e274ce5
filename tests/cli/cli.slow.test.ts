/**
 * The real `lintas` binary (bin/lintas.js through tsx), spawned as a child process from the
 * project root: the process exit code and output, end to end. Everything else about the command
 * is tested in-process in cli.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/lintas.js');

function lintas(...args: string[]) {
  return lintasWith({}, ...args);
}

function lintasWith(extra: Record<string, string>, ...args: string[]) {
  const { LINTAS_BIN: _ignored, ...env } = process.env;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...env, ...extra }, encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bin/lintas.js', () => {
  it('run --help exits 0 and lists its options', () => {
    const r = lintas('run', '--help');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Usage: lintas run [options] <scenario>');
    for (const opt of ['--seed <n>', '--weeks <n>', '--scale <n>', '--out <dir>', '--json']) expect(r.stdout).toContain(opt);
  });

  it('exits 2 with path-pointed lines and no stack trace for a malformed scenario', () => {
    const r = lintas('validate', 'tests/fixtures/bad.json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toContain('    at ');
    expect(r.stderr).toBe('origins[0].population: expected a number >= 0, got -5\nroutes[3].to: unknown node "Entikongg"\n');
  });

  it('the built CLI loads a .ts scenario through esbuild, sharing its own modules, with the same results as from source', () => {
    // npm ci builds dist/ (the prepare script); run here directly, whatever the age of src/.
    expect(existsSync(join(ROOT, 'dist/index.js')), 'dist/ is missing: npm run build').toBe(true);
    const tmp = mkdtempSync(join(tmpdir(), 'lintas-compiled-'));
    const args = ['run', 'scenarios/paper-interventions.ts', '--scale', '200', '--weeks', '8', '--json'];
    const built = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), ...args], { cwd: ROOT, env: { ...process.env, TMPDIR: tmp }, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    const fromSource = lintasWith({ LINTAS_FROM_SOURCE: '1' }, ...args);
    expect(fromSource.code, fromSource.stderr).toBe(0);
    expect(built.stdout).toBe(fromSource.stdout);
    // One module for the scenario and the baseline it imports; lintas itself from the package's dist/index.js.
    const compiled = readdirSync(join(tmp, `lintas-scenarios-${process.getuid!()}`)).filter((f) => f.endsWith('.mjs'));
    expect(compiled).toHaveLength(1);
    const code = readFileSync(join(tmp, `lintas-scenarios-${process.getuid!()}`, compiled[0]!), 'utf8');
    expect(code).toContain(`from "${pathToFileURL(join(ROOT, 'dist/index.js')).href}"`);
    expect(code).toContain('// scenarios/baseline.ts');
    // A scenario with a syntax error is still one line, naming the file and esbuild's complaint.
    const bad = join(tmp, 'bad.ts');
    writeFileSync(bad, 'export default {\n');
    const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'validate', bad], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${bad}: the scenario code failed to load: Expected identifier but found end of file\n`);
    // Unchanged sources: the next process reuses the bundle (its index is not rewritten); an edit is seen.
    const own = join(tmp, 'own.ts');
    writeFileSync(own, `export default { extends: ${JSON.stringify(join(ROOT, 'scenarios/baseline.ts'))}, name: 'first' };\n`);
    const validate = () => spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'validate', own], { cwd: ROOT, env: { ...process.env, TMPDIR: tmp }, encoding: 'utf8' });
    expect(validate().status).toBe(0);
    const indexes = () => readdirSync(join(tmp, `lintas-scenarios-${process.getuid!()}`)).filter((f) => f.endsWith('.json')).map((f) => [f, statSync(join(tmp, `lintas-scenarios-${process.getuid!()}`, f)).mtimeMs]);
    const before = indexes();
    expect(validate().status).toBe(0);
    expect(indexes()).toEqual(before);
    writeFileSync(own, 'export default { name: \n');
    const edited = validate();
    expect(edited.status).toBe(2);
    expect(edited.stderr).toContain(`${own}: the scenario code failed to load:`);
    // A cache folder others can write is refused: what is in it would be run.
    const shared = mkdtempSync(join(tmpdir(), 'lintas-shared-'));
    mkdirSync(join(shared, `lintas-scenarios-${process.getuid!()}`), { mode: 0o777 });
    chmodSync(join(shared, `lintas-scenarios-${process.getuid!()}`), 0o777);
    const refused = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'validate', 'scenarios/baseline.ts'], { cwd: ROOT, env: { ...process.env, TMPDIR: shared }, encoding: 'utf8' });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/lintas-scenarios-\d+: compiled scenarios must be kept in a folder only you can write \(owner \d+, mode 777\); remove it or set TMPDIR\n$/);
    rmSync(shared, { recursive: true, force: true });
    rmSync(tmp, { recursive: true, force: true });
  });
});
