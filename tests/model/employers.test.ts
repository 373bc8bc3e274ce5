/**
 * Rules of employers.ts: who counts as employed, an employer group's vacancy rate, the expected
 * fine relative to what hiring irregularly saves, and the chance of taking on a worker without
 * legal status; then in a small fresh world (scale 2000, no spin-up): the vacancy at a destination,
 * `takeWork` turning away or hiring irregular arrivals by it, and the workforce counter kept by
 * every status change in a run.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Channel, NO_ID, STATUS_COUNT, Status } from '../../src/model/codes.js';
import { hireChance, isEmployed, sanctionRatio, vacancyAt, vacancyRate } from '../../src/model/employers.js';
import { createModel, worldOf } from '../../src/model/model.js';
import type { Params } from '../../src/model/parameters.js';
import { geometricWeeks, type World } from '../../src/model/state.js';
import { move, weeksLeft } from '../../src/model/transitions.js';
import { takeWork } from '../../src/model/work.js';
import type { Scenario } from '../../src/scenario/load.js';
import { firstWeek, scenarioWith, setP, weekCounts } from './helpers.js';

/** Employers' parameters as the baseline has them. */
const P = { irregularHireLogit: 3, hireVacancyWeight: 30, hireSanctionWeight: 2, irregularSavingIdr: 15_000_000, employerFineIdr: 35_000_000, employerProsecution: 0.1 };
const params = (x: Partial<typeof P> = {}) => ({ ...P, ...x }) as unknown as Params;
const logistic = (x: number) => 1 / (1 + Math.exp(-x));

describe('isEmployed', () => {
  it('counts those working, regularly or not, and those held in exploitation; no one else', () => {
    const employed: number[] = [Status.workingRegular, Status.workingIrregular, Status.exploited];
    for (let s = 0; s < STATUS_COUNT; s++) expect(isEmployed(s), `status ${s}`).toBe(employed.includes(s));
  });
});

describe('vacancyRate', () => {
  it('is (demand − employed) / demand: positive when short of workers, negative with more than needed, 0 without demand', () => {
    expect(vacancyRate(100, 80)).toBe(0.2);
    expect(vacancyRate(100, 110)).toBe(-0.1);
    expect(vacancyRate(50, 0)).toBe(1);
    expect(vacancyRate(40, 40)).toBe(0);
    expect(vacancyRate(10, 30)).toBe(-2);
    expect(vacancyRate(0, 5)).toBe(0);
  });

  it('is at most 1, falls with the workforce and rises with demand', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 1, max: 1e4, noNaN: true }), (demand, employed, x) => {
        const v = vacancyRate(demand, employed);
        expect(v).toBeLessThanOrEqual(1);
        expect(vacancyRate(demand, employed + x)).toBeLessThan(v);
        expect(vacancyRate(demand + x, employed)).toBeGreaterThanOrEqual(v);
      }),
    );
  });
});

describe('sanctionRatio', () => {
  it('is weekly raid chance · 52 · prosecution · fine / yearly saving', () => {
    // 0.001 · 52 · 0.1 · 35 million / 15 million.
    expect(sanctionRatio(params(), 0.001)).toBeCloseTo((0.001 * 52 * 0.1 * 35) / 15, 15);
    expect(sanctionRatio(params({ employerProsecution: 1, employerFineIdr: 15_000_000 }), 1 / 52)).toBeCloseTo(1, 15);
    expect(sanctionRatio(params(), 0)).toBe(0);
    expect(sanctionRatio(params({ employerProsecution: 0 }), 0.01)).toBe(0);
    // Nothing saved: the ratio is taken as 0 (no division by zero).
    expect(sanctionRatio(params({ irregularSavingIdr: 0 }), 0.01)).toBe(0);
  });

  it('rises with raids, prosecution and the fine, falls with the saving', () => {
    const pos = fc.double({ min: 0.0001, max: 0.05, noNaN: true });
    fc.assert(
      fc.property(pos, fc.double({ min: 0.01, max: 0.5, noNaN: true }), fc.double({ min: 1e6, max: 2e8, noNaN: true }), fc.double({ min: 1e6, max: 5e7, noNaN: true }), (raid, pros, fine, saving) => {
        const p = params({ employerProsecution: pros, employerFineIdr: fine, irregularSavingIdr: saving });
        const s = sanctionRatio(p, raid);
        expect(s).toBeGreaterThan(0);
        expect(sanctionRatio(p, raid * 2)).toBeGreaterThan(s);
        expect(sanctionRatio(params({ employerProsecution: pros * 2, employerFineIdr: fine, irregularSavingIdr: saving }), raid)).toBeGreaterThan(s);
        expect(sanctionRatio(params({ employerProsecution: pros, employerFineIdr: fine * 2, irregularSavingIdr: saving }), raid)).toBeGreaterThan(s);
        expect(sanctionRatio(params({ employerProsecution: pros, employerFineIdr: fine, irregularSavingIdr: saving * 2 }), raid)).toBeLessThan(s);
      }),
    );
  });
});

