/**
 * Sabah's deportations suspended or slowed (COVID-19): detainees wait in its depots and the backlog grows.
 * Sarawak kept returning people through Entikong and Aruk (22,704 returns in January–May 2020).
 */
import { defineIntervention } from '../interventions/define.js';

export default defineIntervention({
  kind: 'deportationSuspension',
  label: 'Sabah deportations suspended',
  bilateral: false,
  meaning: 'Sabah\'s deportation batches through Nunukan shrink by the intensity (1: none leave); detainees wait in its depots',
  source: 'enforcement facts: Sabah deportations stopped on 18 Mar 2020, first batch in early June 2020; 2021 batches repeatedly cancelled; 2,191 deported to Nunukan in 10 rounds Mar 2021–Jun 2022',
  params: {},
  effects(level) {
    return { deportationFactorSabah: { factor: 1 - level } };
  },
});
