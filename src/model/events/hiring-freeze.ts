/** Malaysia's freeze on new foreign-worker intake: no procedural placement while it lasts. */
import { defineIntervention } from '../interventions/define.js';

export default defineIntervention({
  kind: 'hiringFreeze',
  label: 'Foreign-worker intake frozen',
  bilateral: false,
  meaning: 'procedural placement closes, in the share given by the intensity: no licensed route to a job in Malaysia',
  source: 'enforcement facts, labour demand: intake frozen from March 2020, reopened by cabinet 10 Dec 2021, applications from 28 Jan 2022',
  params: {},
  effects(level) {
    return { proceduralOpen: { factor: 1 - level } };
  },
});
