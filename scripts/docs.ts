/** `npm run docs`: regenerates docs/parameters.md and docs/outputs.md from the code and the baseline. */
import { writeFileSync } from 'node:fs';
import { outputsMarkdown } from '../src/report/outputs-doc.js';
import { parametersMarkdown } from '../src/report/parameters-doc.js';
import { loadScenario } from '../src/scenario/load.js';

const file = 'scenarios/baseline.ts';
writeFileSync('docs/parameters.md', parametersMarkdown(await loadScenario(file), file));
writeFileSync('docs/outputs.md', outputsMarkdown());
process.stderr.write('wrote docs/parameters.md and docs/outputs.md\n');
