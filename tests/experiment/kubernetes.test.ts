/**
 * The Kubernetes examples cannot run here (no cluster); they are checked instead: valid YAML, an
 * Indexed Job whose shard count equals its completions and whose pods take their shard from the
 * Job, arguments lintas accepts, and a merge Job over the same output folder.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseShard } from '../../src/experiment/shards.js';

type Container = { command: string[]; args?: string[]; env?: { name: string; value: string }[] };
const job = parse(readFileSync('examples/kubernetes/indexed-job.yaml', 'utf8'));
const merge = parse(readFileSync('examples/kubernetes/merge-job.yaml', 'utf8'));

describe('Kubernetes examples', () => {
  const c = job.spec.template.spec.containers[0] as Container;
  const count = c.env!.find((e) => e.name === 'LINTAS_SHARD_COUNT')!.value;

  it('the shards run as an Indexed Job with LINTAS_SHARD_COUNT equal to its completions', () => {
    expect(job.kind).toBe('Job');
    expect(job.spec.completionMode).toBe('Indexed');
    expect(Number(count)).toBe(job.spec.completions);
    expect(c.args!.slice(-2)).toEqual(['--shard', 'auto']);
    // Each pod's index maps to one shard.
    for (let i = 0; i < job.spec.completions; i++) expect(parseShard('auto', { JOB_COMPLETION_INDEX: String(i), LINTAS_SHARD_COUNT: count })).toEqual({ index: i, count: job.spec.completions });
  });

  it('the merge Job merges the folder the shards write to', () => {
    const m = merge.spec.template.spec.containers[0] as Container;
    const out = c.args![c.args!.indexOf('--out') + 1];
    expect(m.command.slice(-2)).toEqual(['merge', out]);
    expect(merge.spec.template.spec.volumes).toEqual(job.spec.template.spec.volumes);
  });
});
