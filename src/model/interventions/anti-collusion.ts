/**
 * Monitoring of officials against collusion with brokers (Oktavian et al. §3.3). Monitoring catches
 * colluding acts; caught officers are removed or sanctioned; officers at a post learn from the
 * catches they see and collude less as their perceived risk rises (officials.ts). Collusion falls
 * as far as officers respond, never to zero by decree.
 */
import { prob } from '../parameters.js';
import { defineIntervention } from './define.js';

export default defineIntervention({
  kind: 'antiCollusion',
  label: {
    en: 'Anti-collusion monitoring',
    id: 'Pengawasan antikolusi',
    ms: 'Pemantauan antipakatan',
  },
  bilateral: false,
  meaning: {
    en: 'monitoring catches colluding officers, who are removed or sanctioned; the others collude less as they see the risk',
    id: 'pengawasan menangkap petugas yang berkolusi, yang lalu diberhentikan atau dikenai sanksi; petugas lain berkolusi lebih jarang karena melihat risikonya',
    ms: 'pemantauan menangkap pegawai yang berpakat, yang kemudian disingkirkan atau dikenakan tindakan; pegawai lain kurang berpakat kerana melihat risikonya',
  },
  source: 'Oktavian et al. §3.3: brokers colluding with officials',
  costPerYearIdr: { value: 8e9, source: 'assumption: illustrative yearly programme cost, an order of magnitude for comparison only (not a budget figure)' },
  params: {
    monitoringCatch: {
      ...prob('chance a colluding act is detected when monitoring is at full intensity'),
      value: 0.3,
      source: 'assumption: chance a colluding act is caught at full monitoring; range 0.05–0.5',
      range: [0.05, 0.5],
    },
    monitoringRemoval: {
      ...prob('chance a caught colluder is removed when monitoring is weak (full monitoring always removes)'),
      value: 0.5,
      source: 'assumption: a caught colluder is removed half the time without full monitoring; range 0.2–0.9',
      range: [0.2, 0.9],
    },
  },
  effects(level, { p }) {
    return {
      catchChance: { add: p.monitoringCatch * level },
      colluderRemoval: { add: p.monitoringRemoval + (1 - p.monitoringRemoval) * level },
    };
  },
});
