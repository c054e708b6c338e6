import type { Lang } from './index.js';

/**
 * Everything one element (or one shared part) says: its Italian table, always at hand (in
 * the element's first load), and a loader for each other built-in language (English,
 * German, French), fetched the first time an element speaks it, one small chunk each.
 * A site changes or adds words with `configure({ strings: { <lang>: { <name>: {...} } } })`
 * (src/data/configure.ts); what it leaves out is said as in the built-in language, else
 * in Italian, key by key.
 *
 * @example
 * export const STRINGS: Words<Strings> = {
 *   name: 'piccoli-progress',
 *   it: { loading: 'Caricamento dei dati…', asOf: (d: string) => `Dati al ${d}` },
 *   other: { en: () => import('./strings.en.js'), de: () => import('./strings.de.js') },
 * };
 */
export interface Words<T extends object> {
  /** What a site's strings call it: the element's tag, `provenance` or `errors`. */
  readonly name: string;
  readonly it: T;
  readonly other: Readonly<Record<string, () => Promise<{ default: T }>>>;
  /**
   * The tables fetched, and the fetches, by language: kept here by loadWords (null: the
   * fetch failed, Italian is said). Two Words fetched from the same files may share them.
   */
  got?: Record<string, T | null>;
  loading?: Record<string, Promise<void>>;
}

/** A site's words over a table (set by configure() when a site gives some). */
let site: ((t: object, lang: Lang, name: string) => object) | undefined;

/** Called by configure(): how a site's words are laid over a table. */
export function siteWords(over: typeof site): void {
  site = over;
}

/** The words of `w` in `lang`, or undefined while that language's table is still on its way (see loadWords). */
export function words<T extends object>(w: Words<T>, lang: Lang): T | undefined {
  const got = w.other[lang] ? w.got?.[lang] : w.it;
  const t = got === null ? w.it : got;
  return t && site ? (site(t, lang, w.name) as T) : t;
}

/**
 * Fetch the table of `lang`, once (nothing to fetch for Italian or a site's own language).
 * A table that cannot be fetched leaves the Italian one in its place: the element still speaks.
 */
export function loadWords<T extends object>(w: Words<T>, lang: Lang): Promise<void> {
  return ((w.loading ??= {})[lang] ??=
    w.other[lang]?.().then(
      (m) => void ((w.got ??= {})[lang] = m.default),
      (e: unknown) => {
        console.warn(e);
        (w.got ??= {})[lang] = null;
      },
    ) ?? Promise.resolve());
}
