/**
 * Shared route maps and trafficker lists (Oktavian et al. §3.4). What is shared, how late and how
 * accurately, depends on the cooperation stage (cooperation.ts): nothing at coexistence, lagged
 * and partial information from communication, near real time with watch lists at the posts
 * from coordination. Patrols are re-targeted to the routes the shared information shows;
 * listed brokers are arrested.
 */
import { prob } from '../parameters.js';
import { defineIntervention } from './define.js';

export default defineIntervention({
  kind: 'intelligenceSharing',
  label: 'Intelligence sharing',
  bilateral: true,
  meaning: 're-targets patrols to the routes shared information shows, arrests listed brokers, and checks watch lists at posts — as far as the stage lets information flow',
  source: 'Oktavian et al. §3.4: map routes, identify traffickers',
  params: {
    intelTargeting: {
      ...prob('share of patrol effort re-targeted to the routes shared information shows brokers use', 'share'),
      value: 0.6,
      source: 'assumption: share of patrol effort intelligence can redirect; range 0.2–0.8',
      range: [0.2, 0.8],
    },
    intelArrestRate: {
      ...prob('extra weekly arrest chance per broker from a fully accurate shared trafficker list', 'per week'),
      value: 0.01,
      source: 'assumption: intelligence adds ~40% a year to broker arrests at full accuracy; range 0.002–0.02',
      range: [0.002, 0.02],
    },
    watchListHit: {
      ...prob('chance a listed broker whose group crosses a post is stopped, with a fully accurate watch list'),
      value: 0.05,
      source: 'assumption: watch lists at posts catch a few broker-led groups; range 0.01–0.2',
      range: [0.01, 0.2],
    },
  },
  apply(c, level, { p }) {
    const accuracy = c.cap.infoAccuracy;
    if (accuracy <= 0) return; // nothing is shared at this stage
    c.patrolTargetShare = p.intelTargeting * level;
    c.brokerArrestChance = c.brokerArrestChance + p.intelArrestRate * accuracy * level;
    if (c.cap.watchLists) c.watchListHit = p.watchListHit * accuracy * level;
  },
});
