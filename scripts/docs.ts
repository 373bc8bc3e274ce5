/** `npm run docs`: regenerates docs/parameters.md, docs/outputs.md, docs/scenarios.md and docs/scenario.schema.json from the code and the baseline. */
import { writeFileSync } from 'node:fs';
import { outputsMarkdown } from '../src/report/outputs-doc.js';
import { parametersMarkdown } from '../src/report/parameters-doc.js';
import { scenarioJsonSchema } from '../src/report/scenario-schema.js';
import { scenariosMarkdown } from '../src/report/scenarios-doc.js';
import { loadScenario } from '../src/scenario/load.js';

const file = 'scenarios/baseline.ts';
writeFileSync('docs/parameters.md', parametersMarkdown(await loadScenario(file), file));
writeFileSync('docs/outputs.md', outputsMarkdown());
writeFileSync('docs/scenarios.md', scenariosMarkdown());
writeFileSync('docs/scenario.schema.json', `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
process.stderr.write('wrote docs/parameters.md, docs/outputs.md, docs/scenarios.md and docs/scenario.schema.json\n');