describe('hireChance', () => {
  it('is logistic(irregularHireLogit + hireVacancyWeight · vacancy − hireSanctionWeight · sanction)', () => {
    // No vacancy, no sanction: logistic(3) = 95%.
    expect(hireChance(params(), 0, 0)).toBeCloseTo(logistic(3), 15);
    expect(hireChance(params(), 0, 0)).toBeCloseTo(0.9526, 4);
    // 10% over demand: logit 3 − 30 · 0.1 = 0, one in two (the baseline's note).
    expect(hireChance(params(), -0.1, 0)).toBeCloseTo(0.5, 12);
    expect(hireChance(params(), 0.05, 0.5)).toBeCloseTo(logistic(3 + 1.5 - 1), 15);
    expect(hireChance(params({ irregularHireLogit: -1, hireVacancyWeight: 10, hireSanctionWeight: 4 }), 0.2, 0.25)).toBeCloseTo(logistic(-1 + 2 - 1), 15);
    // Far over demand: almost none; short of workers: almost all.
    expect(hireChance(params(), -2, 0)).toBeLessThan(1e-20);
    expect(hireChance(params(), 1, 0)).toBeGreaterThan(1 - 1e-14);
  });

  it('lies in [0, 1], rises with the vacancy and falls with the sanction', () => {
    fc.assert(
      fc.property(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), fc.double({ min: 0.001, max: 0.5, noNaN: true }), (v, s, d) => {
        const c = hireChance(params(), v, s);
        expect(c).toBeGreaterThanOrEqual(0);
        expect(c).toBeLessThanOrEqual(1);
        expect(hireChance(params(), v + d, s)).toBeGreaterThanOrEqual(c);
        expect(hireChance(params(), v, s + d)).toBeLessThanOrEqual(c);
      }),
    );
  });
});

