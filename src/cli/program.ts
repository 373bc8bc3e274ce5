/** The `lintas` program: its name, version and help, and each command from its own file. */
import { Command } from 'commander';
import { printable } from '../core/errors.js';
import { registerBrief } from './brief.js';
import { registerCalibrate } from './calibrate.js';
import { registerCompare } from './compare.js';
import { registerDecide } from './decide.js';
import { registerMerge } from './merge.js';
import { version } from './modules.js';
import { registerReport } from './report.js';
import { registerRun } from './run.js';
import { registerSchema } from './schema.js';
import { registerSensitivity } from './sensitivity.js';
import { registerSlurm } from './slurm.js';
import { registerSweep } from './sweep.js';
import { registerValidate } from './validate.js';

/** A fresh program with every command, in the order `lintas --help` lists them. */
export function buildProgram(): Command {
  const program = new Command();
  program
    .name('lintas')
    .description('Simulate migration and trafficking flows across the Indonesia–Malaysia border on Borneo')
    .version(version(), '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(printable(s, true)) })
    .showSuggestionAfterError(true);
  registerRun(program);
  registerValidate(program);
  registerSchema(program);
  registerCompare(program);
  registerReport(program);
  registerSweep(program);
  registerSensitivity(program);
  registerDecide(program);
  registerBrief(program);
  // merge (and slurm, which ends in one) parse the shards' command line with a fresh program.
  registerMerge(program, buildProgram);
  registerSlurm(program, buildProgram);
  registerCalibrate(program);
  return program;
}
