import type { Table } from 'apache-arrow';
import { ClickHouseClient } from '../../data/clickhouse/client.js';
import type { ConnectorSettings } from '../../data/clickhouse/connector.js';
import { config, consoleLimits } from '../../data/config.js';
import { PiccoliDataError } from '../../data/errors.js';
import {
  chAreaMetricQuery,
  chAreasQuery,
  chColumnsQuery,
  chEntitiesQuery,
  chFunnelQuery,
  chLastDateQuery,
  chProgrammesQuery,
  chProvincesQuery,
  chRowCountsQuery,
  chStagesQuery,
  chString,
  chTable,
  chTrendQuery,
} from '../../data/sql/clickhouse.js';
import type { TableInfo } from '../../components/piccoli-sql/schema.js';
import type { QueryRequest, RequestOptions } from '../types.js';
import type { Backend, BackendAnswer, SqlOptions, SqlResult } from './backend.js';
import { answerFromSql, type AnswerQueries, type Row, type SqlTable } from './sql-answer.js';

/** Most tables whose rows the console's schema browser counts. */
const MAX_COUNTED_TABLES = 50;

/**
 * The connector's backend (loaded with its first question): the elements' requests in
 * ClickHouse's SQL on the configured table, through the same answer logic as DuckDB's
 * (sql-answer.ts), and the console's SQL as the analyst wrote it. The server's read-only
 * user is what keeps the console's SQL from writing (README, "ClickHouse").
 */
export class ClickHouseBackend implements Backend {
  readonly name = 'remote';
  readonly client: ClickHouseClient;
  private readonly _table: SqlTable<string>;
  private _columns?: Promise<ReadonlySet<string>>;

  constructor(readonly settings: Readonly<ConnectorSettings>) {
    this.client = new ClickHouseClient(settings);
    const table = chTable(settings.database, settings.table);
    const queries: AnswerQueries<string> = {
      programmes: () => chProgrammesQuery(table),
      provinces: () => chProvincesQuery(table),
      stages: (id) => chStagesQuery(table, id),
      areas: (id) => chAreasQuery(table, id),
      lastDate: (id) => chLastDateQuery(table, id),
      entities: (id, v) => chEntitiesQuery(table, id, v),
      funnel: (f, p) => chFunnelQuery(table, f, p),
      trend: (f, p) => chTrendQuery(table, f, p),
      areaMetric: (f, n, p) => chAreaMetricQuery(table, f, n, p),
    };
    this._table = {
      key: this,
      queries,
      rows: (sql, signal) => this.rows(sql, signal),
      columns: () => this._tableColumns(),
      backend: 'remote',
      source: this.client.label,
      publisher: settings.source ?? null,
    };
  }

  answer(req: QueryRequest, opts: RequestOptions): Promise<BackendAnswer> {
    return answerFromSql(req, this._table, opts.signal);
  }

  /** One of the library's own queries, as rows. */
  async rows(sql: string, signal?: AbortSignal): Promise<Row[]> {
    const { table } = await this.client.query(sql, { signal, timeoutMs: this.settings.timeoutMs });
    return rowsOf(table);
  }

  /**
   * The analyst's SQL, as typed: the first rows up to the console's caps (the server
   * stops there when the user may set limits), or every batch to `onBatch` (an export,
   * bounded by the site's largest file size).
   */
  async sql(text: string, opts: SqlOptions): Promise<SqlResult> {
    const { timeoutMs, maxRows, maxBytes } = consoleLimits();
    if (opts.onBatch) {
      const { table } = await this.client.query(text, {
        signal: opts.signal,
        timeoutMs,
        maxBytes: config().maxBytes ?? 2 ** 30,
        exactTypes: true,
      });
      for (const b of table.batches) await opts.onBatch(b);
      return { table: table.slice(0, 0), complete: true, rowsRead: table.numRows, exact: true };
    }
    const { table, capped } = await this.client.query(text, {
      signal: opts.signal,
      timeoutMs,
      maxRows: maxRows + 1,
      maxBytes,
      exactTypes: true,
    });
    if (table.numRows <= maxRows && !capped) return { table, complete: true, rowsRead: table.numRows, exact: true };
    return { table: table.slice(0, maxRows), complete: false, rowsRead: table.numRows, exact: false, stoppedBy: 'rows' };
  }

  /** The database's tables with their columns (system.columns) and row counts. */
  async schema(opts: RequestOptions = {}): Promise<TableInfo[]> {
    const { database } = this.settings;
    const cols = await this.rows(chColumnsQuery(database), opts.signal);
    const byName = new Map<string, TableInfo>();
    for (const r of cols) {
      const name = String(r.table_name);
      let t = byName.get(name);
      if (!t) byName.set(name, (t = { name, rows: null, columns: [] }));
      t.columns.push({ name: String(r.column_name), type: String(r.data_type) });
    }
    const tables = [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const counted = tables.slice(0, MAX_COUNTED_TABLES).filter((t) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(t.name));
    if (counted.length) {
      try {
        const counts = await this.rows(
          chRowCountsQuery(
            database,
            counted.map((t) => t.name),
          ),
          opts.signal,
        );
        for (const r of counts) counted[Number(r.i)]!.rows = Number(r.n);
      } catch {
        // A table that cannot be counted (a view over a missing table): counts stay unknown.
      }
    }
    return tables;
  }

  /** The columns of the configured table; none means it does not exist. */
  private _tableColumns(): Promise<ReadonlySet<string>> {
    if (!this._columns) {
      const { database, table } = this.settings;
      this._columns = this.rows(
        `SELECT name FROM system.columns WHERE database = ${chString(database)} AND table = ${chString(table)}`,
      ).then((r) => {
        if (!r.length) {
          throw new PiccoliDataError('remote', `ClickHouse has no table ${database}.${table}`, this.client.label, {
            kind: 'unknown-name',
            params: { value: `${database}.${table}`, what: 'table' },
          });
        }
        return new Set(r.map((x) => String(x.name)));
      });
      this._columns.catch(() => (this._columns = undefined));
    }
    return this._columns;
  }
}

function rowsOf(table: Table): Row[] {
  return table.toArray().map((r) => (r as { toJSON(): Row }).toJSON());
}
