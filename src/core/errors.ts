/**
 * A mistake by the person running the tool (a bad input file, a bad flag): it is printed as
 * its lines, one problem each, and never as a stack trace. Every layer throws this one type.
 */
export class UserError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
    this.name = 'UserError';
  }
}

/**
 * A message line made safe for a terminal: control characters (C0, DEL, C1) and the invisible
 * bidirectional overrides a scenario could carry are written as escapes (\x1b, \u202e), so that
 * text echoed from a file can neither move the cursor, recolour the screen, nor reorder a line.
 * Newlines are kept only with `keepNewlines` (text that is several lines by design).
 */
export function printable(line: string, keepNewlines = false): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters escaped
  return line.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\t\n]/g, (c) => {
    if (c === '\n' && keepNewlines) return c;
    if (c === '\t') return keepNewlines ? c : '\\t';
    if (c === '\n') return '\\n';
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
