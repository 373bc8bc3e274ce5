/** `npm run docs`: regenerates docs/parameters.md, docs/outputs.md, the intervention and event tables of docs/ODD.md, docs/scenarios.md and docs/scenario.schema.json from the code and the baseline. */
import { readFileSync, writeFileSync } from 'node:fs';
import { oddWithTables } from '../src/report/odd-tables.js';
import { outputsMarkdown } from '../src/report/outputs-doc.js';
import { parametersMarkdown } from '../src/report/parameters-doc.js';
import { scenarioJsonSchema } from '../src/report/scenario-schema.js';
import { scenariosMarkdown } from '../src/report/scenarios-doc.js';
import { loadScenario } from '../src/scenario/load.js';

const file = 'scenarios/baseline.ts';
writeFileSync('docs/parameters.md', parametersMarkdown(await loadScenario(file), file));
writeFileSync('docs/outputs.md', outputsMarkdown());
const baseline = await loadScenario(file);
writeFileSync('docs/ODD.md', oddWithTables(readFileSync('docs/ODD.md', 'utf8'), baseline.params));
writeFileSync('docs/scenarios.md', scenariosMarkdown());
writeFileSync('docs/scenario.schema.json', `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
process.stderr.write('wrote docs/parameters.md, docs/outputs.md, the tables of docs/ODD.md, docs/scenarios.md and docs/scenario.schema.json\n');
