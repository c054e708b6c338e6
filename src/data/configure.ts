import { PiccoliDataError } from './errors.js';
import { DEFAULT_MEMORY_LIMIT, config, mergeConfig, type ConsoleConfig, type PiccoliConfig, type SiteStrings } from './config.js';
import { siteWords } from '../i18n/words.js';

/*
 * `configure()` and the checks of what a page passes it. Kept apart from config.ts, which
 * every element reads: only a page that configures something (through piccoli.js or
 * data.js) loads the checks.
 */

/**
 * Page-wide settings of the data layer (see PiccoliConfig). Call it before the first
 * element connects (or at any time for settings read on each use, such as timeouts).
 * A value that cannot be right throws a PiccoliDataError ('invalid-option').
 *
 * @example
 * import { configure } from 'piccoli-dashboard/data';
 * configure({ assetBase: '/static/piccoli/' });
 */
export function configure(options: PiccoliConfig): void {
  if (options.assetBase !== undefined) {
    try {
      new URL(String(options.assetBase), document.baseURI);
    } catch {
      throw new PiccoliDataError('invalid-option', `invalid assetBase: ${String(options.assetBase)}`);
    }
  }
  if (options.extensionRepository !== undefined) {
    // Reaching DuckDB as a literal; reject what could not be a URL at all.
    if (!/^(https?:\/\/|\/|\.\.?\/)[^\s'"\\]*$/.test(options.extensionRepository)) {
      throw new PiccoliDataError('invalid-option', `invalid extensionRepository: ${JSON.stringify(options.extensionRepository)}`);
    }
  }
  if (options.memoryLimit !== undefined) memorySetting(options.memoryLimit);
  if (options.strings !== undefined) {
    options = { ...options, strings: addStrings(options.strings) };
    siteWords(overlay);
  }
  mergeConfig(options.console === undefined ? options : { ...options, console: checkConsole(options.console) });
}

/** `memoryLimit` as DuckDB's memory_limit value. */
export function memorySetting(value: string | number = config().memoryLimit ?? DEFAULT_MEMORY_LIMIT): string {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value >= 16 * 2 ** 20) return `${Math.floor(value / 1024)}KiB`;
  } else if (/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(value.trim())) {
    return value.trim();
  }
  throw new PiccoliDataError(
    'invalid-option',
    `invalid memoryLimit: ${JSON.stringify(value)} (a size such as '1GB', or bytes, at least 16 MiB)`,
  );
}

/** A site's words added to those it gave before, by language and part; languages are codes such as `es`. */
function addStrings(given: SiteStrings): SiteStrings {
  const bad = (what: string, v: unknown) => new PiccoliDataError('invalid-option', `invalid strings${what}: ${JSON.stringify(v)}`);
  if (typeof given !== 'object' || given === null) throw bad('', given);
  const all: SiteStrings = { ...config().strings };
  for (const [lang, parts] of Object.entries(given)) {
    if (!/^[a-z]{2,3}$/.test(lang)) throw bad(' language (a code such as "es")', lang);
    if (typeof parts !== 'object' || parts === null) throw bad(`.${lang}`, parts);
    const merged: Record<string, object> = { ...all[lang] };
    for (const [part, words] of Object.entries(parts)) merged[part] = { ...merged[part], ...words };
    all[lang] = merged;
  }
  return all;
}

/**
 * A table with the site's words of its part laid over it, and the site's `places` (names
 * of areas, for every part that has them). Made at each render: tables are small.
 */
function overlay(t: object, lang: string, name: string): object {
  const given = config().strings?.[lang];
  const own = given?.[name] as { places?: object } | undefined;
  const places = 'places' in t ? given?.places : undefined;
  return own || places ? lay(t, { ...own, places: { ...places, ...own?.places } }) : t;
}

/**
 * `base` with `over`'s value of each of its keys where it is of the same kind (a text for a
 * text, a function for a function; nested tables key by key); `places` is a map from the
 * data's names of areas, taken whole.
 */
function lay(base: object, over: object): object {
  const out: Record<string, unknown> = { ...base };
  const o = over as Record<string, unknown>;
  for (const [k, b] of Object.entries(base)) {
    const v = o[k];
    if (b && typeof b === 'object') {
      if (v && typeof v === 'object') out[k] = k === 'places' ? { ...b, ...v } : lay(b, v);
    } else if (typeof v === typeof b) out[k] = v;
  }
  return out;
}

function checkConsole(c: ConsoleConfig): ConsoleConfig {
  const bad = (name: string, v: unknown, why: string) =>
    new PiccoliDataError('invalid-option', `invalid console.${name}: ${JSON.stringify(v)} (${why})`);
  if (typeof c !== 'object' || c === null) throw bad('', c, 'an object');
  for (const name of ['timeoutMs', 'maxRows', 'maxBytes'] as const) {
    const v = c[name];
    if (v !== undefined && !(typeof v === 'number' && Number.isSafeInteger(v) && v > 0)) throw bad(name, v, 'a positive whole number');
  }
  if (c.allowOrigins !== undefined) {
    if (!Array.isArray(c.allowOrigins)) throw bad('allowOrigins', c.allowOrigins, 'a list of origins');
    for (const o of c.allowOrigins as unknown[]) {
      let u: URL | undefined;
      try {
        u = typeof o === 'string' ? new URL(o) : undefined;
      } catch {
        u = undefined;
      }
      // An origin, nothing more: no path (a prefix DuckDB would match as text), no credentials.
      const ok = u && /^https?:$/.test(u.protocol) && !u.username && !u.password && (o === u.origin || o === `${u.origin}/`);
      if (!ok) throw bad('allowOrigins', o, "an origin such as 'https://dati.example.it'");
    }
  }
  const given = Object.entries(c).filter(([, v]) => v !== undefined);
  return Object.fromEntries(given.map(([k, v]) => [k, Array.isArray(v) ? [...(v as string[])] : v])) as ConsoleConfig;
}
