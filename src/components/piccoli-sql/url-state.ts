/**
 * The current query in the page URL, so that a link reproduces it, and the query history
 * in localStorage. The query lives in the hash (`#sql=...`, `#sql-<id>=...` for a console
 * with an id): it never reaches a server log and changing it reloads nothing. A query
 * from the URL or the history is only put in the editor, never run by itself.
 */

/**
 * The hash key of a console's query: `param` when given, else `sql-<id>` for a console
 * with an id, else `sql`. Two consoles on one page need ids (or their own `url-param`):
 * without, they share `#sql=`.
 *
 * @example
 * urlKey('', 'spesa') // 'sql-spesa'
 * urlKey('', '')      // 'sql'
 */
export function urlKey(param: string, id: string): string {
  return param || (id ? `sql-${id}` : 'sql');
}

/** The query in a URL's hash under `param`, or null. */
export function readQueryFromUrl(href: string, param = 'sql'): string | null {
  const hash = new URL(href).hash.slice(1);
  if (!hash) return null;
  return new URLSearchParams(hash).get(param);
}

/** `href` with the query set (or removed when empty) in its hash, other hash keys kept. */
export function writeQueryToUrl(href: string, sql: string, param = 'sql'): string {
  const url = new URL(href);
  const params = new URLSearchParams(url.hash.slice(1));
  if (sql.trim()) params.set(param, sql);
  else params.delete(param);
  const hash = params.toString().replaceAll('+', '%20');
  url.hash = hash ? `#${hash}` : '';
  return url.href;
}

export interface HistoryEntry {
  sql: string;
  /** ISO time of the last run. */
  at: string;
  rows?: number;
  ok: boolean;
}

export const HISTORY_KEY = 'piccoli-sql:history';
export const HISTORY_MAX = 50;

/** The stored history, newest first; an unreadable store is an empty history. */
export function readHistory(storage: Storage | undefined, key = HISTORY_KEY): HistoryEntry[] {
  try {
    const raw = storage?.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((e): e is HistoryEntry => typeof e === 'object' && e !== null && typeof (e as HistoryEntry).sql === 'string');
  } catch {
    return [];
  }
}

/** Add a run at the top (moving an identical query up), keep HISTORY_MAX, store, return. */
export function pushHistory(storage: Storage | undefined, entry: HistoryEntry, key = HISTORY_KEY): HistoryEntry[] {
  const list = [entry, ...readHistory(storage, key).filter((e) => e.sql.trim() !== entry.sql.trim())].slice(0, HISTORY_MAX);
  try {
    storage?.setItem(key, JSON.stringify(list));
  } catch {
    // Storage full or disabled (private mode): history lives for this page only.
  }
  return list;
}
