/** The explorer's words: every static text of the page carries a catalog key, and every key the page uses exists in each language. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGS, LANGS } from '../../src/i18n/index.js';
import { leaves } from '../i18n/leaves.js';

const page = readFileSync('src/explorer/index.html', 'utf8');
const sources = readdirSync('src/explorer')
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(`src/explorer/${f}`, 'utf8'))
  .join('\n');

/** Names, not words: the project's name and each language's own name on the switch. */
const NAMES = new Set(['lintas', 'English', 'Bahasa Indonesia', 'Bahasa Melayu', '—']);

describe('explorer page in three languages', () => {
  it('marks every text of index.html with a catalog key (data-i18n), names aside', () => {
    const body = page.slice(page.indexOf('<body>'));
    // Text nodes: between a tag's end and the next tag, of elements that carry no data-i18n.
    const bare = [...body.matchAll(/<([a-z0-9]+)((?:\s[^>]*)?)>([^<]+)/g)]
      .filter((m) => !/data-i18n=/.test(m[2]!) && m[3]!.trim() !== '')
      .map((m) => m[3]!.trim())
      .filter((text) => !NAMES.has(text));
    expect(bare).toEqual([]);
    const head = page.slice(0, page.indexOf('<body>'));
    expect(head).toMatch(/<title data-i18n="explorer.title">/);
    // aria labels too.
    for (const m of page.matchAll(/<[^>]*aria-label="[^"]*"[^>]*>/g)) expect(m[0]).toContain('data-i18n-aria=');
  });

  it('finds every key it uses in en, id and ms', () => {
    const keys = new Set([...page.matchAll(/data-i18n(?:-aria)?="([^"]+)"/g)].map((m) => m[1]!));
    for (const m of sources.matchAll(/\bt\(\s*'([a-zA-Z.]+)'/g)) keys.add(m[1]!);
    for (const m of sources.matchAll(/\bl\('(\w+)'\)/g)) keys.add(`explorer.legend.${m[1]}`);
    expect(keys.size).toBeGreaterThan(30);
    for (const lang of LANGS) {
      const cat = leaves(CATALOGS[lang]);
      const missing = [...keys].filter((k) => ![...cat.keys()].some((c) => c === k || c.startsWith(`${k}.`)));
      expect(missing, lang).toEqual([]);
    }
  });

  it('has a language switch offering the three languages', () => {
    expect(page).toMatch(/<select id="lang">[\s\S]*value="en"[\s\S]*value="id"[\s\S]*value="ms"[\s\S]*<\/select>/);
    expect(sources).toContain('navigator.languages');
  });
});
