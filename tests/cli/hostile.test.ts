/**
 * A catalogue of hostile inputs: malformed scenarios (fixtures in tests/fixtures/hostile, and
 * mutations of the baseline generated here) and command-line misuses. Every one must be refused
 * with exit code 2, nothing on stdout, no stack trace, and a message that names the key path or
 * flag at fault — in one line, or one line per problem. Data files must never run code and never
 * echo the values of a file they extend. Runs in-process through main(), like cli.test.ts.
 */
import { execFileSync, spawn, spawnSync, type StdioOptions } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { AgentTable } from '../../src/core/store.js';
import { readScenarioFile } from '../../src/scenario/load.js';
import { lines, lintas, NO_STACK, type Result } from './helpers.js';

const H = 'tests/fixtures/hostile';
// biome-ignore lint/suspicious/noExplicitAny: mutations reach anywhere in the data
type Data = Record<string, any>;

let tmp: string;
let base: Data;
let n = 0;

/** A full scenario file: the baseline as JSON, mutated (paths are unique, so caches never mix cases). */
function scenario(mutate: (d: Data) => void, ext = '.json'): string {
  const d = structuredClone(base);
  mutate(d);
  const path = join(tmp, `case-${++n}${ext}`);
  writeFileSync(path, JSON.stringify(d));
  return path;
}

