import { ContextConsumer } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveElement } from 'lit';
import type { Table } from 'apache-arrow';
import { coordinatorContext } from '../../query/context.js';
import type { ResultLimit, SqlAnswer } from '../../query/coordinator.js';
import { PiccoliDataError, isAbortError, messageOf } from '../../data/errors.js';
import type { BundledLoad } from './bundled-tables.js';
import type { TableInfo } from './schema.js';

/** A finished run: the Arrow result and how it came about. */
export interface RunResult {
  table: Table;
  sql: string;
  elapsedMs: number;
  /** Present when `table` is only the first rows of the result (the console's caps stopped it). */
  limit?: ResultLimit;
}

/** How a run ended, when it was neither superseded nor cancelled. */
export type RunOutcome = { ok: true; result: RunResult } | { ok: false; error: PiccoliDataError };

/**
 * The console's one door to the data: the analyst's SQL and the schema go to the page's
 * coordinator (src/query/coordinator.ts), which runs them on its database backend (the
 * shared DuckDB-WASM engine; a remote engine in time). Loading the bundled tables is the
 * engine's own business and the one direct use of it here.
 *
 * Runs use @lit/task: a new run aborts the one in progress through the task's
 * AbortSignal (DuckDB interrupts it), and a superseded or cancelled run reports nothing.
 *
 * @example
 * const outcome = await this._runner.run('SELECT 42');
 * if (outcome?.ok) show(outcome.result.table);
 */
export class RunController implements ReactiveController {
  /** A run is in progress. */
  running = false;
  /** The last run was cancelled by the reader. */
  cancelled = false;
  /** Runs wait for this (the bundled tables loading) before they reach the engine. */
  private _ready: Promise<unknown> = Promise.resolve();
  /** Counts runs and cancels: a run whose number is no longer current reports nothing. */
  private _token = 0;
  private readonly _task: Task<[string], RunResult>;
  private readonly _coordinator: ContextConsumer<typeof coordinatorContext, ReactiveElement>;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
    this._coordinator = new ContextConsumer(host, { context: coordinatorContext, subscribe: true });
    this._task = new Task(host, {
      task: ([sql], { signal }) => this._query(sql, signal),
      autoRun: false,
    });
  }

  hostDisconnected(): void {
    if (!this.running) return;
    this._token++;
    this._task.abort();
    this.running = false;
  }

  /** Hold runs until `promise` settles (e.g. the bundled tables are loaded). */
  waitFor(promise: Promise<unknown>): void {
    this._ready = promise.catch(() => undefined);
  }

  /**
   * Run `sql`, superseding (and interrupting) a run in progress. Resolves with how it
   * ended, or undefined when a later run or a cancel took its place. Never rejects.
   */
  async run(sql: string): Promise<RunOutcome | undefined> {
    const token = ++this._token;
    this.running = true;
    this.cancelled = false;
    this.host.requestUpdate();
    await this._task.run([sql]);
    if (token !== this._token) return undefined;
    this.running = false;
    this.host.requestUpdate();
    if (this._task.status === TaskStatus.COMPLETE) return { ok: true, result: this._task.value! };
    const e = this._task.error;
    return { ok: false, error: e instanceof PiccoliDataError ? e : new PiccoliDataError('query', messageOf(e), undefined, { cause: e }) };
  }

  /** Stop the run in progress (DuckDB is interrupted); nothing is reported for it. */
  cancel(): void {
    if (!this.running) return;
    this._token++;
    this._task.abort();
    this.running = false;
    this.cancelled = true;
    this.host.requestUpdate();
  }

  /** The backend the coordinator runs SQL on: the first that is a database. */
  private get _sqlBackend() {
    return this._coordinator.value?.backends.find((b) => b.sql);
  }

  /** The console's SQL runs on a remote engine (a connector): no bundled tables, no DuckDB. */
  get remote(): boolean {
    return this._sqlBackend?.name === 'remote';
  }

  /** Load the bundled programme tables into the engine; says which failed (never rejects once the loaders are fetched). */
  async loadBundled(): Promise<BundledLoad> {
    // The loaders and the engine's code are fetched now, after the console's first paint.
    const [{ loadBundledTables }, { getEngine }] = await Promise.all([import('./bundled-tables.js'), import('../../data/engine.js')]);
    return loadBundledTables(getEngine());
  }

  /** The engine's tables with their columns and row counts. */
  async readSchema(): Promise<TableInfo[]> {
    // A remote engine lists its own tables; DuckDB's are read from its information_schema.
    const listed = this._sqlBackend?.schema?.();
    if (listed) return listed;
    const { COLUMNS_SQL, groupColumns, rowCountsSql } = await import('./schema.js');
    const { table: cols } = await this._sql(COLUMNS_SQL);
    const tables = groupColumns(cols.toArray().map((r) => r.toJSON() as never));
    if (tables.length) {
      const { table: counts } = await this._sql(rowCountsSql(tables.map((t) => t.name)));
      for (const r of counts.toArray()) {
        const { i, n } = r.toJSON() as { i: number; n: bigint };
        tables[i]!.rows = Number(n);
      }
    }
    return tables;
  }

  private async _query(sql: string, signal: AbortSignal): Promise<RunResult> {
    await this._ready;
    const t0 = performance.now();
    try {
      const { table, limit } = await this._sql(sql, signal);
      return { table, sql, elapsedMs: performance.now() - t0, ...(limit && { limit }) };
    } catch (e) {
      if (isAbortError(e) || e instanceof PiccoliDataError) throw e;
      throw new PiccoliDataError('query', messageOf(e), undefined, { cause: e });
    }
  }

  private async _sql(text: string, signal?: AbortSignal): Promise<SqlAnswer> {
    const coordinator = this._coordinator.value;
    if (!coordinator) throw new PiccoliDataError('engine', 'No piccoli-dashboard coordinator is provided to this console.');
    return coordinator.sql(text, { signal });
  }
}
