import type { AsyncDuckDB } from '@duckdb/duckdb-wasm';
import type { Connector } from './clickhouse/connector.js';

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
  /**
   * A remote engine that holds the site's data (`clickhouseConnector({...})`): every
   * element without `src` reads its table, and `<piccoli-sql>` runs SQL there. Set it
   * before the first element connects.
   */
  connector?: Connector;
  /**
   * Words a site changes or adds, by language and by part (src/i18n/words.ts): an
   * element's tag, `provenance` (what every element says about its numbers), `errors`
   * (error sentences, by kind), `places` (names of areas). A language the library does
   * not have (`es`) is added: elements with `lang="es"` speak it, and what it leaves out
   * is said in Italian, key by key. Set it before the first element connects.
   *
   * @example
   * configure({ strings: { es: { 'piccoli-progress': { stage: 'Fase', asOf: (d: string) => `Datos al ${d}` } } } });
   */
  strings?: SiteStrings;
}

/** A site's words: language (`es`, `de` …) -> part (`piccoli-progress`, `errors` …) -> key -> text or function. */
export type SiteStrings = Record<string, Record<string, object>>;

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

/** Settings merged in by `configure()` (configure.ts, which checks them first). */
export function mergeConfig(options: PiccoliConfig): void {
  // Merged, so that setting the timeout later keeps the allowed origins.
  const merged = options.console === undefined ? current.console : { ...current.console, ...options.console };
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

/** The URL of a file the build places under `<folder>/<name>` beside the bundle (or below `assetBase`). */
export function resolveAsset(defaultUrl: string, folder: string): string {
  if (current.assetBase === undefined) return new URL(defaultUrl, document.baseURI).href;
  const base = new URL(String(current.assetBase), document.baseURI);
  const name = defaultUrl.split(/[?#]/)[0]!.split('/').pop()!;
  return new URL(`${folder}/${name}`, base.href.endsWith('/') ? base : `${base.href}/`).href;
}

/** The URL of a data file shipped beside the bundle (dist/data/<name>). */
export function bundledDataUrl(defaultUrl: string): string {
  return resolveAsset(defaultUrl, 'data');
}
