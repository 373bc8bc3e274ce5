/** `npm run docs`: regenerates docs/parameters.md from the code and the baseline. */
import { writeFileSync } from 'node:fs';
import { parametersMarkdown } from '../src/report/parameters-doc.js';
import { loadScenario } from '../src/scenario/load.js';

const file = 'scenarios/baseline.ts';
writeFileSync('docs/parameters.md', parametersMarkdown(await loadScenario(file), file));
process.stderr.write('wrote docs/parameters.md\n');
