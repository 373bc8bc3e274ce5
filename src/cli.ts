/**
 * The `lintas` command. User mistakes (bad flags, missing files, invalid scenarios) print
 * clear lines and exit 2 — never a stack trace.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { join } from 'node:path';
import { describeRun, runScenario, writeRun } from './experiment/run.js';
import { UserError } from './scenario/errors.js';
import { loadScenario } from './scenario/load.js';

export const EXIT_USAGE = 2;

const integer = (flag: string, min: number) => (v: string) => {
  if (!/^\d+$/.test(v) || Number(v) < min) throw new InvalidArgumentError(`expected an integer >= ${min}, got "${v}"`);
  return Number(v);
};
const number = (flag: string, min: number) => (v: string) => {
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x) || x < min) throw new InvalidArgumentError(`expected a number >= ${min}, got "${v}"`);
  return x;
};

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('lintas')
    .description('Simulate migration and trafficking flows across the Indonesia–Malaysia border on Borneo')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showSuggestionAfterError(true);

  program
    .command('run')
    .description('run one scenario and write summary.json and timeseries.csv')
    .argument('<scenario>', 'scenario file (.ts, .json or .yaml)')
    .option('--seed <n>', 'random seed (default: the scenario\'s)', integer('--seed', 0))
    .option('--weeks <n>', 'stop after this many weeks', integer('--weeks', 1))
    .option('--scale <n>', 'persons per agent, overriding the scenario (e.g. 20 for a fast run)', number('--scale', 1))
    .option('--out <dir>', 'output folder (default: out/<scenario name>)')
    .option('--json', 'print the summary JSON alone on stdout')
    .exitOverride()
    .action(async (file: string, opts: { seed?: number; weeks?: number; scale?: number; out?: string; json?: boolean }) => {
      const scenario = await loadScenario(file);
      const result = runScenario(scenario, { seed: opts.seed, scale: opts.scale, weeks: opts.weeks });
      const dir = opts.out ?? join('out', scenario.name);
      writeRun(dir, result);
      if (opts.json) process.stdout.write(JSON.stringify(result.summary, null, 2) + '\n');
      else process.stdout.write(`${describeRun(result.summary)}\n\n  wrote ${join(dir, 'summary.json')} and ${join(dir, 'timeseries.csv')}\n`);
    });

  program
    .command('validate')
    .description('check a scenario file; prints ok, or one line per problem and exits 2')
    .argument('<scenario>', 'scenario file (.ts, .json or .yaml)')
    .exitOverride()
    .action(async (file: string) => {
      await loadScenario(file);
      process.stdout.write('ok\n');
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof UserError) {
      process.stderr.write(e.lines.map((l) => `${l}\n`).join(''));
      return EXIT_USAGE;
    }
    if (e instanceof CommanderError) {
      // Help and version are not errors; commander has already printed its message.
      return e.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    throw e;
  }
}

const isMain = process.argv[1] !== undefined && /cli\.(ts|js)$/.test(process.argv[1]);
if (isMain || process.env.LINTAS_BIN === '1') {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`lintas: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
      process.exit(1);
    },
  );
}
