/**
 * Every citation resolves inside the repository: the source notes of parameters, data tables,
 * interventions, events and scheduled entries name entries of docs/sources.md, and no note points
 * to a file outside the repository.
 */
import { csvParse } from 'd3-dsv';
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVENTS } from '../../src/model/events/index.js';
import { BUILTIN } from '../../src/model/interventions/index.js';
import { sourceKind } from '../../src/report/honesty.js';
import { loadScenario } from '../../src/scenario/load.js';
import { parametersTable } from '../../src/scenario/parameter-table.js';

/**
 * A citation: a fact-sheet section, the seed paper and its sections, the brief, an author (et al.)
 * and year, or a press report, law or report on brokers, employers and officers by outlet and year.
 */
const CITATION =
  /(border facts §\d+|enforcement facts|Oktavian et al\.(?: §[\d.]+)?|model brief|Polner \d{4}|Gathmann \d{4}|Palmer \d{4}|\b[A-Z][a-z]+ et al\. \d{4}|Straits Times \d{4}|Jakarta Globe \d{4}|The Malaysian Insight \d{4}|Malay Mail \d{4}|New Sarawak Tribune \d{4}|UNDP \d{4}|UU \d+\/\d{4})/g;
/** Pointers to places outside the repository, or the old names of the sources. */
const STALE = /(?<!border |enforcement )\bfacts §|seed paper|MODEL\.md|shared\/|\bpaper §/i;

let keys: Set<string>;
/** A source note, or a scheduled entry's note (which describes; it need not cite). */
let notes: { where: string; source: string; describes?: boolean }[];

beforeAll(async () => {
  const doc = readFileSync('docs/sources.md', 'utf8');
  keys = new Set([...doc.matchAll(/^#{2,3} (.+?)(?: — .*)?$/gm)].map((m) => m[1]!.trim()));
  notes = [];
  for (const file of ['scenarios/baseline.ts', 'scenarios/paper-interventions.ts']) {
    const s = await loadScenario(file);
    for (const r of parametersTable(s)) notes.push({ where: `${file} params.${r.name}`, source: r.source });
    for (const st of s.stages) notes.push({ where: `${file} stages ${st.date}`, source: st.source ?? '' });
    for (const iv of [...s.interventions, ...s.events]) if (iv.note) notes.push({ where: `${file} ${iv.kind} ${iv.start}`, source: iv.note, describes: true });
  }
  for (const d of [...BUILTIN.definitions, ...EVENTS.definitions]) notes.push({ where: `definition ${d.kind}`, source: d.source });
  for (const f of readdirSync('scenarios/data').filter((f) => f.endsWith('.csv'))) {
    const rows = csvParse(readFileSync(`scenarios/data/${f}`, 'utf8'));
    // Calibration targets cite the outlets themselves (listed under the fact sheets in docs/sources.md).
    rows.forEach((row, i) => row.source !== undefined && notes.push({ where: `scenarios/data/${f} row ${i + 2}`, source: row.source, describes: f === 'targets.csv' }));
  }
});

describe('sources', () => {
  it('docs/sources.md holds the entries notes cite', () => {
    for (const k of ['border facts §2', 'enforcement facts', 'Oktavian et al. §3.3', 'model brief', 'Polner 2011']) expect(keys, k).toContain(k);
    // The sources of the broker market, employers and officers' choice.
    for (const k of ['Straits Times 2002', 'Jakarta Globe 2010', 'The Malaysian Insight 2017', 'Malay Mail 2021', 'UU 21/2007', 'UNDP 2009', 'Palmer 2010', 'New Sarawak Tribune 2023']) expect(keys, k).toContain(k);
    expect(notes.length).toBeGreaterThan(300);
  });

  it('every citation in a source note names an entry of docs/sources.md', () => {
    const unresolved = notes.flatMap((n) => [...n.source.matchAll(CITATION)].map((m) => m[1]!).filter((k) => !keys.has(k)).map((k) => `${n.where}: "${k}"`));
    expect(unresolved).toEqual([]);
  });

  it('no note points outside the repository (the old "facts §", "seed paper", "MODEL.md")', () => {
    expect(notes.filter((n) => STALE.test(n.source)).map((n) => `${n.where}: ${n.source}`)).toEqual([]);
  });

  it('every note that is not an assumption cites an entry', () => {
    const bare = notes.filter((n) => !n.describes && ['data', 'partly'].includes(sourceKind(n.source)) && !/^(variant|test|calibrated)\b/.test(n.source) && !n.source.match(CITATION));
    expect(bare.map((n) => `${n.where}: ${n.source}`)).toEqual([]);
  });
});

describe('CITATION.cff', () => {
  it('is valid YAML with the fields citation tools read, and agrees with package.json', async () => {
    const { parse } = await import('yaml');
    const cff = parse(readFileSync('CITATION.cff', 'utf8')) as Record<string, unknown>;
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; license: string };
    expect(cff['cff-version']).toBe('1.2.0');
    expect(cff.title).toMatch(/^lintas/);
    expect((cff.authors as unknown[]).length).toBeGreaterThan(0);
    expect(cff.version).toBe(pkg.version);
    expect(cff.license).toBe(pkg.license);
    expect(readFileSync('README.md', 'utf8')).toContain('## How to cite');
  });
});