/** A file with exactly this text. */
function file(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

interface Case {
  name: string;
  args: () => string[];
  /** What the message must name: the key path, the flag or the file. */
  key: string;
  /** Lines allowed (one per problem); default 1. */
  maxLines?: number;
  env?: Record<string, string>;
}

const out = () => join(tmp, `out-${++n}`);
const cases: Case[] = [];
const add = (name: string, key: string, args: () => string[], more: Partial<Case> = {}) => cases.push({ name, key, args, ...more });
/** A mutated scenario, validated. */
const bad = (name: string, key: string, mutate: (d: Data) => void, more: Partial<Case> = {}) => add(name, key, () => ['validate', scenario(mutate)], more);

// ── Scenario values ──────────────────────────────────────────────────────────────────────────
bad('negative population', 'origins[0].population', (d) => (d.origins[0].population = -5));
bad('population 1e12', 'origins[0].population', (d) => (d.origins[0].population = 1e12));
bad('population as text', 'origins[0].population', (d) => (d.origins[0].population = 'many'));
bad('population null', 'origins[0].population', (d) => (d.origins[0].population = null));
bad('far inflow 1e12 a year', 'origins[7].inflowPerYear', (d) => (d.origins[7].inflowPerYear = 1e12));
bad('brokers 1e12', 'hubs[0].brokers', (d) => (d.hubs[0].brokers = 1e12));
bad('officers 1e9', 'crossings[0].officers', (d) => (d.crossings[0].officers = 1e9));
bad('latitude 200', 'origins[0].lat', (d) => (d.origins[0].lat = 200));
bad('probability 2', 'origins[0].unemployment', (d) => (d.origins[0].unemployment = 2));
bad('end in year 9999', 'end', (d) => (d.end = '9999-12-27'));
bad('end before start', 'end', (d) => (d.end = '2018-01-01'), { maxLines: 4 });
bad('start 2019-02-30', 'start', (d) => (d.start = '2019-02-30'));
bad('start not a date', 'start', (d) => (d.start = 'yesterday'));
bad('spin-up of 5000 weeks', 'spinUpWeeks', (d) => (d.spinUpWeeks = 5000));
bad('seed -1', 'seed', (d) => (d.seed = -1));
bad('seed 1.5', 'seed', (d) => (d.seed = 1.5));
bad('seed 2^53', 'seed', (d) => (d.seed = 2 ** 53));
bad('scale 0', 'scale', (d) => (d.scale = 0));
bad('scale 1e300', 'scale', (d) => (d.scale = 1e300));
bad('scale 1e5 leaves origins with a handful of agents', 'scale', (d) => (d.scale = 1e5), { maxLines: 10 });
bad('name "../../x"', 'name', (d) => (d.name = '../../x'));
bad('name ".."', 'name', (d) => (d.name = '..'));
bad('name with a slash', 'name', (d) => (d.name = 'a/b'));
bad('name empty', 'name', (d) => (d.name = ''));
bad('name a number', 'name', (d) => (d.name = 42));
bad('name of 500 characters', 'name', (d) => (d.name = 'x'.repeat(500)));
bad('stages out of order', 'stages[2].date', (d) => (d.stages = [d.stages[0], { date: '2022-01-01', stage: 'collaboration' }, { date: '2020-01-01', stage: 'coordination' }]));
bad('stages with a repeated date', 'stages[1].date', (d) => (d.stages = [d.stages[0], { ...d.stages[0], stage: 'collaboration' }]));
bad('unknown stage', 'stages[0].stage', (d) => (d.stages[0].stage = 'utopia'));
bad('wage series swapped', 'series.wage_kalbar[1].date', (d) => {
  const s = d.series.wage_kalbar;
  [s[0], s[1]] = [s[1], s[0]];
}, { maxLines: 2 });
bad('series with a repeated date', 'series.fx_idr_per_myr[1].date', (d) => (d.series.fx_idr_per_myr = [d.series.fx_idr_per_myr[0], d.series.fx_idr_per_myr[0]]));
bad('series value 0', 'series.fx_idr_per_myr[0].value', (d) => (d.series.fx_idr_per_myr[0].value = 0));
bad('series value 1e300', 'series.fx_idr_per_myr[0].value', (d) => (d.series.fx_idr_per_myr[0].value = 1e300));
bad('series empty', 'series.wage_far', (d) => (d.series.wage_far = []));
bad('required series missing', 'series.fx_idr_per_myr', (d) => delete d.series.fx_idr_per_myr);
bad('duplicate route', 'routes[84]: duplicate route', (d) => d.routes.push(d.routes[0]));
bad('duplicate route, reversed', 'routes[84]: duplicate route', (d) => d.routes.push({ ...d.routes[0], from: d.routes[0].to, to: d.routes[0].from }));
bad('route from a place to itself', 'routes[0].to', (d) => (d.routes[0].to = d.routes[0].from), { maxLines: 3 });
bad('route to an unknown node', 'routes[0].to', (d) => (d.routes[0].to = 'Entikongg'));
bad('route of -15 km', 'routes[0].km', (d) => (d.routes[0].km = -15));
bad('route of 1e300 km', 'routes[0].km', (d) => (d.routes[0].km = 1e300));
bad('route costing 1e300', 'routes[0].costIdr', (d) => (d.routes[0].costIdr = 1e300));
bad('route by teleport', 'routes[0].mode', (d) => (d.routes[0].mode = 'teleport'));
bad('crossing through a tunnel', 'crossings[0].kind', (d) => (d.crossings[0].kind = 'tunnel'));
bad('duplicate origin id', 'origins[1].id', (d) => (d.origins[1].id = d.origins[0].id), { maxLines: 5 });
bad('hub id equal to an origin id', 'hubs[0].id', (d) => (d.hubs[0].id = d.origins[0].id), { maxLines: 20 });
bad('unknown hub of an origin', 'origins[0].hub', (d) => (d.origins[0].hub = 'atlantis'));
bad('unknown home post', 'origins[0].homePost', (d) => (d.origins[0].homePost = 'atlantis'));
bad('wage region without a series', 'origins[0].wageRegion', (d) => (d.origins[0].wageRegion = 'mars'));
bad('no origins', 'origins', (d) => (d.origins = []), { maxLines: 40 });
bad('no routes', 'routes', (d) => (d.routes = []), { maxLines: 40 });
bad('300 origins', 'origins', (d) => (d.origins = Array.from({ length: 300 }, (_, i) => ({ ...d.origins[0], id: `o${i}` }))));
bad('a network of 140 hubs, all joined', 'routes', (d) => {
  const hubs = Array.from({ length: 140 }, (_, i) => ({ ...d.hubs[0], id: `h${i}` }));
  d.hubs = [...d.hubs, ...hubs];
  for (let i = 0; i < hubs.length; i++)
    for (let j = i + 1; j < hubs.length; j++) d.routes.push({ ...d.routes[0], from: `h${i}`, to: `h${j}` });
  d.routes.push({ ...d.routes[0], from: d.hubs[0].id, to: 'h0' });
});
bad('unknown top-level field', 'colour', (d) => (d.colour = 'red'));
bad('unknown field of an origin', 'origins[0].colour', (d) => (d.origins[0].colour = 'red'));
bad('core parameter missing', 'params.h0', (d) => delete d.params.h0);
bad('parameter negative', 'params.h0', (d) => (d.params.h0 = -1));
bad('probability parameter 2', 'params.pConvict', (d) => (d.params.pConvict = 2));
bad('parameter as text', 'params.h0', (d) => (d.params.h0 = 'x'));
bad('parameter without its source', 'params.h0', (d) => (d.params.h0 = { value: 0.0001 }));
bad('unknown parameter', 'params.warpFactor', (d) => (d.params.warpFactor = 9));
bad('parameter range upside down', 'params.h0.range', (d) => (d.params.h0 = { value: 0.0001, source: 's', range: [2, 1] }));
bad('a wage weight that overflows the hazard', 'params.betaWage', (d) => (d.params.betaWage = { value: 1335, source: 'fuzz' }));
bad('unknown intervention', 'interventions[0].kind', (d) => (d.interventions[0].kind = 'magic'));
bad('intervention intensity 5', 'interventions[0].intensity', (d) => (d.interventions[0].intensity = 5));
bad('intervention before the horizon', 'interventions[0].start', (d) => (d.interventions[0].start = '2000-01-03'));
bad('intervention ending before it starts', 'interventions[0].end', (d) => (d.interventions[0].end = '2019-01-01'));
bad('unknown event', 'events[0].kind', (d) => (d.events[0].kind = 'meteor'));
bad('closure of an unknown crossing', 'closures[0].crossing', (d) => (d.closures[0].crossing = 'atlantis'));
bad('closure ending before it starts', 'closures[0].to', (d) => (d.closures[0].to = '2019-01-01'));
bad('unknown mechanism', 'mechanismStages.telepathy', (d) => (d.mechanismStages = { telepathy: 'collaboration' }));
bad('top level is a list', '(scenario)', () => {}, { args: () => ['validate', file('list.json', '[1, 2]')] });
bad('variant named "../x"', 'variants[0].name', (d) => (d.variants = [{ name: '../x', patch: {} }]));
bad('variants with one name', 'variants[1].name', (d) => (d.variants = [{ name: 'a', patch: {} }, { name: 'a', patch: {} }]));
bad('variant patch invalid', 'variants[0] (v): origins[0].population', (d) => (d.variants = [{ name: 'v', patch: { origins: [{ ...d.origins[0], population: -1 }, ...d.origins.slice(1)] } }]));
bad('variant with an unknown field', 'variants[0].colour', (d) => (d.variants = [{ name: 'v', colour: 'red' }]));
bad('variant adding a bad intervention', 'interventions[1].intensity', (d) => (d.variants = [{ name: 'v', addInterventions: [{ kind: 'jointPatrols', start: '2020-01-06', intensity: 7 }] }]));
bad('variant too large to run', 'variant huge: scale', (d) => {
  d.scale = 20;
  d.variants = [{ name: 'huge', patch: { scale: 1 } }];
}, { env: { LINTAS_MAX_MEMORY_MB: '100' } });
bad('decomposition of an unknown variant', 'decompositions[0].variant', (d) => (d.decompositions = [{ variant: 'nope', against: 'baseline' }]));
bad('run too large for the memory limit', 'scale', (d) => (d.scale = 1), { env: { LINTAS_MAX_MEMORY_MB: '64' } });
bad('every origin at 9e8 persons', 'scale', (d) => {
  for (const o of d.origins) if (o.population > 0) o.population = 9e8;
});

// ── Scenario files ───────────────────────────────────────────────────────────────────────────
const validate = (name: string, key: string, path: () => string, more: Partial<Case> = {}) => add(name, key, () => ['validate', path()], more);
validate('a data file extending code (.ts)', 'extends ./evil.ts', () => `${H}/extends-code.json`);
validate('a data file extending code (.mjs)', 'extends ./evil.mjs', () => `${H}/extends-mjs.json`);
validate('a YAML file extending code', 'extends ./evil.ts', () => `${H}/extends-code.yaml`);
validate('extends a text file', 'extends ./notes.txt', () => `${H}/extends-txt.json`);
validate('extends a missing file', 'extends ./no-such-base.json', () => `${H}/extends-missing.json`);
validate('extends a number', 'extends', () => `${H}/extends-number.json`);
validate('extends an empty path', 'extends', () => `${H}/extends-empty.json`);
validate('extends a list', 'extends ./not-object.json', () => `${H}/extends-not-object.json`);
validate('extends a broken file', './broken.json: not valid JSON', () => `${H}/extends-broken.json`);
validate('extends itself', 'extends itself', () => `${H}/extends-self.json`);
validate('an extends cycle', 'extends itself', () => `${H}/cycle-a.json`);
validate('extends a symbolic link to /dev/zero', 'not a regular file', () => file('zero-base.json', JSON.stringify({ extends: './zero.json', name: 'z' })));
validate('a symbolic link to /dev/zero', 'not a regular file', () => join(tmp, 'zero.json'));
validate('a folder named .json', 'not a regular file', () => join(tmp, 'folder.json'));
validate('a named pipe', 'not a regular file', () => join(tmp, 'fifo.json'));
validate('a 6 MB file', 'larger than 5 MB', () => file('big.json', `{"name": "big", "description": "${'x'.repeat(6 * 1024 * 1024)}"}`));
validate('nesting 100 000 deep', 'nested more than 64 levels', () => file('deep.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`));
validate('a __proto__ key', '"__proto__" is not a scenario field', () => `${H}/proto.json`);
validate('a constructor key', '"constructor" is not a scenario field', () => `${H}/constructor.json`);
validate('a file that is a list', '(scenario)', () => `${H}/not-object.json`);
validate('a file that is null', '(scenario)', () => `${H}/null.json`);
validate('a file that is a string', '(scenario)', () => `${H}/string.json`);
validate('invalid JSON', 'not valid JSON', () => `${H}/broken.json`);
validate('invalid YAML', 'not valid YAML', () => `${H}/broken.yaml`);
validate('a YAML alias bomb', 'billion.yaml', () => `${H}/billion.yaml`);
validate('a .toml file', 'expected a .ts, .json or .yaml', () => 'tests/fixtures/unsupported.toml');
validate('a missing file', 'scenario file not found', () => `${H}/nothing-here.json`);
validate('a .ts file with a syntax error', 'syntax-error.ts: the scenario code failed to load', () => `${H}/syntax-error.ts`);
validate('a .ts file that throws', 'this scenario refuses to load', () => `${H}/throws.ts`);
validate('a .ts file importing what is not there', 'bad-import.ts: the scenario code failed to load', () => `${H}/bad-import.ts`);
validate('a .ts file without a default export', 'expected a default export', () => `${H}/no-default.ts`);
validate('a .ts file exporting invalid data', 'end', () => `${H}/invalid-data.ts`);

// ── The command line ─────────────────────────────────────────────────────────────────────────
const B = 'scenarios/baseline.ts';
const run = (name: string, key: string, flags: () => string[], more: Partial<Case> = {}) => add(name, key, () => ['run', B, ...flags()], more);
for (const v of ['-1', 'abc', '1.5', '9007199254740992', '1e3']) run(`run --seed ${v}`, '--seed', () => ['--seed', v, '--out', out()]);
for (const v of ['0', '0.5', '1e300', '1e7', 'NaN', 'Infinity', '']) run(`run --scale ${JSON.stringify(v)}`, '--scale', () => ['--scale', v, '--out', out()]);
run('run --scale 1e5 (too few agents)', '--scale', () => ['--scale', '1e5', '--out', out()], { maxLines: 10 });
for (const v of ['0', '1e9', '-3']) run(`run --weeks ${v}`, '--weeks', () => ['--weeks', v, '--out', out()]);
run('run --max-memory 10', '--max-memory', () => ['--max-memory', '10', '--out', out()]);
run('run at scale 1 over a 64 MB limit', '--scale', () => ['--scale', '1', '--max-memory', '64', '--out', out()]);
run('LINTAS_MAX_MEMORY_MB not a number', 'LINTAS_MAX_MEMORY_MB', () => ['--scale', '50', '--out', out()], { env: { LINTAS_MAX_MEMORY_MB: 'lots' } });
run('run --out an existing file', '--out', () => ['--scale', '50', '--out', file('taken', 'x')]);
run('run --out below a file', '--out', () => ['--scale', '50', '--out', join(file('taken2', 'x'), 'sub')]);
run('run --out a read-only folder', '--out', () => ['--scale', '50', '--out', readOnlyDir()]);
run('run with an unknown flag', '--bogus', () => ['--bogus']);
run('run with --workers (not its flag)', '--workers', () => ['--workers', '2']);
add('run without a scenario', 'scenario', () => ['run']);
add('run with two scenarios', 'too many arguments', () => ['run', B, B]);
add('validate without a scenario', 'scenario', () => ['validate']);
add('an unknown command', 'bogus', () => ['bogus']);
add('compare --replicates 1', '--replicates', () => ['compare', 'tests/fixtures/compare-small.json', '--replicates', '1', '--out', out()]);
add('compare --replicates 1e9', '--replicates', () => ['compare', 'tests/fixtures/compare-small.json', '--replicates', '1000000000', '--out', out()]);
add('compare with seeds past 2^53', '--seed', () => ['compare', 'tests/fixtures/compare-small.json', '--seed', '9007199254740990', '--replicates', '5', '--scale', '50', '--out', out()]);
add('compare --workers 0', '--workers', () => ['compare', 'tests/fixtures/compare-small.json', '--workers', '0', '--out', out()]);
add('compare of an invalid variant', 'variants[0].name', () => ['compare', scenario((d) => (d.variants = [{ name: '../up', patch: {} }])), '--out', out()]);
add('compare --out an existing file', '--out', () => ['compare', 'tests/fixtures/compare-small.json', '--scale', '50', '--out', file('taken3', 'x')]);
add('sweep --samples 1e6', '--samples', () => ['sweep', B, '--param', 'params.h0=0.0001..0.0002', '--samples', '1000000', '--out', out()]);
add('sweep --param __proto__.toString=1', '__proto__', () => ['sweep', B, '--param', '__proto__.toString=1', '--scale', '50', '--weeks', '1', '--out', out()]);
add('sweep --param __proto__.hasOwnProperty=x', '__proto__', () => ['sweep', B, '--param', '__proto__.hasOwnProperty=x', '--scale', '50', '--weeks', '1', '--out', out()]);
add('sweep --param constructor.prototype.x=1', 'constructor', () => ['sweep', B, '--param', 'constructor.prototype.x=1', '--scale', '50', '--weeks', '1', '--out', out()]);
add('sweep whose largest point is too large to run', 'the largest point of the sweep: --scale', () => ['sweep', B, '--param', 'origins[0].population=100,800000000', '--scale', '1', '--out', out()]);
add('sweep of 110 000 design points', '--param', () => ['sweep', B, ...[1, 2, 3, 4, 5].flatMap((k) => ['--param', `params.${['h0', 'betaWage', 'betaPoverty', 'betaUnemployment', 'pConvict'][k - 1]}=${Array.from({ length: k === 5 ? 11 : 10 }, (_, i) => (i + 1) / 100).join(',')}`]), '--out', out()]);
add('sweep --param params.nope=1', 'params.nope', () => ['sweep', B, '--param', 'params.nope=1', '--scale', '50', '--weeks', '1', '--out', out()]);
add('sweep --param without a value', 'params.h0', () => ['sweep', B, '--param', 'params.h0', '--scale', '50', '--weeks', '1', '--out', out()]);
add('sensitivity --method guess', '--method', () => ['sensitivity', B, '--method', 'guess', '--out', out()]);
add('sensitivity --trajectories 1e9', '--trajectories', () => ['sensitivity', B, '--trajectories', '1000000000', '--out', out()]);
// ── Checked before the first run, in a single run and in every shard (issue 31, items 3 and 5) ──
const S = ['--scale', '50', '--weeks', '1', '--trajectories', '2', '--replicates', '1'];
add('sensitivity --outputs nope', '--outputs nope: not a metric of a run', () => ['sensitivity', B, '--outputs', 'trafficked,nope', ...S, '--out', out()]);
add('sensitivity --outputs nope, in a shard', '--outputs nope: not a metric of a run', () => ['sensitivity', B, '--outputs', 'nope', ...S, '--shard', '2/3', '--out', out()]);
add('sensitivity --outputs misspelt', 'did you mean trafficked?', () => ['sensitivity', B, '--outputs', 'traffiked', ...S, '--out', out()]);
add('sensitivity --outputs listed twice', '--outputs trafficked: listed twice', () => ['sensitivity', B, '--outputs', 'trafficked,trafficked', ...S, '--out', out()]);
add('sensitivity --outputs empty', '--outputs', () => ['sensitivity', B, '--outputs', ',', ...S, '--out', out()]);
add('sensitivity --param past a probability', 'params.pConvict at the high end of its range (2)', () => ['sensitivity', B, '--param', 'params.pConvict=0..2', ...S, '--out', out()]);
add('sensitivity --param of an unknown path', '--param params.nope', () => ['sensitivity', B, '--param', 'params.nope=0..1', ...S, '--out', out()]);
add('sensitivity --param upside down', '--param params.h0=2..1', () => ['sensitivity', B, '--param', 'params.h0=2..1', ...S, '--out', out()]);
const misspeltTargets = () => {
  const text = readFileSync('scenarios/data/targets.csv', 'utf8').replace(/^simfoni_victims_2020,register_victims,/m, 'simfoni_victims_2020,register_victms,');
  return file(`targets-${++n}.csv`, text);
};
add('calibrate with a misspelt target metric', 'row 11 (simfoni_victims_2020): unknown metric register_victms', () => ['calibrate', B, '--targets', misspeltTargets(), '--scale', '50', '--out', out()]);
add('calibrate with a per-day target at no crossing', 'row 23 (entikong_daily): unknown place entikongg', () => [
  'calibrate', B, '--targets', file(`targets-${++n}.csv`, readFileSync('scenarios/data/targets.csv', 'utf8').replace(/^entikong_daily,outbound_per_day,entikong,/m, 'entikong_daily,outbound_per_day,entikongg,')), '--scale', '50', '--out', out(),
]);
add('compare --seed 2^53 - 2 --replicates 3 (exact, not rounded)', '--seed: seed 9007199254740990 + 3 replicates', () => ['compare', 'tests/fixtures/compare-small.json', '--seed', '9007199254740990', '--replicates', '3', '--scale', '50', '--out', out()]);
add('sweep --seed 2^53 - 1 --replicates 2', '--seed', () => ['sweep', B, '--param', 'params.h0=0.0001', '--seed', '9007199254740991', '--replicates', '2', '--scale', '50', '--weeks', '1', '--out', out()]);
add('calibrate --seed near 2^53', '--seed: seed 9007199254000000', () => ['calibrate', B, '--seed', '9007199254000000', '--scale', '50', '--out', out()]);

// ── Smaller faults (issue 31, item 6) ──
run('run --out /proc/x (a pseudo file system)', '--out /proc/x: on proc (/proc), a pseudo file system', () => ['--scale', '50', '--out', '/proc/x']);
run('run --out /proc/self/x', '--out /proc/self/x: on proc', () => ['--scale', '50', '--out', '/proc/self/x']);
add('sweep --out /sys/kernel/x', '--out /sys/kernel/x: on sysfs', () => ['sweep', B, '--param', 'params.h0=0.0001', '--scale', '50', '--weeks', '1', '--out', '/sys/kernel/x']);
add('compare --out /sys/x', '--out /sys/x: on sysfs', () => ['compare', 'tests/fixtures/compare-small.json', '--scale', '50', '--out', '/sys/x']);
add('calibrate --out /proc/x', '--out /proc/x: on proc', () => ['calibrate', B, '--scale', '50', '--out', '/proc/x']);
add('compare with LINTAS_LEASE_SECONDS not a number', 'LINTAS_LEASE_SECONDS', () => ['compare', 'tests/fixtures/compare-small.json', '--replicates', '2', '--scale', '50', '--weeks', '1', '--out', out()], { env: { LINTAS_LEASE_SECONDS: 'soon' } });
validate('YAML nesting 100 000 deep', 'nested more than 64 levels', () => file('deep.yaml', `${'['.repeat(100_000)}${']'.repeat(100_000)}`));
validate('YAML block nesting 2 000 deep', 'nested more than 64 levels', () => file('deep-block.yaml', `${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')} 1\n`));
validate('YAML flow nesting 65 deep', 'nested more than 64 levels', () => file('deep65.yaml', `name: x\nextends: baseline\nnotes: ${'['.repeat(65)}${']'.repeat(65)}\n`));
validate('control characters from a scenario, escaped', 'unknown crossing "x\\x1b[2J\\u202ey"', () =>
  file('ctl.json', JSON.stringify({ extends: 'baseline', name: 'ctl', closures: [{ crossing: 'x\u001b[2J\u202ey', from: '2020-01-06', to: '2020-02-03' }] })),
);
validate('a BOM then an unknown field (JSON)', 'colour', () => file('bom-bad.json', `\ufeff${JSON.stringify({ extends: 'baseline', name: 'bom', colour: 'red' })}`));
validate('a BOM then an unknown field (YAML)', 'colour', () => file('bom-bad.yaml', '\ufeffextends: baseline\nname: bom\ncolour: red\n'));
add('slurm without a command', 'lintas slurm: expected a batch command', () => ['slurm', '--shards', '2']);

add('report on a truncated comparison.json', 'comparison.json', () => {
  const dir = out();
  mkdirSync(dir);
  writeFileSync(join(dir, 'comparison.json'), '{"scenario": "x", "variants": [');
  return ['report', dir];
});
add('report on a comparison.json of another shape', 'comparison.json', () => {
  const dir = out();
  mkdirSync(dir);
  writeFileSync(join(dir, 'comparison.json'), '{}');
  return ['report', dir];
});
add('report on a scenario.json of another shape', 'scenario.json', () => {
  const dir = out();
  mkdirSync(dir);
  writeFileSync(join(dir, 'comparison.json'), '{"scenario": "x", "variants": [{"name": "baseline", "metrics": {}}]}');
  writeFileSync(join(dir, 'scenario.json'), '{"password": "x"}');
  return ['report', dir];
});
add('report on a missing folder', 'comparison.json', () => ['report', join(tmp, 'never-made')]);

// ── lintas decide: refused before any run ────────────────────────────────────────────────────
const D = 'tests/fixtures/decide-small.json';
const POST = ['--posterior', 'scenarios/posterior-baseline.csv'];
const decide = (name: string, key: string, flags: () => string[]) => add(`decide ${name}`, key, () => ['decide', ...flags(), '--scale', '200', '--weeks', '4']);
decide('with an unknown measure', '--measures magic: unknown measure', () => [D, '--measures', 'jointPatrols,magic', '--budget', '20e9', ...POST, '--out', out()]);
decide('with an empty menu', '--measures: expected one or more measures', () => [D, '--measures', ',', '--budget', '20e9', ...POST, '--out', out()]);
decide('with a measure listed twice', '--measures ngoCooperation: listed twice', () => [D, '--measures', 'ngoCooperation,ngoCooperation', '--budget', '20e9', ...POST, '--out', out()]);
decide('with a budget that is not a number', '--budget', () => [D, '--measures', 'all', '--budget', 'lots', ...POST, '--out', out()]);
decide('with a negative budget', '--budget', () => [D, '--measures', 'all', '--budget', '-5', ...POST, '--out', out()]);
decide('without a draws source', 'no draws source', () => [D, '--measures', 'all', '--budget', '20e9', '--out', out()]);
decide('with a menu and no budget', '--measures: a menu needs --budget', () => [D, '--measures', 'all', ...POST, '--out', out()]);
decide('with intensity 2', '--intensities', () => [D, '--measures', 'all', '--budget', '20e9', '--intensities', '0.5,2', ...POST, '--out', out()]);
decide('with a budget no measure fits', '--budget 1: no measure fits', () => [D, '--measures', 'all', '--budget', '1', ...POST, '--out', out()]);
decide('with too many portfolios within the budget', '--max-portfolios', () => [D, '--measures', 'all', '--budget', '1e13', '--intensities', '0.5,1', '--max-portfolios', '10', ...POST, '--out', out()]);
decide('with a menu over a file with variants', '--measures', () => ['tests/fixtures/decide-variants.json', '--measures', 'all', '--budget', '20e9', ...POST, '--out', out()]);
decide('of a file without variants and no menu', 'no variants', () => [D, ...POST, '--out', out()]);
decide('with a missing posterior', '--posterior nowhere.csv', () => [D, '--measures', 'all', '--budget', '20e9', '--posterior', 'nowhere.csv', '--out', out()]);
decide('with a prior the posterior also draws', 'also drawn from --posterior', () => [D, '--measures', 'all', '--budget', '20e9', ...POST, '--params', file('h0-prior.yaml', '- {path: params.h0, lo: 0.0001, hi: 0.0002}\n'), '--out', out()]);
decide('with a prior of an unknown path', 'params.nope', () => [D, '--measures', 'all', '--budget', '20e9', '--params', file('nope-prior.yaml', '- {path: params.nope, lo: 1, hi: 2}\n'), '--out', out()]);
decide('with --main not one of the decisions', '--main magic', () => [D, '--measures', 'all', '--budget', '20e9', ...POST, '--main', 'magic', '--out', out()]);
decide('with --main over the budget', '--main ngo: costs more than --budget', () => ['tests/fixtures/decide-variants.json', ...POST, '--budget', '1e9', '--main', 'ngo', '--out', out()]);
decide('with --goal 2', '--goal', () => [D, '--measures', 'all', '--budget', '20e9', ...POST, '--goal', '2', '--out', out()]);
decide('with --draws 1', '--draws', () => [D, '--measures', 'all', '--budget', '20e9', ...POST, '--draws', '1', '--out', out()]);

/** bin/lintas.js run as a process, without blocking the test runner while it runs. */
function spawned(args: string[], stdio: StdioOptions = ['ignore', 'pipe', 'pipe']): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn('node', ['bin/lintas.js', ...args], { stdio });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

/** The baseline without its spin-up: a run of a few weeks takes a moment. */
const quick = () => (existsSync(join(tmp, 'quick.json')) ? join(tmp, 'quick.json') : file('quick.json', JSON.stringify({ extends: 'baseline', name: 'quick', spinUpWeeks: 0 })));

/** A folder this process cannot write into, whoever runs the test (root ignores permission bits). */
let readOnly: string | undefined;
let mounted = false;
function readOnlyDir(): string {
  if (readOnly) return readOnly;
  readOnly = join(tmp, 'read-only');
  mkdirSync(readOnly);
  if (process.getuid?.() !== 0) chmodSync(readOnly, 0o555);
  else {
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=16k', 'tmpfs', readOnly], { stdio: 'ignore' });
      mounted = true;
    } catch {
      readOnly = '/proc/lintas-cannot-write-here';
    }
  }
  return readOnly;
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'lintas-hostile-'));
  base = JSON.parse(JSON.stringify(await readScenarioFile('scenarios/baseline.ts'))) as Data;
  symlinkSync('/dev/zero', join(tmp, 'zero.json'));
  mkdirSync(join(tmp, 'folder.json'));
  execFileSync('mkfifo', [join(tmp, 'fifo.json')]);
});
afterAll(() => {
  if (mounted && readOnly) spawnSync('umount', [readOnly]);
  rmSync(tmp, { recursive: true, force: true });
});

