import duckdbMvpWasm from 'asset:@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm';
import duckdbEhWasm from 'asset:@duckdb/duckdb-wasm/dist/duckdb-eh.wasm';
import duckdbMvpWorker from 'asset:@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js';
import duckdbEhWorker from 'asset:@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js';
import parquetWasm from 'asset:parquet-wasm/esm/parquet_wasm_bg.wasm';
import type { AsyncDuckDB } from '@duckdb/duckdb-wasm';
import { PiccoliDataError } from './errors.js';

/**
 * Page-wide settings of the data layer. Call `configure()` before the first element
 * connects (or at any time for settings read on each use, such as timeouts).
 *
 * @example
 * import { configure } from 'piccoli-dashboard/data';
 * configure({ assetBase: '/static/piccoli/' });
 */
export interface PiccoliConfig {
  /**
   * Where the engine's wasm and worker files (and the bundled data) are served from.
   * Default: beside the bundle itself, resolved from its own URL, so copying dist/ to
   * any web server is enough.
   */
  assetBase?: string | URL;
  /**
   * Base URL of a DuckDB extension repository the site serves itself (the layout of
   * `INSTALL x FROM '<url>'`). When set, Parquet is read by DuckDB's own reader;
   * otherwise by the parquet-wasm fallback shipped in the bundle. No third-party host is
   * ever contacted unless configured here.
   */
  extensionRepository?: string;
  /** A DuckDB-WASM instance the page already has; piccoli then starts none of its own. */
  duckdb?: AsyncDuckDB | Promise<AsyncDuckDB>;
  /** Abort a download when no byte arrives for this long. Default 30 000 ms. */
  stallTimeoutMs?: number;
  /** Largest file a source may have. Default 1 GiB. */
  maxBytes?: number;
  /**
   * How long a download (a data file, or the engine's wasm) may take before its bytes
   * are counted: it may then take 1 s more for every 20 kB received. So a slow but steady
   * download is never cut (at 20 kB/s or faster it never runs out of time), while a
   * server that trickles a byte now and then, which `stallTimeoutMs` alone would wait for
   * forever, is given up after about this long. Default 60 000 ms.
   */
  downloadTimeoutMs?: number;
  /**
   * The engine's health check: while the engine owes an answer, it is pinged, and a
   * worker that does not answer a ping for this long is taken as dead: every call
   * waiting on it fails with a message (and "Riprova" starts a new engine). A worker that
   * crashes or is killed is known at once where the browser has Web Locks. Default
   * 60 000 ms: longer than any single step of a normal query or load blocks the worker.
   */
  engineTimeoutMs?: number;
  /**
   * DuckDB's `memory_limit` for the page's engine: a query that needs more fails with a
   * message instead of filling the tab. A size DuckDB reads (`'512MB'`, `'2GB'`) or a
   * number of bytes. Default `'1GB'`. Read when the engine starts; not applied to an
   * instance the page hands in (`duckdb`), whose settings are the page's own.
   */
  memoryLimit?: string | number;
  /** What SQL typed in `<piccoli-sql>` may do (src/data/sandbox.ts). */
  console?: ConsoleConfig;
}

/**
 * The console's sandbox and bounds. The SQL an analyst types only reads: it runs on an
 * engine that opens no file and no URL except below `allowOrigins`, whose settings are
 * locked, and its results stop at `maxRows` rows or `maxBytes` bytes, its run at
 * `timeoutMs`. The elements' own queries are not bounded.
 *
 * @example
 * configure({ console: { allowOrigins: ['https://dati.example.it'], timeoutMs: 120_000 } });
 */
export interface ConsoleConfig {
  /**
   * Origins whose files the console may read (`read_csv('https://dati.example.it/x.csv')`),
   * with the visitor's browser and cookies. Default none: not even the page's own origin.
   * Read when the engine starts.
   */
  allowOrigins?: readonly string[];
  /** Stop a console query after this many milliseconds. Default 60 000. */
  timeoutMs?: number;
  /** Rows of a result the console keeps; the query stops after them. Default 100 000. */
  maxRows?: number;
  /** Bytes of a result the console keeps (Arrow buffers); the query stops after them. Default 64 MiB. */
  maxBytes?: number;
}

/** The console's bounds with their defaults filled in. */
export interface ConsoleLimits {
  timeoutMs: number;
  maxRows: number;
  maxBytes: number;
}

export const CONSOLE_DEFAULTS: ConsoleLimits = { timeoutMs: 60_000, maxRows: 100_000, maxBytes: 64 * 2 ** 20 };
export const DEFAULT_MEMORY_LIMIT = '1GB';

const current: PiccoliConfig = {};

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
  // Merged, so that setting the timeout later keeps the allowed origins.
  const merged = options.console === undefined ? current.console : { ...current.console, ...checkConsole(options.console) };
  Object.assign(current, options, { console: merged });
}

export function config(): Readonly<PiccoliConfig> {
  return current;
}

/** The console's bounds now (timeouts and caps are read on each run). */
export function consoleLimits(): ConsoleLimits {
  const c = current.console ?? {};
  const d = CONSOLE_DEFAULTS;
  return { timeoutMs: c.timeoutMs ?? d.timeoutMs, maxRows: c.maxRows ?? d.maxRows, maxBytes: c.maxBytes ?? d.maxBytes };
}

/**
 * The allowed origins as DuckDB's `allowed_directories` prefixes: `https://host[:port]/`.
 * The final slash matters: 'https://dati.example.it' alone would also admit
 * 'https://dati.example.it.other.host/'.
 */
export function allowedOriginPrefixes(): string[] {
  return (current.console?.allowOrigins ?? []).map((o) => `${new URL(o).origin}/`);
}

/** `memoryLimit` as DuckDB's memory_limit value. */
export function memorySetting(value: string | number = current.memoryLimit ?? DEFAULT_MEMORY_LIMIT): string {
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

/** The URL of a file the build places under `<folder>/<name>` beside the bundle. */
function resolveAsset(defaultUrl: string, folder: string): string {
  if (current.assetBase === undefined) return new URL(defaultUrl, document.baseURI).href;
  const base = new URL(String(current.assetBase), document.baseURI);
  const name = defaultUrl.split(/[?#]/)[0]!.split('/').pop()!;
  return new URL(`${folder}/${name}`, base.href.endsWith('/') ? base : `${base.href}/`).href;
}

export function engineAssets() {
  return {
    mvp: {
      mainModule: resolveAsset(duckdbMvpWasm, 'duckdb'),
      mainWorker: resolveAsset(duckdbMvpWorker, 'duckdb'),
    },
    eh: {
      mainModule: resolveAsset(duckdbEhWasm, 'duckdb'),
      mainWorker: resolveAsset(duckdbEhWorker, 'duckdb'),
    },
  };
}

export function parquetWasmUrl(): string {
  return resolveAsset(parquetWasm, 'parquet');
}

/** The URL of a data file shipped beside the bundle (dist/data/<name>). */
export function bundledDataUrl(defaultUrl: string): string {
  return resolveAsset(defaultUrl, 'data');
}
