import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { RecordBatch, Table } from 'apache-arrow';
import { config } from './config.js';
import { takeBootedEngine } from './engine-boot.js';
import { isWasmTrap, translateDuckDBError } from './duckdb-errors.js';
import { PiccoliDataError, abortError, isAbortError, messageOf } from './errors.js';
import type { LoadProgress } from './fetch.js';
import { decodeParquet, described, describeSql, insertSource, prepareSource, type SourceInput, type LoadedSource } from './sources.js';
import { checkTableName, quoteIdent, quoteLiteral } from './sql/quote.js';

/** A value DuckDB can bind to a `?` placeholder. */
export type SqlParam = string | number | bigint | boolean | null | Date;

export interface QueryOptions {
  /** Abort the query (DuckDB is asked to interrupt it) when this signal fires. */
  signal?: AbortSignal;
  /**
   * A small result, fetched whole in one message from the worker rather than streamed
   * batch by batch (which costs several round trips, ~10 ms each on a busy page). The
   * elements' own queries are; an analyst's may be huge, and stream (and can be
   * interrupted mid-way). An aborted whole query is dropped when it returns.
   */
  whole?: boolean;
}

/** A bounded, streamed read (`queryBounded`): what the console's SQL runs with. */
export interface BoundedQueryOptions {
  /** Abort the query (DuckDB is interrupted) when this signal fires. */
  signal?: AbortSignal;
  /** Refuse SQL that does more than read (sandbox.ts), with a 'read-only' error. */
  readOnly?: boolean;
  /** Keep at most this many rows; the query stops after them. Default: no cap. */
  maxRows?: number;
  /** Keep at most this many bytes of Arrow buffers; the query stops after them. */
  maxBytes?: number;
  /** Interrupt the query after this long, with a 'query-timeout' error. */
  timeoutMs?: number;
  /**
   * Hand every batch here instead of keeping it (an export to a file): nothing is kept
   * and no cap applies; the result's table is empty, with the query's schema.
   */
  onBatch?: (batch: RecordBatch) => void | Promise<void>;
}

/** The first rows of a result, and whether they are all of it. */
export interface BoundedResult {
  table: Table;
  /** Every row of the result is in `table` (or went to `onBatch`). */
  complete: boolean;
  /** Rows DuckDB produced before the read stopped: all of them when `exact`. */
  rowsRead: number;
  /** `rowsRead` is the result's size (the stream ended), not a lower bound. */
  exact: boolean;
  /** Which cap stopped the read. */
  stoppedBy?: 'rows' | 'bytes';
}

export interface LoadOptions {
  /** Stop waiting; the download itself stops once no caller waits for it any more. */
  signal?: AbortSignal;
  onProgress?: (p: LoadProgress) => void;
  /**
   * A table the library names for itself (a `src=` file): the engine may drop it once
   * nothing holds it (`hold`), nothing loads it and `inUse` says no element shows it,
   * keeping only the few most recently used such tables; a later load loads it again.
   * Tables a page or an analyst names are never dropped.
   */
  droppable?: boolean;
  /** Whether the source is still shown somewhere (asked before a droppable table is dropped). */
  inUse?: () => boolean;
}

/** Fired on the engine while a source downloads and while the engine itself starts. */
export class EngineProgressEvent extends Event {
  constructor(
    readonly phase: 'engine' | 'source',
    readonly source: string,
    readonly loaded: number,
    readonly total: number | undefined,
  ) {
    super('progress');
  }
}

interface SourceEntry {
  key: string;
  input: SourceInput;
  /** Undefined after an engine restart, until the source is loaded again. */
  promise?: Promise<LoadedSource>;
  /** The load of this entry: aborted when its last waiter leaves before it is done. */
  abort?: AbortController;
  /** Callers waiting for `promise`, and their progress listeners. */
  waiters: number;
  listeners: Set<(p: LoadProgress) => void>;
  settled: boolean;
  /** Every waiter left before the load was done: a new load starts afresh. */
  cancelled: boolean;
  /** The entry to put back when this load fails (the table that was there). */
  fallback?: SourceEntry;
  droppable: boolean;
  inUse?: () => boolean;
  /** When the source was last asked for (a counter), for dropping the least recently used. */
  lastUsed: number;
}

