// Manual mutation run for the rules' unit tests (docs/testing.md, "Mutation run"): for each
// mutation below, changes one small thing in a rule's source, runs the rule's own unit test file
// and the golden test, records whether each failed (caught the mutation), and restores the source
// with `git checkout -- <file>`. Prints the results as a Markdown table.
//
//   node scripts/mutations.mjs              every mutation
//   node scripts/mutations.mjs recruit      only those of functions whose name contains "recruit"
//
// It refuses to start if a source file it mutates has uncommitted changes (they would be lost).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const GOLDEN = 'tests/model/golden.test.ts';

/** function, file, its unit test, what the mutation does, the exact text replaced (once) and its replacement. */
const MUTATIONS = [
  // recruit (src/model/recruitment.ts)
  ['recruit', 'src/model/recruitment.ts', 'tests/model/recruitment.test.ts', 'broker capacity doubled (×24/52 instead of ×12/52)', '(p.brokerCapacityPerMonth * 12) / 52', '(p.brokerCapacityPerMonth * 24) / 52'],
  ['recruit', 'src/model/recruitment.ts', 'tests/model/recruitment.test.ts', 'deception ignores awareness (drop the (1 − a) term)', "draw(w, 'deception', id) < p.deceptionSkill * (1 - a)", "draw(w, 'deception', id) < p.deceptionSkill"],
  ['recruit', 'src/model/recruitment.ts', 'tests/model/recruitment.test.ts', 'debt multiplier of deception ignored', 'p.brokerDebtIdr * (deceived ? p.deceptionDebtMultiplier : 1)', 'p.brokerDebtIdr'],
  ['recruit', 'src/model/recruitment.ts', 'tests/model/recruitment.test.ts', "fraudulent papers without the broker's access", 'b.fraudAccess[broker] === 1 && ', ''],
  ['recruit', 'src/model/recruitment.ts', 'tests/model/recruitment.test.ts', "outreach ignores the seekers' use of capacity (capacity − taken → capacity)", 'Math.max(0, capacity - taken)', 'capacity'],
  ['recruit', 'src/model/recruitment.ts', 'tests/model/recruitment.test.ts', "deception lure dropped from the outreach offer", 'const lure = b.trafficker[broker] === 1 ? 1 + p.deceptionInflation * (1 - aw) : 1;', 'const lure = 1;'],
  ['recruit', 'src/model/recruitment.ts', 'tests/model/recruitment.test.ts', 'deportees without a broker stay home (drop start === 1)', 'if (m.kin[id] === 1 || m.start[id] === 1) {', 'if (m.kin[id] === 1) {'],
  ['recruit', 'src/model/recruitment.ts', 'tests/model/recruitment.test.ts', "seekers always served by their origin's hub (hubOf ignores the start)", 'return m.start[id] === 1 ? m.startNode[id]! : w.fixed.geo.originHub[m.origin[id]!]!;', 'return w.fixed.geo.originHub[m.origin[id]!]!;'],
  // takeWork (src/model/work.ts)
  ['takeWork', 'src/model/work.ts', 'tests/model/work.test.ts', 'debt bondage without a broker (drop b !== NO_ID)', '(b !== NO_ID && m.debt[id]! > p.indebtedMonths)', '(m.debt[id]! > p.indebtedMonths)'],
  ['takeWork', 'src/model/work.ts', 'tests/model/work.test.ts', 'bondage at the threshold (> → >=)', 'm.debt[id]! > p.indebtedMonths', 'm.debt[id]! >= p.indebtedMonths'],
  ['takeWork', 'src/model/work.ts', 'tests/model/work.test.ts', "kin's protection dropped", "irregular, m.papersHeld[id] === 1, channel === Channel.kin)", 'irregular, m.papersHeld[id] === 1, false)'],
  ['takeWork', 'src/model/work.ts', 'tests/model/work.test.ts', 'denunciation threat also against regular workers', "const threatened = irregular && draw(w, 'threat', id)", "const threatened = draw(w, 'threat', id)"],
  // deport (src/model/enforcement.ts)
  ['deport', 'src/model/enforcement.ts', 'tests/model/enforcement.test.ts', 'detainees still in processing deported too', 'if (room === 0 || processing) {', 'if (room === 0) {'],
  ['deport', 'src/model/enforcement.ts', 'tests/model/enforcement.test.ts', 'batch size doubled', '((size / w.fixed.scale) * wk.deportationFactor', '(((2 * size) / w.fixed.scale) * wk.deportationFactor'],
  ['deport', 'src/model/enforcement.ts', 'tests/model/enforcement.test.ts', 'backlog counts those still in processing', 'if (!processing) backlog++;', 'backlog++;'],
  ['deport', 'src/model/enforcement.ts', 'tests/model/enforcement.test.ts', 'Sabah and Sarawak batch sizes swapped', 'state === 1 ? p.deportBatchSabah : p.deportBatchSarawak', 'state === 1 ? p.deportBatchSarawak : p.deportBatchSabah'],
  // chooseRoutes (src/model/routes.ts)
  ['chooseRoutes', 'src/model/routes.ts', 'tests/model/routes.test.ts', 'informal paths open to procedural migrants', 'if (kind === CrossingKind.informal) return m.channel[id] !== Channel.procedural;', 'if (kind === CrossingKind.informal) return true;'],
  ['chooseRoutes', 'src/model/routes.ts', 'tests/model/routes.test.ts', 'border pass valid at sea crossings too', 'return kind === CrossingKind.post && m.channel[id] === Channel.kin;', 'return m.channel[id] === Channel.kin;'],
  ['chooseRoutes', 'src/model/routes.ts', 'tests/model/routes.test.ts', "everyone guided by the community's beliefs (brokers' ignored)", 'const source = b !== NO_ID ? w.agents.brokers.cols.hub[b]! : H;', 'const source = H;'],
  ['chooseRoutes', 'src/model/routes.ts', 'tests/model/routes.test.ts', 'travel time rounded instead of rounded up', 'Math.max(1, Math.ceil(pa.hours / 168))', 'Math.max(1, Math.round(pa.hours / 168))'],
  // resolveCrossings (src/model/crossing.ts)
  ['resolveCrossings', 'src/model/crossing.ts', 'tests/model/crossing.test.ts', "training's cut in collusion dropped", 'trained ? trainedCut : 0', '0'],
  ['resolveCrossings', 'src/model/crossing.ts', 'tests/model/crossing.test.ts', 'legal status without procedural placement (any passport holder)', "m.docs[id] === Docs.passport && m.channel[id] === Channel.procedural;", 'm.docs[id] === Docs.passport;'],
  ['resolveCrossings', 'src/model/crossing.ts', 'tests/model/crossing.test.ts', "debt to a broker no longer an indicator", 'const indicators = m.deceived[id] === 1 || (b !== NO_ID && m.debt[id]! > p.indebtedMonths);', 'const indicators = m.deceived[id] === 1;'],
  ['resolveCrossings', 'src/model/crossing.ts', 'tests/model/crossing.test.ts', 'a colluding officer may recognise a victim', 'if (outcome !== Outcome.colluded && indicators &&', 'if (indicators &&'],
  // monitorOfficials (src/model/officials.ts)
  ['monitorOfficials', 'src/model/officials.ts', 'tests/model/officials.test.ts', 'collusion drift per act, not per person (drop × scale)', 'Math.pow(1 - p.collusionDrift, acts * w.fixed.scale)', 'Math.pow(1 - p.collusionDrift, acts)'],
  ['monitorOfficials', 'src/model/officials.ts', 'tests/model/officials.test.ts', 'removal comparison flipped (< → >)', 'w.fixed.draws.monitoring.u(id, wk.index, 1) < wk.colluderRemoval', 'w.fixed.draws.monitoring.u(id, wk.index, 1) > wk.colluderRemoval'],
  ['monitorOfficials', 'src/model/officials.ts', 'tests/model/officials.test.ts', 'a removed officer is not replaced', '        addOfficial(w, o.post[id]!);\n', ''],
  ['monitorOfficials', 'src/model/officials.ts', 'tests/model/officials.test.ts', "officers' risk learns the catch count, not the share caught", '(w.beliefs.postCatches[c]! / colludersAt[c]!)', 'w.beliefs.postCatches[c]!'],
];

