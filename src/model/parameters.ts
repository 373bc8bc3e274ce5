/**
 * The model's own named coefficients (the interventions declare theirs in interventions/). Each
 * has a kind (which values are valid), a unit and a meaning; a scenario gives each a value and a
 * source note. The scenario schema and docs/parameters.md read this table.
 */

export type ParamKind = 'probability' | 'positive' | 'nonnegative' | 'real';

/**
 * What a parameter is: its kind (which values are valid: probability 0–1, positive, non-negative or any real number),
 * its unit, and its meaning in one line.
 */
export interface ParamSpec {
  kind: ParamKind;
  unit: string;
  meaning: string;
}

/** A ParamSpec of kind probability (a value in 0–1): meaning first, then the unit (default "probability"; e.g. "per week", "share"). */
export const prob = (meaning: string, unit = 'probability'): ParamSpec => ({ kind: 'probability', unit, meaning });
/** A ParamSpec of kind positive (a value > 0), from its unit and meaning. */
export const pos = (unit: string, meaning: string): ParamSpec => ({ kind: 'positive', unit, meaning });
/** A ParamSpec of kind nonnegative (a value >= 0), from its unit and meaning. */
export const nonneg = (unit: string, meaning: string): ParamSpec => ({ kind: 'nonnegative', unit, meaning });
/** A ParamSpec of kind real (any finite number, e.g. a weight in the departure hazard), from its unit and meaning. */
export const real = (unit: string, meaning: string): ParamSpec => ({ kind: 'real', unit, meaning });

/**
 * The model's own parameters by name, each with kind, unit and meaning. Every scenario's `params` must set each one (a
 * number or { value, source, range }); docs/parameters.md lists them with values and sources.
 */
