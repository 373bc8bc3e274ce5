/**
 * The interventions of the Oktavian et al., Oktavian et al. (§3.3–3.4; docs/sources.md), each alone at today's stage of cooperation
 * (coexistence), the pairs the paper stresses, all measures together at the coexistence and the
 * collaboration stage, and each bilateral measure alone at collaboration — with the change of
 * stage decomposed into the cooperation mechanisms that make it (Shapley values). Intensities are
 * full (1) from July 2019; costs are the definitions' illustrative yearly costs (assumptions, IDR per year) so that the cost per trafficking case averted can be shown.
 *
 *   npx tsx scenarios/paper-interventions.ts --replicates 20 --scale 20
 *   lintas compare scenarios/paper-interventions.ts --replicates 20 --scale 20 --out out/paper
 */
import { type BuiltinKind, defineScenario, runIfMain, type ScenarioInput, variant } from 'lintas';
import baseline from './baseline.js';

const START = '2019-07-01';

// Each measure at full intensity from START; its cost is the definition's illustrative yearly cost
// (an assumption: an order of magnitude for comparison, not a budget figure).
const measure = (kind: BuiltinKind) => ({ kind, start: START, intensity: 1 });

const single = (kind: BuiltinKind, description: string) =>
  variant(baseline, { name: kind, description }, (d) => {
    d.interventions!.push(measure(kind));
  });

/** One measure alone at the collaboration stage (the same measure at today's stage is the variant named by its kind). */
const atCollaboration = (kind: BuiltinKind, description: string) =>
  variant(baseline, { name: `${kind}@collaboration`, description }, (d) => {
    d.interventions!.push(measure(kind));
    d.stages = [{ date: '2019-01-01', stage: 'collaboration', source: 'variant: cooperation stage set for the comparison' }];
  });

const together = (name: string, kinds: BuiltinKind[], description: string, stage?: 'coexistence' | 'collaboration') =>
  variant(baseline, { name, description }, (d) => {
    for (const k of kinds) d.interventions!.push(measure(k));
    if (stage) d.stages = [{ date: '2019-01-01', stage, source: 'variant: cooperation stage set for the comparison' }];
  });

const ALL: BuiltinKind[] = [
  'jointPatrols',
  'intelligenceSharing',
  'jointTraining',
  'ngoCooperation',
  'operationalProtocols',
  'antiCollusion',
  'documentAlignment',
  'placementReform',
  'economicDevelopment',
];

const scenario: ScenarioInput = defineScenario({
  ...baseline,
  name: 'paper-interventions',
  description: 'every intervention of the paper alone, the pairs it stresses, and all measures at two stages of cooperation',
  variants: [
    single('jointPatrols', 'joint patrols on footpaths and water crossings, both sides of the line'),
    single('intelligenceSharing', 'shared route maps and trafficker lists: targeted patrols and broker arrests'),
    single('jointTraining', 'victim identification and ethics training for officers and patrols'),
    single('ngoCooperation', 'NGOs, IOM/UNODC: awareness at origins, identification, reintegration'),
    single('operationalProtocols', 'joint roles and cross-border teams: faster cases and cross-border convictions'),
    single('antiCollusion', 'monitoring of officers at the posts'),
    single('documentAlignment', 'closing the non-resident ID loophole'),
    single('placementReform', 'cheaper, faster procedural placement'),
    single('economicDevelopment', 'jobs and wages in the border regencies'),
    together('patrols+intelligence', ['jointPatrols', 'intelligenceSharing'], 'joint patrols with intelligence sharing (Oktavian et al. §3.4)'),
    together('training+NGOs', ['jointTraining', 'ngoCooperation'], 'joint training with NGO cooperation (Oktavian et al. §3.4)'),
    together('all@coexistence', ALL, 'every measure, at the coexistence stage of cooperation', 'coexistence'),
    together('all@collaboration', ALL, 'every measure, at the collaboration stage of cooperation', 'collaboration'),
    atCollaboration('jointPatrols', 'joint patrols at the collaboration stage: joint teams across the line'),
    atCollaboration('intelligenceSharing', 'intelligence sharing at the collaboration stage: near real-time information, watch lists'),
    atCollaboration('jointTraining', 'joint training at the collaboration stage: reaches Malaysian enforcement'),
    atCollaboration('operationalProtocols', 'joint protocols at the collaboration stage: cross-border steps of cases'),
  ],
  // What moving from coexistence to collaboration does, mechanism by mechanism (Shapley values): for
  // all measures together over the six mechanisms (64 coalitions, 62 runs added), and for each
  // bilateral measure alone over the mechanisms it acts through (its intervention's effects read
  // them: src/model/interventions/), the other mechanisms moving together as one more player.
  decompositions: [
    { variant: 'all@collaboration', against: 'all@coexistence' },
    { variant: 'jointPatrols@collaboration', against: 'jointPatrols', mechanisms: ['patrols'] },
    { variant: 'intelligenceSharing@collaboration', against: 'intelligenceSharing', mechanisms: ['information'] },
    { variant: 'jointTraining@collaboration', against: 'jointTraining', mechanisms: ['training'] },
    { variant: 'operationalProtocols@collaboration', against: 'operationalProtocols', mechanisms: ['protocols', 'justice'] },
  ],
});

export default scenario;

// Not awaited: the comparison imports this module, which must finish loading first.
void runIfMain(import.meta.url, true);
