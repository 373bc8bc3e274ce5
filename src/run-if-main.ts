/**
 * Lets a scenario file run itself: `npx tsx scenarios/x.ts [flags]` compares its variants (or
 * runs it, when it has none) through the same CLI as `lintas`.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const STARTED = Symbol.for('lintas.runIfMain');

/**
 * Call at the end of a scenario file (`void runIfMain(import.meta.url, true)`): when that file is
 * the program Node was started with, it runs `lintas compare` on it (`lintas run` when
 * `hasVariants` is false) with the command line's flags, and exits with the command's status.
 * Imported by anything else, it does nothing. The CLI may load the file a second time (a bundled
 * copy, compile.ts), so only the first call of a process can start a run.
 */
export async function runIfMain(moduleUrl: string, hasVariants: boolean): Promise<void> {
  const entry = process.argv[1];
  const g = globalThis as { [STARTED]?: boolean };
  if (!entry || g[STARTED]) return;
  let self: string, invoked: string;
  try {
    self = realpathSync(fileURLToPath(moduleUrl));
    invoked = realpathSync(entry);
  } catch {
    return;
  }
  if (self !== invoked) return;
  g[STARTED] = true;
  const { main } = await import('./cli.js');
  const code = await main([hasVariants ? 'compare' : 'run', self, ...process.argv.slice(2)]);
  process.exit(code);
}
