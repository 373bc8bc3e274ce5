/**
 * Rules of enforcement.ts in a small fresh world (scale 1000, no spin-up): raids (detention, and
 * victims referred or deported as offenders), deportation in batches through the posts, and
 * deportees re-crossing. Outcomes are computed from the keyed draws the rules use.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Channel, CROSSING_SLOTS, DEPORTED_SLOT, NO_ID, Status } from '../../src/model/codes.js';
import { deport, raids, reenter } from '../../src/model/enforcement.js';
import { geometricWeeks, type World } from '../../src/model/state.js';
import { move, startTimer, weeksLeft } from '../../src/model/transitions.js';
import type { Scenario } from '../../src/scenario/load.js';
import { firstWeek, scenarioWith, setP, weekCounts } from './helpers.js';

let scenario: Scenario;
beforeAll(async () => {
  scenario = await scenarioWith((d) => void (d.spinUpWeeks = 0));
});

const atHome = (w: World) => Array.from({ length: w.agents.migrants.count }, (_, id) => id).filter((id) => w.agents.migrants.cols.status[id] === Status.home);
const list = (l: World['queues']['seekers']) => Array.from(l.ids.subarray(0, l.length));

describe('raids', () => {
  it('detains everyone raided, except victims it recognises and refers; those recognised and not referred are deported as offenders', () => {
    const w = firstWeek(scenario, { seed: 4 });
    const m = w.agents.migrants.cols;
    w.week.idRaid = 0.5;
    w.week.cap = { ...w.week.cap, referral: 0.5 };
    const D = w.fixed.input.destinations.length;
    const ids = atHome(w).slice(0, 120);
    ids.forEach((id, i) => {
      m.victim[id] = i % 2;
      m.destination[id] = i % D;
      m.broker[id] = NO_ID;
      move(w, id, i % 2 ? Status.exploited : Status.workingIrregular);
      w.queues.raided.push(id);
    });
    const u = (name: 'identifyRaid' | 'referral' | 'detention', id: number) => w.fixed.draws[name].u(id, 0);
    const recognised = ids.filter((id) => m.victim[id] === 1 && u('identifyRaid', id) < 0.5);
    const referred = recognised.filter((id) => u('referral', id) < 0.5);
    const detained = ids.filter((id) => !referred.includes(id));
    raids(w);
    for (const id of referred) expect(m.status[id]).toBe(Status.identified);
    for (const id of detained) {
      expect(m.status[id]).toBe(Status.detained);
      expect(weeksLeft(w, id)).toBe(geometricWeeks(w.fixed.p.detentionWeeks, u('detention', id)));
    }
    // Each to the depots of the state they worked in, in the order they were detained.
    const sabah = (id: number) => w.fixed.geo.destinationSabah[m.destination[id]!] === 1;
    expect(w.justice.detention[1]).toEqual(detained.filter(sabah));
    expect(w.justice.detention[0]).toEqual(detained.filter((id) => !sabah(id)));
    expect(w.justice.detention[0].length).toBeGreaterThan(0);
    expect(w.justice.detention[1].length).toBeGreaterThan(0);
    const n = weekCounts(w);
    expect(n('raids_detained')).toBe(detained.length);
    expect(n('identified_raid')).toBe(referred.length);
    expect(n('victims_referred')).toBe(referred.length);
    expect(n('victims_deported_as_offenders')).toBe(recognised.length - referred.length);
    expect(referred.length).toBeGreaterThan(3);
    expect(recognised.length - referred.length).toBeGreaterThan(3);
    expect(w.queues.raided.length).toBe(0);
  });

  it('refers no one at a stage without referral, and recognises no one without screening', () => {
    const w = firstWeek(scenario, { seed: 4 });
    const m = w.agents.migrants.cols;
    expect(w.week.cap.referral).toBe(0); // coexistence
    w.week.idRaid = 1;
    const ids = atHome(w).slice(0, 10);
    for (const id of ids) {
      m.victim[id] = 1;
      move(w, id, Status.exploited);
      w.queues.raided.push(id);
    }
    raids(w);
    for (const id of ids) expect(m.status[id]).toBe(Status.detained);
    expect(weekCounts(w)('victims_deported_as_offenders')).toBe(10);
  });
});

describe('deport', () => {
  /** A world whose depots hold `queue[state]` detainees: true = processing done, false = still in processing (3 weeks left). */
  const depots = (sabah: boolean[], sarawak: boolean[], seed = 4) => {
    const w = firstWeek(scenario, { seed });
    const m = w.agents.migrants.cols;
    const ids = atHome(w);
    let k = 0;
    const fill = (state: 0 | 1, done: boolean[]) =>
      done.map((d) => {
        const id = ids[k++]!;
        move(w, id, Status.detained);
        if (d) m.due[id] = -1; // the processing timer ran out
        else startTimer(w, id, 3);
        w.justice.detention[state].push(id);
        return id;
      });
    const queues = [fill(0, sarawak), fill(1, sabah)] as const;
    // A batch leaves from each state every week; 3 detainees fit in Sabah's, 1.5 on average in Sarawak's.
    setP(w, { deportBatchChance: 1, deportBatchSabah: 3000, deportBatchSarawak: 1500 });
    return { w, m, queues };
  };

  it('sends the detainees whose processing is done, in the order they were detained, up to the batch; the rest wait (the backlog)', () => {
    const { w, m, queues } = depots([true, false, true, true, false, true, true], [true, true, true, false]);
    const sarawakRoom = 1 + (w.fixed.draws.deportBatch.u(0, 0, 1) < 0.5 ? 1 : 0);
    const done = (ids: readonly number[]) => ids.filter((id) => m.due[id] === -1);
    const leaving = [done(queues[0]).slice(0, sarawakRoom), done(queues[1]).slice(0, 3)];
    deport(w);
    const geo = w.fixed.geo;
    const C = geo.crossingIds.length;
    for (const state of [0, 1] as const) {
      for (const id of leaving[state]!) {
        expect(m.status[id]).toBe(Status.deported);
        expect(m.start[id]).toBe(1);
        expect(m.startNode[id]).toBe(geo.deportationHub[state]);
        expect(m.crossing[id]).toBe(geo.deportationCrossing[state]);
      }
      expect(w.justice.detention[state]).toEqual(queues[state].filter((id) => !leaving[state]!.includes(id)));
      expect(w.rec.perCrossing[geo.deportationCrossing[state] * CROSSING_SLOTS + DEPORTED_SLOT]).toBe(leaving[state]!.length);
    }
    expect(geo.crossingIds[geo.deportationCrossing[1]]).toBe('nunukan_tawau');
    expect(geo.crossingIds[geo.deportationCrossing[0]]).toBe('entikong');
    expect(C).toBeGreaterThan(geo.deportationCrossing[1]);
    const n = weekCounts(w);
    expect([n('deportations_sarawak'), n('deportations_sabah'), n('deportations')]).toEqual([sarawakRoom, 3, sarawakRoom + 3]);
    // Done but not deported: 2 in Sabah (5 done, 3 sent), 3 − room in Sarawak.
    expect(n('detention_backlog')).toBe(2 + (3 - sarawakRoom));
  });

  it('sends a batch only in a week the state’s draw says so, and none through a crossing closed to deportees', () => {
    const run = (setup: (w: World) => void) => {
      const { w, queues } = depots([true, true], [true, true]);
      setP(w, { deportBatchSarawak: 3000 }); // room for 3 in each state's batch
      setup(w);
      deport(w);
      return [queues[0].length - w.justice.detention[0].length, queues[1].length - w.justice.detention[1].length];
    };
    expect(run(() => {})).toEqual([2, 2]);
    // The batch chance just below / above each state's draw of the week.
    const batchDraws = (w: World) => [w.fixed.draws.deportBatch.u(0, 0, 0), w.fixed.draws.deportBatch.u(1, 0, 0)];
    expect(run((w) => setP(w, { deportBatchChance: Math.min(...batchDraws(w)) - 1e-9 }))).toEqual([0, 0]);
    expect(run((w) => setP(w, { deportBatchChance: Math.max(...batchDraws(w)) + 1e-9 }))).toEqual([2, 2]);
    // Entikong closed to deportees this week: none from Sarawak.
    expect(
      run((w) => {
        const C = w.fixed.geo.crossingIds.length;
        w.fixed.geo.deportOpen[0 * C + w.fixed.geo.deportationCrossing[0]] = 0;
      }),
    ).toEqual([0, 2]);
    // Deportations slowed to a third: one a week from Sabah's batch of 3.
    expect(run((w) => (w.week.deportationFactorSabah = 1 / 3))[1]).toBe(1);
    // Suspended in Sabah: none from Sabah; Sarawak's batch leaves as usual (only Sabah suspended under COVID-19).
    expect(run((w) => (w.week.deportationFactorSabah = 0))).toEqual([2, 0]);
  });

  it('screening at deportation identifies victims by their draw; they are not deported', () => {
    const { w, m, queues } = depots([true, true, true], []);
    w.week.idDeportation = 0.5;
    for (const id of queues[1]) m.victim[id] = 1;
    const u = queues[1].map((id) => w.fixed.draws.identifyDeportation.u(id, 0));
    deport(w);
    queues[1].forEach((id, k) => expect(m.status[id]).toBe(u[k]! < 0.5 ? Status.identified : Status.deported));
    const n = weekCounts(w);
    expect(n('identified_deportation')).toBe(u.filter((x) => x < 0.5).length);
    // Identified or not, each left the depot in the batch.
    expect(n('deportations_sabah')).toBe(3);
  });
});

