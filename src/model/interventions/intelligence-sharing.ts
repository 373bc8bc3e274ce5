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
  label: {
    en: 'Intelligence sharing',
    id: 'Berbagi informasi intelijen',
    ms: 'Perkongsian risikan',
  },
  bilateral: true,
  meaning: {
    en: 're-targets patrols to the routes shared information shows, arrests listed brokers, and checks watch lists at posts — as far as the stage lets information flow',
    id: 'mengarahkan patroli ke jalur yang ditunjukkan informasi bersama, menangkap calo yang terdaftar, dan memeriksa daftar cekal di pos — sejauh tahap kerja sama mengizinkan informasi mengalir',
    ms: 'menghalakan rondaan ke laluan yang ditunjukkan oleh maklumat bersama, menangkap ejen yang disenaraikan, dan menyemak senarai pantau di pos — setakat tahap kerjasama membenarkan maklumat mengalir',
  },
  source: 'Oktavian et al. §3.4: map routes, identify traffickers',
  costPerYearIdr: { value: 10e9, source: 'assumption: illustrative yearly programme cost, an order of magnitude for comparison only (not a budget figure)' },
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
  effects(level, { p, cap }) {
    const accuracy = cap.infoAccuracy;
    if (accuracy <= 0) return {}; // nothing is shared at this stage
    return {
      patrolTargetShare: { add: p.intelTargeting * level },
      brokerArrestChance: { add: p.intelArrestRate * accuracy * level },
      ...(cap.watchLists ? { watchListHit: { add: p.watchListHit * accuracy * level } } : {}),
    };
  },
});
