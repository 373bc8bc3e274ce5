/** The message catalogs: the same keys in every language, the same placeholders, and Intl formats per locale. */
import { describe, expect, it } from 'vitest';
import { CATALOGS, LANGS, langOf, localize } from '../../src/i18n/index.js';
import { SAME_EVERYWHERE, leaves } from './leaves.js';
import { BUILTIN, textIn } from '../../src/model/interventions/index.js';
import { METRIC_DEFS, type MetricDef } from '../../src/model/metrics.js';

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

const en = leaves(CATALOGS.en);

describe('message catalogs', () => {
  it('hold the same keys in en, id and ms', () => {
    for (const lang of LANGS) expect([...leaves(CATALOGS[lang]).keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('keep every placeholder of the English text', () => {
    for (const lang of LANGS) for (const [k, v] of leaves(CATALOGS[lang])) expect(placeholders(v), `${lang} ${k}`).toEqual(placeholders(en.get(k)!));
  });

  it('translate every value into id and ms, beyond names and shared words', () => {
    for (const lang of ['id', 'ms'] as const) {
      const same = [...leaves(CATALOGS[lang])].filter(([k, v]) => v === en.get(k) && !SAME_EVERYWHERE.has(k) && !/^\d/.test(v) && !k.startsWith('language.')).map(([k]) => k);
      expect(same, lang).toEqual([]);
    }
  });

  it('name metrics in English as the model registry does; measures are named by their own definitions, in every language', () => {
    for (const d of BUILTIN.definitions) {
      for (const lang of LANGS) {
        expect(typeof d.label === 'object' && d.label[lang].length > 0, `${d.kind} label in ${lang}`).toBe(true);
        expect(typeof d.meaning === 'object' && d.meaning[lang].length > 0, `${d.kind} meaning in ${lang}`).toBe(true);
      }
      expect([...en.keys()].some((k) => k.endsWith(`.${d.kind}`)), `no catalog repeats ${d.kind}`).toBe(false);
    }
    for (const [k, v] of en) if (k.startsWith('metric.')) expect(v).toBe((METRIC_DEFS as Record<string, MetricDef>)[k.slice(7)]?.label);
  });

  it('use the glossary terms (docs/glossary.md)', () => {
    // The catalogs, and the measures' own words (their definitions carry them in each language).
    const text = (lang: 'id' | 'ms') =>
      [...leaves(CATALOGS[lang]).values(), ...BUILTIN.definitions.flatMap((d) => [textIn(d.label, lang), textIn(d.meaning, lang)])].join('\n');
    expect(text('id')).toContain('tindak pidana perdagangan orang (TPPO)');
    expect(text('id')).toContain('pekerja migran Indonesia (PMI)');
    expect(text('id')).toContain('pos lintas batas negara');
    expect(text('id')).toContain('calo');
    expect(text('id')).toContain('jalan tikus');
    expect(text('id')).toContain('deportasi');
    expect(text('id')).toContain('identifikasi korban');
    expect(text('ms')).toContain('pemerdagangan orang');
    expect(text('ms')).toContain('pos kawalan sempadan');
    expect(text('ms')).toContain('ejen');
    expect(text('ms')).toContain('pengusiran');
    expect(text('ms')).toContain('pengenalpastian mangsa');
    // Indonesian words that Malay readers read otherwise, kept out of the Malay catalog.
    expect(text('ms')).not.toMatch(/\bcalo\b|\bkorban\b|\bPLBN\b/);
  });
});

describe('locale formats (Intl)', () => {
  it('write numbers the Indonesian way: 1.234,5', () => {
    const id = localize('id');
    expect(id.fixed(1234.5, 1, true)).toBe('1.234,5');
    expect(id.int(1234567)).toBe('1.234.567');
    expect(id.pct1(-0.102)).toBe('-10,2%');
    expect(id.pct2(-0.047)).toBe('−4,7%');
    expect(id.count2(93_347)).toBe('93.000');
  });

  it('write numbers the Malaysian way: 1,234.5', () => {
    const ms = localize('ms');
    expect(ms.fixed(1234.5, 1, true)).toBe('1,234.5');
    expect(ms.int(1234567)).toBe('1,234,567');
  });

  it('write rupiah and ringgit with their symbols', () => {
    expect(localize('id').money(1234567, 'IDR')).toBe('Rp 1.234.567');
    expect(localize('ms').money(1234.5, 'MYR')).toBe('RM 1,235');
    expect(localize('id').money(1234.5, 'MYR')).toBe('RM 1.235');
    expect(localize('en').money(1234567, 'IDR')).toBe('Rp 1,234,567');
    expect(localize('id').money2(1_683_104_722_792)).toBe('Rp 1,7 triliun');
    expect(localize('id').money2(11_552_105)).toBe('Rp 12 juta');
    expect(localize('ms').money2(1_700_000_000)).toBe('Rp 1.7 bilion');
    expect(localize('en').money2(1_683_104_722_792)).toBe('Rp 1.7 trillion');
  });

  it('write dates as each language does; English keeps ISO dates', () => {
    expect(localize('id').date('2019-01-07')).toBe('7 Januari 2019');
    expect(localize('ms').date('2024-12-30')).toBe('30 Disember 2024');
    expect(localize('en').date('2019-01-07')).toBe('2019-01-07');
  });

  it("follow a browser's languages, English when none is known", () => {
    expect(langOf(['id-ID', 'en'])).toBe('id');
    expect(langOf(['in-ID'])).toBe('id');
    expect(langOf(['fr-FR', 'ms-MY'])).toBe('ms');
    expect(langOf(['fr-FR'])).toBe('en');
  });
});
