/**
 * Every random process of the model, declared once: who draws and how many numbers per week.
 * Draws are keyed by (seed, process, entity, week, slot) — see core/draws.ts — so the same
 * person, broker, officer or case meets the same luck in every variant of a comparison, whatever
 * happens to others: common random numbers, process by process.
 */
import type { DrawSpec } from '../core/draws.js';

/** Most residents a hub's brokers approach in a week (bounds the outreach slots, far above what a market of brokers reaches at full scale). */
export const MAX_APPROACHES = 50_000;
/** Fellow victims an identified agent's case stands for beyond its own broker (scale − 1, bounded). */
export const MAX_CO_VICTIMS = 4096;
/** Official crossings a broker can have ties at (a 32-bit mask). */
export const MAX_TIED_CROSSINGS = 32;

const migrant = (slots = 1): DrawSpec => ({ entity: 'migrant', slots });

export const DRAW_SPECS = {
  // migrants, each week
  departure: migrant(), // leave home this week
  raid: migrant(), // detained in a raid
  ngoContact: migrant(), // found by an NGO while exploited
  escape: migrant(), // length of the stay after escaping exploitation
  channel: migrant(3), // 0: which channel; 1: procedural waiting time; 2: procedural placement open to them
  brokerPick: migrant(), // which of the hub's brokers takes the recruit
  recruitWait: migrant(), // weeks until the broker moves the group
  deception: migrant(), // the broker's offer is deceptive
  documents: migrant(), // the broker supplies fraudulent papers
  route: migrant(), // which path
  duty: migrant(), // which officer inspects
  collusion: migrant(), // the officer waves the group through
  watchList: migrant(), // a shared watch list stops the group's broker at the post
  fraudCheck: migrant(), // an honest check detects fraudulent papers
  detection: migrant(), // a patrol intercepts on an informal crossing
  identifyPatrol: migrant(), // a patrol recognises a victim it intercepted
  identifyPost: migrant(), // an officer recognises a victim at inspection
  identifyRaid: migrant(), // a raid recognises a victim
  identifyDeportation: migrant(), // screening at deportation recognises a victim
  hire: migrant(), // an employer takes on a worker without legal status
  exploit: migrant(), // the employer exploits
  contract: migrant(), // a procedural placement's contract is substituted
  papers: migrant(), // at crossing: the broker keeps a colluded group's stamped papers; at work (another week): the employer keeps a legal worker's passport
  threat: migrant(), // an exploitative employer threatens to denounce a worker without legal status
  selfReport: migrant(), // a victim out of the employer's hands reports
  testimony: migrant(), // an identified victim testifies
  coVictims: migrant(MAX_CO_VICTIMS), // the brokers of the other victims an identified agent stands for
  referral: migrant(), // a victim identified in a raid is referred to protection
  stay: migrant(), // length of the stay at work or in exploitation
  reentry: migrant(2), // 0: re-cross at once after deportation; 1: through a broker
  cooldown: migrant(), // weeks at home before the hazard applies again
  detention: migrant(), // weeks in detention
  shelter: migrant(), // weeks in shelter
  // migrants, once in their life
  person: { entity: 'migrant', slots: 11, when: 'once' }, // attributes and the initial placement abroad: see PERSON
  // origins, each week
  inflow: { entity: 'origin', slots: 1 }, // rounding of the far-origin inflow
  visits: { entity: 'origin', slots: 1 }, // rounding of the short visits residents make
  // hubs, each week
  // brokers
  outreach: { entity: 'hub', slots: 1 + 4 * MAX_APPROACHES }, // 0: approaches; then origin, person, acceptance, broker per approach
  brokerCapacity: { entity: 'hub', slots: 1 }, // rounding of the hub's weekly capacity to whole recruits
  arrest: { entity: 'broker', slots: 1 }, // arrested without a victim case
  brokerTraits: { entity: 'broker', slots: 1 + MAX_TIED_CROSSINGS, when: 'once' }, // 0: fraud access; 1 + c: tie at crossing c
  brokerExit: { entity: 'broker', slots: 1 }, // the broker gives up brokering (market.ts)
  caseAttrition: { entity: 'case', slots: 1 }, // a case waiting for evidence or a suspect collapses
  brokerEntry: { entity: 'hub', slots: 64 }, // 0: rounding of the week's entrants at a hub; 1 + k: whether entrant k deceives
  // officials
  officerTraits: { entity: 'official', slots: 2, when: 'once' }, // 0: propensity; 1: training rank
  monitoring: { entity: 'official', slots: 2 }, // 0: caught; 1: removed
  // Malaysian states (0 Sarawak, 1 Sabah), each week
  deportBatch: { entity: 'state', slots: 2 }, // 0: a batch leaves this week; 1: rounding of its size
  // cases
  justice: { entity: 'case', slots: 2 }, // 0: stage completed this week; 1: goes on (prosecuted, convicted)
  caseTraits: { entity: 'case', slots: 5, when: 'once' }, // 0: evidence sent; 1: its delay; 2: suspect flees; 3: returned; 4: return delay
} as const satisfies Record<string, DrawSpec>;

export type DrawName = keyof typeof DRAW_SPECS;

/** Slots of the `person` process. */
export const PERSON = {
  education: 0,
  kin: 1,
  awareness: 2,
  wealth: 3,
  inDebt: 4,
  debt: 5,
  borderPass: 6,
  abroad: 7,
  irregular: 8,
  path: 9,
  stayLeft: 10,
} as const;
