/**
 * Malaysia's movement control orders (COVID-19, from 18 March 2020): jobs in Malaysia fall away,
 * so fewer leave and fewer arrive from far origins, and enforcement operations slow down.
 */
import { prob } from '../parameters.js';
import { defineIntervention } from '../interventions/define.js';

export default defineIntervention({
  kind: 'movementControl',
  label: 'Movement control order',
  bilateral: false,
  meaning: 'labour demand in Malaysia falls (fewer departures and far-origin arrivals) and raids slow down',
  source: 'enforcement facts, COVID-19 and border dates: MCO from 18 Mar 2020, national lockdown from 1 Jun 2021, borders reopened 1 Apr 2022',
  params: {
    mcoDemandCut: {
      ...prob('fall in the pull of Malaysian jobs at full intensity', 'share'),
      value: 0.6,
      source: 'enforcement facts: placements to all destinations fell from 276,553 (2019) to 113,173 (2020) and ~72,000 (2021), −59% and −74%; range 0.3–0.8',
      range: [0.3, 0.8],
    },
    mcoRaidCut: {
      ...prob('fall in raid rates at full intensity', 'share'),
      value: 0.5,
      source: 'enforcement facts: Sabah Immigration arrests 4,180 (2019), 1,881 (2021); range 0.2–0.7',
      range: [0.2, 0.7],
    },
  },
  effects(level, { p }) {
    return { pullFactor: { factor: 1 - p.mcoDemandCut * level }, raidFactor: { factor: 1 - p.mcoRaidCut * level } };
  },
});
