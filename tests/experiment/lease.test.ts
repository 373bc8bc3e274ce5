/**
 * Leases on output folders (issue 31, item 1): a live lease refuses a second writer with one line
 * naming its holder; a lease not renewed within its timeout is taken over, wherever its holder
 * ran; the holder renews it while it works, notices a takeover, and releases it at the end.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { DEFAULT_LEASE_SECONDS, describeOwner, leaseSeconds, ownerOf, takeLease } from '../../src/experiment/lease.js';

const dir = mkdtempSync(join(tmpdir(), 'lintas-lease-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const path = () => join(dir, `l${++n}.lease`);
const read = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as { id: string; owner: { host: string; pid: number; slurm?: string; kubernetes?: string }; renewedMs: number; seconds: number };
/** A lease file as another lintas would have left it. */
const foreign = (p: string, owner: object, renewedMs: number, seconds = 60) =>
  writeFileSync(p, `${JSON.stringify({ kind: 'lintas-lease', id: 'other', owner, seconds, renewedAt: new Date(renewedMs).toISOString(), renewedMs })}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('takeLease', () => {
  it('refuses a second writer while the first holds it, in one line naming the holder; frees it on release', () => {
    const p = path();
    const lease = takeLease(p, 'out/a', { seconds: 60 });
    expect(read(p).owner).toMatchObject({ host: hostname(), pid: process.pid });
    let thrown: unknown;
    try {
      takeLease(p, 'out/a', { seconds: 60 });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(UserError);
    expect((thrown as UserError).lines).toHaveLength(1);
    expect((thrown as UserError).lines[0]).toMatch(new RegExp(`^out/a is in use by another lintas \\(process ${process.pid} on ${hostname()}, renewed 0 s ago\\); wait for it to finish, or use another --out \\(a lease not renewed for 60 s is taken over; remove ${p} if that lintas is gone\\)$`));
    lease.release();
    expect(existsSync(p)).toBe(false);
    lease.release(); // idempotent
    takeLease(p, 'out/a', { seconds: 60 }).release();
  });

  it('refuses a live lease held on another host, or by PID 1 of another PID namespace', () => {
    const p = path();
    foreign(p, { host: 'node-7', pid: 1, slurm: 'array job 55 task 2' }, Date.now());
    expect(() => takeLease(p, 'out/b', { seconds: 60 })).toThrow('out/b is in use by another lintas (process 1 on node-7, Slurm array job 55 task 2, renewed 0 s ago)');
    foreign(p, { host: hostname(), pid: 1, pidNamespace: 'pid:[1]' }, Date.now());
    expect(() => takeLease(p, 'out/b', { seconds: 60 })).toThrow(`process 1 on ${hostname()}`);
  });

  it('takes over a lease not renewed within its timeout, wherever its holder ran', () => {
    const p = path();
    foreign(p, { host: 'node-7', pid: 1, kubernetes: 'pod sweep-3-abcde index 3' }, Date.now() - 61_000, 60);
    const lease = takeLease(p, 'out/c', { seconds: 60 });
    expect(read(p).owner.host).toBe(hostname());
    expect(read(p).id).not.toBe('other');
    lease.release();
  });

  it('takes over at once a lease left on this host, in this PID namespace, by a process that has ended', () => {
    const p = path();
    foreign(p, { ...ownerOf({}), pid: 999_999_999 }, Date.now());
    takeLease(p, 'out/d', { seconds: 60 }).release();
  });

  it('a file that is not a lease is judged by its age', () => {
    const p = path();
    writeFileSync(p, '12 old-style-lock\n');
    expect(() => takeLease(p, 'out/e', { seconds: 60 })).toThrow('a lease file lintas cannot read');
    expect(takeLease(p, 'out/e', { seconds: 60, now: () => Date.now() + 120_000 })).toBeDefined();
  });

  it('renews the lease every quarter of its timeout, and notices when it was taken over', async () => {
    const p = path();
    const lease = takeLease(p, 'out/f', { seconds: 1 });
    const first = read(p).renewedMs;
    await sleep(600);
    expect(read(p).renewedMs).toBeGreaterThan(first);
    lease.check();
    // Another lintas took it over (as after a pause longer than the timeout).
    foreign(p, { host: 'node-9', pid: 4 }, Date.now(), 1);
    await sleep(400);
    expect(() => lease.check()).toThrow('out/f: this lintas\'s lease was taken over by process 4 on node-9 (not renewed for 1 s); it stops here, and the runs it finished are kept');
    lease.release();
    expect(read(p).owner.host).toBe('node-9'); // not ours to remove
  });
});

describe('the owner of a lease', () => {
  it("names the job under Slurm and Kubernetes", () => {
    expect(describeOwner(ownerOf({ SLURM_ARRAY_JOB_ID: '55', SLURM_ARRAY_TASK_ID: '2', SLURM_JOB_ID: '57' }))).toBe(`process ${process.pid} on ${hostname()}, Slurm array job 55 task 2`);
    expect(ownerOf({ SLURM_JOB_ID: '57' }).slurm).toBe('job 57');
    expect(ownerOf({ KUBERNETES_SERVICE_HOST: '10.0.0.1', POD_NAME: 'lintas-shards-3-x7k2p', JOB_COMPLETION_INDEX: '3' }).kubernetes).toBe('pod lintas-shards-3-x7k2p index 3');
    expect(ownerOf({}).slurm).toBeUndefined();
  });

  it('LINTAS_LEASE_SECONDS: a number of seconds, checked', () => {
    expect(leaseSeconds({})).toBe(DEFAULT_LEASE_SECONDS);
    expect(leaseSeconds({ LINTAS_LEASE_SECONDS: '2' })).toBe(2);
    for (const v of ['0', '-1', 'soon', '1e9']) expect(() => leaseSeconds({ LINTAS_LEASE_SECONDS: v })).toThrow(`LINTAS_LEASE_SECONDS: expected a number of seconds from 1 to 604800, got "${v}"`);
  });
});
