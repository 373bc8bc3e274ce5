#!/usr/bin/env node
// Runs the built CLI (dist/, made by `npm run build`, which `npm ci` runs) when it is newer than
// every source file; otherwise the TypeScript sources through tsx, so a clone being edited never
// runs stale code. An installed package has no sources: it always runs the built CLI.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

process.env.LINTAS_BIN = '1';
const built = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const source = fileURLToPath(new URL('../src', import.meta.url));
// The shipped scenarios are built too (dist/scenarios/): an edit of one makes the build stale.
const scenarios = fileURLToPath(new URL('../scenarios', import.meta.url));

/** The newest modification time of any file under a folder whose name matches. */
function newest(dir, name = /./) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p, name) : name.test(e.name) ? statSync(p).mtimeMs : 0);
  }
  return t;
}

const stale = () => existsSync(source) && statSync(built).mtimeMs < Math.max(newest(source), newest(scenarios, /\.ts$/));
const fromSource = process.env.LINTAS_FROM_SOURCE === '1' || !existsSync(built) || stale();
if (!fromSource) {
  await import(built);
} else {
  const { register } = await import('tsx/esm/api');
  // The repository's tsconfig, wherever the command is typed: it maps `lintas` to the sources.
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
  await import('../src/cli.ts');
}
