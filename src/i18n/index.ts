/**
 * The readers' languages: English, Bahasa Indonesia and Malay. Every word a person reads comes
 * from the catalogs beside this file (en.json, id.json, ms.json) through i18next, one instance
 * per language; numbers, money and dates go through Intl for the language's locale. Browser-safe
 * and below every layer, so the report, the CLI and the explorer all use the same words.
 * Domain terms follow docs/glossary.md.
 */
import { createInstance, type TFunction, type TOptions } from 'i18next';
import en from './en.json' with { type: 'json' };
import id from './id.json' with { type: 'json' };
import ms from './ms.json' with { type: 'json' };

import { isLang, LANGS, type Lang } from './langs.js';

export { isLang, LANGS, type Lang };
export const CATALOGS: Record<Lang, Record<string, unknown>> = { en, id, ms };
/** The Intl locale of each language. English stays en-US, the formatting lintas has always printed. */
export const LOCALES: Record<Lang, string> = { en: 'en-US', id: 'id-ID', ms: 'ms-MY' };

/** The language of a browser's list of preferred languages ("id-ID", "ms", "en-GB"), else English. */
export function langOf(preferred: readonly string[]): Lang {
  for (const p of preferred) {
    const base = p.toLowerCase().split(/[-_]/)[0] ?? '';
    // "in" is the old ISO code for Indonesian, still sent by some Android browsers.
    if (base === 'in') return 'id';
    if (base === 'zsm') return 'ms';
    if (isLang(base)) return base;
  }
  return 'en';
}

const translators = new Map<Lang, TFunction>();

/** The i18next translate function of a language, initialised once, synchronously (resources inline). */
export function translator(lang: Lang): TFunction {
  let t = translators.get(lang);
  if (!t) {
    const i18n = createInstance({
      lng: lang,
      fallbackLng: 'en',
      resources: { en: { translation: en }, [lang]: { translation: CATALOGS[lang] } },
      initAsync: false,
      // Values are HTML-escaped by the pages that insert them; catalog text may carry markup.
      interpolation: { escapeValue: false },
      returnNull: false,
      showSupportNotice: false,
    } as Parameters<typeof createInstance>[0]);
    void i18n.init();
    t = i18n.t.bind(i18n) as TFunction;
    translators.set(lang, t);
  }
  return t;
}

/** Two significant figures: what an estimate of the model can bear. */
function sig2(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  return Number(x.toPrecision(2));
}

/** The words and number formats of one language. */
export interface Locale {
  lang: Lang;
  /** The Intl locale (en-US, id-ID, ms-MY). */
  locale: string;
  t: (key: string, vars?: TOptions) => string;
  /** A list of words from the catalog (e.g. the number words). */
  list: (key: string) => string[];
  /** A number as written in the language, all its decimals kept: 0.5 / 0,5 (English: as JavaScript writes it). */
  num: (x: number) => string;
  /** A whole number with the locale's grouping: 12,345 / 12.345. */
  int: (x: number) => string;
  /** A whole number with its sign: +1,250, -575, 0. */
  signed: (x: number) => string;
  /** A number with exactly `digits` decimals, rounded as toFixed rounds; no grouping unless asked. */
  fixed: (x: number, digits: number, grouping?: boolean) => string;
  /** A relative change with one decimal: "+10.2%" / "+10,2%"; empty for null. */
  pct1: (x: number | null) => string;
  /** A relative change to two significant figures: "−61%", "+0.79%". */
  pct2: (x: number) => string;
  /** A count to two significant figures: 93,000 / 93.000. */
  count2: (x: number) => string;
  /** Money, whole units, with the locale's symbol: "Rp 1,234,567", "RM 1.235". */
  money: (x: number, currency?: 'IDR' | 'MYR') => string;
  /** Money to two significant figures in words: "Rp 12 million", "Rp 1,7 triliun". */
  money2: (x: number, currency?: 'IDR' | 'MYR') => string;
  /** A calendar date (YYYY-MM-DD) as the language writes it: ISO in English, "7 Januari 2019" in id and ms. */
  date: (iso: string) => string;
}

const locales = new Map<Lang, Locale>();

/** The Locale of a language (English by default: what lintas printed before it spoke other languages). */
export function localize(lang: Lang = 'en'): Locale {
  const cached = locales.get(lang);
  if (cached) return cached;
  const locale = LOCALES[lang];
  const tf = translator(lang);
  const t = (key: string, vars?: TOptions) => tf(key, vars) as string;
  const intFmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const int = (x: number) => intFmt.format(Math.round(x));
  const signed = (x: number) => `${x > 0 ? '+' : ''}${int(x)}`;
  const fixed = (x: number, digits: number, grouping = false) =>
    // toFixed decides the rounding (as lintas always rounded); Intl writes the locale's digits.
    new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: grouping }).format(Number(x.toFixed(digits)));
  const money = (x: number, currency: 'IDR' | 'MYR' = 'IDR') =>
    new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(Math.round(x))
      // Intl puts a no-break space after the symbol; terminals and the tables lintas printed before use a plain one.
      .replace(/\u00a0/g, ' ');
  const symbol = (currency: 'IDR' | 'MYR') => new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).formatToParts(1).find((p) => p.type === 'currency')?.value ?? currency;
  const isoDates = t('format.dates') === 'iso';
  // Built on first use: the first DateTimeFormat of a process loads calendar data (about 20 ms),
  // and English writes ISO dates, so most commands never need one.
  let dateFmt: Intl.DateTimeFormat | undefined;
  const l: Locale = {
    lang,
    locale,
    t,
    list: (key) => tf(key, { returnObjects: true }) as unknown as string[],
    num: (x) => (lang === 'en' ? String(x) : new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }).format(x)),
    int,
    signed,
    fixed,
    pct1: (x) => (x === null ? '' : `${x > 0 ? '+' : ''}${fixed(100 * x, 1)}%`),
    pct2: (x) => {
      const v = sig2(100 * x);
      if (v === 0) return '0%';
      return `${v > 0 ? '+' : v < 0 ? '−' : ''}${new Intl.NumberFormat(locale, { maximumSignificantDigits: 2, useGrouping: false }).format(Math.abs(v))}%`;
    },
    count2: (x) => new Intl.NumberFormat(locale, { maximumSignificantDigits: 2 }).format(sig2(x)),
    money,
    money2: (x, currency = 'IDR') => {
      const v = sig2(x);
      if (Math.abs(v) >= 1e6) return `${symbol(currency)} ${new Intl.NumberFormat(locale, { notation: 'compact', compactDisplay: 'long', maximumSignificantDigits: 2 }).format(v)}`;
      return `${symbol(currency)} ${new Intl.NumberFormat(locale).format(v)}`;
    },
    date: (iso) => (isoDates || !/^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : (dateFmt ??= new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })).format(new Date(`${iso}T00:00:00Z`))),
  };
  locales.set(lang, l);
  return l;
}
