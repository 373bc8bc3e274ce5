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
  label: 'Anti-collusion monitoring',
  bilateral: false,
  meaning: 'monitoring catches colluding officers, who are removed or sanctioned; the others collude less as they see the risk',
  source: 'Oktavian et al. §3.3: brokers colluding with officials',
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
  apply(c, level, { p }) {
    c.catchChance = p.monitoringCatch * level;
    c.colluderRemoval = p.monitoringRemoval + (1 - p.monitoringRemoval) * level;
  },
});
