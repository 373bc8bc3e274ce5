/** Deportations suspended or slowed (COVID-19): detainees wait in the depots and the backlog grows. */
import { defineIntervention } from '../interventions/define.js';

export default defineIntervention({
  kind: 'deportationSuspension',
  label: 'Deportations suspended',
  bilateral: false,
  meaning: 'deportation batches shrink by the intensity (1: none leave); detainees wait in the depots',
  source: 'enforcement facts: Sabah deportations stopped on 18 Mar 2020, first batch in early June 2020; 2021 batches repeatedly cancelled; 2,191 deported to Nunukan in 10 rounds Mar 2021–Jun 2022',
  params: {},
  effects(level) {
    return { deportationFactor: { factor: 1 - level } };
  },
});
