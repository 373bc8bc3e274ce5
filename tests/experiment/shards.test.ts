/**
 * Shards: which runs a shard does, how it is named on the command line and by a scheduler, and
 * the sbatch script `lintas slurm` writes; and --help for every command.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintas } from '../cli/helpers.js';
import { parseShard, rerunCommand, tasksOfShard, withoutShard } from '../../src/experiment/shards.js';
import { outOf, parseSlurmArgs, sbatchScript } from '../../src/experiment/slurm.js';

describe('shards', () => {
  it('every task runs in exactly one shard, interleaved so each shard samples the whole design', () => {
    const tasks = Array.from({ length: 10 }, (_, i) => i);
    const parts = [0, 1, 2].map((index) => tasksOfShard(tasks, { index, count: 3 }));
    expect(parts).toEqual([[0, 3, 6, 9], [1, 4, 7], [2, 5, 8]]);
    expect(parts.flat().sort((a, b) => a - b)).toEqual(tasks);
    expect(tasksOfShard(tasks, { index: 11, count: 12 })).toEqual([]);
  });

  it('--shard i/n is 1-based; auto reads Slurm or a Kubernetes Indexed Job', () => {
    expect(parseShard('2/4')).toEqual({ index: 1, count: 4 });
    expect(parseShard('auto', { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_COUNT: '4' })).toEqual({ index: 3, count: 4 });
    expect(parseShard('auto', { SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '8' })).toEqual({ index: 4, count: 8 });
    expect(parseShard('auto', { JOB_COMPLETION_INDEX: '0', LINTAS_SHARD_COUNT: '6' })).toEqual({ index: 0, count: 6 });
  });

  it('refuses a malformed or impossible shard with one line', () => {
    expect(() => parseShard('0/4')).toThrow('--shard 0/4: shard 0 is not one of 1 … 4');
    expect(() => parseShard('5/4')).toThrow('--shard 5/4: shard 5 is not one of 1 … 4');
    expect(() => parseShard('1/0')).toThrow('--shard 1/0: expected between 1 and 100,000 shards, got 0');
    expect(() => parseShard('two')).toThrow('--shard two: expected i/n (e.g. 2/4, shards numbered from 1) or auto');
    expect(() => parseShard('auto', {})).toThrow('--shard auto: neither SLURM_ARRAY_TASK_ID');
    expect(() => parseShard('auto', { JOB_COMPLETION_INDEX: '1' })).toThrow('LINTAS_SHARD_COUNT is not');
    expect(() => parseShard('auto', { SLURM_ARRAY_TASK_ID: '4', SLURM_ARRAY_TASK_COUNT: '4' })).toThrow('SLURM_ARRAY_TASK_ID=4: shard 5 is not one of 1 … 4');
  });

  it('the rerun command is the command with its shard', () => {
    expect(withoutShard(['compare', 'a.ts', '--shard', '2/4', '--out', 'x', '--shard=auto'])).toEqual(['compare', 'a.ts', '--out', 'x']);
    expect(rerunCommand({ argv: ['compare', 'my file.ts', '--out', 'x'], shard: { index: 1, count: 4 } })).toBe("lintas compare 'my file.ts' --out x --shard 2/4");
  });
});

describe('lintas slurm', () => {
  it('splits its own options from the experiment command, dropping --workers and --shard', () => {
    const { options, command } = parseSlurmArgs(['compare', 's.ts', '--replicates', '4', '--shards', '8', '--out', 'o', '--workers', '2', '--mem=4G', '--submit']);
    expect(command).toEqual(['compare', 's.ts', '--replicates', '4', '--out', 'o']);
    expect(options).toEqual({ shards: 8, cpusPerTask: 2, time: '04:00:00', partition: undefined, mem: '4G', submit: true, wait: false });
    expect(parseSlurmArgs(['sweep', 's.ts', '--shards', '2', '--wait']).options.submit).toBe(true);
  });

  it('refuses what sbatch could not take, with one line', () => {
    expect(() => parseSlurmArgs(['compare', 's.ts'])).toThrow('lintas slurm: --shards n is required');
    expect(() => parseSlurmArgs([])).toThrow('lintas slurm: expected a batch command to shard');
    expect(() => parseSlurmArgs(['run', 's.ts', '--shards', '2'])).toThrow('lintas slurm: expected a batch command to shard');
    expect(() => parseSlurmArgs(['compare', 's.ts', '--shards', '0'])).toThrow('--shards: expected an integer >= 1, got "0"');
    expect(() => parseSlurmArgs(['compare', 's.ts', '--shards', '2', '--time', 'soon'])).toThrow('--time soon: expected a Slurm time');
    expect(() => parseSlurmArgs(['compare', 's.ts', '--shards', '2', '--partition', 'a;rm -rf'])).toThrow('--partition a;rm -rf: expected a plain name');
    expect(() => outOf(['compare', 's.ts'])).toThrow('give the command an --out folder');
  });

  it('writes an array of tasks 1 … n, one per shard, with the node running lintas, a pool of its CPUs and logs named as the shards', () => {
    const { options, command } = parseSlurmArgs(['compare', 'scenarios/x.ts', '--out', 'out/x', '--shards', '4', '--cpus-per-task', '8', '--partition', 'short']);
    const script = sbatchScript(options, command, { cwd: '/home/me/lintas', node: '/opt/node-22/bin/node', bin: '/home/me/lintas/bin/lintas.js' });
    expect(script.split('\n').filter((l) => l.startsWith('#SBATCH'))).toEqual([
      '#SBATCH --job-name=lintas-compare',
      '#SBATCH --array=1-4',
      '#SBATCH --cpus-per-task=8',
      '#SBATCH --time=04:00:00',
      '#SBATCH --partition=short',
      '#SBATCH --output=/home/me/lintas/out/x/slurm/shard-%a-of-4.log',
    ]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's variables, as the script holds them
    expect(script).toContain('cd /home/me/lintas\nexec /opt/node-22/bin/node /home/me/lintas/bin/lintas.js compare scenarios/x.ts --out out/x --workers "${SLURM_CPUS_PER_TASK:-1}" --shard "${SLURM_ARRAY_TASK_ID}/4"\n');
    expect(script).not.toContain('/usr/bin/node');
  });

  it('lintas slurm --help, and lintas help slurm, print its usage (not "--shards n is required")', async () => {
    for (const args of [['slurm', '--help'], ['slurm', '-h'], ['help', 'slurm'], ['slurm', 'compare', 'x.ts', '--help']]) {
      const r = await lintas(...args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).toMatch(/^Usage: lintas slurm <compare\|sweep\|sensitivity\|decide> /);
      expect(r.stdout).toContain('--shards <n>');
      expect(r.stderr).toBe('');
    }
  });

  it('the script written by `lintas slurm` runs lintas with process.execPath', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lintas-sbatch-'));
    try {
      const r = await lintas('slurm', 'compare', 'tests/fixtures/compare-small.json', '--out', join(dir, 'x'), '--shards', '3');
      expect(r.code, r.stderr).toBe(0);
      const script = readFileSync(join(dir, 'x', 'slurm', 'lintas.sbatch'), 'utf8');
      expect(script).toContain(`exec ${process.execPath} `);
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's variables, as the script holds them
      expect(script).toContain('--shard "${SLURM_ARRAY_TASK_ID}/3"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('--help', () => {
  it('every command and subcommand prints its usage and exits 0', async () => {
    const { buildProgram } = await import('../../src/cli/program.js');
    const names = buildProgram().commands.map((c) => c.name());
    expect(names.length).toBeGreaterThanOrEqual(11);
    for (const name of names)
      for (const flag of ['--help', '-h']) {
        const r = await lintas(name, flag);
        expect(r.code, `${name} ${flag}: ${r.stderr}`).toBe(0);
        expect(r.stdout, `${name} ${flag}`).toMatch(new RegExp(`^Usage: lintas ${name} `));
      }
    const top = await lintas('--help');
    expect(top.code).toBe(0);
    for (const name of names) expect(top.stdout).toContain(name);
  });
});