export const CORE_PARAMS = {
  // push and pull
  h0: prob('base weekly departure hazard for a working-age resident at home', 'per week'),
  betaWage: real('per log-ratio', 'weight of ln(destination wage in IDR / origin wage) in the departure hazard'),
  betaUnemployment: real('per unit share', 'weight of the origin unemployment rate in the departure hazard'),
  betaPoverty: real('per unit share', 'weight of the origin poverty share in the departure hazard'),
  betaKin: real('per indicator', 'weight of having kin across the border in the departure hazard'),
  betaDebt: real('per month of wage', 'weight of household debt (months of origin wage) in the departure hazard'),
  hazardCap: prob('upper bound on the weekly departure hazard', 'per week'),
  educationPrimaryShare: prob('share of border-regency adults with primary schooling or less', 'share'),
  educationTertiaryShare: prob('share of border-regency adults with tertiary education', 'share'),
  awarenessPrimary: pos('multiplier', 'awareness of safe channels of a person with primary schooling, relative to the origin\'s'),
  awarenessSecondary: pos('multiplier', 'awareness of a person with secondary schooling, relative to the origin\'s'),
  awarenessTertiary: pos('multiplier', 'awareness of a person with tertiary education, relative to the origin\'s'),
  awarenessJitter: prob('spread of awareness between persons of one origin and education (± share)', 'share'),
  debtShare: prob('share of households carrying debt at the start', 'share'),
  debtMeanMonths: pos('months of wage', 'mean debt of an indebted household'),
  wealthMeanMonths: pos('months of wage', 'mean household savings available for migration'),
  // channel choice
  proceduralCostIdr: nonneg('IDR', 'up-front cost of procedural placement (passport, agency, medical)'),
  proceduralWaitWeeks: pos('weeks', 'mean waiting time of procedural placement'),
  brokerFeeIdr: nonneg('IDR', 'up-front fee a broker asks; the rest is taken as debt'),
  brokerDebtIdr: nonneg('IDR', 'debt a broker places on a recruit, repaid from wages'),
  deceptionDebtMultiplier: nonneg('multiplier', 'how much larger the (hidden) debt a deceiving broker places is'),
  brokerWaitWeeks: pos('weeks', 'mean wait until a broker moves a group'),
  brokerWaitSpread: prob('spread of the wait around its mean: uniform on mean · (1 ± spread)', 'share'),
  kinCostIdr: nonneg('IDR', 'cost of a kin-assisted informal crossing'),
  waitWeight: nonneg('utility per week', 'disutility of each week of waiting (tau)'),
  riskWeight: nonneg('utility per unit risk', 'disutility of perceived interception risk (rho)'),
  costWeight: nonneg('utility per wealth', 'disutility of cost relative to household wealth'),
  kinBonus: real('utility', 'utility bonus of the kin-assisted channel for households with kin across'),
  awarenessBonus: real('utility per unit awareness', 'utility bonus of the procedural channel per unit awareness'),
  brokerOfferBonus: real('utility', 'base attractiveness of a broker offer'),
  deceptionInflation: nonneg('utility', 'extra attractiveness a deceptive offer adds, scaled by (1 - awareness)'),
  // recruitment
  brokerCapacityPerMonth: pos('persons per month', 'how many recruits one broker can move a month'),
  brokerOutreachPerWeek: nonneg('persons per week', 'residents a broker approaches per week in its reach'),
  offerAcceptance: prob('chance an approached resident accepts an offer (before awareness), when residents are seldom approached'),
  outreachSaturation: pos('approaches per resident per year', 'how often residents can be approached before acceptance halves: villages worked again and again yield less'),
  deceptionSkill: prob('chance a trafficking broker deceives a recruit with zero awareness'),
  fraudDocAccess: prob('share of brokers able to obtain fraudulent identity papers', 'share'),
  docLoophole: prob('chance a broker with access obtains a fraudulent ID through the non-resident ID loophole'),
  brokerTiesPerBroker: nonneg('posts', 'mean number of official posts where a broker has a colluding contact'),
  // the broker market: what brokering earns and costs, and who enters and leaves it (market.ts)
  brokerCostPerRecruitIdr: nonneg('IDR', 'what moving one recruit costs a broker (transport, lodging, papers), paid when the recruit is taken on'),
  brokerEmployerFeeIdr: nonneg('IDR', 'what an employer or agent in Malaysia pays a broker per worker delivered, at 2019 labour demand'),
  debtRecoveryShare: prob('share of the debt a broker placed that it recovers from the worker\'s wages', 'share'),
  brokerOverheadWeeklyIdr: nonneg('IDR per week', 'a broker\'s weekly overhead (travel, phones, payments to village sub-agents)'),
  brokerReservationMonths: pos('months of origin wage per month', 'what a would-be broker gives up to broker: its other income, in origin wages'),
  brokerPenaltyIdr: nonneg('IDR', 'what an arrest costs a broker: income lost in prison, lawyers, payments to avoid charges'),
  brokerEntryRate: prob('weekly entry of new brokers per broker the hub started with, when brokering pays exactly what it costs', 'per week'),
  brokerPoolMultiple: pos('multiple of the starting brokers', 'would-be brokers at a hub (in the business or not), as a multiple of the brokers it started with'),
  brokerExitRate: prob('weekly chance an active broker gives up, when brokering pays exactly what it costs', 'per week'),
  brokerProfitSensitivity: pos('per unit of relative profit', 'how sharply entry and exit respond to profit relative to the reservation income'),
  brokerProfitMemory: prob('weight of this week in what brokering is believed to pay at a hub', 'rate'),
  brokerNetworkGain: nonneg('per log of persons moved', 'growth of a broker\'s outreach with the people it has moved (kin and village ties)'),
  brokerNetworkPersons: pos('persons', 'persons moved that make a broker\'s network reach e (2.7) times what it started with, less one'),
  demandFeeElasticity: nonneg('elasticity', 'how the fee employers pay brokers rises with their unmet demand for labour'),
  demandReachElasticity: nonneg('elasticity', 'how brokers\' capacity and outreach rise with employers\' unmet demand for labour'),
  employerDemand: pos('multiplier', 'employers\' demand for foreign labour relative to the dated labour-demand series (1 = as observed)'),
  // route choice and learning
  routeDistancePower: nonneg('exponent', 'Flee-style distance exponent p in w = score/(s + km)^p'),
  routeDistanceOffset: nonneg('km', 'Flee-style distance offset s'),
  routeRiskWeight: nonneg('per unit risk', 'lambda in exp(-lambda * risk) of the route weight'),
  routeCostWeight: nonneg('per million IDR', 'weight of leg costs in the route weight'),
  learningRate: prob('alpha: weight of this week\'s interception rate in the broker network\'s route belief', 'rate'),
  // crossing
  collusionMean: prob('mean propensity of an official to pass a broker group unverified', 'probability'),
  bribeShare: prob('bribe per person waved through, as a share of what the broker earns from that person', 'share'),
  officerSanctionIdr: nonneg('IDR', 'what being caught colluding costs an officer (dismissal, prosecution), weighed against the bribe'),
  collusionSensitivity: pos('per unit of relative gain', 'how sharply an officer\'s collusion responds to the bribe against the expected sanction'),
  fraudDetection: prob('chance an honest inspection detects a fraudulent or missing document'),
  idTrained: prob('chance a trained officer recognises a deceived or indebted victim at inspection'),
  idUntrained: prob('chance an untrained officer recognises a victim at inspection'),
  trainedShare: prob('share of officers trained in victim identification at the start', 'share'),
  idPatrol: prob('chance a patrol recognises a victim among a group it intercepts'),
  patrolKappa: nonneg('per coverage unit', 'kappa in p = 1 - exp(-kappa * coverage * technology)'),
  patrolTechnology: pos('multiplier', 'technology factor (cameras, drones) of patrols'),
  patrolUnits: nonneg('units', 'Indonesian patrol units assigned to informal segments'),
  malaysianPatrolUnits: nonneg('units', 'Malaysian patrol units on their side of the line'),
  lineGap: prob('share of detection lost at the line when patrols act on one side only', 'share'),
  // work and exploitation: legal status in Malaysia gives employers and brokers leverage
  traffickerExploitPlacement: prob('chance a trafficking broker places a recruit with an exploitative employer'),
  irregularLeverage: pos('odds multiplier', 'how much working without legal status raises the odds that an employer exploits'),
  colludedPapersHeld: prob('share of groups waved through by a colluding officer whose stamped papers the broker then keeps', 'share'),
  papersHeldLeverage: pos('odds multiplier', 'how much documents held by the employer or broker raise the odds of exploitation'),
  debtLeverage: pos('odds multiplier', 'how much a debt to the broker above indebtedMonths raises the odds of exploitation'),
  exploitRaidDeterrence: nonneg('per unit raid factor', 'how much more (or less) raid pressure than usual deters exploitation: odds × exp(−d · (raidFactor − 1))'),
  // employers' hiring of workers without legal status (employers.ts)
  irregularHireLogit: real('log-odds', 'log-odds an employer hires a worker without legal status when it has no vacancy and no sanction risk'),
  hireVacancyWeight: nonneg('per unit vacancy rate', 'how much an employer\'s unfilled demand for labour raises the log-odds of hiring irregularly'),
  hireSanctionWeight: nonneg('per unit of relative sanction', 'how much the expected fine, relative to the saving, lowers the log-odds of hiring irregularly'),
  irregularSavingIdr: nonneg('IDR per year', 'what an employer saves a year by hiring a worker irregularly (levy, permit and agency costs, lower pay)'),
  employerFineIdr: nonneg('IDR', 'fine an employer faces per worker without a permit found in a raid'),
  employerProsecution: prob('share of raids that find irregular workers which lead to the employer being fined', 'share'),
  kinProtection: pos('odds multiplier', 'kin across the border vet employers: odds of exploitation for kin-assisted workers'),
  denunciationThreat: prob('chance an exploitative employer uses a worker\'s irregular status as a threat (abuse of vulnerability)'),
  contractSubstitution: prob('chance a procedural placement ends with a substituted contract (deception by the agency)'),
  passportRetention: prob('share of employers who keep a legal worker\'s passport', 'share'),
  exitIrregular: pos('multiplier', 'weekly chance of escape or release for a victim without legal status, relative to one with it'),
  exitPapersHeld: pos('multiplier', 'weekly chance of escape or release for a victim whose documents are held, relative to one who holds them'),
  indebtedMonths: nonneg('months of wage', 'debt above which a worker counts as held in debt bondage'),
  contractWeeks: pos('weeks', 'mean length of a work stay before going home'),
  exploitationWeeks: pos('weeks', 'mean weeks before an exploited worker escapes or is released'),
  escapeStayShare: pos('share', 'mean stay in irregular work after escaping exploitation, as a share of contractWeeks'),
  // identification
  ngoOutreach: prob('weekly chance an NGO or community network reaches a victim at a workplace that is not isolated', 'per week'),
  papersHeldIsolation: prob('how much less often a victim whose documents are held is reached (multiplier)', 'multiplier'),
  selfReport: prob('chance a victim with legal status reports on escaping (to the consulate or an NGO)'),
  selfReportIrregular: prob('how much less often a victim without legal status reports on escaping (multiplier, fear of deportation)', 'multiplier'),
  idRaid: prob('chance a raid recognises a detained worker as a trafficking victim'),
  idDeportation: prob('chance screening at deportation recognises a victim'),
  shelterWeeks: pos('weeks', 'mean weeks in shelter and repatriation after identification'),
  // enforcement in Malaysia and return
  raidRateSarawak: prob('weekly chance an irregular worker in Sarawak is detained in a raid', 'per week'),
  raidRateSabah: prob('weekly chance an irregular worker in Sabah is detained in a raid', 'per week'),
  detentionWeeks: pos('weeks', 'mean weeks of processing in detention before a detainee can be deported'),
  deportBatchChance: prob('weekly chance a state sends a deportation batch', 'per week'),
  deportBatchSabah: nonneg('persons', 'most Indonesians one deportation batch from Sabah (through Nunukan) takes'),
  deportBatchSarawak: nonneg('persons', 'most Indonesians one deportation batch from Sarawak (through Entikong) takes'),
  recrossProb: prob('chance a deportee re-crosses at once instead of going home'),
  recrossBrokerShare: prob('share of re-crossers who go through a broker (risking re-trafficking)', 'share'),
  turnBackCooldownShare: prob('weeks at home after being turned back, as a share of returnCooldownWeeks', 'share'),
  returnCooldownWeeks: pos('weeks', 'mean weeks a returnee stays home before the hazard applies again'),
  // justice
  investigationWeeks: pos('weeks', 'mean delay of investigation'),
  prosecutionWeeks: pos('weeks', 'mean delay from investigation to prosecution'),
  trialWeeks: pos('weeks', 'mean delay from prosecution to verdict'),
  pProsecute: prob('chance an investigated case is prosecuted'),
  pConvict: prob('chance a prosecuted case ends in conviction'),
  crossBorderPenalty: prob('loss of prosecution chance when evidence lies in Malaysia', 'share'),
  brokerArrestRate: prob('weekly chance an active broker is arrested without a victim case', 'per week'),
  // officials' learning and response to monitoring
  riskLearning: prob('weekly weight of catches at their post in officers\' perceived risk of being caught', 'rate'),
  sanctionEffect: prob('cut in the collusion propensity of an officer caught but kept on', 'share'),
  collusionDrift: prob('drift of an official\'s collusion propensity towards what pays, per person waved through unpunished', 'rate'),
  // visits by border residents (official crossing volumes)
  visitInformalShare: prob('share of short border-resident visits taken on footpaths instead of the post', 'share'),
  // cooperation across the line: what each stage makes possible (cooperation.ts)
  infoLagCommunication: nonneg('weeks', 'delay of shared route and trafficker information at the communication and cooperation stages'),
  infoAccuracyCommunication: prob('share of the true broker flows and trafficker list that is shared at the communication and cooperation stages', 'share'),
  infoLagCoordination: nonneg('weeks', 'delay of shared information at the coordination stage'),
  infoAccuracyCoordination: prob('share of the true information shared at the coordination stage', 'share'),
  infoAccuracyCollaboration: prob('share of the true information shared at the collaboration stage (no delay)', 'share'),
  evidenceInformal: prob('chance informal police-to-police requests bring evidence from Malaysia (communication stage)'),
  evidenceMla: prob('chance mutual legal assistance brings evidence from Malaysia (cooperation and coordination stages)'),
  mlaWeeks: pos('weeks', 'time for evidence requested from Malaysia to arrive'),
  evidenceJoint: prob('chance a joint investigation secures the evidence held in Malaysia (collaboration stage)'),
  jointInvestigationWeeks: pos('weeks', 'time for evidence to arrive through a joint investigation'),
  suspectFlight: prob('chance a broker under investigation flees across the line'),
  suspectReturn: prob('chance a suspect who fled is returned (extradition or handover, collaboration stage)'),
  extraditionWeeks: pos('weeks', 'time to return a suspect who fled'),
  referralCooperation: prob('share of victims identified in Malaysia referred to protection at the cooperation and coordination stages', 'share'),
  referralCollaboration: prob('share of victims identified in Malaysia referred to protection at the collaboration stage', 'share'),
  testimonyShare: prob('share of identified victims who testify in the case against their broker (victims found in raids only once referred)', 'share'),
  testimonyGain: pos('odds multiplier', 'how much a victim\'s testimony raises the odds of prosecution and of conviction'),
  // how official statistics count (statistics.ts): between the model's true state and each published figure
  registerCoverage2019: prob('share of the corridor\'s identified victims that the national victims register (SIMFONI-PPA) records in 2019', 'share'),
  registerCoverageGrowth: nonneg('log-odds per year', 'yearly rise in the log-odds that the register records an identified victim, as more service units report to it'),
  corridorVictimShare: prob('the corridor\'s share of the victims the national register records', 'share'),
  policeReportShare: prob('share of the corridor\'s task-force cases recorded as a police trafficking report', 'share'),
  corridorCaseShare: prob('the corridor\'s share of national police trafficking reports', 'share'),
  placementRecordShare: prob('share of the corridor\'s procedural departures that BP2MI counts as placements from West Kalimantan', 'share'),
  // what cooperation costs
  infoLeak: prob('share of shared routes and watch lists that reaches brokers, per unit share of officers colluding', 'share'),
  patrolDiversion: prob('share of joint-programme patrol units taken from each side\'s own units', 'share'),
  caseAttritionWeekly: prob('weekly chance a case waiting for evidence from Malaysia or a returned suspect collapses (witnesses leave, trails go cold)', 'per week'),
  handoverGapCut: prob('share of the detection lost at the line that coordinated handover recovers (coordination stage)', 'share'),
  idRaidTrained: prob('chance Malaysian enforcement trained jointly recognises a victim in a raid'),
  // population at the start
  borderPassShare: prob('share of border-regency residents holding a border pass (PLB/KILB)', 'share'),
  initialAbroadShare: prob('share of border-regency working-age residents already working in Malaysia at the start', 'share'),
  initialIrregularShare: prob('share of those already abroad who work irregularly', 'share'),
} as const satisfies Record<string, ParamSpec>;

/** The name of one of the model's own parameters (a key of CORE_PARAMS). */
export type CoreParamName = keyof typeof CORE_PARAMS;
export const CORE_PARAM_NAMES = Object.keys(CORE_PARAMS) as CoreParamName[];
/** The model's typed view of the parameters it reads itself. */
export type Params = Readonly<Record<CoreParamName, number>>;

