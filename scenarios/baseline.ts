/**
 * Baseline: the Kalimantan border, 2019-01-07 to 2024-12-30, weekly, at today's stage of
 * bilateral cooperation (coexistence). Geography and dated series live in ./data as editable
 * CSV tables with a source column; every coefficient below has a source note or says
 * "assumption" and why. Run: npx tsx src/cli.ts run scenarios/baseline.ts --scale 20
 */
import { fileURLToPath } from 'node:url';
import { defineScenario, readSeries, readTable } from 'lintas';

const data = (file: string) => fileURLToPath(new URL(`./data/${file}`, import.meta.url));
const table = <T>(file: string) => readTable(data(file)) as unknown as T[];

/** A coefficient, where it came from, and the range it plausibly takes (for sensitivity analysis and calibration). */
const p = (value: number, source: string, range: [number, number]) => ({ value, source, range });
const CAL = 'calibrated: tuned so the baseline reproduces model brief patterns (see tests/model/patterns.test.ts)';

export default defineScenario({
  name: 'baseline',
  description: 'Kalimantan–Sarawak/Sabah border 2019–2024 at the coexistence stage of cooperation',
  start: '2019-01-07',
  end: '2024-12-30',
  // Three years on the same rules before 2019, so that 2019 starts from a settled state (workers
  // abroad, people in exploitation, brokers and cases in the pipeline); not reported.
  spinUpWeeks: 156,
  seed: 1,
  scale: 1,
  origins: table('origins.csv'),
  hubs: table('hubs.csv'),
  crossings: table('crossings.csv'),
  destinations: table('destinations.csv'),
  routes: table('routes.csv'),
  series: readSeries(data('series.csv')),
  closures: table('closures.csv'),
  stages: [
    { date: '2019-01-01', stage: 'coexistence', source: 'Oktavian et al. §3.2: cooperation today is at the coexistence stage (Polner 2011)' },
  ],
  // COVID-19 and enforcement as they happened (enforcement facts): dated events, not policy measures.
  events: [
    { kind: 'movementControl', start: '2020-03-18', end: '2021-12-31', intensity: 1, note: 'MCO from 18 Mar 2020; CMCO/RMCO 2020; MCO again and national lockdown 2021' },
    { kind: 'movementControl', start: '2022-01-01', end: '2022-03-31', intensity: 0.5, note: 'recovery until international borders reopened on 1 Apr 2022' },
    { kind: 'hiringFreeze', start: '2020-03-18', end: '2022-01-27', intensity: 1, note: 'foreign-worker intake frozen from March 2020; applications reopened 28 Jan 2022' },
    { kind: 'deportationSuspension', start: '2020-03-18', end: '2020-05-31', intensity: 1, note: 'Sabah deportations stopped with the MCO; first batch reached Nunukan in early June 2020' },
    { kind: 'deportationSuspension', start: '2020-06-01', end: '2022-06-30', intensity: 0.5, note: 'batches cancelled again and again (Tawau depot cluster Aug 2021, >2,000 deferred); 2,191 in 10 rounds Mar 2021–Jun 2022, about half the usual pace' },
    { kind: 'borderGuard', start: '2020-05-01', end: '2022-03-31', intensity: 1, note: 'Op Benteng: army and police on the Sarawak border from May 2020; end taken as the reopening (assumption)' },
    { kind: 'taskForceCrackdown', start: '2023-06-05', end: '2024-12-30', intensity: 1, note: 'national police trafficking task force (Satgas TPPO) formed 5 Jun 2023' },
  ],
  interventions: [
    {
      kind: 'jointPatrols',
      start: '2023-10-16',
      intensity: 0.2,
      note: 'border facts §5: GBC 43rd meeting (Oct 2023) reactivated joint posts and the coordinated patrol; intensity an assumption',
    },
  ],
  params: {
    // push and pull
    h0: p(0.00011, `${CAL}: border-regency labour departures of a few tens of thousands a year`, [5e-05, 0.0002]),
    betaWage: p(1.5, 'assumption: elasticity of leaving to the log wage gap; the gap (2.3x Kalbar, 1.85x Kaltara in 2025, border facts §3) drives the push', [0.5, 3]),
    betaUnemployment: p(5, 'assumption: a 10-point rise in unemployment raises the hazard by ~65%', [1, 10]),
    betaPoverty: p(5, 'assumption: poverty pushes like unemployment (border facts §3 poverty 5–8% in border regencies)', [1, 10]),
    betaKin: p(0.6, 'assumption: kin across the line lower cost and risk (model brief push and pull)', [0.2, 1.2]),
    betaDebt: p(-0.05, 'assumption: debt pushes people to seek wages abroad (negative betaDebt raises the hazard)', [-0.2, 0.1]),
    hazardCap: p(0.2, 'assumption: no more than a fifth of a group leaves in one week', [0.1, 0.3]),
    educationPrimaryShare: p(0.55, 'assumption: border-regency attainment, cf. IOM: 57% of identified victims had elementary schooling or less; range 0.4–0.7', [0.4, 0.7]),
    educationTertiaryShare: p(0.07, 'assumption: range 0.03–0.12', [0.03, 0.12]),
    awarenessPrimary: p(0.75, 'assumption: less schooling, less knowledge of safe channels; range 0.5–1', [0.5, 1]),
    awarenessSecondary: p(1.2, 'assumption: range 1–1.5', [1, 1.5]),
    awarenessTertiary: p(1.6, 'assumption: range 1.2–2', [1.2, 2]),
    awarenessJitter: p(0.25, 'assumption: awareness varies ±25% between persons alike; range 0–0.5', [0, 0.5]),
    debtShare: p(0.3, 'assumption: share of households in debt', [0.1, 0.5]),
    debtMeanMonths: p(2, 'assumption: mean household debt of two months of wage', [1, 4]),
    wealthMeanMonths: p(3, 'assumption: mean savings of three months of wage', [1.5, 6]),
    // channel choice
    proceduralCostIdr: p(6_000_000, 'assumption: passport, P3MI agency fee, medical and travel; the paper calls the procedure costly', [3_000_000, 12_000_000]),
    proceduralWaitWeeks: p(12, 'assumption: about three months for procedural placement (Oktavian et al.: months of waiting)', [6, 26]),
    brokerFeeIdr: p(1_000_000, 'assumption: brokers ask little up front and take the rest as debt (model brief channel choice)', [500_000, 3_000_000]),
    brokerDebtIdr: p(3_000_000, 'assumption: debt placed on a recruit, about a month of a Malaysian wage', [1_000_000, 8_000_000]),
    deceptionDebtMultiplier: p(2, 'assumption: deception hides a debt twice the stated one (model brief: false job, hidden debt)', [1, 4]),
    brokerWaitSpread: p(0.5, 'assumption: a group leaves between half and one and a half times the mean wait; range 0–0.9', [0, 0.9]),
    brokerWaitWeeks: p(2, 'assumption: a broker moves a group within weeks', [1, 6]),
    kinCostIdr: p(300_000, 'border facts §2: informal Sebatik route about Rp 200k; kin crossings cost little more', [200_000, 600_000]),
    waitWeight: p(0.08, 'assumption: utility lost per week of waiting', [0.02, 0.2]),
    riskWeight: p(2, 'assumption: weight of perceived interception risk in channel choice', [0.5, 5]),
    costWeight: p(1, 'assumption: cost enters relative to household savings', [0.5, 2]),
    kinBonus: p(1.0, 'assumption: kin-assisted crossing looks like a family visit (model brief)', [0, 2]),
    awarenessBonus: p(4.5, 'assumption: awareness raises the weight of the procedural channel', [2, 8]),
    brokerOfferBonus: p(0.3, 'assumption: a broker offer is fast and arranged', [0, 1]),
    deceptionInflation: p(1.5, 'assumption: a deceptive offer looks better to those unaware of the risk', [0.5, 3]),
    // recruitment
    brokerCapacityPerMonth: p(25, 'assumption: a broker moves about one group a week', [10, 50]),
    brokerOutreachPerWeek: p(6, 'assumption: residents approached per broker per week', [2, 15]),
    offerAcceptance: p(0.08, `${CAL}: outreach adds a minority of departures`, [0.03, 0.2]),
    deceptionSkill: p(0.6, 'assumption: a trafficking broker deceives most recruits who lack awareness', [0.3, 0.9]),
    fraudDocAccess: p(0.4, 'assumption: share of brokers with access to document fixers (Oktavian et al. §3.3)', [0.2, 0.7]),
    docLoophole: p(0.5, 'Oktavian et al. §3.3: non-resident ID issuance (Permendagri 8/2016) is exploited; rate an assumption', [0.2, 0.8]),
    brokerTiesPerBroker: p(0.8, 'Oktavian et al. §3.3 field observation: brokers collude with officers at posts; count an assumption', [0.2, 2]),
    // route choice and learning
    routeDistancePower: p(1.0, 'Suleimenova et al. 2017 (Flee) default: weight falls with distance', [0.5, 2]),
    routeDistanceOffset: p(50, 'assumption: offset so short legs do not dominate', [10, 100]),
    routeRiskWeight: p(4, 'assumption: lambda; with it tripling enforcement moves flows to other routes (Gathmann 2008, border facts §1)', [1, 8]),
    routeCostWeight: p(0.3, 'assumption: weight of fares per million rupiah', [0.1, 1]),
    learningRate: p(0.2, 'assumption: alpha, brokers weigh this week against about five weeks of memory', [0.05, 0.5]),
    // crossing
    collusionMean: p(0.35, 'Oktavian et al. §3.3: officers let broker groups through unverified; level an assumption', [0.1, 0.6]),
    bribeEffect: p(1.5, 'assumption: a bribe raises the chance by half', [1, 2.5]),
    fraudDetection: p(0.5, 'assumption: half of fraudulent papers are caught by an honest check', [0.2, 0.8]),
    idTrained: p(0.3, 'assumption: trained officers spot indicators (model brief iota_trained > iota_untrained)', [0.1, 0.5]),
    idUntrained: p(0.03, 'assumption: untrained officers rarely recognise victims', [0.01, 0.1]),
    trainedShare: p(0.1, 'assumption: few officers trained before joint training (JKLB, border facts §5)', [0.02, 0.3]),
    idPatrol: p(0.05, 'assumption: patrols rarely screen intercepted groups for victims', [0.01, 0.15]),
    patrolKappa: p(0.012, `${CAL}: a few per cent of informal crossings intercepted`, [0.005, 0.03]),
    patrolTechnology: p(1, 'assumption: reference technology (no drones)', [1, 2]),
    patrolUnits: p(40, 'assumption: Satgas Pamtas units on informal segments', [20, 80]),
    malaysianPatrolUnits: p(30, 'assumption: Malaysian units on their side (border facts §2: 115 police on 121 km at Lubok Antu)', [15, 60]),
    lineGap: p(0.5, 'assumption: one-sided patrols lose half the detection at the line (model brief joint patrols close the gap)', [0.2, 0.8]),
    // work and exploitation
    traffickerExploitPlacement: p(0.7, 'assumption: traffickers place recruits with exploiting employers', [0.4, 0.9]),
    irregularLeverage: p(1.5, 'assumption: employers exploit workers without legal status more often (threat of denunciation, no access to labour courts); odds ×2.5, range 1–5', [1, 5]),
    colludedPapersHeld: p(0.7, 'Oktavian et al. §3.3 field observation: officers stamp broker groups through without procedure; that the broker then keeps the stamped papers (as collateral for the debt) is an assumption; range 0.3–1', [0.3, 1]),
    papersHeldLeverage: p(2, 'assumption: documents held by the employer or broker (an ILO forced-labour indicator) double the odds; range 1–4', [1, 4]),
    kinProtection: p(0.5, 'assumption: kin across the border vet employers and help leave bad ones: odds halved; range 0.2–1', [0.2, 1]),
    denunciationThreat: p(0.25, 'assumption: half of exploitative employers use a worker\'s irregular status as a threat (abuse of vulnerability, Palermo art. 3); range 0.2–0.9', [0.1, 0.9]),
    contractSubstitution: p(0.03, 'assumption: a few per cent of licensed placements end with a substituted contract or wage deductions (model brief); range 0.01–0.1', [0.01, 0.1]),
    passportRetention: p(0.3, 'assumption: employers keeping workers\' passports is common in Malaysian plantations (model brief: withhold passports); range 0.1–0.6', [0.1, 0.6]),
    exitIrregular: p(0.6, 'assumption: a victim without legal status escapes or is released less often (fear of arrest); range 0.3–1', [0.3, 1]),
    exitPapersHeld: p(0.7, 'assumption: a victim whose documents are held escapes less often; range 0.4–1', [0.4, 1]),
    indebtedMonths: p(2.5, 'assumption: debt above 2.5 months of wage is bondage', [1.5, 4]),
    contractWeeks: p(104, 'assumption: two-year stays, the usual work-permit term', [78, 156]),
    escapeStayShare: p(0.5, 'assumption: after escaping, a victim works on irregularly for half a usual stay; range 0.2–1', [0.2, 1]),
    exploitationWeeks: p(40, 'assumption: mean time held before escape or release', [20, 80]),
    // identification
    ngoOutreach: p(0.0015, CAL + ': weekly chance an NGO network reaches a victim at a workplace open to contact; with isolation, identified victims a small fraction of the trafficked', [0.0005, 0.005]),
    papersHeldIsolation: p(0.5, 'assumption: a victim whose documents are held is reached half as often (cannot move freely); range 0.2–1', [0.2, 1]),
    selfReport: p(0.1, 'assumption: share of victims with legal status who report on escaping (consulate, NGO); range 0.1–0.6', [0.05, 0.4]),
    selfReportIrregular: p(0.3, 'assumption: victims without legal status report a third as often (fear of deportation, facts: identification procedures not applied in Sabah/Sarawak); range 0.1–1', [0.1, 1]),
    idRaid: p(0.1, 'assumption: raids rarely screen for trafficking', [0.03, 0.3]),
    idDeportation: p(0.08, 'assumption: screening at Nunukan/Entikong deportation centres (BP3MI, border facts §5)', [0.03, 0.2]),
    shelterWeeks: p(8, 'assumption: weeks in shelter before going home', [4, 16]),
    // enforcement in Malaysia and return
    raidRateSarawak: p(0.0012, `${CAL}: ~3,758 deportations through Entikong in 2023 (border facts §4)`, [0.0006, 0.0025]),
    raidRateSabah: p(0.0009, `${CAL}: ~1,800–2,000 deportations a year through Nunukan 2022–23 (border facts §4)`, [0.0005, 0.002]),
    detentionWeeks: p(6, 'assumption: weeks of processing before a detainee can be deported (consular travel documents); range 2–12', [2, 12]),
    deportBatchChance: p(0.25, 'enforcement facts: Nunukan 2023 monthly counts (Jan 107, Mar 270, Apr 394, Jun 68, Aug 461 …) come in batches, about one a month', [0.15, 0.4]),
    deportBatchSabah: p(450, 'enforcement facts: the largest monthly Nunukan counts in 2023 were ~440–460; range 300–800', [300, 800]),
    deportBatchSarawak: p(600, 'assumption: Entikong returns ~3,800–4,000 a year (enforcement facts, 2022–23) in batches of a few hundred; range 300–1,000', [300, 1000]),
    recrossProb: p(0.4, 'border facts §2: "deported in the morning, drinking coffee in Tawau by evening"; share an assumption', [0.2, 0.6]),
    recrossBrokerShare: p(0.4, 'assumption: share of re-crossers who pay a broker', [0.2, 0.6]),
    turnBackCooldownShare: p(0.25, 'assumption: those turned back try again within weeks, not months', [0.1, 0.5]),
    returnCooldownWeeks: p(26, 'assumption: half a year home after a stay', [12, 52]),
    // justice
    investigationWeeks: p(12, 'assumption: investigation takes about three months', [6, 26]),
    prosecutionWeeks: p(16, 'assumption: from dossier to trial', [8, 26]),
    trialWeeks: p(20, 'assumption: trial to verdict', [12, 40]),
    pProsecute: p(0.55, 'assumption: share of investigated cases prosecuted', [0.3, 0.8]),
    pConvict: p(0.59, 'border facts §4: older TIP report, 134 prosecuted and 79 convicted (79/134 = 0.59)', [0.5, 0.9]),
    crossBorderPenalty: p(0.5, 'Oktavian et al. §3.4: cross-border evidence needs hamper prosecution; size an assumption', [0.2, 0.8]),
    suspectFlight: p(0.3, 'assumption: brokers work both sides; a third of those under investigation slip across the line; range 0.1–0.6', [0.1, 0.6]),
    brokerReplacement: p(0.9, 'assumption: networks replace nearly all convicted brokers (model brief)', [0.5, 1]),
    brokerArrestRate: p(0.001, 'assumption: ~5% of brokers arrested a year without a victim case', [0.0003, 0.003]),
    // officials' learning
    sanctionEffect: p(0.1, 'assumption: a sanction cuts an officer\'s willingness by a tenth', [0.05, 0.3]),
    collusionDrift: p(0.002, 'assumption: officials slowly adjust to what pays: a busy officer who waves ~5 persons through a week drifts ~1% a week', [0.0005, 0.01]),
    sanctionAversion: p(5, 'assumption: a perceived 20% chance of being caught cuts collusion by about 60% (exp(-5 × 0.2)); range 1–10', [1, 10]),
    riskLearning: p(0.1, 'assumption: officers weigh this week\'s catches at their post against about ten weeks of memory; range 0.02–0.3', [0.02, 0.3]),
    visitInformalShare: p(0.3, 'assumption: share of short visits on footpaths (border facts §2: 50 footpaths link 55 villages)', [0.1, 0.5]),
    // cooperation across the line: what each stage makes possible (src/model/cooperation.ts)
    infoLagCommunication: p(8, 'assumption: information passed at periodic border committee meetings (GBC, border facts §5) arrives about two months late; range 4–26 weeks', [4, 26]),
    infoAccuracyCommunication: p(0.4, 'assumption: what is passed on is partial; range 0.1–0.6', [0.1, 0.6]),
    infoLagCoordination: p(1, 'assumption: coordinated operations (COCC intelligence sub-team, border facts §5) share within a week; range 0–4 weeks', [0, 4]),
    infoAccuracyCoordination: p(0.7, 'assumption: range 0.5–0.9', [0.5, 0.9]),
    infoAccuracyCollaboration: p(0.9, 'assumption: joint teams share what they know at once; range 0.7–1', [0.7, 1]),
    evidenceInformal: p(0.1, 'assumption: informal police-to-police requests rarely bring evidence a court accepts; range 0–0.3', [0, 0.3]),
    evidenceMla: p(0.4, 'assumption: mutual legal assistance requests succeed less than half the time; range 0.2–0.7', [0.2, 0.7]),
    mlaWeeks: p(26, 'assumption: half a year for evidence requested from Malaysia; range 12–52 weeks', [12, 52]),
    evidenceJoint: p(0.8, 'assumption: joint investigation teams secure most evidence; range 0.5–0.95', [0.5, 0.95]),
    jointInvestigationWeeks: p(8, 'assumption: range 4–16 weeks', [4, 16]),
    suspectReturn: p(0.5, 'assumption: half of fled suspects handed back once extradition and handover work; range 0.2–0.8', [0.2, 0.8]),
    extraditionWeeks: p(26, 'assumption: range 8–52 weeks', [8, 52]),
    referralCooperation: p(0.3, 'assumption: under a cooperation framework a minority of victims found in raids are referred (border facts §4: Malaysia identified victims but procedures were not applied in Sabah and Sarawak); range 0.1–0.5', [0.1, 0.5]),
    referralCollaboration: p(0.8, 'assumption: with joint procedures most victims are referred; range 0.5–0.95', [0.5, 0.95]),
    testimonyShare: p(0.5, 'assumption: half of victims in protection testify; range 0.2–0.8', [0.2, 0.8]),
    testimonyGain: p(2, 'assumption: a victim\'s testimony doubles the odds of prosecution and of conviction; range 1.2–4', [1.2, 4]),
    handoverGapCut: p(0.5, 'assumption: handover between the two sides recovers half of the detection lost at the line; range 0.2–0.8', [0.2, 0.8]),
    idRaidTrained: p(0.3, 'assumption: jointly trained Malaysian enforcement recognises victims in raids as trained officers do at posts (idTrained); range 0.1–0.5', [0.1, 0.5]),
    borderPassShare: p(0.3, 'assumption: border-pass (PLB/KILB) holders among border-regency adults (border facts §2 Nanga Badau: half of departures on PLB)', [0.15, 0.5]),
    initialAbroadShare: p(0.04, 'assumption: ~64k border-regency residents abroad at the start (Sarawak >200k Indonesian workers, border facts §3)', [0.02, 0.08]),
    initialIrregularShare: p(0.5, 'border facts §3: ~100k of >200k Indonesian workers in Sarawak were irregular (2011)', [0.3, 0.7]),
  },
});
