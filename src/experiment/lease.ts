/**
 * Leases on an output folder (OUT/lintas.lease) and on each shard (OUT/shards/shard-i-of-n.lease),
 * so that two experiments never write into one place at once, yet a run killed anywhere — a
 * Slurm task requeued on another node, a Kubernetes pod replaced (PID 1 in a PID namespace of its
 * own) — can be resumed by whoever comes next. A lease names its owner (host, process, and the
 * job's identity under Slurm or Kubernetes) and the time it was last renewed; its holder renews it
 * every quarter of its timeout while work runs (an unref'd timer), and releases it at the end or
 * on SIGINT/SIGTERM. A lease not renewed for its timeout (LINTAS_LEASE_SECONDS, default 300 s) is
 * stale and is taken over; so is one held on this host, in this PID namespace, by a process that
 * has ended. A live lease refuses a second writer with one line naming its holder.
 *
 * Times are wall-clock milliseconds: nodes that share a folder must keep their clocks within a
 * small part of the timeout (NTP does).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { UserError } from '../core/errors.js';
import { naming } from '../io/atomic.js';

/** Who holds a lease. */
export interface LeaseOwner {
  host: string;
  pid: number;
  /** The PID namespace (/proc/self/ns/pid), where the system has one: a PID means nothing outside it. */
  pidNamespace?: string;
  /** Slurm: the array job and task (or the job) id. */
  slurm?: string;
  /** Kubernetes: the pod's name and the Indexed Job's completion index. */
  kubernetes?: string;
}

/** What a lease file holds (JSON, one line). */
interface LeaseFile {
  kind: 'lintas-lease';
  /** Random, per lease taken: a renewal checks that the file is still this one. */
  id: string;
  owner: LeaseOwner;
  /** Its timeout in seconds, as its holder was told (it renews every quarter of it). */
  seconds: number;
  renewedAt: string;
  renewedMs: number;
}

export const DEFAULT_LEASE_SECONDS = 300;

/** The lease timeout: LINTAS_LEASE_SECONDS (a number of seconds >= 1), else 300. */
export function leaseSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const v = env.LINTAS_LEASE_SECONDS;
  if (v === undefined || v === '') return DEFAULT_LEASE_SECONDS;
  const x = Number(v);
  if (!/^\d+(\.\d+)?$/.test(v.trim()) || !(x >= 1) || x > 86_400 * 7) throw new UserError([`LINTAS_LEASE_SECONDS: expected a number of seconds from 1 to 604800, got "${v}"`]);
  return x;
}

function pidNamespace(): string | undefined {
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return undefined;
  }
}

/** This process as a lease owner, with the job's identity under Slurm or Kubernetes. */
export function ownerOf(env: NodeJS.ProcessEnv = process.env): LeaseOwner {
  const owner: LeaseOwner = { host: hostname(), pid: process.pid };
  const ns = pidNamespace();
  if (ns) owner.pidNamespace = ns;
  if (env.SLURM_ARRAY_JOB_ID && env.SLURM_ARRAY_TASK_ID !== undefined) owner.slurm = `array job ${env.SLURM_ARRAY_JOB_ID} task ${env.SLURM_ARRAY_TASK_ID}`;
  else if (env.SLURM_JOB_ID) owner.slurm = `job ${env.SLURM_JOB_ID}`;
  if (env.KUBERNETES_SERVICE_HOST || env.JOB_COMPLETION_INDEX !== undefined) {
    const pod = env.POD_NAME || env.HOSTNAME || owner.host;
    owner.kubernetes = `pod ${pod}${env.JOB_COMPLETION_INDEX !== undefined ? ` index ${env.JOB_COMPLETION_INDEX}` : ''}`;
  }
  return owner;
}

/** "process 12 on node-3, Slurm array job 55 task 2" */
export function describeOwner(o: LeaseOwner): string {
  return [`process ${o.pid} on ${o.host}`, ...(o.slurm ? [`Slurm ${o.slurm}`] : []), ...(o.kubernetes ? [`Kubernetes ${o.kubernetes}`] : [])].join(', ');
}

