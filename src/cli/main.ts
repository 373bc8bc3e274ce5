/**
 * main(argv): runs the `lintas` program and turns what it throws into an exit status. User
 * mistakes (bad flags, missing files, invalid scenarios) print clear lines and exit 2 — never a
 * stack trace; conditions of the machine or the input (a full disk, a closed pipe, too little
 * memory) print one line; anything else is an internal error, thrown on with its stack.
 */
import { CommanderError } from 'commander';
import { printable, UserError } from '../core/errors.js';
import { ShardFinished } from '../experiment/shards.js';
import { files } from './modules.js';
import { setCommandLine } from './options.js';
import { buildProgram } from './program.js';

export const EXIT_USAGE = 2;

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  setCommandLine(argv);
  // A closed pipe or a full disk under stdout arrives as an 'error' event: kept, and reported below.
  let outError: unknown;
  const onOutError = (e: unknown) => {
    outError ??= e;
  };
  process.stdout.on('error', onOutError);
  try {
    await program.parseAsync(argv, { from: 'user' });
    await flushStdout();
    if (outError) throw outError;
    return 0;
  } catch (e) {
    return await exitCode(e, e === outError);
  } finally {
    process.stdout.off('error', onOutError);
  }
}

/** The exit status for what the program threw, after printing what the user should see; rethrows an internal error. */
async function exitCode(e: unknown, fromStdout: boolean): Promise<number> {
  if (e instanceof ShardFinished) {
    process.stdout.write(e.lines.map((l) => `${l}\n`).join(''));
    return 0;
  }
  if (e instanceof UserError) {
    // Lines may echo a scenario's text: its control characters are shown as escapes, never sent to the terminal.
    process.stderr.write(e.lines.map((l) => `${printable(l)}\n`).join(''));
    return EXIT_USAGE;
  }
  if (e instanceof CommanderError) {
    // Help and version are not errors; commander has already printed its message.
    return e.exitCode === 0 ? 0 : EXIT_USAGE;
  }
  const line = await conditionLine(e, fromStdout);
  if (line === undefined) throw e;
  process.stderr.write(`${printable(line)}\n`);
  return EXIT_USAGE;
}

/** Waits until everything written to stdout has gone out (or failed), and any error event has fired. */
async function flushStdout(): Promise<void> {
  await new Promise<void>((done) => {
    if (process.stdout.destroyed) done();
    else process.stdout.write('', () => done());
  });
  await new Promise((done) => setImmediate(done));
}

/**
 * One line for a condition of the machine or the input rather than a bug in lintas: a file-system
 * error (no space, permission, read-only, exists, a closed pipe), a table the run outgrew, memory
 * that cannot be had. Undefined for anything else (an internal error, printed with its stack).
 */
async function conditionLine(e: unknown, stdout: boolean): Promise<string | undefined> {
  const { describeCode, USER_ERRNO } = await files();
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err === 'object' && err.code && USER_ERRNO.has(err.code)) {
    if (stdout || (err.syscall === 'write' && !err.path)) return `lintas: cannot write to standard output: ${describeCode(err)}`;
    return `lintas: ${err.path ? `${err.path}: ` : ''}${describeCode(err)}`;
  }
  const message = e instanceof Error ? e.message : '';
  const full = /agent table "(\w+)" is full \((\d+) agents\)/.exec(message);
  if (full)
    return `lintas: the run outgrew the model's ${full[1]} table (${full[2]} at most): this scenario creates more than the model holds; shorten the horizon or lower the rates that create them`;
  if (e instanceof RangeError && /Array buffer allocation failed|Invalid typed array length|Invalid array length/.test(message))
    return `lintas: not enough memory for this run (${message}); raise --scale or shorten the horizon`;
  return undefined;
}
