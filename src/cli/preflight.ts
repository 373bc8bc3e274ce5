/**
 * The checks before anything runs or is allocated: every scenario a command will run against the
 * run's limits (scenario/limits.ts), a sweep's largest point, the memory limit, and that the
 * output folder can be written.
 */
import { UserError } from '../core/errors.js';
import { files, loadScenario, sweeps } from './modules.js';
import { MAX_COUNT } from './options.js';

/** The flags that shape a run's plan: what the limits are checked against. */
export interface PlanFlags {
  seed?: number;
  scale?: number;
  replicates?: number;
  workers?: number;
  maxMemory?: number;
}

/**
 * A sweep's largest point: each --param at its largest number (populations, brokers and officers
 * only grow a run), checked like any scenario; and the number of design points, bounded.
 */
async function sweepExtreme(file: string, specs: string[]) {
  if (!specs.length) return [];
  const { parseParamSpec } = await sweeps();
  const parsed = specs.map(parseParamSpec);
  const points = parsed.reduce((n, p) => n * ('values' in p ? p.values.length : 1), 1);
  if (points > MAX_COUNT) throw new UserError([`--param: the full factorial has ${points} design points, more than ${MAX_COUNT}`]);
  const { readScenarioFile, parseScenario } = await import('../scenario/load.js');
  const { setPath } = await import('../scenario/paths.js');
  let data: Record<string, unknown>;
  try {
    data = structuredClone(await readScenarioFile(file)) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof UserError) throw e;
    return []; // scenario code with functions in it (extensions): the sweep's own checks apply
  }
  delete data.variants;
  try {
    for (const p of parsed) {
      const numbers = 'values' in p ? p.values.filter((v): v is number => typeof v === 'number') : [p.lo, p.hi];
      if (numbers.length) setPath(data, p.path, Math.max(...numbers));
    }
    return [{ name: 'the largest point of the sweep', scenario: parseScenario(data) }];
  } catch {
    return []; // an unknown path or an invalid value is the sweep's to report, naming its point
  }
}

/** The memory limit: the flag, else LINTAS_MAX_MEMORY_MB, else the default. */
function memoryLimit(flag: number | undefined, fallback: number): number {
  if (flag !== undefined) return flag;
  const env = process.env.LINTAS_MAX_MEMORY_MB;
  if (env === undefined || env === '') return fallback;
  if (!/^\d+$/.test(env) || Number(env) < 64) throw new UserError([`LINTAS_MAX_MEMORY_MB: expected a whole number of MB >= 64, got "${env}"`]);
  return Number(env);
}

/**
 * Checks, before anything runs or is allocated, every scenario a command will run (the file's
 * variants with `withVariants`) against the run's limits (scenario/limits.ts), then that the
 * output folder can be written.
 */
export async function preflight(file: string, o: PlanFlags, outDir: string | undefined, withVariants: boolean, sweepParams: string[] = []): Promise<void> {
  const scenarios = withVariants
    ? (await (await import('../experiment/tasks.js')).variantsOf(file)).map((v) => ({ name: v.name, scenario: v.scenario }))
    : [{ name: 'baseline', scenario: await loadScenario(file) }, ...(await sweepExtreme(file, sweepParams))];
  const { DEFAULT_MAX_MEMORY_MB, planProblems } = await import('../scenario/limits.js');
  const maxMemoryMb = memoryLimit(o.maxMemory, DEFAULT_MAX_MEMORY_MB);
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const { name, scenario } of scenarios) {
    const plan = {
      seed: o.seed ?? scenario.seed,
      seedFrom: o.seed === undefined ? 'seed' : '--seed',
      scale: o.scale ?? scenario.scale,
      scaleFrom: o.scale === undefined ? 'scale' : '--scale',
      replicates: o.replicates ?? 1,
      workers: o.workers ?? 1,
      maxMemoryMb,
    };
    // A problem every variant shares is said once, for the first.
    for (const line of planProblems(scenario, plan)) if (!seen.has(line) && seen.add(line)) lines.push(name === 'baseline' ? line : name.startsWith('the ') ? `${name}: ${line}` : `variant ${name}: ${line}`);
  }
  if (lines.length) throw new UserError(lines);
  if (outDir !== undefined) (await files()).prepareOutDir(outDir);
}
