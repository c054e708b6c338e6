import type { TableInfo } from '../../components/piccoli-sql/schema.js';
import type { Backend, BackendAnswer, SqlOptions, SqlResult } from '../../query/backends/backend.js';
import type { QueryRequest, RequestOptions } from '../../query/types.js';
import { PiccoliDataError } from '../errors.js';

/**
 * Where the elements read when a site's data lives in ClickHouse (issue 12): the
 * coordinator's third backend. With `configure({ connector: clickhouseConnector({...}) })`
 * every element without `src` reads the connector's table, and `<piccoli-sql>` runs its
 * SQL on the server. Nothing of DuckDB-WASM is downloaded while the connector answers.
 *
 * This module is what a page's configuration loads: the options, checked. The client,
 * the dialect and the conversion to Arrow (src/data/clickhouse/client.ts, arrow.ts,
 * src/data/sql/clickhouse.ts) are fetched with the first question.
 *
 * @example
 * import { configure, clickhouseConnector } from 'piccoli-dashboard/data';
 * configure({ connector: clickhouseConnector({ url: '/ch/', database: 'piccoli', user: 'lettore', password: 'pubblica' }) });
 */
export interface ClickHouseConnectorOptions {
  /** The server's HTTP interface, absolute or relative to the page (`'/ch/'` behind a same-origin proxy). */
  url: string;
  /** Default `default`. */
  database?: string;
  /** The stage-events table (columns of data/SCHEMA.md). Default `programme_events`. */
  table?: string;
  /**
   * A read-only user (README, "ClickHouse"). Sent in the X-ClickHouse-User/-Key headers
   * to the page's own origin, and as URL parameters to another origin, where headers
   * would need a CORS preflight that older servers answer 501. Omit both when the proxy
   * adds them.
   */
  user?: string;
  password?: string;
  /** Stop an element's query after this many milliseconds (the console uses configure({ console })). Default 30 000. */
  timeoutMs?: number;
  /**
   * A cube of the same data (`piccoli-data import` over an export of the table): it
   * answers the elements' first paint with no round trip to the server.
   */
  cube?: string;
  /** Who publishes the data, for the elements' source line (as `piccoli-data import --source`). */
  source?: string;
  /**
   * A catalogue table in the same database that ClickHouse keeps itself (README, "The
   * catalogue"): a materialised view of the events table grouped by programme, stage and
   * province. The programmes, provinces, stages and first and last days are read from it
   * (a few thousand rows) instead of the events; the numbers are always counted on the
   * events. Without it, those questions scan the events. A missing catalogue, or one of
   * another shape, is an error in the elements, never a guess.
   */
  catalogue?: string;
}

/** The connector's options with their defaults, as the client reads them. */
export interface ConnectorSettings {
  url: string;
  database: string;
  table: string;
  user?: string;
  password?: string;
  timeoutMs: number;
  cube?: string;
  source?: string;
  catalogue?: string;
}

/** A configured connector: a backend of the page's coordinator. */
export interface Connector extends Backend {
  readonly name: 'remote';
  readonly kind: 'clickhouse';
  readonly settings: Readonly<ConnectorSettings>;
  /** What the answers name as their source: `clickhouse:<database>.<table>`. */
  readonly label: string;
  /** The console's tables and columns (the server's system.columns). */
  schema(opts?: RequestOptions): Promise<TableInfo[]>;
  /** The site's cube of the table (`cube`), asked before the server; answers nothing without one. */
  readonly cubeBackend: Backend;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]{0,190}$/;

function bad(name: string, value: unknown, why: string): PiccoliDataError {
  return new PiccoliDataError('invalid-option', `invalid clickhouseConnector ${name}: ${JSON.stringify(value)} (${why})`);
}

/** A connector to a ClickHouse server's HTTP interface; options checked now, code fetched at the first question. */
export function clickhouseConnector(options: ClickHouseConnectorOptions): Connector {
  if (typeof options !== 'object' || options === null) throw bad('options', options, 'an object');
  const { url, database = 'default', table = 'programme_events', user, password, timeoutMs = 30_000, cube, source, catalogue } = options;
  if (typeof url !== 'string' || !url.trim()) throw bad('url', url, "the server's HTTP address, e.g. '/ch/'");
  try {
    const u = new URL(url, document.baseURI);
    if (!/^https?:$/.test(u.protocol)) throw new Error();
    if (u.username || u.password) throw bad('url', url, 'give user and password as options, not in the URL');
  } catch (e) {
    throw e instanceof PiccoliDataError ? e : bad('url', url, 'an http(s) address');
  }
  if (!IDENT.test(database)) throw bad('database', database, 'letters, digits and _');
  if (!IDENT.test(table)) throw bad('table', table, 'letters, digits and _');
  if (catalogue !== undefined && !IDENT.test(catalogue)) throw bad('catalogue', catalogue, 'a table name: letters, digits and _');
  for (const [k, v] of Object.entries({ user, password, cube, source })) {
    if (v !== undefined && typeof v !== 'string') throw bad(k, v, 'text');
  }
  if (!(Number.isSafeInteger(timeoutMs) && timeoutMs > 0)) throw bad('timeoutMs', timeoutMs, 'a positive whole number');
  const settings: ConnectorSettings = Object.freeze({
    url: new URL(url, document.baseURI).href,
    database,
    table,
    timeoutMs,
    ...(user !== undefined && { user }),
    ...(password !== undefined && { password }),
    ...(cube !== undefined && { cube: new URL(cube, document.baseURI).href }),
    ...(source !== undefined && { source }),
    ...(catalogue !== undefined && { catalogue }),
  });
  let impl: Promise<Backend & { schema(opts?: RequestOptions): Promise<TableInfo[]> }> | undefined;
  const backend = () => {
    impl ??= import('../../query/backends/clickhouse-backend.js').then((m) => new m.ClickHouseBackend(settings));
    impl.catch(() => (impl = undefined)); // a failed chunk download is tried again next time
    return impl;
  };
  const label = `clickhouse:${database}.${table}`;
  let cubeImpl: Promise<Backend> | undefined;
  const cubeBackend = () => {
    cubeImpl ??= import('../../query/backends/table-cube.js').then((m) => new m.TableCubeBackend(settings, label));
    cubeImpl.catch(() => (cubeImpl = undefined));
    return cubeImpl;
  };
  return {
    name: 'remote',
    kind: 'clickhouse',
    settings,
    label,
    cubeBackend: {
      name: 'cube',
      answer: async (req: QueryRequest) => (req.src !== null || !settings.cube ? null : (await cubeBackend()).answer(req, {})),
      prepare: (req: QueryRequest) => void (req.src === null && settings.cube && cubeBackend().then((b) => b.prepare?.(req))),
    },
    // A file (`src`) is never the connector's: the cube and DuckDB answer those.
    answer: async (req: QueryRequest, opts: RequestOptions): Promise<BackendAnswer | null> =>
      req.src !== null ? null : (await backend()).answer(req, opts),
    sql: async (text: string, opts: SqlOptions): Promise<SqlResult> => (await backend()).sql!(text, opts) as Promise<SqlResult>,
    schema: async (opts?: RequestOptions) => (await backend()).schema(opts),
  };
}