/** Runs a case with its environment, restoring it after. */
async function attempt(c: Case): Promise<Result> {
  const saved = Object.fromEntries(Object.keys(c.env ?? {}).map((k) => [k, process.env[k]]));
  Object.assign(process.env, c.env);
  try {
    return await lintas(...c.args());
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

describe('hostile inputs', () => {
  it('the catalogue holds at least 80 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s: exit 2, one line naming the culprit, no stack trace', async (_name, c) => {
    const r = await attempt(c);
    expect(r.stderr).not.toContain(NO_STACK);
    expect(r.stderr).not.toContain('internal error');
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    const got = lines(r.stderr).filter((l) => !l.startsWith('(Did you mean'));
    expect(got.length).toBeGreaterThanOrEqual(1);
    expect(got.length, r.stderr).toBeLessThanOrEqual(c.maxLines ?? 1);
    expect(r.stderr, r.stderr).toContain(c.key);
  });
});

describe('every option checked before the first run', () => {
  it('sensitivity --outputs nope, in each shard: refused before any run, no journal, no shard files', async () => {
    const dir = out();
    for (const shard of ['1/2', '2/2']) {
      const r = await lintas('sensitivity', B, '--outputs', 'nope', ...S, '--shard', shard, '--out', dir);
      expect(r.code).toBe(2);
      expect(lines(r.stderr)).toHaveLength(1);
    }
    expect(existsSync(join(dir, 'shards'))).toBe(false);
    expect(existsSync(join(dir, 'runs.jsonl'))).toBe(false);
  });

  it('calibrate with a misspelt target metric: one line naming the row, nothing run', async () => {
    const dir = out();
    const r = await lintas('calibrate', B, '--targets', misspeltTargets(), '--scale', '50', '--out', dir);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/: row 11 \(simfoni_victims_2020\): unknown metric register_victms \(docs\/outputs.md lists them\)$/)]);
    expect(existsSync(join(dir, 'runs'))).toBe(false);
  });
});

