/** Shared route maps and trafficker lists (seed paper §3.4): targeted patrols and broker arrests. */
import { prob } from '../parameters.js';
import { defineIntervention } from './define.js';

export default defineIntervention({
  kind: 'intelligenceSharing',
  label: 'Intelligence sharing',
  bilateral: true,
  meaning: 're-targets patrols to the routes brokers used last week and raises broker arrests',
  source: 'seed paper §3.4: map routes, identify traffickers',
  params: {
    intelTargeting: {
      ...prob('share of patrol effort re-targeted to the routes brokers use', 'share'),
      value: 0.6,
      source: 'assumption: share of patrol effort intelligence can redirect',
    },
    intelArrestRate: {
      ...prob('extra weekly arrest chance per broker from intelligence sharing', 'per week'),
      value: 0.01,
      source: 'assumption: intelligence adds ~40% a year to broker arrests',
    },
  },
  apply(c, level, { p }) {
    c.patrolTargetShare = p.intelTargeting * level;
    c.brokerArrestChance = c.brokerArrestChance + p.intelArrestRate * level;
  },
});
