/** Joint patrols on footpaths and water crossings, on both sides of the line (seed paper §3.4). */
import { nonneg } from '../parameters.js';
import { defineIntervention } from './define.js';

export default defineIntervention({
  kind: 'jointPatrols',
  label: 'Joint patrols',
  bilateral: true,
  meaning: 'adds patrol coverage on every informal segment and closes the detection gap at the line',
  source: 'seed paper §3.4: joint patrols on the routes traffickers use',
  params: {
    jointPatrolCoverage: {
      ...nonneg('coverage units', 'coverage a joint patrol adds to each informal segment'),
      value: 30,
      source: 'assumption: a joint patrol programme adds about as much as each side has now',
    },
  },
  apply(c, level, { p }) {
    c.jointCoverage += p.jointPatrolCoverage * level;
    // Patrols acting on one side only lose part of the detection at the line; joint ones close it.
    c.lineGap = c.lineGap * (1 - level);
  },
});
