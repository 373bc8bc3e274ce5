/**
 * Scenario paths as users write them on the command line: `params.patrolKappa`,
 * `crossings[8].terrain`, or by id, `crossings.entikong_informal.patrolCoverage`.
 * Setting a parameter given as { value, source } sets its value and keeps the source.
 */
import { UserError } from '../core/errors.js';

type Obj = Record<string, unknown>;

export function parsePath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  const bad = path.split(/[.[\]]/).find((seg) => FORBIDDEN.has(seg));
  if (bad) throw new UserError([`${path}: "${bad}" is not a scenario field`]);
  for (const seg of path.split('.')) {
    const m = /^([^[\]]*)((\[\d+\])*)$/.exec(seg);
    if (!m || (m[1] === '' && !m[2])) throw new UserError([`${path}: not a scenario path (expected e.g. params.patrolKappa or crossings[8].terrain)`]);
    if (m[1]) parts.push(m[1]);
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) parts.push(Number(idx[1]));
  }
  return parts;
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Resolves a step: array index, array element by id, or object key. */
function step(node: unknown, part: string | number): { parent: Obj | unknown[]; key: string | number } | undefined {
  if (Array.isArray(node)) {
    if (typeof part === 'number') return part < node.length ? { parent: node, key: part } : undefined;
    const i = node.findIndex((x) => x && typeof x === 'object' && (x as Obj).id === part);
    return i >= 0 ? { parent: node, key: i } : undefined;
  }
  // Own properties only: a path never reaches Object.prototype (`__proto__`, `constructor`, ...).
  if (node && typeof node === 'object' && typeof part === 'string' && !FORBIDDEN.has(part) && Object.hasOwn(node as Obj, part))
    return { parent: node as Obj, key: part };
  return undefined;
}

/** Where a path leads in the data, or undefined when it leads nowhere. */
export function locate(data: unknown, path: string): { parent: Obj | unknown[]; key: string | number } | undefined {
  const parts = parsePath(path);
  let node: unknown = data;
  let at: { parent: Obj | unknown[]; key: string | number } | undefined;
  for (const part of parts) {
    at = step(node, part);
    if (!at) return undefined;
    node = (at.parent as Record<string | number, unknown>)[at.key];
  }
  return at;
}

export function getPath(data: unknown, path: string): unknown {
  const at = locate(data, path);
  return at ? (at.parent as Record<string | number, unknown>)[at.key] : undefined;
}

export function setPath(data: unknown, path: string, value: unknown): void {
  const at = locate(data, path);
  if (!at) throw new UserError([`${path}: unknown path`]);
  const holder = at.parent as Record<string | number, unknown>;
  const current = holder[at.key];
  if (current && typeof current === 'object' && !Array.isArray(current) && 'value' in (current as Obj)) {
    holder[at.key] = { ...(current as Obj), value };
  } else holder[at.key] = value;
}
