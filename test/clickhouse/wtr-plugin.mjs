// web-test-runner side of the ClickHouse test cluster (test/clickhouse/cluster.mjs):
// clickhouseTestPlugin() starts the two shards and loads data/programmes.parquet before the
// browsers start, and stops them at the end; clickhouseMiddleware serves, on the test
// server's own origin:
//   /__ch__/...          a reverse proxy to shard 1's HTTP interface, as the README's nginx
//                        recipe sets it up (preflight answered 204 by the proxy itself)
//   /__ch_closed__/...   the same proxy with its upstream down: 502, nginx's page
//   /__duckdb_node__     POST SQL -> { columns, types, rows } from @duckdb/node-api over the
//                        same rows (view `programme_events` on data/programmes.parquet)
//   /__ch_admin__        POST SQL -> ClickHouse's text, run as the admin user on shard 1
//                        (?shard=2: on shard 2)
//   /__ch_tables__       POST { create | drop: name } -> creates (createTables: the events
//                        pair and its catalogue) or drops (dropTables) a table set on both
//                        shards, for tests that change their rows
//   /__ch_info__         GET -> { database, table, catalogue, users, limitedQueries, shards }
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DATABASE,
  EVENTS_TABLE,
  LIMITED_QUERIES,
  USERS,
  catalogueTable,
  createTables,
  dropTables,
  findServerBinary,
  loadEvents,
  startCluster,
  NOT_INSTALLED,
} from './cluster.mjs';
import { answerPreflight, badGateway, proxyRequest } from './proxy.mjs';

export { PREFLIGHT } from './proxy.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const EVENTS_PARQUET = join(ROOT, 'data', 'programmes.parquet');

/** @type {{ cluster: Awaited<ReturnType<typeof startCluster>>, loaded: Awaited<ReturnType<typeof loadEvents>> } | undefined} */
let current;
/** @type {Promise<NonNullable<typeof current>> | undefined} */
let starting;
let users = 0;
/** A loopback port nothing listens on (the closed upstream). */
let closedPort = 0;

async function ensureCluster(logger) {
  starting ??= (async () => {
    if (!findServerBinary()) throw new Error(`ClickHouse tests: ${NOT_INSTALLED}`);
    const t = Date.now();
    const cluster = await startCluster({ log: (line) => logger?.log?.(line) });
    const loaded = await loadEvents(cluster, { parquet: EVENTS_PARQUET });
    closedPort = await unusedPort();
    logger?.log?.(
      `ClickHouse test cluster: ${cluster.httpUrl} (+1 shard), ${loaded.rows} events (${loaded.perShard.join(' + ')}) in ${Date.now() - t} ms`,
    );
    current = { cluster, loaded };
    return current;
  })();
  try {
    return await starting;
  } catch (e) {
    starting = undefined;
    throw e;
  }
}

async function unusedPort() {
  const { createServer } = await import('node:net');
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (s.address());
      s.close(() => ok(port));
    });
  });
}

/**
 * The web-test-runner plugin: serverStart starts the cluster (once per process; a second
 * start reuses it) and loads data/programmes.parquet; serverStop stops it when the last
 * user stops. Fails the run with a clear message when clickhouse-server is not installed.
 */
export function clickhouseTestPlugin() {
  let mine = false;
  return {
    name: 'piccoli-clickhouse',
    async serverStart({ logger }) {
      await ensureCluster(logger);
      mine = true;
      users++;
    },
    async serverStop() {
      if (!mine) return;
      mine = false;
      if (--users > 0 || !current) return;
      const { cluster } = current;
      current = undefined;
      starting = undefined;
      await cluster.stop();
    },
  };
}

function preflight(ctx) {
  ctx.respond = false;
  answerPreflight(ctx.req, ctx.res);
}

/** Forward the request to 127.0.0.1:port with `path` (test/clickhouse/proxy.mjs); resolves when done. */
function proxy(ctx, port, path) {
  ctx.respond = false;
  return proxyRequest(ctx.req, ctx.res, port, path);
}