const GLOBAL_KEY = Symbol.for('piccoli-dashboard.engine');
const MAX_IDLE = 4;
/** Droppable tables (a `src=` file) kept loaded while nothing uses them, most recently used first. */
export const MAX_IDLE_SOURCES = 4;
export const DEFAULT_ENGINE_TIMEOUT_MS = 60_000;
let uses = 0;
/** One SELECT or WITH statement (comments allowed before it), nothing after a semicolon. */
const READ_ONLY = /^\s*(?:--[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*(?:SELECT|WITH|FROM)\b[^;]*;?\s*$/i;
let stagingCounter = 0;

/**
 * The one DuckDB-WASM engine of a page. It starts lazily on first need, exactly once
 * however many elements ask at the same time, and every piccoli element shares it
 * (also across two copies of the library, through a global symbol).
 *
 * @example
 * const engine = getEngine();
 * await engine.load({ name: 'events', url: '/data/programmes.parquet' });
 * const table = await engine.query('SELECT count(*) AS n FROM events WHERE programme = ?', ['piccoli']);
 */
export class PiccoliEngine extends EventTarget {
  /** How many DuckDB instances this engine has started (1 on a healthy page). */
  instancesStarted = 0;
  private _db?: Promise<AsyncDuckDB>;
  private _sources = new Map<string, SourceEntry>();
  private _usesOwnDuckDB = false;
  /**
   * Connections that ran a plain SELECT and can serve the next one: opening one per
   * query costs a round trip to the worker. Anything else (SET, BEGIN, CREATE TEMP ...)
   * may leave session state behind, so its connection is closed.
   */
  private _idle: AsyncDuckDBConnection[] = [];
  /** Counts instances: a call that began on an instance that has since died says so. */
  private _generation = 0;
  /** Rejects when the current instance dies, so calls waiting on its worker end too. */
  private _death = deathWatch();
  /** The current instance's worker, when piccoli started it. */
  private _worker?: Worker;
  /** Tables held by work on them (`hold`): never dropped meanwhile. */
  private _holds = new Map<string, number>();
  /** Tables being dropped: a new load of the same name waits for the drop. */
  private _dropping = new Map<string, Promise<void>>();
  private _evictTimer?: ReturnType<typeof setTimeout>;

  /** Start the engine if needed and resolve when it answers queries. */
  ready(): Promise<AsyncDuckDB> {
    if (!this._db) {
      // Raced with the death watch: a worker that dies while starting ends the start too.
      const starting: Promise<AsyncDuckDB> = Promise.race([this._start(), this._death.promise]).catch((e: unknown) => {
        if (this._db === starting) this._db = undefined; // a later call may try again (e.g. after a network blip)
        throw e instanceof PiccoliDataError
          ? e
          : new PiccoliDataError('engine', `The DuckDB engine could not start: ${messageOf(e)}`, undefined, {
              cause: e,
            });
      });
      this._db = starting;
    }
    return this._db;
  }

  /** True once `ready()` has been asked for (the engine is starting or started). */
  get started(): boolean {
    return this._db !== undefined;
  }

  private async _start(): Promise<AsyncDuckDB> {
    const given = config().duckdb;
    if (given) {
      this._usesOwnDuckDB = true;
      const db = await given;
      await this._setup(db);
      return db;
    }
    // Fetched while the wasm compiles rather than after it; _setup imports it (and reports a failure).
    void import('./sandbox.js').catch(() => undefined);
    // The worker and the wasm's compile were most likely started already (engine-boot.ts).
    const boot = takeBootedEngine()!;
    this.instancesStarted++;
    const generation = this._generation;
    boot.onProgress((loaded, total) => this.dispatchEvent(new EngineProgressEvent('engine', 'duckdb', loaded, total)));
    // A boot that fails ends its worker and says why (engine-boot.ts).
    const [duckdb] = await Promise.all([import('@duckdb/duckdb-wasm'), boot.instantiated]);
    if (generation !== this._generation) {
      boot.worker.terminate(); // restarted meanwhile: this start is of no use
      throw engineStopped();
    }
    this._worker = boot.worker;
    // From now on, a worker that fails or dies (known at once through its Web Lock) ends
    // every call waiting on it.
    const died = () => generation === this._generation && this._crashed();
    boot.worker.addEventListener('error', died);
    void boot.died.then(died);
    // Attached only now, so that it never sees the boot's own answer.
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), boot.worker);
    await db.open({ query: { castBigIntToDouble: false } });
    if (!(await this._setup(db))) {
      // Fetching the parquet extension trapped the instance: start a clean one without it.
      this._worker = undefined;
      this._idle = []; // that instance's
      await db.terminate().catch(() => undefined);
      return this._start();
    }
    this._healthCheck(db, generation);
    return db;
  }

  /**
   * While the worker owes an answer, ping it; one that does not answer a ping within
   * `engineTimeoutMs` is taken as dead (alive but stuck, or gone where the browser has no
   * Web Locks to say so). A step that blocks the worker longer than that (a single huge
   * insert) would be taken for a stuck worker too, hence the generous default.
   */
  private _healthCheck(db: AsyncDuckDB, generation: number): void {
    // DuckDB-WASM 1.32 keeps the requests it awaits answers to here (protected, read only).
    const owes = () => (db as unknown as { _pendingRequests?: Map<unknown, unknown> })._pendingRequests?.size ?? 1;
    const tick = () => {
      if (generation !== this._generation) return;
      const limit = config().engineTimeoutMs ?? DEFAULT_ENGINE_TIMEOUT_MS;
      const every = Math.min(2_000, limit / 2);
      if (!owes()) return void setTimeout(tick, every);
      const deadline = setTimeout(() => {
        if (generation === this._generation) this._crashed(engineUnresponsive(limit));
      }, limit);
      const next = () => {
        clearTimeout(deadline);
        setTimeout(tick, every);
      };
      db.ping().then(next, next);
    };
    setTimeout(tick, Math.min(2_000, (config().engineTimeoutMs ?? DEFAULT_ENGINE_TIMEOUT_MS) / 2));
  }

  /** Whether Parquet goes through DuckDB's own reader (a site-served extension). */
  private _parquetViaDuckDB = false;
  private _parquetExtensionFailed = false;

  /**
   * Keep DuckDB from contacting any host the site did not configure, load the parquet
   * extension from the site's repository when there is one, then lock the engine down
   * (sandbox.ts): no file or URL but piccoli's own and the allowed origins, a memory
   * limit, and settings no SQL can change back. A page's own instance keeps its own
   * settings. Returns false when the extension attempt left the instance unusable.
   */
  private async _setup(db: AsyncDuckDB): Promise<boolean> {
    const generation = this._generation;
    // Two connections more, opened in the same round trip: the file's load and the first
    // questions (sent together) find theirs ready instead of each asking for one.
    const [conn, ...spare] = await Promise.all([db.connect(), db.connect(), db.connect()]);
    if (generation === this._generation) this._idle.push(...spare);
    let ok = false;
    try {
      // DuckDB-WASM fetches ("autoloads") a known extension from its own host as soon as
      // SQL needs one (icu for time zones, json ...): both switches off.
      const off = 'SET autoinstall_known_extensions = false; SET autoload_known_extensions = false';
      const lockdown = this._usesOwnDuckDB ? undefined : (await import('./sandbox.js')).lockdownStatements().join('; ');
      // Our own engine without an extension to load: every setting in one round trip to the
      // worker (DuckDB runs a text's statements in order and stops at the first that fails).
      // Should that fail, the steps below run one by one and say which failed.
      const all = lockdown && !config().extensionRepository ? conn.query(`${off}; ${lockdown}`) : undefined;
      if (all && (await all.then(Boolean, () => false))) return (ok = true);
      await conn.query(off).catch(() => undefined);
      if (!(await this._loadParquetExtension(conn))) return false;
      // Not caught: an engine that cannot be locked down does not start.
      if (lockdown) await conn.query(lockdown);
      return (ok = true);
    } finally {
      // Global settings only, no session state: the first load takes the connection.
      if (ok && generation === this._generation) this._idle.push(conn);
      // Not awaited: after a crash the old worker never answers.
      else void conn.close().catch(() => undefined);
    }
  }

  private async _loadParquetExtension(conn: AsyncDuckDBConnection): Promise<boolean> {
    const repo = config().extensionRepository;
    if (!repo || this._parquetExtensionFailed) return true;
    try {
      await conn.query(`SET custom_extension_repository = ${quoteLiteral(new URL(repo, document.baseURI).href)}`);
      await conn.query('INSTALL parquet; LOAD parquet');
      this._parquetViaDuckDB = true;
    } catch (e) {
      this._parquetExtensionFailed = true;
      console.warn(
        `piccoli-dashboard: ${translateDuckDBError(e, 'LOAD parquet').message} ` +
          'Parquet files are read with the built-in reader (parquet-wasm) instead.',
      );
      return !isWasmTrap(e);
    }
    return true;
  }

  /** Which reader Parquet sources go through on this page. */
  get parquetReader(): 'duckdb' | 'parquet-wasm' {
    return this._parquetViaDuckDB ? 'duckdb' : 'parquet-wasm';
  }

  /** Called when the worker dies: the next use starts a fresh one and reloads sources. */
  private _crashed(reason: PiccoliDataError = engineStopped()): void {
    this._generation++;
    this._idle = []; // they belong to the dead worker
    const death = this._death;
    this._death = deathWatch();
    // Later, so that the call that hit the crash reports its own, more precise error.
    setTimeout(() => death.reject(reason));
    const old = this._db;
    this._db = undefined;
    // The worker directly: a worker that died while starting never gave an instance.
    this._worker?.terminate();
    this._worker = undefined;
    old?.then((db) => db.terminate()).catch(() => undefined);
    this._dropping.clear(); // those tables went with the instance
    // Sources must be loaded again into the new instance; keep what they were, except
    // the droppable ones nothing uses (they load again when asked for).
    for (const [name, entry] of this._sources) {
      if (this._idleDroppable(name, entry)) this._sources.delete(name);
      else entry.promise = undefined;
    }
  }

  /**
   * Register a named table from a URL (Parquet, Arrow IPC file or stream, CSV) or an
   * in-memory Arrow table. Loading the same name from the same source again returns the
   * same promise, so several elements share one download. Loading a name from a new
   * source replaces the table only once the new one has loaded: a failed reload loses
   * nothing.
   */
  load(input: SourceInput, opts: LoadOptions = {}): Promise<LoadedSource> {
    let name: string;
    try {
      name = checkTableName(input.name);
    } catch (e) {
      return Promise.reject(new PiccoliDataError('invalid-option', messageOf(e), input.name));
    }
    const key = sourceKey(input);
    let entry = this._sources.get(name);
    if (!entry || entry.key !== key || !entry.promise || entry.cancelled) entry = this._startLoad(name, input, key, entry, opts);
    entry.lastUsed = ++uses;
    if (opts.droppable === false) entry.droppable = false;
    if (opts.inUse) entry.inUse = opts.inUse;
    return this._join(entry, input.url ? String(input.url) : name, opts);
  }

  private _startLoad(name: string, input: SourceInput, key: string, previous: SourceEntry | undefined, opts: LoadOptions): SourceEntry {
    const abort = new AbortController();
    const entry: SourceEntry = {
      key,
      input,
      abort,
      waiters: 0,
      listeners: new Set(),
      settled: false,
      cancelled: false,
      // The table that is there now stays if this load fails (not one whose load was given up).
      fallback: previous?.promise && !previous.cancelled ? previous : previous?.fallback,
      droppable: previous?.key === key ? previous.droppable : opts.droppable === true,
      inUse: previous?.key === key ? previous.inUse : undefined,
      lastUsed: ++uses,
    };
    const progress = (p: LoadProgress) => entry.listeners.forEach((l) => l(p));
    const promise: Promise<LoadedSource> = Promise.race([
      this._load(name, input, { signal: abort.signal, onProgress: progress }),
      this._death.promise,
    ]).then(
      (info) => {
        entry.settled = true;
        entry.fallback = undefined;
        this._scheduleEviction();
        return info;
      },
      (e: unknown) => {
        entry.settled = true;
        // Forget a failed load so that a retry fetches again; keep the previous good one.
        // (After a crash the entry stays, its promise cleared, to be loaded again.)
        if (this._sources.get(name) === entry && entry.promise === promise) {
          if (entry.fallback) this._sources.set(name, entry.fallback);
          else this._sources.delete(name);
        }
        throw e;
      },
    );
    promise.catch(() => undefined); // its waiters see the error
    entry.promise = promise;
    this._sources.set(name, entry);
    return entry;
  }

  /**
   * One caller waiting for a shared load, with its own signal: leaving rejects this
   * caller only, and stops the download when nobody else waits for it.
   */
  private _join(entry: SourceEntry, source: string, { signal, onProgress }: LoadOptions): Promise<LoadedSource> {
    const promise = entry.promise!;
    if (signal?.aborted) return Promise.reject(abortError(source));
    entry.waiters++;
    if (onProgress) entry.listeners.add(onProgress);
    return new Promise<LoadedSource>((resolve, reject) => {
      let left = false;
      const leave = () => {
        if (left) return false;
        left = true;
        signal?.removeEventListener('abort', onAbort);
        if (onProgress) entry.listeners.delete(onProgress);
        entry.waiters--;
        return true;
      };
      const onAbort = () => {
        if (!leave()) return;
        if (entry.waiters === 0 && !entry.settled) {
          entry.cancelled = true; // the next load starts afresh rather than joining this one
          entry.abort?.abort();
        }
        reject(abortError(source));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      promise.then(
        (v) => leave() && resolve(v),
        (e: unknown) => leave() && reject(e),
      );
    });
  }

  /** The load of `name` in progress or done, if any. */
  loaded(name: string): Promise<LoadedSource> | undefined {
    const entry = this._sources.get(name);
    if (!entry) return undefined;
    if (!entry.promise || entry.cancelled) return this.load(entry.input);
    entry.lastUsed = ++uses;
    return entry.promise;
  }

  /**
   * Keep `name` loaded until the returned function is called: work on a droppable table
   * holds it from before its load to its last query. Holding a name not loaded (yet) is fine.
   *
   * @example
   * const release = engine.hold('events_1a2b3c4d');
   * try { await engine.load(...); await engine.query(...); } finally { release(); }
   */
  hold(name: string): () => void {
    this._holds.set(name, (this._holds.get(name) ?? 0) + 1);
    this._scheduleEviction(); // elements removed since the engine last worked free their tables
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const n = (this._holds.get(name) ?? 1) - 1;
      if (n > 0) this._holds.set(name, n);
      else this._holds.delete(name);
      this._scheduleEviction();
    };
  }

  /** A droppable table nothing uses now: not held, not loading, not shown. */
  private _idleDroppable(name: string, e: SourceEntry): boolean {
    if (!e.droppable || !e.settled || e.waiters > 0 || this._holds.has(name)) return false;
    try {
      return !e.inUse?.();
    } catch {
      return false;
    }
  }

  private _scheduleEviction(): void {
    // After the current task: a caller that just got its table holds it first.
    this._evictTimer ??= setTimeout(() => {
      this._evictTimer = undefined;
      this._evict();
    });
  }

  /** Drop the least recently used idle droppable tables beyond MAX_IDLE_SOURCES. */
  private _evict(): void {
    const idle = [...this._sources].filter(([name, e]) => e.promise && this._idleDroppable(name, e));
    idle.sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    for (const [name] of idle.slice(0, Math.max(0, idle.length - MAX_IDLE_SOURCES))) this._drop(name);
  }

  private _drop(name: string): void {
    this._sources.delete(name);
    const db = this._db;
    if (!db) return;
    const generation = this._generation;
    const dropped = Promise.race([
      db.then(async (d) => {
        if (generation !== this._generation) return; // the table went with its instance
        const conn = await d.connect();
        try {
          await conn.query(`DROP TABLE IF EXISTS ${quoteIdent(name)}`);
        } finally {
          void conn.close().catch(() => undefined);
        }
      }),
      this._death.promise,
    ]).catch(() => undefined);
    this._dropping.set(name, dropped);
    void dropped.then(() => this._dropping.get(name) === dropped && this._dropping.delete(name));
  }

  private async _load(name: string, input: SourceInput, opts: LoadOptions): Promise<LoadedSource> {
    const source = input.url ? String(input.url) : name;
    const generation = this._generation;
    // Start the engine and fetch (and decode) the file at the same time.
    const ready = this.ready();
    ready.catch(() => undefined); // awaited below; a fetch error may come first
    const prepared = await prepareSource(input, {
      signal: opts.signal,
      stallTimeoutMs: config().stallTimeoutMs,
      downloadTimeoutMs: config().downloadTimeoutMs,
      maxBytes: config().maxBytes,
      decodeParquet: !config().extensionRepository || this._parquetExtensionFailed,
      onProgress: (p) => {
        opts.onProgress?.(p);
        this.dispatchEvent(new EngineProgressEvent('source', p.source, p.loaded, p.total));
      },
    });
    const db = await ready;
    // The site's parquet extension may have failed to load meanwhile: decode here after all.
    const src =
      prepared.kind === 'file' && prepared.format === 'parquet' && !this._parquetViaDuckDB ? await decodeParquet(prepared) : prepared;
    const staging = `__piccoli_staging_${++stagingCounter}`;
    await this._dropping.get(name); // an older table of this name being dropped goes first
    // The instance died while the file downloaded: its worker is gone (and says so loudly).
    if (generation !== this._generation) throw engineStopped(source);
    const conn = this._idle.pop() ?? (await db.connect());
    let reusable = false;
    try {
      const info = await insertSource(db, conn, staging, src);
      if (opts.signal?.aborted) throw abortError(source);
      // The rename, then the table's columns and rows: one round trip (a text's last statement answers).
      const cols = await conn.query(
        `BEGIN TRANSACTION; DROP TABLE IF EXISTS ${quoteIdent(name)}; ` +
          `ALTER TABLE ${quoteIdent(staging)} RENAME TO ${quoteIdent(name)}; COMMIT; ${describeSql(name)}`,
      );
      // Committed, nothing left in its session: the next query takes it (one round trip less).
      reusable = true;
      return { ...info, ...described(cols), name };
    } catch (e) {
      // Whatever the symptom (a dead worker fails in odd ways), the engine stopped under us.
      if (generation !== this._generation) throw engineStopped(source, e);
      if (isWasmTrap(e)) {
        this._crashed(); // the old worker will not answer a clean-up
      } else {
        await conn.query(`ROLLBACK`).catch(() => undefined);
        await conn.query(`DROP TABLE IF EXISTS ${quoteIdent(staging)}`).catch(() => undefined);
      }
      throw translateDuckDBError(e, undefined, source);
    } finally {
      if (reusable && generation === this._generation && this._idle.length < MAX_IDLE) this._idle.push(conn);
      // Not awaited: after a crash the old worker never answers.
      else void conn.close().catch(() => undefined);
    }
  }

  /**
   * Run SQL and return an Arrow table. Values go in `params` (bound to `?`), never into
   * the text. With a signal, aborting interrupts the query in DuckDB and rejects with a
   * PiccoliDataError of code 'aborted'.
   */
  query(sql: string, params: readonly SqlParam[] = [], opts: QueryOptions = {}): Promise<Table> {
    // DuckDB-WASM drops, without rejecting, requests pending when its worker dies.
    return Promise.race([this._query(sql, params, opts), this._death.promise]);
  }

  /** The instance, once started and with every source loaded (replayed after a crash). */
  private async _readyForQuery(signal?: AbortSignal): Promise<AsyncDuckDB> {
    if (signal?.aborted) throw abortError();
    const db = await this.ready();
    // Sources replayed after a crash must be back before the query that needs them.
    await Promise.all([...this._sources.values()].map((s) => (s.promise ?? this.load(s.input)).catch(() => undefined)));
    if (signal?.aborted) throw abortError();
    return db;
  }

  private async _query(sql: string, params: readonly SqlParam[], opts: QueryOptions): Promise<Table> {
    const { signal } = opts;
    const generation = this._generation;
    const db = await this._readyForQuery(signal);
    const conn = this._idle.pop() ?? (await db.connect());
    let cancelled = false;
    let reusable = false;
    const onAbort = () => {
      cancelled = true;
      conn.cancelSent().catch(() => undefined);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const { Table, tableFromIPC, DataType } = await import('apache-arrow');
      const wholeResult = () =>
        conn.useUnsafe(async (db, id) => {
          if (!params.length) return tableFromIPC(await db.runQuery(id, sql));
          const stmt = await db.createPrepared(id, sql);
          try {
            return tableFromIPC(await db.runPrepared(id, stmt, params as unknown[]));
          } finally {
            db.closePrepared(id, stmt).catch(() => undefined);
          }
        });
      if (opts.whole) {
        const table = await wholeResult();
        if (cancelled || signal?.aborted) throw abortError();
        reusable = READ_ONLY.test(sql);
        return table;
      }
      const reader = params.length ? await sendPrepared(conn, sql, params) : await conn.send(sql, true);
      const batches = [];
      for await (const batch of reader) {
        if (cancelled) break;
        batches.push(batch);
      }
      if (cancelled || signal?.aborted) throw abortError();
      reusable = READ_ONLY.test(sql);
      const table = batches.length ? new Table(batches) : new Table(reader.schema);
      // DuckDB-WASM's streamed results carry no dictionary batches, so ENUM columns read
      // as null; its whole-result path does carry them. Rare enough to run twice.
      if (table.schema.fields.some((f) => DataType.isDictionary(f.type))) return await wholeResult();
      return table;
    } catch (e) {
      if (cancelled || signal?.aborted || isAbortError(e)) throw abortError();
      if (generation !== this._generation) throw engineStopped(undefined, e);
      if (isWasmTrap(e)) this._crashed();
      throw translateDuckDBError(e, sql);
    } finally {
      signal?.removeEventListener('abort', onAbort);
      if (reusable && generation === this._generation && this._idle.length < MAX_IDLE) this._idle.push(conn);
      // Not awaited: after a crash the old worker never answers.
      else void conn.close().catch(() => undefined);
    }
  }

  /**
   * Run SQL streamed, keeping only its first rows: the read stops (and DuckDB with it,
   * which computes a streamed result only as it is read) once `maxRows` rows or
   * `maxBytes` bytes are in, or at `timeoutMs`. On its own connection, closed after.
   * For an analyst's SQL; the elements' own queries use `query`.
   *
   * @example
   * const r = await engine.queryBounded('SELECT * FROM range(1e10)', { maxRows: 1000 });
   * r.table.numRows; // 1000
   * r.complete; // false
   */
  queryBounded(sql: string, opts: BoundedQueryOptions = {}): Promise<BoundedResult> {
    return Promise.race([this._queryBounded(sql, opts), this._death.promise]);
  }

  private async _queryBounded(sql: string, opts: BoundedQueryOptions): Promise<BoundedResult> {
    const { signal, timeoutMs, onBatch } = opts;
    const generation = this._generation;
    const db = await this._readyForQuery(signal);
    const conn = await db.connect();
    /** Why the run was interrupted from outside: a cancel or the time limit. */
    let stop: PiccoliDataError | undefined;
    const interrupt = (why: PiccoliDataError) => {
      stop ??= why;
      conn.cancelSent().catch(() => undefined);
    };
    const onAbort = () => interrupt(abortError());
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => interrupt(queryTimeout(timeoutMs)), timeoutMs);
    try {
      if (opts.readOnly) {
        const { checkReadOnly } = await import('./sandbox.js');
        await checkReadOnly(conn, sql);
      }
      if (stop) throw stop;
      const { Table, DataType } = await import('apache-arrow');
      const reader = await conn.send(sql, true);
      const batchesOf = reader[Symbol.asyncIterator]();
      let next = await batchesOf.next(); // the schema is known from the first message on
      const hasDictionary = reader.schema.fields.some((f) => DataType.isDictionary(f.type));
      if (onBatch && hasDictionary) {
        throw new PiccoliDataError(
          'query',
          'ENUM columns cannot be exported batch by batch (DuckDB-WASM streams no dictionaries): cast them to VARCHAR.',
        );
      }
      const maxRows = onBatch ? Infinity : (opts.maxRows ?? Infinity);
      const maxBytes = onBatch ? Infinity : (opts.maxBytes ?? Infinity);
      const batches: RecordBatch[] = [];
      let rows = 0;
      let bytes = 0;
      let rowsRead = 0;
      let stoppedBy: BoundedResult['stoppedBy'];
      for (; !next.done && !stop; next = await batchesOf.next()) {
        const batch = next.value;
        rowsRead += batch.numRows;
        if (onBatch) {
          await onBatch(batch);
          continue;
        }
        const size = batch.data.byteLength;
        if (rows + batch.numRows > maxRows || bytes + size > maxBytes) {
          // Keep the part of this batch that fits, then stop reading.
          const byRows = maxRows - rows;
          const byBytes = bytes + size > maxBytes ? Math.floor((batch.numRows * (maxBytes - bytes)) / size) : batch.numRows;
          const fit = Math.max(0, Math.min(byRows, byBytes));
          stoppedBy = byBytes < byRows ? 'bytes' : 'rows';
          if (fit > 0) batches.push(batch.slice(0, fit));
          rows += fit;
          break;
        }
        batches.push(batch);
        rows += batch.numRows;
        bytes += size;
      }
      if (stop) throw stop;
      let exact = !stoppedBy;
      if (stoppedBy) {
        // One batch more says whether the result ended there (its size is then known).
        const more = await batchesOf.next();
        if (more.done) exact = true;
        else rowsRead += more.value.numRows;
        conn.cancelSent().catch(() => undefined);
      }
      if (stop) throw stop;
      let table = batches.length ? new Table(batches) : new Table(reader.schema);
      // DuckDB-WASM's streamed results carry no dictionary batches, so ENUM columns read
      // as null; its whole-result path does: the rows kept, once more (a console
      // statement is one SELECT, which query() can wrap in a LIMIT).
      if (hasDictionary && !onBatch) table = await this._wholeFirstRows(conn, sql, opts.readOnly ? rows : undefined);
      return { table, complete: !stoppedBy, rowsRead, exact, stoppedBy };
    } catch (e) {
      if (stop) throw stop;
      if (signal?.aborted || isAbortError(e)) throw abortError();
      if (generation !== this._generation) throw engineStopped(undefined, e);
      if (isWasmTrap(e)) this._crashed();
      throw translateDuckDBError(e, sql);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      // Closing drops a result that was not read to its end. Not awaited: after a crash
      // the old worker never answers.
      void conn.close().catch(() => undefined);
    }
  }

  /** The first `limit` rows of `sql` through the whole-result path (which carries dictionaries). */
  private async _wholeFirstRows(conn: AsyncDuckDBConnection, sql: string, limit: number | undefined): Promise<Table> {
    const { tableFromIPC } = await import('apache-arrow');
    return conn.useUnsafe(async (db, id) => {
      if (limit === undefined) return tableFromIPC(await db.runQuery(id, sql));
      const stmt = await db.createPrepared(id, 'SELECT * FROM query(?) LIMIT ?');
      try {
        return tableFromIPC(await db.runPrepared(id, stmt, [sql, limit]));
      } finally {
        db.closePrepared(id, stmt).catch(() => undefined);
      }
    });
  }

  /** Names of the tables loaded so far (or loading). */
  tableNames(): string[] {
    return [...this._sources.keys()];
  }

  /** Stop the worker. The next use starts a new one and reloads every source. */
  async restart(): Promise<void> {
    this._crashed();
  }

  /** Whether the page handed in its own DuckDB instance. */
  get external(): boolean {
    return this._usesOwnDuckDB;
  }
}

