/** Zod issues as one path-pointed line each, for UserError (core/errors.ts). */
import type { ZodError, ZodIssue, ZodTypeAny } from 'zod';
import { UserError } from '../core/errors.js';
import { closest, type IssuePath, knownKeys } from './suggest.js';

export type { IssuePath };

/** One problem of a scenario: where it is, and the line that says it. */
export interface ScenarioIssue {
  path: IssuePath;
  line: string;
}

/**
 * A scenario that fails validation: its lines, and where each problem is, so that the loader
 * can tell a problem in the file given from one inherited through `extends` (whose values are
 * never echoed).
 */
export class ScenarioError extends UserError {
  constructor(readonly issues: ScenarioIssue[]) {
    super(issues.map((i) => i.line));
  }
}

/** `routes[3].to` from ['routes', 3, 'to']. */
export function formatPath(path: IssuePath): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
  return out || '(scenario)';
}

function issueLines(issue: ZodIssue, schema?: ZodTypeAny): ScenarioIssue[] {
  const at = (path: IssuePath, message: string) => ({ path, line: `${formatPath(path)}: ${message}` });
  if (issue.code === 'unrecognized_keys') {
    const known = schema ? knownKeys(schema, issue.path) : [];
    return issue.keys.map((k) => {
      const near = closest(k, known);
      return at([...issue.path, k], near ? `unknown field (did you mean "${near}"?)` : 'unknown field');
    });
  }
  if (issue.code === 'invalid_type' && issue.received === 'undefined') return [at(issue.path, `required, expected ${issue.expected}`)];
  if (issue.code === 'invalid_type') return [at(issue.path, `expected ${issue.expected}, got ${issue.received}`)];
  return [at(issue.path, issue.message)];
}

/** Every issue once, in order. */
export function zodIssues(error: ZodError, schema?: ZodTypeAny): ScenarioIssue[] {
  const seen = new Set<string>();
  return error.issues.flatMap((i) => issueLines(i, schema)).filter((i) => !seen.has(i.line) && seen.add(i.line));
}

export function zodLines(error: ZodError): string[] {
  return zodIssues(error).map((i) => i.line);
}
