/** Calls the `lintas` command in-process through main(argv), capturing what it writes. */
import { vi } from 'vitest';
import { main } from '../../src/cli.js';

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs main(args), capturing what it writes to process.stdout and process.stderr; restores both afterwards. */
export async function lintas(...args: string[]): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const capture = (append: (s: string) => void) => (chunk: string | Uint8Array, ...rest: unknown[]) => {
    append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    done?.();
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture((s) => (stdout += s)) as typeof process.stdout.write);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture((s) => (stderr += s)) as typeof process.stderr.write);
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** Lines of output, without the trailing empty one. */
export const lines = (s: string) => s.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1);

/** What a stack trace's lines start with; user mistakes never print one. */
export const NO_STACK = '    at ';