async function sendPrepared(conn: AsyncDuckDBConnection, sql: string, params: readonly SqlParam[]) {
  const stmt = await conn.prepare(sql);
  try {
    return await stmt.send(...params);
  } finally {
    // The result stream is the connection's; the statement itself can go.
    stmt.close().catch(() => undefined);
  }
}

function sourceKey(input: SourceInput): string {
  if (input.url) return `url:${new URL(String(input.url), document.baseURI).href}:${input.format ?? ''}`;
  return `table:${input.name}:${++stagingCounter}`; // in-memory tables always reload
}

function queryTimeout(ms: number): PiccoliDataError {
  const message = `The query was stopped after ${ms} ms, the longest the site allows (configure({ console: { timeoutMs } })).`;
  return new PiccoliDataError('timeout', message, undefined, { kind: 'query-timeout', params: { seconds: ms / 1000 } });
}

function engineUnresponsive(ms: number): PiccoliDataError {
  const seconds = Math.round(ms / 1000);
  return new PiccoliDataError(
    'engine',
    `The DuckDB worker did not answer for ${seconds} s (configure({ engineTimeoutMs })); it was stopped and restarts on the next request.`,
    undefined,
    { kind: 'engine-unresponsive', params: { seconds } },
  );
}

function engineStopped(source?: string, cause?: unknown): PiccoliDataError {
  return new PiccoliDataError('engine', 'The DuckDB engine stopped while working; it restarts on the next request.', source, {
    cause,
  });
}

function deathWatch() {
  let reject!: (e: PiccoliDataError) => void;
  const promise = new Promise<never>((_, r) => (reject = r));
  promise.catch(() => undefined); // observed by whoever races it; never unhandled
  return { promise, reject };
}

/** The page's engine, created on first call and shared by everything on the page. */
export function getEngine(): PiccoliEngine {
  const g = globalThis as unknown as Record<symbol, PiccoliEngine | undefined>;
  return (g[GLOBAL_KEY] ??= new PiccoliEngine());
}
