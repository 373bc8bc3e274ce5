/** `lintas validate`: checks a scenario file and its variants as run and compare would. */
import type { Command } from 'commander';
import { integer } from './options.js';
import { preflight } from './preflight.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check a scenario file and its variants as run and compare would; prints ok, or one line per problem and exits 2')
    .argument('<scenario>', 'scenario file (.ts, .json or .yaml)')
    .option('--max-memory <MB>', 'the memory limit to check runs against (default 4096, or LINTAS_MAX_MEMORY_MB)', integer(64))
    .exitOverride()
    .action(async (file: string, o: { maxMemory?: number }) => {
      // What run and compare check: the scenario, every variant, and a run of each at its own seed and scale.
      await preflight(file, o, undefined, true);
      process.stdout.write('ok\n');
    });
}
