/**
 * Languages and number formats. Italian first; English, German and French built in; a
 * site may add others (`configure({ strings })`, src/i18n/words.ts). A handful of strings
 * per element does not justify @lit/localize's build step: each element keeps its Italian
 * table at hand and fetches the others on demand (words.ts), in the language its
 * LangController (src/controllers/lang.ts) gives.
 */
export type Lang = 'it' | 'en' | 'de' | 'fr' | (string & {});

/** The Intl locale of a language: British English, else the language's own (it, de, fr: Italy's, Germany's, France's; a site's 'es'). */
export function localeOf(lang: Lang): string {
  return lang === 'en' ? 'en-GB' : lang;
}

/** Formatters, made once per language and options: making one costs far more than using it (every render says numbers and a date). */
const cache = new Map<string, Formatter>();
type Formatter = { format(x: number | Date): string };
function nf(lang: Lang, opts: object, F: new (locale: string, opts: object) => Formatter = Intl.NumberFormat): Formatter {
  const key = `${lang}${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new F(localeOf(lang), opts)));
  return f;
}

/** 1.234 (it, de) / 1,234 (en) / 1 234 (fr). Italian groups thousands from four digits (useGrouping 'always'). */
export function formatInteger(n: number, lang: Lang): string {
  return nf(lang, { maximumFractionDigits: 0, useGrouping: 'always' } as unknown as Intl.NumberFormatOptions).format(n);
}

/**
 * A share 0..1 with one decimal: 48,5 % (it, de), 48.5% (en), 48,5 % (fr, narrow space):
 * Intl's percent, but for Italian, which writes the space Intl leaves out.
 */
export function formatPercent(share: number, lang: Lang): string {
  if (!Number.isFinite(share)) return '–';
  if (lang !== 'it') return nf(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);
  return `${nf(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share * 100)}\u00a0%`;
}

/** A decimal number: 1.234,5 (it, de), 1 234,5 (fr). */
export function formatDecimal(n: number, lang: Lang, digits = 1): string {
  return nf(lang, {
    minimumFractionDigits: 0,
    maximumFractionDigits: digits,
    useGrouping: 'always',
  } as unknown as Intl.NumberFormatOptions).format(n);
}

/** A calendar date (YYYY-MM-DD) as 31 ottobre 2021 / 31 October 2021 / 31. Oktober 2021 / 31 octobre 2021, without time zones. */
export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return nf(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }, Intl.DateTimeFormat).format(date);
}

/** A field of the programme data in the reader's language (`label_de`, `name_fr` …), else the Italian one. */
export function inLang(o: object, field: string, lang: Lang): string {
  const r = o as Record<string, unknown>;
  return (r[`${field}_${lang}`] ?? r[`${field}_it`]) as string;
}

/** The name of an area (as the data names it) in the language of `t`, whose `places` hold the names that differ (src/i18n/places.ts). */
export function placeName(t: { places: Record<string, string> }, name: string): string {
  return Object.hasOwn(t.places, name) ? t.places[name]! : name;
}
