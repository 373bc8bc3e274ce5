/**
 * Files that are whole or absent. Each file is written under a temporary name in its own folder
 * and renamed over its name, so a reader (or a crash, or a full disk) never sees half a file; a
 * set of files is renamed only once every one of them is written, and on any failure the
 * temporary files are removed. Used for every output lintas writes and for its compiled-scenario
 * cache, which several worker threads may fill at once.
 */
import { appendFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

let counter = 0;
/** A temporary name beside `path`, unique across processes, their threads, and calls. */
export const tempName = (path: string) => join(dirname(path), `.${basename(path)}.${process.pid}.${threadId}.${++counter}.tmp`);

/**
 * Runs a write to `path`. An errno error without a path (a write on an open file: ENOSPC, EDQUOT,
 * EIO — Node names no file for them) is given this one, so that its message names the file rather
 * than passing for a failure of standard output.
 */
export function naming<T>(path: string, write: () => T): T {
  try {
    return write();
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err && typeof err === 'object' && err.code && !err.path) err.path = path;
    throw e;
  }
}

/** appendFileSync, its errors naming the file. */
export function appendFileNamed(path: string, data: string): void {
  naming(path, () => appendFileSync(path, data));
}

/** Writes several files: all of them, or (on failure) none, and no temporary file left. */
export function writeFilesAtomic(files: Record<string, string | Uint8Array>): void {
  const written: [string, string][] = [];
  try {
    for (const [path, data] of Object.entries(files)) {
      const tmp = tempName(path);
      written.push([tmp, path]);
      naming(path, () => writeFileSync(tmp, data, { flag: 'wx' }));
    }
    for (const [tmp, path] of written) naming(path, () => renameSync(tmp, path));
  } catch (e) {
    for (const [tmp] of written) rmSync(tmp, { force: true });
    throw e;
  }
}

/** Writes one file whole or not at all. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  writeFilesAtomic({ [path]: data });
}
