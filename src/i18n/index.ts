/**
 * Languages and number formats. Italian first, English second. A handful of strings per
 * element does not justify @lit/localize's build step; each element keeps its strings in
 * a typed table `{ it: {...}, en: {...} }`, picked with the element's LangController
 * (src/controllers/lang.ts).
 */
export type Lang = 'it' | 'en';

const LOCALES: Record<Lang, string> = { it: 'it-IT', en: 'en-GB' };

const cache = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(LOCALES[lang], opts)));
  return f;
}

/** 1.234 (it) / 1,234 (en). Italian groups thousands from four digits (useGrouping 'always'). */
export function formatInteger(n: number, lang: Lang): string {
  return nf(lang, { maximumFractionDigits: 0, useGrouping: 'always' } as unknown as Intl.NumberFormatOptions).format(n);
}

/** A share 0..1 as 48,5 % (it) / 48.5% (en), one decimal. */
export function formatPercent(share: number, lang: Lang): string {
  if (!Number.isFinite(share)) return '–';
  const s = nf(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share * 100);
  return lang === 'it' ? `${s}\u00a0%` : `${s}%`;
}

/** A decimal number: 1.234,5 (it). */
export function formatDecimal(n: number, lang: Lang, digits = 1): string {
  return nf(lang, {
    minimumFractionDigits: 0,
    maximumFractionDigits: digits,
    useGrouping: 'always',
  } as unknown as Intl.NumberFormatOptions).format(n);
}

/** A calendar date (YYYY-MM-DD) as 31 ottobre 2021 / 31 October 2021, without time zones. */
export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