function readLease(path: string): LeaseFile | undefined {
  try {
    const v = JSON.parse(readFileSync(path, 'utf8')) as LeaseFile;
    return v && v.kind === 'lintas-lease' && typeof v.id === 'string' && typeof v.renewedMs === 'number' ? v : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lease held by this process. */
export interface Lease {
  readonly path: string;
  /** Throws a UserError if another writer has taken the lease over (this one was not renewed in time). */
  check(): void;
  /** Stops renewing and removes the lease file if it is still this one. Idempotent. */
  release(): void;
}

export interface LeaseOptions {
  seconds?: number;
  owner?: LeaseOwner;
  now?: () => number;
}

/**
 * Takes the lease at `path` (`what` names the folder in messages), or throws a UserError of one
 * line naming the live holder. Renews it every quarter of its timeout until released.
 */
export function takeLease(path: string, what: string, o: LeaseOptions = {}): Lease {
  const seconds = o.seconds ?? leaseSeconds();
  const owner = o.owner ?? ownerOf();
  const now = o.now ?? Date.now;
  const id = randomBytes(8).toString('hex');
  const body = (): string => {
    const t = now();
    const lease: LeaseFile = { kind: 'lintas-lease', id, owner, seconds, renewedAt: new Date(t).toISOString(), renewedMs: t };
    return `${JSON.stringify(lease)}\n`;
  };
  const create = (): boolean => {
    try {
      naming(path, () => writeFileSync(path, body(), { flag: 'wx' }));
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    }
  };

  for (let attempt = 0; ; attempt++) {
    if (create()) break;
    const held = readLease(path);
    const stale = staleness(path, held, seconds, owner, now());
    if (!stale || attempt >= 3) {
      const since = held ? `, renewed ${Math.max(0, Math.round((now() - held.renewedMs) / 1000))} s ago` : '';
      const timeout = held?.seconds ?? seconds;
      throw new UserError([
        `${what} is in use by another lintas (${held ? describeOwner(held.owner) : 'a lease file lintas cannot read'}${since}); wait for it to finish, or use another --out (a lease not renewed for ${timeout} s is taken over; remove ${path} if that lintas is gone)`,
      ]);
    }
    // Take the stale lease over: move it aside (atomic), and put back what was moved if it was not
    // the stale lease judged (another lintas took it over first).
    const aside = `${path}.stale-${id}`;
    try {
      renameSync(path, aside);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw e;
    }
    const moved = readLease(aside);
    if (held && moved && moved.id !== held.id) {
      try {
        linkSync(aside, path);
      } catch {
        // someone else's lease is in place already
      }
    }
    rmSync(aside, { force: true });
  }

  let lostTo: LeaseOwner | null | undefined; // undefined: ours; null: gone; else the new holder
  let released = false;
  const renew = () => {
    if (released || lostTo !== undefined) return;
    const held = readLease(path);
    if (!held || held.id !== id) {
      lostTo = held ? held.owner : null;
      return;
    }
    const tmp = `${path}.renew-${id}`;
    try {
      writeFileSync(tmp, body());
      renameSync(tmp, path);
    } catch {
      rmSync(tmp, { force: true }); // a full disk: the next renewal tries again
    }
  };
  const timer = setInterval(renew, Math.max(250, (seconds * 1000) / 4));
  timer.unref();
  return {
    path,
    check() {
      if (lostTo === undefined) return;
      throw new UserError([
        `${what}: this lintas's lease was taken over${lostTo ? ` by ${describeOwner(lostTo)}` : ''} (not renewed for ${seconds} s); it stops here, and the runs it finished are kept`,
      ]);
    },
    release() {
      if (released) return;
      released = true;
      clearInterval(timer);
      if (readLease(path)?.id === id) rmSync(path, { force: true });
    },
  };
}

/** Whether a lease found at `path` may be taken over: not renewed within its timeout, or its holder ended on this host. */
function staleness(path: string, held: LeaseFile | undefined, seconds: number, me: LeaseOwner, t: number): boolean {
  if (!held) {
    // Unreadable (written by something else, or cut short): judged by its file's age.
    if (!existsSync(path)) return true;
    try {
      return t - statSync(path).mtimeMs > seconds * 1000;
    } catch {
      return true;
    }
  }
  if (t - held.renewedMs > (held.seconds || seconds) * 1000) return true;
  const o = held.owner;
  // The same host and PID namespace: a process that has ended holds nothing.
  return o.host === me.host && o.pidNamespace === me.pidNamespace && o.pid !== me.pid && !alive(o.pid);
}
