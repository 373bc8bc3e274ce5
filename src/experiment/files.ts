/**
 * Output folders and their errors. An output folder is checked before a simulation starts, so a
 * mistake in `--out` costs nothing; files in it are written whole (src/io/atomic.ts).
 */
import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { tempName } from '../io/atomic.js';

/**
 * Checks, before any work, that `dir` is (or can be made) a folder lintas can write into, and
 * creates it. `flag` names the option in the message (e.g. "--out").
 */
export function prepareOutDir(dir: string, flag = '--out'): void {
  const full = resolve(dir);
  refusePseudoFileSystem(dir, flag);
  if (existsSync(full)) {
    if (!statSync(full).isDirectory()) throw new UserError([`${flag} ${dir}: exists and is not a folder`]);
  } else {
    let parent = dirname(full);
    while (!existsSync(parent) && dirname(parent) !== parent) parent = dirname(parent);
    if (!statSync(parent).isDirectory()) throw new UserError([`${flag} ${dir}: ${parent} is not a folder`]);
    try {
      mkdirSync(full, { recursive: true });
    } catch (e) {
      throw new UserError([`${flag} ${dir}: cannot create the folder (${describeCode(e)})`]);
    }
  }
  try {
    accessSync(full, constants.W_OK | constants.X_OK);
  } catch (e) {
    throw new UserError([`${flag} ${dir}: cannot write in this folder (${describeCode(e)})`]);
  }
  // Permission bits do not tell everything (a read-only mount, root on a read-only folder): try.
  const probe = tempName(join(full, 'probe'));
  try {
    writeFileSync(probe, '', { flag: 'wx' });
  } catch (e) {
    throw new UserError([`${flag} ${dir}: cannot write in this folder (${describeCode(e)})`]);
  } finally {
    rmSync(probe, { force: true });
  }
}

/** Linux's pseudo file systems (statfs f_type): the kernel's views, not storage. */
const PSEUDO_FS = new Map<number, string>([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x73636673, 'securityfs'],
  [0x1cd1, 'devpts'],
  [0xcafe4a11, 'bpf'],
  [0x6165676c, 'pstore'],
  [0x62656570, 'configfs'],
  [0x65735543, 'fusectl'],
  [0x19800202, 'mqueue'],
  [0x42494e4d, 'binfmt_misc'],
  [0xde5e81e4, 'efivarfs'],
  [0xf97cff8c, 'selinuxfs'],
  [0x6e736673, 'nsfs'],
  [0x958458f6, 'hugetlbfs'],
]);

/** Refuses, in one line, an output folder on a pseudo file system (/proc, /sys ...). */
export function refusePseudoFileSystem(dir: string, flag = '--out'): void {
  const pseudo = pseudoFileSystem(resolve(dir));
  if (pseudo) throw new UserError([`${flag} ${dir}: on ${pseudo}, a pseudo file system that holds no files of ours; choose a folder on a disk`]);
}

/**
 * "proc (/proc)" if the path, or the nearest folder above it that exists, is on a pseudo file
 * system (where mkdir may never succeed: node's recursive mkdir spun on /proc/x); else undefined.
 */
export function pseudoFileSystem(full: string): string | undefined {
  let at = full;
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  let type: number | undefined;
  try {
    type = Number(statfsSync(at).type);
  } catch {
    type = undefined;
  }
  const name = type === undefined ? undefined : PSEUDO_FS.get(type);
  if (name) return `${name} (${at})`;
  const top = /^\/(proc|sys)(\/|$)/.exec(full);
  return top ? `${top[1] === 'sys' ? 'sysfs' : 'proc'} (/${top[1]})` : undefined;
}

const DESCRIPTIONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  EEXIST: 'already exists',
  ENOTDIR: 'part of the path is not a folder',
  EISDIR: 'is a folder',
  ENOENT: 'no such file or folder',
  EPIPE: 'the reader closed the pipe',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EIO: 'input/output error',
  ENAMETOOLONG: 'file name too long',
  EFBIG: 'file too large',
  ENXIO: 'no such device',
};

/** Errno codes that are conditions of the machine or the user's paths, not lintas's bugs. */
export const USER_ERRNO = new Set(Object.keys(DESCRIPTIONS));

/** "no space left on the device (ENOSPC)" for an errno error. */
export function describeCode(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (!code) return e instanceof Error ? e.message : String(e);
  return `${DESCRIPTIONS[code] ?? (e as Error).message.split(',')[0]!.replace(/^[A-Z]+:\s*/, '')} (${code})`;
}

/** What `report` reads back, in the shape lintas writes it (a hand-edited or foreign file is named, not crashed on). */
const SHAPES: Record<string, (v: Record<string, unknown>) => boolean> = {
  'comparison.json': (v) =>
    Array.isArray(v.variants) &&
    v.variants.length > 0 &&
    v.variants.every((x) => x && typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string' && typeof (x as { metrics?: unknown }).metrics === 'object' && (x as { metrics?: unknown }).metrics !== null),
  'scenario.json': (v) => typeof v.geography === 'object' && v.geography !== null && Array.isArray((v.geography as { crossings?: unknown }).crossings),
};

/** An output file lintas reads back (comparison.json...): absent is fine, present must be whole JSON of its shape. */
export function checkJsonFile(path: string): void {
  if (!existsSync(path)) return;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UserError([`${path}: cannot read (${describeCode(e)})`]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UserError([`${path}: not valid JSON (cut short?); write it again with the command that made it`]);
  }
  const shape = SHAPES[basename(path)];
  if (shape && !(value && typeof value === 'object' && !Array.isArray(value) && shape(value as Record<string, unknown>)))
    throw new UserError([`${path}: not what lintas writes there; write it again with the command that made it`]);
}
