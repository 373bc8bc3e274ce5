/**
 * The `lintas` command: the entry point (bin/lintas.js, the build's dist/cli.js, run-if-main.ts).
 * The program is in src/cli/: one file per command, the shared option parsing (options.ts), the
 * checks before a run (preflight.ts), and main (main.ts), which turns what a command throws into
 * an exit status. User mistakes (bad flags, missing files, invalid scenarios) print clear lines
 * and exit 2 — never a stack trace.
 */
import { main } from './cli/main.js';

export { EXIT_USAGE, main } from './cli/main.js';
export { buildProgram } from './cli/program.js';

const isMain = process.argv[1] !== undefined && /cli\.(ts|js)$/.test(process.argv[1]);
if (isMain || process.env.LINTAS_BIN === '1') {
  // After main() has reported a failed stdout, later error events of the dead stream are expected.
  process.stdout.on('error', () => {});
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`lintas: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
      process.exit(1);
    },
  );
}
