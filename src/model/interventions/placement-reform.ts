/** Cheaper, faster procedural placement (Oktavian et al. §3.3: stricter, better placement). */
import { prob } from '../parameters.js';
import { defineIntervention } from './define.js';

export default defineIntervention({
  kind: 'placementReform',
  label: {
    en: 'Placement reform',
    id: 'Reformasi penempatan',
    ms: 'Pembaharuan penempatan',
  },
  bilateral: false,
  meaning: {
    en: 'cheaper, faster procedural placement',
    id: 'penempatan prosedural yang lebih murah dan lebih cepat',
    ms: 'penempatan mengikut prosedur yang lebih murah dan lebih cepat',
  },
  source: 'Oktavian et al. §3.3: stricter, better placement',
  costPerYearIdr: { value: 20e9, source: 'assumption: illustrative yearly programme cost, an order of magnitude for comparison only (not a budget figure)' },
  params: {
    placementCostCut: {
      ...prob('cut in procedural cost and waiting from placement reform', 'share'),
      value: 0.5,
      source: 'assumption: reform halves procedural cost and waiting; range 0.2–0.8',
      range: [0.2, 0.8],
    },
  },
  effects(level, { p }) {
    const cut = 1 - p.placementCostCut * level;
    return { proceduralCostIdr: { factor: cut }, proceduralWaitWeeks: { factor: cut } };
  },
});