describe('reenter', () => {
  it('deportees re-cross at once by their draw (through a broker by a second draw, less often after support), or go home', () => {
    const w = firstWeek(scenario, { seed: 4 });
    const m = w.agents.migrants.cols;
    setP(w, { recrossProb: 0.6, recrossBrokerShare: 0.6 });
    w.week.reintegrationCut = 0.5;
    const hub = w.fixed.geo.deportationHub[1];
    const ids = atHome(w).slice(0, 200);
    ids.forEach((id, i) => {
      move(w, id, Status.deported);
      m.start[id] = 1;
      m.startNode[id] = hub;
      m.identifiedBefore[id] = i % 2;
      m.deceived[id] = 1;
      m.victim[id] = 1;
      m.broker[id] = 5;
      m.debt[id] = 3;
      w.queues.deportees.push(id);
    });
    const u = (id: number, slot: number) => w.fixed.draws.reentry.u(id, 0, slot);
    const again = ids.filter((id) => u(id, 0) < 0.6);
    const viaBroker = again.filter((id) => u(id, 1) < 0.6 * (m.identifiedBefore[id] === 1 ? 0.5 : 1));
    const alone = again.filter((id) => !viaBroker.includes(id));
    const home = ids.filter((id) => !again.includes(id));
    reenter(w);
    expect(list(w.queues.seekers)).toEqual(viaBroker);
    expect(list(w.queues.ready)).toEqual(alone);
    for (const id of viaBroker) {
      expect(m.channel[id]).toBe(Channel.broker);
      expect(m.status[id]).toBe(Status.deported); // until a broker takes them on (recruitment)
    }
    for (const id of alone) {
      expect(m.channel[id]).toBe(Channel.kin);
      expect(m.status[id]).toBe(Status.preparing);
    }
    for (const id of again) {
      expect([m.start[id], m.startNode[id], m.deceived[id], m.victim[id], m.broker[id]]).toEqual([1, hub, 0, 0, NO_ID]);
      expect(m.debt[id]).toBe(3); // the debt goes with them
    }
    for (const id of home) {
      expect(m.status[id]).toBe(Status.returned);
      expect(weeksLeft(w, id)).toBe(geometricWeeks(w.fixed.p.returnCooldownWeeks, w.fixed.draws.cooldown.u(id, 0)));
      expect(m.debt[id]).toBe(0);
    }
    // Support cut the share through a broker: among re-crossers, those identified before went less often.
    const share = (f: number) => viaBroker.filter((id) => m.identifiedBefore[id] === f).length / again.filter((id) => m.identifiedBefore[id] === f).length;
    expect(share(1)).toBeLessThan(share(0));
    expect(alone.some((id) => m.identifiedBefore[id] === 1 && u(id, 1) < 0.6)).toBe(true); // the cut decided some
    expect(weekCounts(w)('re_crossings')).toBe(again.length);
    expect(w.queues.deportees.length).toBe(0);
  });
});