async function readBody(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

/** @type {Promise<import('@duckdb/node-api').DuckDBConnection> | undefined} */
let oracle;
let oracleQueue = Promise.resolve();
async function oracleQuery(sql) {
  oracle ??= (async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
    const conn = await instance.connect();
    await conn.run(`CREATE VIEW programme_events AS SELECT * FROM read_parquet('${EVENTS_PARQUET.replaceAll("'", "''")}')`);
    return conn;
  })();
  const conn = await oracle;
  // One query at a time on the connection.
  const run = oracleQueue.then(async () => {
    const reader = await conn.runAndReadAll(sql);
    // Json conversion: BIGINT/HUGEINT/DECIMAL as strings, DATE as 'YYYY-MM-DD'.
    return { columns: reader.columnNames(), types: reader.columnTypes().map(String), rows: reader.getRowsJson() };
  });
  oracleQueue = run.catch(() => {});
  return run;
}

function json(ctx, status, value) {
  ctx.status = status;
  ctx.type = 'application/json';
  ctx.set('cache-control', 'no-store');
  ctx.body = JSON.stringify(value);
}

/** Koa middleware for the paths above (add it to the config's `middleware`). */
export async function clickhouseMiddleware(ctx, next) {
  const path = ctx.path;
  if (path === '/__ch__' || path.startsWith('/__ch__/')) {
    if (ctx.method === 'OPTIONS') return preflight(ctx);
    if (!current) {
      ctx.respond = false;
      return badGateway(ctx.res);
    }
    return proxy(ctx, current.cluster.shards[0].httpPort, ctx.url.slice('/__ch__'.length) || '/');
  }
  if (path === '/__ch_closed__' || path.startsWith('/__ch_closed__/')) {
    if (ctx.method === 'OPTIONS') return preflight(ctx);
    return proxy(ctx, closedPort || 1, ctx.url.slice('/__ch_closed__'.length) || '/');
  }
  if (path === '/__duckdb_node__') {
    if (ctx.method !== 'POST') return json(ctx, 405, { error: 'POST the SQL' });
    try {
      return json(ctx, 200, await oracleQuery(await readBody(ctx.req)));
    } catch (e) {
      return json(ctx, 400, { error: /** @type {Error} */ (e).message });
    }
  }
  if (path === '/__ch_admin__') {
    if (ctx.method !== 'POST') return json(ctx, 405, { error: 'POST the SQL' });
    if (!current) return json(ctx, 503, { error: 'the ClickHouse test cluster is not running' });
    try {
      const shard = ctx.query.shard === '2' ? 2 : 1;
      const text = await current.cluster.query(await readBody(ctx.req), { shard });
      ctx.status = 200;
      ctx.type = 'text/plain';
      ctx.set('cache-control', 'no-store');
      ctx.body = text;
    } catch (e) {
      ctx.status = /** @type {{ status?: number }} */ (e).status ?? 500;
      ctx.type = 'text/plain';
      ctx.body = /** @type {Error} */ (e).message;
    }
    return;
  }
  if (path === '/__ch_tables__') {
    if (ctx.method !== 'POST') return json(ctx, 405, { error: 'POST { create | drop: name }' });
    if (!current) return json(ctx, 503, { error: 'the ClickHouse test cluster is not running' });
    try {
      const { create, drop } = JSON.parse(await readBody(ctx.req));
      const table = create ?? drop;
      // The shared events table is every test's: only others are made and dropped here.
      if (typeof table !== 'string' || table === EVENTS_TABLE) throw new Error(`invalid table: ${JSON.stringify(table)}`);
      if (create) await createTables(current.cluster, table);
      else await dropTables(current.cluster, table);
      return json(ctx, 200, { table, catalogue: catalogueTable(table) });
    } catch (e) {
      return json(ctx, 400, { error: /** @type {Error} */ (e).message });
    }
  }
  if (path === '/__ch_info__') {
    if (!current) return json(ctx, 503, { error: 'the ClickHouse test cluster is not running' });
    return json(ctx, 200, {
      url: '/__ch__/',
      closedUrl: '/__ch_closed__/',
      database: DATABASE,
      table: EVENTS_TABLE,
      catalogue: catalogueTable(EVENTS_TABLE),
      users: USERS,
      limitedQueries: LIMITED_QUERIES,
      rows: current.loaded.rows,
      perShard: current.loaded.perShard,
    });
  }
  return next();
}
