import type { Table } from 'apache-arrow';
import { ClickHouseClient } from '../../data/clickhouse/client.js';
import type { ConnectorSettings } from '../../data/clickhouse/connector.js';
import { config, consoleLimits } from '../../data/config.js';
import { PiccoliDataError } from '../../data/errors.js';
import {
  CATALOGUE_COLUMNS,
  catalogueTypeFits,
  chAreaMetricQuery,
  chAreasQuery,
  chCatalogueAreasQuery,
  chCatalogueLastDateQuery,
  chCatalogueProgrammesQuery,
  chCatalogueProvincesQuery,
  chCatalogueStagesQuery,
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

/** One of the elements' questions; `catalogue` when it reads the catalogue table. */
interface ChQuery {
  sql: string;
  catalogue?: boolean;
}

/**
 * The connector's backend (loaded with its first question): the elements' requests in
 * ClickHouse's SQL on the configured table, through the same answer logic as DuckDB's
 * (sql-answer.ts), and the console's SQL as the analyst wrote it. The server's read-only
 * user is what keeps the console's SQL from writing (README, "ClickHouse").
 *
 * With a `catalogue` table, the programmes, provinces, stages and days are read from it,
 * in one round with the table's columns (each round trip to a server costs): the
 * catalogue's shape is checked in that round, and a catalogue question is answered only
 * once the check passed. The numbers are always counted on the events table; should the
 * catalogue lag behind it (a stage it does not list), that programme's catalogue is asked
 * of the events (sql-answer.ts, `exact`).
 */
export class ClickHouseBackend implements Backend {
  readonly name = 'remote';
  readonly client: ClickHouseClient;
  private readonly _table: SqlTable<ChQuery>;
  private _columns?: Promise<{ events: ReadonlySet<string> }>;

  constructor(readonly settings: Readonly<ConnectorSettings>) {
    this.client = new ClickHouseClient(settings);
    const table = chTable(settings.database, settings.table);
    const q = (sql: string): ChQuery => ({ sql });
    const events = {
      stages: (id: string) => q(chStagesQuery(table, id)),
      areas: (id: string) => q(chAreasQuery(table, id)),
      lastDate: (id: string) => q(chLastDateQuery(table, id)),
    };
    const queries: AnswerQueries<ChQuery> = {
      programmes: () => q(chProgrammesQuery(table)),
      provinces: () => q(chProvincesQuery(table)),
      ...events,
      entities: (id, v) => q(chEntitiesQuery(table, id, v)),
      funnel: (f, p) => q(chFunnelQuery(table, f, p)),
      trend: (f, p) => q(chTrendQuery(table, f, p)),
      areaMetric: (f, n, p) => q(chAreaMetricQuery(table, f, n, p)),
    };
    let exact: SqlTable<ChQuery>['exact'];
    if (settings.catalogue) {
      const cat = chTable(settings.database, settings.catalogue);
      const c = (sql: string): ChQuery => ({ sql, catalogue: true });
      Object.assign(queries, {
        programmes: () => c(chCatalogueProgrammesQuery(cat)),
        provinces: () => c(chCatalogueProvincesQuery(cat)),
        stages: (id: string) => c(chCatalogueStagesQuery(cat, id)),
        areas: (id: string) => c(chCatalogueAreasQuery(cat, id)),
        lastDate: (id: string) => c(chCatalogueLastDateQuery(cat, id)),
      });
      exact = {
        ...events,
        stages: (id: string) => {
          console.warn(
            `piccoli-dashboard: the catalogue ${settings.database}.${settings.catalogue} lags behind ${settings.database}.${settings.table} ` +
              `(programme ${JSON.stringify(id)}): its stages and days are read from the events (README, "The catalogue").`,
          );
          return events.stages(id);
        },
      };
    }
    this._table = {
      key: this,
      queries,
      rows: (query, signal) => this._rows(query, signal),
      columns: async () => (await this._tableColumns()).events,
      backend: 'remote',
      source: this.client.label,
      publisher: settings.source ?? null,
      eager: true,
      ...(exact && { exact }),
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

  /** An element's question: a catalogue question is sent at once, and answers only if the catalogue's shape is right. */
  private async _rows(q: ChQuery, signal?: AbortSignal): Promise<Row[]> {
    if (!q.catalogue) return this.rows(q.sql, signal);
    const [shape, rows] = await Promise.allSettled([this._tableColumns(), this.rows(q.sql, signal)]);
    if (shape.status === 'rejected') throw shape.reason;
    if (rows.status === 'rejected') throw rows.reason;
    return rows.value;
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

  /**
   * The columns of the configured table (none means it does not exist), asked once; with a
   * catalogue, in the same question, the catalogue's columns, checked against the shape
   * the README creates (CATALOGUE_COLUMNS).
   */
  private _tableColumns(): Promise<{ events: ReadonlySet<string> }> {
    if (!this._columns) {
      const { database, table, catalogue } = this.settings;
      const tables = [table, ...(catalogue ? [catalogue] : [])].map(chString).join(', ');
      this._columns = this.rows(
        `SELECT table, name, type FROM system.columns WHERE database = ${chString(database)} AND table IN (${tables})`,
      ).then((r) => {
        const of = (t: string) => new Map(r.filter((x) => x.table === t).map((x) => [String(x.name), String(x.type)]));
        const events = of(table);
        if (!events.size) throw this._unknown(`ClickHouse has no table ${database}.${table}`, `${database}.${table}`, 'table');
        if (catalogue) {
          const cat = of(catalogue);
          if (!cat.size) {
            throw this._unknown(`ClickHouse has no catalogue table ${database}.${catalogue}`, `${database}.${catalogue}`, 'table');
          }
          for (const [name, type] of Object.entries(CATALOGUE_COLUMNS)) {
            const found = cat.get(name);
            if (found === undefined || !catalogueTypeFits(type, found)) {
              throw this._unknown(
                `The catalogue ${database}.${catalogue} is not the README's: its column ${name} is ${found ?? 'missing'}, expected ${type}`,
                `${catalogue}.${name}`,
                'column',
              );
            }
          }
        }
        return { events: new Set(events.keys()) };
      });
      this._columns.catch(() => (this._columns = undefined));
    }
    return this._columns;
  }

  private _unknown(message: string, value: string, what: 'table' | 'column'): PiccoliDataError {
    return new PiccoliDataError('remote', message, this.client.label, { kind: 'unknown-name', params: { value, what } });
  }
}

function rowsOf(table: Table): Row[] {
  return table.toArray().map((r) => (r as { toJSON(): Row }).toJSON());
}