describe('employers in a small fresh world', () => {
  let scenario: Scenario;
  beforeAll(async () => {
    scenario = await scenarioWith((d) => void (d.spinUpWeeks = 0));
  });
  const fresh = () => firstWeek(scenario, { seed: 5, scale: 2000 });
  const atHome = (w: World) => Array.from({ length: w.agents.migrants.count }, (_, id) => id).filter((id) => w.agents.migrants.cols.status[id] === Status.home);
  /** Those employed at each destination, counted from their statuses. */
  const recount = (w: World) => {
    const m = w.agents.migrants.cols;
    const out = new Array<number>(w.fixed.input.destinations.length).fill(0);
    for (let id = 0; id < w.agents.migrants.count; id++) if (isEmployed(m.status[id]!)) out[m.destination[id]!]!++;
    return out;
  };
  /** Job seekers at destination d who crossed without legal status (through a broker), or with it (procedural). */
  const arrivals = (w: World, d: number, ids: number[], irregular: number) => {
    const m = w.agents.migrants.cols;
    for (const id of ids) {
      m.destination[id] = d;
      m.irregular[id] = irregular;
      m.channel[id] = irregular ? Channel.kin : Channel.procedural;
      m.broker[id] = NO_ID;
      m.debt[id] = 0;
      move(w, id, Status.crossed);
      w.queues.jobSeekers.push(id);
    }
  };

  it('starts each destination’s demand at the workforce it has when the population is made', () => {
    const w = fresh();
    expect(Array.from(w.agents.demandBase)).toEqual(recount(w));
    expect(Array.from(w.agents.employed)).toEqual(recount(w));
    for (const x of w.agents.demandBase) expect(x).toBeGreaterThan(0);
  });

  it('the vacancy at a destination is demandBase × the state’s labour demand this week against its workforce', () => {
    const w = fresh();
    const D = w.fixed.input.destinations.length;
    w.week.labourDemand[0] = 1.5; // Sarawak
    w.week.labourDemand[1] = 0.8; // Sabah
    for (let d = 0; d < D; d++) {
      const demand = w.agents.demandBase[d]! * (w.fixed.geo.destinationSabah[d] === 1 ? 0.8 : 1.5);
      expect(vacancyAt(w, d)).toBeCloseTo((demand - w.agents.employed[d]!) / demand, 15);
    }
    const kuching = w.fixed.input.destinations.findIndex((x) => x.id === 'kuching');
    const kk = w.fixed.input.destinations.findIndex((x) => x.id === 'kota_kinabalu');
    expect(vacancyAt(w, kuching)).toBeCloseTo(1 / 3, 12); // a third short
    expect(vacancyAt(w, kk)).toBeCloseTo(-0.25, 12); // a quarter over
  });

  it('turns an irregular arrival away when the employer is far over its demand, and hires when it is short; a legal worker is hired either way', () => {
    const at = (demandBase: number) => {
      const w = fresh();
      const m = w.agents.migrants.cols;
      const d = w.fixed.input.destinations.findIndex((x) => x.id === 'sarawak_plantations');
      w.agents.demandBase[d] = demandBase;
      const [irregular, legal] = [atHome(w).slice(0, 8), atHome(w).slice(8, 10)];
      arrivals(w, d, irregular, 1);
      arrivals(w, d, legal, 0);
      const employedBefore = w.agents.employed[d]!;
      const chance = hireChance(w.fixed.p, vacancyAt(w, d), sanctionRatio(w.fixed.p, w.fixed.p.raidRateSarawak * w.week.raidFactor));
      takeWork(w);
      const hired = irregular.filter((id) => isEmployed(m.status[id]!));
      const away = irregular.filter((id) => m.status[id] === Status.returned);
      for (const id of away) {
        // Turned back: home for a while, a short cooldown by their draw.
        expect(weeksLeft(w, id)).toBe(geometricWeeks(w.fixed.p.returnCooldownWeeks * w.fixed.p.turnBackCooldownShare, w.fixed.draws.cooldown.u(id, 0)));
        expect(m.irregular[id]).toBe(0);
      }
      for (const id of legal) expect(m.status[id]).toBe(Status.workingRegular);
      expect(hired.length + away.length).toBe(irregular.length);
      expect(weekCounts(w)('not_hired')).toBe(away.length);
      expect(w.agents.employed[d]).toBe(employedBefore + hired.length + legal.length);
      expect(Array.from(w.agents.employed)).toEqual(recount(w));
      return { hired: hired.length, away: away.length, chance };
    };
    // Demand of 1 worker against a workforce of dozens: vacancy far below −1, no employer takes them on.
    const over = at(1);
    expect(over.chance).toBeLessThan(1e-20);
    expect(over).toMatchObject({ hired: 0, away: 8 });
    // Demand of a million: vacancy about 1, every one is hired.
    const short = at(1e6);
    expect(short.chance).toBeGreaterThan(1 - 1e-12);
    expect(short).toMatchObject({ hired: 8, away: 0 });
  });

  it('hires each irregular arrival by its draw against the chance at the vacancy left by those before it', () => {
    const w = fresh();
    const m = w.agents.migrants.cols;
    const d = w.fixed.input.destinations.findIndex((x) => x.id === 'kuching');
    // Demand just above the workforce: the first few fill it, then employers grow reluctant.
    w.agents.demandBase[d] = w.agents.employed[d]! + 3;
    setP(w, { hireVacancyWeight: 60 });
    const ids = atHome(w).slice(0, 30);
    arrivals(w, d, ids, 1);
    const sanction = sanctionRatio(w.fixed.p, w.fixed.p.raidRateSarawak * w.week.raidFactor);
    let employed = w.agents.employed[d]!;
    const demand = w.agents.demandBase[d]! * w.week.labourDemand[0]!;
    const expected = ids.map((id) => {
      const hire = w.fixed.draws.hire.u(id, 0) < hireChance(w.fixed.p, (demand - employed) / demand, sanction);
      if (hire) employed++;
      return hire;
    });
    takeWork(w);
    expect(ids.map((id) => isEmployed(m.status[id]!))).toEqual(expected);
    expect(expected.filter(Boolean).length).toBeGreaterThan(3);
    expect(expected.filter((x) => !x).length).toBeGreaterThan(3);
  });

  it('keeps the workforce counter equal to a recount of statuses by destination, week after week of a run', () => {
    const model = createModel(scenario, { seed: 6, scale: 2000 });
    const w = worldOf(model);
    const weeks: number[] = [];
    let notHired = 0;
    model.run(30, (week) => {
      expect(Array.from(w.agents.employed), `week ${week}`).toEqual(recount(w));
      weeks.push(week);
      notHired += model.series('not_hired')[week]!;
    });
    expect(weeks.length).toBe(30);
    // The workforce moved (people came and went), and some irregular arrivals were turned away.
    expect(Array.from(w.agents.employed)).not.toEqual(Array.from(w.agents.demandBase));
    expect(notHired).toBeGreaterThan(0);
  });
});
