/**
 * Where each part of a scenario came from. A .json/.yaml scenario may `extends` another file:
 * the merged data remembers its layers (the file given first, then each file it extends), so a
 * problem in a value inherited from another file is reported by its path and that file's name,
 * never by echoing the value (the other file may hold anything). No Node.js imports: the
 * explorer parses scenarios in the browser with the same code.
 */
import { CORE_PARAM_NAMES } from '../model/parameters.js';
import { EVENTS } from '../model/events/index.js';
import { BUILTIN } from '../model/interventions/index.js';
import { formatPath, type IssuePath, type ScenarioIssue } from './errors.js';

export interface Layer {
  /** How the file was named: the path given, or the `extends` value that reached it. */
  shown: string;
  /** The data the file itself gives (without its `extends`). */
  own: unknown;
  /** The file given on the command line, a built-in scenario, or code: its values may be echoed. */
  trusted: boolean;
}

const LAYERS = Symbol('lintas.scenarioLayers');

/**
 * Remembers the layers on the merged data (a hidden property; copies drop it), when some layer's
 * values must not be echoed — then the data is a fresh merge, never a module's own object.
 */
export function withLayers<T>(data: T, layers: Layer[]): T {
  if (!data || typeof data !== 'object' || Array.isArray(data) || layers.every((l) => l.trusted)) return data;
  // A frozen merge (immer freezes what it produces) is copied, so the layers are never lost.
  const out = Object.isExtensible(data) ? data : ({ ...data } as T);
  Object.defineProperty(out, LAYERS, { value: layers, enumerable: false, configurable: true });
  return out;
}

export function layersOf(data: unknown): Layer[] | undefined {
  return data && typeof data === 'object' ? (data as { [LAYERS]?: Layer[] })[LAYERS] : undefined;
}

/** Does this file's own data give the value at `path`? (Objects merge; arrays and scalars replace.) */
function gives(own: unknown, path: IssuePath): boolean {
  let node = own;
  for (const part of path) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return true;
    if (!Object.hasOwn(node, part)) return false;
    node = (node as Record<string | number, unknown>)[part];
  }
  return true;
}

/** The layer whose value is at `path`: the first file that gives it (the deepest base gives the rest). */
export function ownerOf(layers: Layer[], path: IssuePath): Layer {
  return layers.find((l) => gives(l.own, path)) ?? layers[layers.length - 1]!;
}

/** Field names the schema knows: safe to show, whatever file they come from. */
const KNOWN = new Set<string>([
  ...'name description start end spinUpWeeks seed scale origins hubs crossings destinations routes series closures params stages mechanismStages interventions events variants decompositions extensions'.split(' '),
  ...'id province lat lon population far inflowPerYear wageRegion unemployment poverty kinShare awareness homePost visitRate hub source'.split(' '),
  ...'brokers traffickerShare kind counterpart twinOf opens operating officers patrolCoverage patrolCoverageMY terrain'.split(' '),
  ...'state demand exploitShare isolation from to mode km hours costIdr inspection date value range stage crossing deportations reason'.split(' '),
  ...'intensity costPerYearIdr note patch scenario addInterventions variant against'.split(' '),
  ...CORE_PARAM_NAMES,
  ...BUILTIN.params.keys(),
  ...EVENTS.params.keys(),
]);

/** The part of a path that can be shown: indices and known field names, up to the first unknown one. */
function safePath(path: IssuePath): IssuePath {
  const i = path.findIndex((p) => typeof p === 'string' && !KNOWN.has(p));
  return i < 0 ? path : path.slice(0, i);
}

/**
 * Issues whose value comes from a file other than a trusted one lose their message: the line
 * names the path and the file, and says to check that file.
 * `at` maps an issue's path to where it lies in the layered data (variants live under variants[i]).
 */
export function redactIssues(issues: ScenarioIssue[], layers: Layer[] | undefined, at: (path: IssuePath) => IssuePath = (p) => p, prefix = ''): ScenarioIssue[] {
  if (!layers || layers.every((l) => l.trusted)) return issues;
  const seen = new Set<string>();
  return issues
    .map((issue) => {
      const owner = ownerOf(layers, at(issue.path));
      // A missing field echoes nothing, so it keeps its line.
      if (owner.trusted || (/: required, expected /.test(issue.line) && safePath(issue.path).length === issue.path.length)) return issue;
      const path = safePath(issue.path);
      return { path, line: `${prefix}${formatPath(path)}: invalid value inherited from ${owner.shown} (not shown here; check that file with lintas validate)` };
    })
    .filter((i) => !seen.has(i.line) && seen.add(i.line));
}
