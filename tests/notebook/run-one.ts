/**
 * Runs one notebook in a process of its own, for notebooks.slow.test.ts: cells run the model
 * synchronously, and a vitest worker held for over 60 s fails the whole suite. Usage:
 * tsx tests/notebook/run-one.ts NOTEBOOK OUT_DIR BUILD_DIR RESULT_JSON
 */
import { writeFileSync } from 'node:fs';
import { runNotebook } from '../../src/notebook/runner.js';

const [file, outDir, buildDir, resultPath] = process.argv.slice(2);
const result = await runNotebook(file!, { outDir, buildDir });
writeFileSync(resultPath!, JSON.stringify(result));
