/**
 * Baseline: the Kalimantan border, 2019-01-07 to 2024-12-30, weekly, at today's stage of
 * bilateral cooperation (coexistence). Geography and dated series live in ./data as editable
 * CSV tables with a source column; every coefficient below has a source note or says
 * "assumption" and why. Run: npx tsx src/cli.ts run scenarios/baseline.ts --scale 20
 */
import { fileURLToPath } from 'node:url';
import { defineScenario } from '../src/scenario/load.js';
import { readSeries, readTable } from '../src/scenario/tables.js';

const data = (file: string) => fileURLToPath(new URL(`./data/${file}`, import.meta.url));
const table = <T>(file: string) => readTable(data(file)) as unknown as T[];

/** A coefficient and where it came from. */
const p = (value: number, source: string) => ({ value, source });
const CAL = 'calibrated: tuned so the baseline reproduces MODEL.md patterns (see tests/model/patterns.test.ts)';

export default defineScenario({
  name: 'baseline',
  description: 'Kalimantan–Sarawak/Sabah border 2019–2024 at the coexistence stage of cooperation',
  start: '2019-01-07',
  end: '2024-12-30',
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
    { date: '2019-01-01', stage: 'coexistence', source: 'seed paper §3.2: cooperation today is at the coexistence stage (Polner)' },
  ],
  interventions: [
    {
      kind: 'jointPatrols',
      start: '2023-10-16',
      intensity: 0.2,
      note: 'facts §5: GBC 43rd meeting (Oct 2023) reactivated joint posts and the coordinated patrol; intensity an assumption',
    },
  ],
  params: {
    // push and pull
    h0: p(0.00011, `${CAL}: border-regency labour departures of a few tens of thousands a year`),
    betaWage: p(1.5, 'assumption: elasticity of leaving to the log wage gap; the gap (2.3x Kalbar, 1.85x Kaltara in 2025, facts §3) drives the push'),
    betaUnemployment: p(5, 'assumption: a 10-point rise in unemployment raises the hazard by ~65%'),
    betaPoverty: p(5, 'assumption: poverty pushes like unemployment (facts §3 poverty 5–8% in border regencies)'),
    betaKin: p(0.6, 'assumption: kin across the line lower cost and risk (MODEL.md push and pull)'),
    betaDebt: p(-0.05, 'assumption: debt pushes people to seek wages abroad (negative betaDebt raises the hazard)'),
    hazardCap: p(0.2, 'assumption: no more than a fifth of a group leaves in one week'),
    debtShare: p(0.3, 'assumption: share of households in debt'),
    debtMeanMonths: p(2, 'assumption: mean household debt of two months of wage'),
    wealthMeanMonths: p(3, 'assumption: mean savings of three months of wage'),
    // channel choice
    proceduralCostIdr: p(6_000_000, 'assumption: passport, P3MI agency fee, medical and travel; the paper calls the procedure costly'),
    proceduralWaitWeeks: p(12, 'assumption: about three months for procedural placement (seed paper: months of waiting)'),
    brokerFeeIdr: p(1_000_000, 'assumption: brokers ask little up front and take the rest as debt (MODEL.md channel choice)'),
    brokerDebtIdr: p(3_000_000, 'assumption: debt placed on a recruit, about a month of a Malaysian wage'),
    deceptionDebtMultiplier: p(2, 'assumption: deception hides a debt twice the stated one (MODEL.md: false job, hidden debt)'),
    brokerWaitWeeks: p(2, 'assumption: a broker moves a group within weeks'),
    kinCostIdr: p(300_000, 'facts §2: informal Sebatik route about Rp 200k; kin crossings cost little more'),
    waitWeight: p(0.08, 'assumption: utility lost per week of waiting'),
    riskWeight: p(2, 'assumption: weight of perceived interception risk in channel choice'),
    costWeight: p(1, 'assumption: cost enters relative to household savings'),
    kinBonus: p(1.0, 'assumption: kin-assisted crossing looks like a family visit (MODEL.md)'),
    awarenessBonus: p(4.5, 'assumption: awareness raises the weight of the procedural channel'),
    brokerOfferBonus: p(0.3, 'assumption: a broker offer is fast and arranged'),
    deceptionInflation: p(1.5, 'assumption: a deceptive offer looks better to those unaware of the risk'),
    // recruitment
    brokerCapacityPerMonth: p(25, 'assumption: a broker moves about one group a week'),
    brokerOutreachPerWeek: p(6, 'assumption: residents approached per broker per week'),
    offerAcceptance: p(0.08, `${CAL}: outreach adds a minority of departures`),
    deceptionSkill: p(0.6, 'assumption: a trafficking broker deceives most recruits who lack awareness'),
    fraudDocAccess: p(0.4, 'assumption: share of brokers with access to document fixers (seed paper §3.3)'),
    docLoophole: p(0.5, 'seed paper §3.3: non-resident ID issuance (Permendagri 8/2016) is exploited; rate an assumption'),
    brokerTiesPerBroker: p(0.8, 'seed paper §3.3 field observation: brokers collude with officers at posts; count an assumption'),
    // route choice and learning
    routeDistancePower: p(1.0, 'Flee default: weight falls with distance'),
    routeDistanceOffset: p(50, 'assumption: offset so short legs do not dominate'),
    routeRiskWeight: p(4, 'assumption: lambda; with it tripling enforcement moves flows to other routes (Gathmann 2008, facts §1)'),
    routeCostWeight: p(0.3, 'assumption: weight of fares per million rupiah'),
    learningRate: p(0.2, 'assumption: alpha, brokers weigh this week against about five weeks of memory'),
    // crossing
    collusionMean: p(0.35, 'seed paper §3.3: officers let broker groups through unverified; level an assumption'),
    bribeEffect: p(1.5, 'assumption: a bribe raises the chance by half'),
    fraudDetection: p(0.5, 'assumption: half of fraudulent papers are caught by an honest check'),
    idTrained: p(0.3, 'assumption: trained officers spot indicators (MODEL.md iota_trained > iota_untrained)'),
    idUntrained: p(0.03, 'assumption: untrained officers rarely recognise victims'),
    trainedShare: p(0.1, 'assumption: few officers trained before joint training (JKLB, facts §5)'),
    idPatrol: p(0.05, 'assumption: patrols rarely screen intercepted groups for victims'),
    patrolKappa: p(0.012, `${CAL}: a few per cent of informal crossings intercepted`),
    patrolTechnology: p(1, 'assumption: reference technology (no drones)'),
    patrolUnits: p(40, 'assumption: Satgas Pamtas units on informal segments'),
    malaysianPatrolUnits: p(30, 'assumption: Malaysian units on their side (facts §2: 115 police on 121 km at Lubok Antu)'),
    lineGap: p(0.5, 'assumption: one-sided patrols lose half the detection at the line (MODEL.md joint patrols close the gap)'),
    // work and exploitation
    traffickerExploitPlacement: p(0.7, 'assumption: traffickers place recruits with exploiting employers'),
    irregularLeverage: p(1.5, 'assumption: employers exploit workers without legal status more often (threat of denunciation, no access to labour courts); odds ×2.5, range 1–5'),
    colludedPapersHeld: p(0.7, 'seed paper §3.3 field observation: officers stamp broker groups through without procedure; that the broker then keeps the stamped papers (as collateral for the debt) is an assumption; range 0.3–1'),
    papersHeldLeverage: p(2, 'assumption: documents held by the employer or broker (an ILO forced-labour indicator) double the odds; range 1–4'),
    kinProtection: p(0.5, 'assumption: kin across the border vet employers and help leave bad ones: odds halved; range 0.2–1'),
    denunciationThreat: p(0.25, 'assumption: half of exploitative employers use a worker\'s irregular status as a threat (abuse of vulnerability, Palermo art. 3); range 0.2–0.9'),
    contractSubstitution: p(0.03, 'assumption: a few per cent of licensed placements end with a substituted contract or wage deductions (MODEL.md); range 0.01–0.1'),
    passportRetention: p(0.3, 'assumption: employers keeping workers\' passports is common in Malaysian plantations (MODEL.md: withhold passports); range 0.1–0.6'),
    exitIrregular: p(0.6, 'assumption: a victim without legal status escapes or is released less often (fear of arrest); range 0.3–1'),
    exitPapersHeld: p(0.7, 'assumption: a victim whose documents are held escapes less often; range 0.4–1'),
    indebtedMonths: p(2.5, 'assumption: debt above 2.5 months of wage is bondage'),
    contractWeeks: p(104, 'assumption: two-year stays, the usual work-permit term'),
    exploitationWeeks: p(40, 'assumption: mean time held before escape or release'),
    // identification
    ngoOutreach: p(0.0015, CAL + ': weekly chance an NGO network reaches a victim at a workplace open to contact; with isolation, identified victims a small fraction of the trafficked'),
    papersHeldIsolation: p(0.5, 'assumption: a victim whose documents are held is reached half as often (cannot move freely); range 0.2–1'),
    selfReport: p(0.1, 'assumption: share of victims with legal status who report on escaping (consulate, NGO); range 0.1–0.6'),
    selfReportIrregular: p(0.3, 'assumption: victims without legal status report a third as often (fear of deportation, facts: identification procedures not applied in Sabah/Sarawak); range 0.1–1'),
    idRaid: p(0.1, 'assumption: raids rarely screen for trafficking'),
    idDeportation: p(0.08, 'assumption: screening at Nunukan/Entikong deportation centres (BP3MI, facts §5)'),
    shelterWeeks: p(8, 'assumption: weeks in shelter before going home'),
    // enforcement in Malaysia and return
    raidRateSarawak: p(0.0012, `${CAL}: ~3,758 deportations through Entikong in 2023 (facts §4)`),
    raidRateSabah: p(0.0009, `${CAL}: ~1,800–2,000 deportations a year through Nunukan 2022–23 (facts §4)`),
    detentionWeeks: p(8, 'assumption: weeks in detention before deportation'),
    recrossProb: p(0.4, 'facts §2: "deported in the morning, drinking coffee in Tawau by evening"; share an assumption'),
    recrossBrokerShare: p(0.4, 'assumption: share of re-crossers who pay a broker'),
    turnBackCooldownShare: p(0.25, 'assumption: those turned back try again within weeks, not months'),
    returnCooldownWeeks: p(26, 'assumption: half a year home after a stay'),
    // justice
    investigationWeeks: p(12, 'assumption: investigation takes about three months'),
    prosecutionWeeks: p(16, 'assumption: from dossier to trial'),
    trialWeeks: p(20, 'assumption: trial to verdict'),
    pProsecute: p(0.55, 'assumption: share of investigated cases prosecuted'),
    pConvict: p(0.59, 'facts §4: older TIP report, 134 prosecuted and 79 convicted (79/134 = 0.59)'),
    crossBorderPenalty: p(0.5, 'seed paper §3.4: cross-border evidence needs hamper prosecution; size an assumption'),
    suspectFlight: p(0.3, 'assumption: brokers work both sides; a third of those under investigation slip across the line; range 0.1–0.6'),
    brokerReplacement: p(0.9, 'assumption: networks replace nearly all convicted brokers (MODEL.md)'),
    brokerArrestRate: p(0.001, 'assumption: ~5% of brokers arrested a year without a victim case'),
    // officials' learning
    sanctionEffect: p(0.1, 'assumption: a sanction cuts an officer\'s willingness by a tenth'),
    collusionDrift: p(0.01, 'assumption: officials slowly adjust to what pays'),
    sanctionAversion: p(5, 'assumption: a perceived 20% chance of being caught cuts collusion by about 60% (exp(-5 × 0.2)); range 1–10'),
    riskLearning: p(0.1, 'assumption: officers weigh this week\'s catches at their post against about ten weeks of memory; range 0.02–0.3'),
    visitInformalShare: p(0.3, 'assumption: share of short visits on footpaths (facts §2: 50 footpaths link 55 villages)'),
    // cooperation across the line: what each stage makes possible (src/model/cooperation.ts)
    infoLagCommunication: p(8, 'assumption: information passed at periodic border committee meetings (GBC, facts §5) arrives about two months late; range 4–26 weeks'),
    infoAccuracyCommunication: p(0.4, 'assumption: what is passed on is partial; range 0.1–0.6'),
    infoLagCoordination: p(1, 'assumption: coordinated operations (COCC intelligence sub-team, facts §5) share within a week; range 0–4 weeks'),
    infoAccuracyCoordination: p(0.7, 'assumption: range 0.5–0.9'),
    infoAccuracyCollaboration: p(0.9, 'assumption: joint teams share what they know at once; range 0.7–1'),
    evidenceInformal: p(0.1, 'assumption: informal police-to-police requests rarely bring evidence a court accepts; range 0–0.3'),
    evidenceMla: p(0.4, 'assumption: mutual legal assistance requests succeed less than half the time; range 0.2–0.7'),
    mlaWeeks: p(26, 'assumption: half a year for evidence requested from Malaysia; range 12–52 weeks'),
    evidenceJoint: p(0.8, 'assumption: joint investigation teams secure most evidence; range 0.5–0.95'),
    jointInvestigationWeeks: p(8, 'assumption: range 4–16 weeks'),
    suspectReturn: p(0.5, 'assumption: half of fled suspects handed back once extradition and handover work; range 0.2–0.8'),
    extraditionWeeks: p(26, 'assumption: range 8–52 weeks'),
    referralCooperation: p(0.3, 'assumption: under a cooperation framework a minority of victims found in raids are referred (facts §4: Malaysia identified victims but procedures were not applied in Sabah and Sarawak); range 0.1–0.5'),
    referralCollaboration: p(0.8, 'assumption: with joint procedures most victims are referred; range 0.5–0.95'),
    testimonyShare: p(0.5, 'assumption: half of victims in protection testify; range 0.2–0.8'),
    testimonyGain: p(2, 'assumption: a victim\'s testimony doubles the odds of prosecution and of conviction; range 1.2–4'),
    handoverGapCut: p(0.5, 'assumption: handover between the two sides recovers half of the detection lost at the line; range 0.2–0.8'),
    idRaidTrained: p(0.3, 'assumption: jointly trained Malaysian enforcement recognises victims in raids as trained officers do at posts (idTrained); range 0.1–0.5'),
    borderPassShare: p(0.3, 'assumption: border-pass (PLB/KILB) holders among border-regency adults (facts §2 Nanga Badau: half of departures on PLB)'),
    initialAbroadShare: p(0.04, 'assumption: ~64k border-regency residents abroad at the start (Sarawak >200k Indonesian workers, facts §3)'),
    initialIrregularShare: p(0.5, 'facts §3: ~100k of >200k Indonesian workers in Sarawak were irregular (2011)'),
  },
});
