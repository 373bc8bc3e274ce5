/**
 * The readers' languages, apart from their catalogs (index.ts): what the CLI needs to check a
 * --lang flag without loading 100 KB of words.
 */
export const LANGS = ['en', 'id', 'ms'] as const;
export type Lang = (typeof LANGS)[number];

export const isLang = (v: string): v is Lang => (LANGS as readonly string[]).includes(v);
