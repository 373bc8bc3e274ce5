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
