/**
 * What the commands load on demand. The heavy parts (the model, workers, charts) load only for
 * the command that needs them, so `lintas --version` and `lintas validate` start at once: a file
 * of src/cli/ imports lintas modules beyond errors, languages and shards only through these
 * functions or its own `await import(...)`, inside the command's action.
 */
import { createRequire } from 'node:module';
import type { Lang } from '../i18n/langs.js';

export const experiments = () => import('../experiment/compare.js');
export const runs = () => import('../experiment/run.js');
export const tables = () => import('../experiment/table.js');
export const reports = () => import('../report/report.js');
export const sweeps = () => import('../experiment/sweep.js');
export const loadScenario = async (file: string) => (await import('../scenario/load.js')).loadScenario(file);
export const files = () => import('../experiment/files.js');
// The words of the three languages (about 100 KB) load only for a command that prints or writes them.
export const localize = async (lang: Lang) => (await import('../i18n/index.js')).localize(lang);

/**
 * The package's root folder, as a relative URL from this module: from the sources (src/cli/) two
 * folders up, from the build (dist/*.js, where esbuild bundles this module) one.
 */
const ROOT = /\/dist\/[^/]+\.js$/.test(import.meta.url) ? '../' : '../../';

/** A file of the package (package.json, bin/lintas.js), wherever lintas runs from. */
export const packageFile = (path: string): URL => new URL(`${ROOT}${path}`, import.meta.url);

/** The package version, from package.json beside src/ or dist/. */
export function version(): string {
  try {
    return (createRequire(import.meta.url)(`${ROOT}package.json`) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
