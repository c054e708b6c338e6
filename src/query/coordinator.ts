import type { Table } from 'apache-arrow';
import { fetchMeta, type ProgrammeMeta } from '../data/bundled.js';
import { config } from '../data/config.js';
import { PiccoliDataError, abortError, messageOf } from '../data/errors.js';
import type { Backend, BackendAnswer, SqlOptions } from './backends/backend.js';
import { CubeBackend } from './backends/cube-backend.js';
import { DuckDBBackend } from './backends/duckdb-backend.js';
import type { AnswerOf, QueryAnswer, QueryProgress, QueryRequest, RequestOptions } from './types.js';

interface InFlight {
  promise: Promise<QueryAnswer>;
  abort: AbortController;
  waiters: number;
  listeners: Set<(p: QueryProgress) => void>;
}

const CACHE_SIZE = 256;

/**
 * What each figure rests on (./with-provenance.ts): fetched beside the first request's
 * data, so no element's first load carries it; imported once (a second import() of a
 * loaded module resolves a task later, and an answer the coordinator has at once would
 * miss the frame).
 */
let provenance: Promise<typeof import('./with-provenance.js')> | undefined;
function loadProvenance(): Promise<typeof import('./with-provenance.js')> {
  return (provenance ??= import('./with-provenance.js').catch((e: unknown) => {
    provenance = undefined; // a later request fetches it again
    throw e;
  }));
}

/** How much of a result the console holds, when not all of it. */
export interface ResultLimit {
  /** Rows kept (and shown). */
  shown: number;
  /** Rows the result has: exactly when `exact`, else at least. */
  read: number;
  exact: boolean;
  /** Which cap stopped the read: the rows or the bytes. */
  stoppedBy: 'rows' | 'bytes';
}

/** An analyst's SQL result, as the coordinator gives it. */
export interface SqlAnswer {
  table: Table;
  backend: QueryAnswer['backend'];
  /** Present when `table` holds only the first rows of the result. */
  limit?: ResultLimit;
}

/**
 * The page's one place that answers the elements' requests (Mosaic's Coordinator). An
 * element says what it needs (a FunnelRequest, an AreasRequest) and the coordinator asks
 * its backends in order, cheapest first: the precomputed cube, then DuckDB-WASM (then, in
 * time, a remote engine); the first that can answer does. The same request from several
 * elements runs once; answers are kept, errors are not (a retry asks again). Every answer
 * says which backend gave it and from which file.
 *
 * Elements get the page's coordinator through @lit/context (src/query/context.ts).
 *
 * @example
 * const answer = await coordinator.request({ kind: 'funnel', src: null, programme: 'piccoli',
 *   region: null, province: 'PC', comune: null, asOf: '2021-10-31' });
 */
export class Coordinator {
  private readonly _cache = new Map<string, QueryAnswer>();
  private readonly _inFlight = new Map<string, InFlight>();

  constructor(
    /**
     * Asked in order. The default, chosen at the first request: the page's connector
     * (configure({ connector })) with the site's cube of its table, when there is one; then
     * the cube of a file, then DuckDB-WASM.
     */
    private _backends?: readonly Backend[],
    private readonly _meta: () => Promise<ProgrammeMeta[]> = () => fetchMeta().catch(() => []),
  ) {}

  get backends(): readonly Backend[] {
    return (this._backends ??= defaultBackends());
  }

  /** The answer to a request; rejects with a PiccoliDataError (code 'aborted' when the signal fires). */
  request<R extends QueryRequest>(req: R, opts: RequestOptions = {}): Promise<AnswerOf<R>> {
    const key = requestKey(req);
    const cached = this._cache.get(key);
    if (cached) {
      // Most recently used last: the oldest answer is the first to go.
      this._cache.delete(key);
      this._cache.set(key, cached);
      return Promise.resolve(cached as AnswerOf<R>);
    }
    if (opts.signal?.aborted) return Promise.reject(abortError());
    let entry = this._inFlight.get(key);
    if (!entry) {
      const abort = new AbortController();
      const listeners = new Set<(p: QueryProgress) => void>();
      const created: InFlight = {
        abort,
        listeners,
        waiters: 0,
        promise: this._run(req, abort.signal, (p) => listeners.forEach((l) => l(p))).then((answer) => {
          this._remember(key, answer);
          return answer;
        }),
      };
      created.promise.catch(() => undefined).finally(() => this._inFlight.get(key) === created && this._inFlight.delete(key));
      this._inFlight.set(key, created);
      entry = created;
    }
    return this._wait(key, entry, opts) as Promise<AnswerOf<R>>;
  }

