/**
 * The API reference: TypeDoc over the public exports (typedoc.json: `lintas`, `lintas/report`)
 * finds a doc comment on every one of them, and builds one offline site with the docs pages
 * beside the reference. Also: the version constants agree with package.json.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Application, Logger, LogLevel, type ReflectionKind } from 'typedoc';
import { afterAll, describe, expect, it } from 'vitest';
import { LINTAS_VERSION, SCENARIO_FORMAT_VERSION } from '../../src/scenario/version.js';

const ROOT = resolve(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'lintas-site-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** TypeDoc's messages, kept instead of printed. */
class Collect extends Logger {
  readonly messages: { level: LogLevel; text: string }[] = [];
  override log(message: string, level: LogLevel): void {
    super.log(message, level);
    this.messages.push({ level, text: message });
  }
}

describe('the API reference', () => {
  it('documents every public export and builds the site with the docs pages', async () => {
    const app = await Application.bootstrapWithPlugins({ options: join(ROOT, 'typedoc.json'), out });
    const logger = new Collect();
    app.logger = logger;
    const project = await app.convert();
    expect(project, logger.messages.map((m) => m.text).join('\n')).toBeDefined();
    app.validate(project!);
    const undocumented = logger.messages.filter((m) => /does not have any documentation/.test(m.text)).map((m) => m.text);
    expect(undocumented, 'public exports without a doc comment').toEqual([]);
    expect(logger.messages.filter((m) => m.level >= LogLevel.Warn).map((m) => m.text)).toEqual([]);
    // The entry points are the package's exports, and the key functions a scenario author calls are in it.
    const names = project!.getReflectionsByKind(0x7fffffff as ReflectionKind).map((r) => r.name);
    for (const n of ['defineScenario', 'variant', 'createModel', 'defineIntervention', 'InterventionDefinition', 'compare', 'runIfMain']) expect(names).toContain(n);
    await app.generateDocs(project!, out);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    for (const doc of ['docs_ODD.html', 'docs_outputs.html', 'docs_scenarios.html', 'docs_parameters.html']) expect(existsSync(join(out, 'documents', doc)), doc).toBe(true);
  }, 120_000);

  it('catches an export without a doc comment', async () => {
    const app = await Application.bootstrapWithPlugins({
      options: join(ROOT, 'typedoc.json'),
      entryPoints: [join(ROOT, 'tests', 'fixtures', 'undocumented.ts')],
      projectDocuments: [],
    });
    const logger = new Collect();
    app.logger = logger;
    const project = await app.convert();
    app.validate(project!);
    expect(logger.messages.map((m) => m.text).join('\n')).toMatch(/bare.*does not have any documentation/);
  }, 120_000);
});

describe('versions', () => {
  it('LINTAS_VERSION is package.json\'s version, and CITATION.cff cites it', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(LINTAS_VERSION).toBe(pkg.version);
    expect(readFileSync(join(ROOT, 'CITATION.cff'), 'utf8')).toContain(`version: ${pkg.version}`);
    expect(Number.isInteger(SCENARIO_FORMAT_VERSION)).toBe(true);
  });

  it('the changelog has an entry for this version', () => {
    expect(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8')).toMatch(new RegExp(`^## ${LINTAS_VERSION.replace(/\./g, '\\.')} `, 'm'));
  });
});
