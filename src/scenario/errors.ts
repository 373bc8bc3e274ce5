/** Zod issues as one path-pointed line each, for UserError (core/errors.ts). */
import type { ZodError, ZodIssue } from 'zod';

/** `routes[3].to` from ['routes', 3, 'to']. */
export function formatPath(path: (string | number)[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
  return out || '(scenario)';
}

function issueLines(issue: ZodIssue): string[] {
  if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => `${formatPath([...issue.path, k])}: unknown field`);
  if (issue.code === 'invalid_type' && issue.received === 'undefined') return [`${formatPath(issue.path)}: required, expected ${issue.expected}`];
  if (issue.code === 'invalid_type') return [`${formatPath(issue.path)}: expected ${issue.expected}, got ${issue.received}`];
  return [`${formatPath(issue.path)}: ${issue.message}`];
}

export function zodLines(error: ZodError): string[] {
  const lines = error.issues.flatMap(issueLines);
  return [...new Set(lines)];
}