  /**
   * Run an analyst's SQL (the console) on the first backend that is a database: never
   * shared or kept. Which backend ran it comes back with the table, and, when the table
   * holds only the first rows of the result (the backend's caps), `limit` says how many
   * there were. With `onBatch`, every batch goes there instead (an export).
   */
  async sql(text: string, opts: SqlOptions = {}): Promise<SqlAnswer> {
    const backend = this.backends.find((b) => b.sql);
    if (!backend) throw new PiccoliDataError('engine', 'No backend of this page runs SQL.');
    const out = await backend.sql!(text, opts);
    if (!('complete' in out)) return { table: out, backend: backend.name };
    const { table, complete, rowsRead, exact, stoppedBy } = out;
    if (complete) return { table, backend: backend.name };
    return { table, backend: backend.name, limit: { shown: table.numRows, read: rowsRead, exact, stoppedBy: stoppedBy ?? 'rows' } };
  }

  /** Forget every answer (e.g. after the page replaced a data file). */
  clear(): void {
    this._cache.clear();
  }

  /** One waiter on shared work: leaving aborts the work only when nobody else waits. */
  private _wait(key: string, entry: InFlight, { signal, onProgress }: RequestOptions): Promise<QueryAnswer> {
    entry.waiters++;
    if (onProgress) entry.listeners.add(onProgress);
    return new Promise<QueryAnswer>((resolve, reject) => {
      const leave = () => {
        signal?.removeEventListener('abort', onAbort);
        if (onProgress) entry.listeners.delete(onProgress);
        entry.waiters--;
      };
      const onAbort = () => {
        leave();
        if (entry.waiters === 0) {
          // Nobody waits any more: stop the work, and let a later request start afresh
          // rather than join work that is being cancelled.
          if (this._inFlight.get(key) === entry) this._inFlight.delete(key);
          entry.abort.abort();
        }
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      entry.promise.then(
        (a) => {
          if (signal?.aborted) return;
          leave();
          resolve(a);
        },
        (e: unknown) => {
          if (signal?.aborted) return;
          leave();
          reject(e);
        },
      );
    });
  }

  private async _run(req: QueryRequest, signal: AbortSignal, onProgress: (p: QueryProgress) => void): Promise<QueryAnswer> {
    const metas = this._meta();
    const provenance = loadProvenance();
    provenance.catch(() => undefined); // awaited below
    // The library's own data: no `src`, and no connector holding the site's.
    const bundled = req.src === null && !this.backends.some((b) => b.name === 'remote');
    if (bundled && req.asOf === null && req.kind !== 'areas' && !req.region && !req.province && !req.comune) {
      // The programme's funnel (and the trend's cursor) from the bundled data, with no date, shows the programme's
      // latest published figures (or, for a programme that published none, its last day).
      // Areas have no published figures: their default stays the last day, marked as
      // simulated. The backends start reading (the cube) while the programme list arrives.
      for (const b of this.backends) b.prepare?.(req);
      const meta = (await metas).find((m) => m.programme === (req.programme || 'piccoli'));
      req = { ...req, asOf: (await provenance).latestPublishedDate(meta) };
    }
    for (const backend of this.backends) {
      let answer: BackendAnswer | null;
      try {
        answer = await backend.answer(req, { signal, onProgress });
      } catch (e) {
        throw e instanceof PiccoliDataError ? e : new PiccoliDataError('query', messageOf(e), req.src ?? undefined, { cause: e });
      }
      if (signal.aborted) throw abortError();
      if (!answer) continue;
      const id = answer.programme.id;
      return (await provenance).withProvenance(
        answer,
        (await metas).find((m) => m.programme === id),
        bundled,
      );
    }
    throw new PiccoliDataError('engine', `No backend could answer a ${req.kind} request.`, req.src ?? undefined);
  }

  private _remember(key: string, answer: QueryAnswer): void {
    this._cache.set(key, answer);
    if (this._cache.size > CACHE_SIZE) this._cache.delete(this._cache.keys().next().value!);
  }
}

/**
 * With a connector, the data without `src` is its table: its cube, then the server answer
 * those (the server answers every one, or fails); files go on as without one.
 */
function defaultBackends(): Backend[] {
  const remote = config().connector;
  return [...(remote ? [remote.cubeBackend, remote] : []), new CubeBackend(), new DuckDBBackend()];
}

/** A request's identity: its fields in a fixed order, so that equal requests share one key. */
export function requestKey(req: QueryRequest): string {
  return JSON.stringify(
    Object.keys(req)
      .sort()
      .map((k) => [k, (req as unknown as Record<string, unknown>)[k] ?? null]),
  );
}