const only = process.argv[2];
const chosen = MUTATIONS.filter(([fn]) => !only || fn.includes(only));
const files = [...new Set(chosen.map((m) => m[1]))];
const dirty = files.filter((f) => spawnSync('git', ['diff', '--quiet', 'HEAD', '--', f]).status !== 0);
if (dirty.length) {
  console.error(`uncommitted changes in ${dirty.join(', ')}: commit or stash them first`);
  process.exit(2);
}

/** Whether a test file fails (the mutation is caught), and how long it took. */
function fails(file) {
  const t = Date.now();
  const r = spawnSync('npx', ['vitest', 'run', file], { encoding: 'utf8' });
  return { failed: r.status !== 0, seconds: (Date.now() - t) / 1000 };
}

const rows = [];
for (const [fn, file, test, what, from, to] of chosen) {
  const src = readFileSync(file, 'utf8');
  if (src.split(from).length !== 2) throw new Error(`${fn}: "${from}" must occur exactly once in ${file}`);
  writeFileSync(file, src.replace(from, to));
  try {
    const rule = fails(test);
    const golden = fails(GOLDEN);
    rows.push([fn, what, rule.failed ? 'yes' : 'no', golden.failed ? 'yes' : 'no']);
    console.error(`${fn}: ${what}: rule test ${rule.failed ? 'caught' : 'MISSED'} (${rule.seconds} s), golden ${golden.failed ? 'caught' : 'missed'} (${golden.seconds} s)`);
  } finally {
    execFileSync('git', ['checkout', '--', file]);
  }
}
console.log('| function | mutation | caught by rule test | caught by golden |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| \`${r[0]}\` | ${r[1]} | ${r[2]} | ${r[3]} |`);
