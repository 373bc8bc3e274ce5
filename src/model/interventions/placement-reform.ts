/** Cheaper, faster procedural placement (Oktavian et al. §3.3: stricter, better placement). */
import { prob } from '../parameters.js';
import { defineIntervention } from './define.js';

export default defineIntervention({
  kind: 'placementReform',
  label: 'Placement reform',
  bilateral: false,
  meaning: 'cheaper, faster procedural placement',
  source: 'Oktavian et al. §3.3: stricter, better placement',
  params: {
    placementCostCut: {
      ...prob('cut in procedural cost and waiting from placement reform', 'share'),
      value: 0.5,
      source: 'assumption: reform halves procedural cost and waiting; range 0.2–0.8',
      range: [0.2, 0.8],
    },
  },
  apply(c, level, { p }) {
    c.proceduralCostIdr = p.proceduralCostIdr * (1 - p.placementCostCut * level);
    c.proceduralWaitWeeks = Math.max(1, p.proceduralWaitWeeks * (1 - p.placementCostCut * level));
  },
});
