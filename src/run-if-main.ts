/**
 * Lets a scenario file run itself: `npx tsx scenarios/x.ts [flags]` compares its variants (or
 * runs it, when it has none) through the same CLI as `lintas`.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export async function runIfMain(moduleUrl: string, hasVariants: boolean): Promise<void> {
  const entry = process.argv[1];
  if (!entry) return;
  let self: string, invoked: string;
  try {
    self = realpathSync(fileURLToPath(moduleUrl));
    invoked = realpathSync(entry);
  } catch {
    return;
  }
  if (self !== invoked) return;
  const { main } = await import('./cli.js');
  const code = await main([hasVariants ? 'compare' : 'run', self, ...process.argv.slice(2)]);
  process.exit(code);
}