describe('the trust boundary', () => {
  it('a data file never runs the code it names in extends', async () => {
    for (const f of ['extends-code.json', 'extends-mjs.json', 'extends-code.yaml']) expect((await lintas('validate', `${H}/${f}`)).code).toBe(2);
    expect((globalThis as { __lintasEvilRan?: boolean }).__lintasEvilRan).toBeUndefined();
  });

  it("never echoes the values of a file it extends, but names it and the path", async () => {
    const r = await lintas('validate', `${H}/extends-secret.json`);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/hunter2|SECRET|12345|password/);
    expect(r.stderr).toContain('origins[0].population: invalid value inherited from ./secret.json');
    expect(r.stderr).toContain('(scenario): invalid value inherited from ./secret.json');
    // Also when the file changes what it inherits with `set` (a frozen merge).
    const set = await lintas('validate', `${H}/extends-secret-set.json`);
    expect(set.code).toBe(2);
    expect(set.stderr).not.toMatch(/hunter2|SECRET|12345|password/);
    const broken = await lintas('validate', `${H}/extends-broken.json`);
    expect(broken.stderr).not.toMatch(/hunter2|password/);
  });

  it('still echoes the values of the file given, and of a built-in scenario it extends', async () => {
    const r = await lintas('validate', scenario((d) => (d.origins[0].population = -5)));
    expect(lines(r.stderr)).toEqual(['origins[0].population: expected a number >= 0, got -5']);
    const own = await lintas('validate', file('own.json', JSON.stringify({ extends: 'baseline', name: 'own', end: '2019-06-30' })));
    expect(own.stderr).toContain('crossings[3].opens: opens 2024-01-01, after the horizon ends (2019-06-30)');
  });

  it('never sends a control character from a scenario to the terminal: ESC, bidi overrides and newlines are escaped', async () => {
    const r = await lintas('validate', file('ctl2.json', JSON.stringify({ extends: 'baseline', name: 'ctl', closures: [{ crossing: 'a\u001b]0;pwned\u0007\r\nb\u009b\u2066', from: '2020-01-06', to: '2020-02-03' }] })));
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual(['closures[0].crossing: unknown crossing "a\\x1b]0;pwned\\x07\\x0d\\nb\\x9b\\u2066"']);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: what must not be there
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2066]/);
  });

  it('a byte-order mark is taken the same in JSON and YAML: skipped', async () => {
    expect(await lintas('validate', file('bom.json', `\ufeff${JSON.stringify({ extends: 'baseline', name: 'bom' })}`))).toEqual({ code: 0, stdout: 'ok\n', stderr: '' });
    expect(await lintas('validate', file('bom.yaml', '\ufeffextends: baseline\nname: bom\n'))).toEqual({ code: 0, stdout: 'ok\n', stderr: '' });
    const json = await lintas('validate', file('bom2.json', `\ufeff${JSON.stringify({ extends: 'baseline', name: 'bom', colour: 'red' })}`));
    const yaml = await lintas('validate', file('bom2.yaml', '\ufeffextends: baseline\nname: bom\ncolour: red\n'));
    expect(yaml.stderr).toBe(json.stderr);
  });

  it('extends a built-in scenario by name, or by its path', async () => {
    expect(await lintas('validate', file('by-name.yaml', 'extends: baseline\nname: by-name\n'))).toEqual({ code: 0, stdout: 'ok\n', stderr: '' });
    expect((await lintas('validate', 'tests/fixtures/extends.json')).code).toBe(0);
  });

  it('a .ts scenario outside any module package loads through bin/lintas.js (spawned)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lintas-outside-'));
    try {
      writeFileSync(join(dir, 'mine.ts'), `import baseline from ${JSON.stringify(resolve('scenarios/baseline.ts'))};\nexport default { ...baseline, name: 'outside' };\n`);
      const r = await spawned(['validate', join(dir, 'mine.ts')]);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe('ok\n');
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a key "__proto__" in a data file never reaches Object.prototype', async () => {
    await lintas('validate', `${H}/proto.json`);
    await lintas('sweep', B, '--param', '__proto__.polluted=1', '--scale', '50', '--weeks', '1', '--out', out());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.toString.call([])).toBe('[object Array]');
  });
});

