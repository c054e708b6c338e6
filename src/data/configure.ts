import { PiccoliDataError } from './errors.js';
import { DEFAULT_MEMORY_LIMIT, config, mergeConfig, type ConsoleConfig, type PiccoliConfig } from './config.js';

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
