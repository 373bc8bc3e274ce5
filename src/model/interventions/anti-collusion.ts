/** Monitoring of officials against collusion with brokers (seed paper §3.3). */
import { prob } from '../parameters.js';
import { defineIntervention } from './define.js';

export default defineIntervention({
  kind: 'antiCollusion',
  label: 'Anti-collusion monitoring',
  bilateral: false,
  meaning: 'monitoring of officials: fewer bribes accepted, colluders caught and removed',
  source: 'seed paper §3.3: brokers colluding with officials',
  params: {
    monitoringCatch: {
      ...prob('chance a colluding act is detected when monitoring is at full intensity'),
      value: 0.3,
      source: 'assumption: chance a colluding act is caught at full monitoring',
    },
    monitoringRemoval: {
      ...prob('chance a caught colluder is removed when monitoring is weak (full monitoring always removes)'),
      value: 0.5,
      source: 'assumption: a caught colluder is removed half the time without full monitoring',
    },
  },
  apply(c, level, { p }) {
    c.monitoring = level;
    c.catchChance = p.monitoringCatch * level;
    c.colluderRemoval = p.monitoringRemoval + (1 - p.monitoringRemoval) * level;
  },
});