describe('tables a run outgrows', () => {
  it('a full agent table, or a count that is not a number, is a UserError of one line (exit 2, no stack)', () => {
    const t = new AgentTable('brokers', { x: 'u8' }, 4);
    t.add(4);
    for (const f of [() => t.add(1), () => t.add(Number.NaN), () => t.add(Number.POSITIVE_INFINITY)]) {
      let thrown: unknown;
      try {
        f();
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(UserError);
      expect((thrown as UserError).lines).toHaveLength(1);
      expect((thrown as UserError).lines[0]).toMatch(/^agent table "brokers"/);
    }
  });
});

describe('faults while writing', () => {
  it('run --out on a full disk: exit 2, one line, and no file left behind (a 64 kB tmpfs)', async () => {
    const dir = join(tmp, 'full');
    mkdirSync(dir);
    let full = false;
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
      full = true;
    } catch {
      // No tmpfs here (not root): the /dev/full test below still exercises a full device.
    }
    if (!full) return;
    try {
      // 80 weeks without the spin-up: outputs of about 140 kB, in a second or two.
      const r = await lintas('run', quick(), '--scale', '50', '--weeks', '80', '--out', dir);
      expect(r.stderr).not.toContain(NO_STACK);
      expect(r.code).toBe(2);
      expect(lines(r.stderr)).toHaveLength(1);
      expect(r.stderr).toMatch(/no space left on the device \(ENOSPC\)/);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      spawnSync('umount', [dir]);
    }
  });

  it('compare --out on a full disk: one line naming the file, not standard output; the lease released (a 64 kB tmpfs)', async () => {
    const dir = join(tmp, 'full-compare');
    mkdirSync(dir);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
    } catch {
      return; // not root: no tmpfs to fill
    }
    try {
      const out = join(dir, 'c');
      const r = await lintas('compare', 'tests/fixtures/compare-small.json', '--replicates', '2', '--scale', '50', '--weeks', '60', '--workers', '1', '--no-report', '--out', out);
      expect(r.stderr).not.toContain(NO_STACK);
      expect(r.code).toBe(2);
      expect(lines(r.stderr).filter((l) => !l.startsWith('runs '))).toEqual([`lintas: ${join(out, 'runs.jsonl')}: no space left on the device (ENOSPC)`]);
      expect(r.stderr).not.toContain('standard output');
      expect(existsSync(join(out, 'lintas.lease'))).toBe(false);
    } finally {
      spawnSync('umount', [dir]);
    }
  });

  it('run --json into /dev/full: exit 2 and one line (spawned, stdout on the full device)', async () => {
    const r = await spawned(['run', quick(), '--scale', '50', '--weeks', '2', '--json', '--out', out()], ['ignore', openSync('/dev/full', 'w'), 'pipe']);
    expect(r.stderr).not.toContain(NO_STACK);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['lintas: cannot write to standard output: no space left on the device (ENOSPC)']);
  });

  it('a failing stdout in-process (EPIPE) is one line and exit 2', async () => {
    const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE', syscall: 'write' });
    let stderr = '';
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(((s: string) => {
      stderr += s;
      return true;
    }) as typeof process.stderr.write);
    const outSpy = vi.spyOn(process.stdout, 'write').mockImplementation(((_s: string, ...rest: unknown[]) => {
      const cb = rest.find((x) => typeof x === 'function') as ((e?: Error) => void) | undefined;
      queueMicrotask(() => {
        process.stdout.emit('error', epipe);
        cb?.(epipe);
      });
      return false;
    }) as typeof process.stdout.write);
    try {
      const { main } = await import('../../src/cli.js');
      const code = await main(['validate', B]);
      expect(code).toBe(2);
      expect(stderr).toBe('lintas: cannot write to standard output: the reader closed the pipe (EPIPE)\n');
    } finally {
      outSpy.mockRestore();
      err.mockRestore();
    }
  });

  it('an output folder keeps no temporary file after a successful run', async () => {
    const dir = out();
    const r = await lintas('run', quick(), '--scale', '50', '--weeks', '2', '--out', dir);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['crossings.csv', 'summary.json', 'timeseries.csv']);
  });
});
