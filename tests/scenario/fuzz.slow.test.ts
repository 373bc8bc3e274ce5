/**
 * Mutation fuzzing of scenarios (fast-check): thousands of random edits of the baseline — a
 * value replaced by a hostile one (negative, zero, huge, tiny, the wrong type, a bad date, a
 * path-like name), a field deleted, an entry duplicated or two swapped — each either refused
 * with lines that name a path, or run for a few weeks at a coarse scale to finite, non-negative
 * outputs (or, rarely, stopped by the model in one line naming the table the run outgrew). Nothing
 * may throw anything but a UserError, and nothing may hang (the test's timeout).
 * FUZZ_SEED and FUZZ_RUNS change the corpus and its size.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { simulate } from '../../src/model/model.js';
import { summarize } from '../../src/experiment/outputs.js';
import { planProblems } from '../../src/scenario/limits.js';
import { parseScenario, readScenarioFile } from '../../src/scenario/load.js';

type Path = (string | number)[];
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 14);
const WEEKS = 4;
const SCALE = 100;

let base: { [k: string]: Json };
let paths: Path[];

/** Every place in the data: each field, each list entry, each list. */
function allPaths(node: Json, at: Path = []): Path[] {
  if (node === null || typeof node !== 'object') return [at];
  const children = Array.isArray(node) ? node.map((v, i) => allPaths(v, [...at, i])) : Object.entries(node).map(([k, v]) => allPaths(v, [...at, k]));
  return [...(at.length ? [at] : []), ...children.flat()];
}

beforeAll(async () => {
  // The baseline without its spin-up (a run of a few weeks is then a few weeks) at a coarse scale.
  base = { ...(JSON.parse(JSON.stringify(await readScenarioFile('scenarios/baseline.ts'))) as { [k: string]: Json }), spinUpWeeks: 0, scale: SCALE };
  paths = allPaths(base);
});

const HOSTILE: Json[] = [
  -1, 0, 0.5, 1, 1.5, 2, 7, 1e-300, 1e300, -1e300, 1e9, 2 ** 53, Number.MAX_SAFE_INTEGER, -0,
  '', 'x', '../../x', '__proto__', '2019-02-30', '9999-12-27', '1900-01-01', '2019-01-07', '2024-12-30',
  'entikong', 'pontianak', 'sambas', 'kuching', 'post', 'informal', 'sea', 'path', 'collaboration',
  null, true, false, [], {}, [1, 2], { value: 1 }, { value: 0.5, source: 's' },
];

type Edit = { kind: 'set'; at: number; value: Json } | { kind: 'scale'; at: number; by: number } | { kind: 'delete'; at: number } | { kind: 'duplicate'; at: number } | { kind: 'swap'; at: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.constantFrom(...HOSTILE) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.double({ noNaN: true, noDefaultInfinity: true }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('scale' as const), at: fc.nat(), by: fc.constantFrom(-1, 0, 0.001, 0.1, 10, 1000, 1e6) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }) },
);

/** Applies an edit to a copy's place; edits that do not fit the place leave it as it was. */
function apply(data: { [k: string]: Json }, e: Edit): string {
  const path = paths[e.at % paths.length]!;
  const parent = path.slice(0, -1).reduce<Json>((n, k) => (n && typeof n === 'object' ? (n as Record<string | number, Json>)[k]! : null), data);
  const key = path[path.length - 1]!;
  if (!parent || typeof parent !== 'object') return 'none';
  const holder = parent as Record<string | number, Json>;
  const here = holder[key];
  if (e.kind === 'set') holder[key] = e.value;
  else if (e.kind === 'scale' && typeof here === 'number') holder[key] = here * e.by;
  else if (e.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete holder[key];
  } else if (e.kind === 'duplicate' && Array.isArray(parent)) parent.push(structuredClone(here!));
  else if (e.kind === 'swap' && Array.isArray(parent) && parent.length > 1) {
    const j = ((key as number) + 1) % parent.length;
    [parent[key as number], parent[j]] = [parent[j]!, parent[key as number]!];
  } else return 'none';
  return `${e.kind} ${path.join('.')}`;
}

/** A message line that starts with the path (or flag-like field) it is about. */
const PATH_LINE = /^(\(scenario\)|[A-Za-z_$][\w$]*(\[\d+\]|\.[^\s:[\]]+)*): \S/;

interface Tally {
  rejected: number;
  ran: number;
  refusedByModel: number;
}

/** One mutated scenario, as the CLI would take it: validated, checked against the run's limits, run. */
function trial(data: unknown, tally: Tally): void {
  let scenario: ReturnType<typeof parseScenario>;
  try {
    scenario = parseScenario(data);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    for (const line of e.lines) expect(line, line).toMatch(PATH_LINE);
    tally.rejected++;
    return;
  }
  const plan = planProblems(scenario, { seed: scenario.seed, seedFrom: 'seed', scale: scenario.scale, scaleFrom: 'scale', replicates: 1, workers: 1, maxMemoryMb: 4096 });
  if (plan.length) {
    for (const line of plan) expect(line, line).toMatch(PATH_LINE);
    tally.rejected++;
    return;
  }
  let summary: ReturnType<typeof summarize>;
  try {
    summary = summarize(simulate(scenario, { seed: scenario.seed, scale: scenario.scale, weeks: WEEKS }));
  } catch (e) {
    // The model's own checks name a path (an origin that no path leaves) or the table a run outgrew.
    if (!(e instanceof UserError)) throw e;
    for (const line of e.lines) expect(line, line).toMatch(/^agent table "\w+"/.test(line) ? /^agent table "\w+"/ : PATH_LINE);
    tally.refusedByModel++;
    return;
  }
  const numbers: [string, number][] = [
    ...Object.entries(summary.totals),
    ...Object.entries(summary.final).map(([k, v]) => [`final.${k}`, v] as [string, number]),
  ];
  for (const [name, v] of numbers) {
    expect(Number.isFinite(v), `${name} = ${v}`).toBe(true);
    expect(v, name).toBeGreaterThanOrEqual(0);
  }
  tally.ran++;
}

describe('scenario mutation fuzzing', () => {
  it(`${RUNS} mutated baselines: each refused with path-pointed lines, or run to finite, non-negative outputs`, async () => {
    const tally: Tally = { rejected: 0, ran: 0, refusedByModel: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
        // Yield to the test runner between cases (a long synchronous loop times out its messages).
        await new Promise((done) => setImmediate(done));
        const data = structuredClone(base);
        const done = edits.map((e) => apply(data, e));
        try {
          trial(data, tally);
        } catch (e) {
          throw new Error(`after ${done.join('; ')}: ${(e as Error).message}`);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    process.stderr.write(`fuzz: ${RUNS} mutated scenarios: ${tally.rejected} refused with a path, ${tally.refusedByModel} refused by the model's checks, ${tally.ran} ran to finite, non-negative outputs\n`);
    expect(tally.rejected + tally.refusedByModel + tally.ran).toBe(RUNS);
    // Both kinds occur: the corpus is neither all broken nor all harmless.
    expect(tally.rejected).toBeGreaterThan(RUNS / 10);
    expect(tally.ran).toBeGreaterThan(RUNS / 10);
  }, 1_200_000);
});
