/**
 * The real `lintas` binary (bin/lintas.js through tsx), spawned as a child process from the
 * project root: the process exit code and output, end to end. Everything else about the command
 * is tested in-process in cli.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/lintas.js');

function lintas(...args: string[]) {
  const { LINTAS_BIN: _ignored, ...env } = process.env;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
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
});
