/**
 * Type-checks notebook cells: runs the TypeScript compiler over the generated modules with the
 * project's compiler options, and reports each error at its notebook, cell and line. Cells are
 * executed by tsx, which strips types without checking them, so this is what keeps a notebook
 * in step with the APIs it calls.
 */
import { join, relative } from 'node:path';
import { locate } from './build.js';
import { NOTEBOOK_DIR, ROOT, writeModule } from './runner.js';

export interface TypeProblem {
  notebook: string;
  cell?: number;
  mdLine?: number;
  message: string;
}

export async function typecheckNotebooks(paths: string[], buildDir: string = join(NOTEBOOK_DIR, '.build')): Promise<TypeProblem[]> {
  // Loaded on demand: typescript is a development dependency, needed only for this check.
  const { default: ts } = await import('typescript');
  const modules = paths.map((p) => writeModule(p, buildDir));
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error('cannot read tsconfig.json');
  const program = ts.createProgram(
    modules.map((m) => m.modulePath),
    { ...config.options, noEmit: true },
  );
  const problems: TypeProblem[] = [];
  for (const m of modules) {
    const file = program.getSourceFile(m.modulePath);
    if (!file) continue;
    for (const d of [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]) {
      const line = d.start === undefined ? undefined : file.getLineAndCharacterOfPosition(d.start).line + 1;
      const where = line === undefined ? undefined : locate(m.spans, line);
      problems.push({
        notebook: relative(process.cwd(), m.notebookPath),
        cell: where?.cell,
        mdLine: where?.mdLine,
        message: `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
      });
    }
  }
  return problems;
}

export const describeProblem = (p: TypeProblem): string =>
  `${p.notebook}: ${p.cell ? `cell ${p.cell} (line ${p.mdLine})` : 'generated header'}: ${p.message}`;
