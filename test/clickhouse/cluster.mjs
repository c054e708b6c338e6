#!/usr/bin/env node
// A real two-shard ClickHouse cluster on loopback, for the connector's tests and the
// benchmark: two clickhouse-server processes (Debian's 18.16), each with its own generated
// config and data folder, free ports on 127.0.0.1, a `piccoli_cluster` of two shards, the
// events table as MergeTree on each shard plus a Distributed table over both, its catalogue
// (a materialised view on each shard into a small table, and a Distributed table over it:
// the connector's `catalogue` option), and the users a public dashboard would have
// (read-only, settings-locked, quota-limited).
//
// API:  const cluster = await startCluster(); await loadEvents(cluster); ...; await cluster.stop();
// CLI:  node test/clickhouse/cluster.mjs start [--dir D]      prints JSON, leaves the servers running
//       node test/clickhouse/cluster.mjs stop --dir D
//       node test/clickhouse/cluster.mjs load-events --dir D [--parquet F] [--table T]
//       node test/clickhouse/cluster.mjs load-synthetic --dir D --rows N [--table T]
//       node test/clickhouse/cluster.mjs status --dir D
// See test/clickhouse/README.md for what 18.16 answers to each kind of request.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Name of the cluster in `remote_servers`. */
export const CLUSTER = 'piccoli_cluster';
/** Database holding the tables on both shards. */
export const DATABASE = 'piccoli';
/** Password of every non-admin user. */
export const PASSWORD = 'lettore-2026';
/**
 * The users of users.xml (same on both shards; networks: loopback only).
 * - admin (`default`, no password): setup and the tests' own checks.
 * - reader: readonly=2 (reads, may change settings), generous quota.
 * - ro1: readonly=1 (reads, may not change any setting).
 * - limited: readonly=2, at most 3 queries per hour (the 4th fails with "quota exceeded").
 */
export const USERS = {
  admin: { user: 'default', password: '' },
  reader: { user: 'piccoli_reader', password: PASSWORD },
  ro1: { user: 'piccoli_ro1', password: PASSWORD },
  limited: { user: 'piccoli_limited', password: PASSWORD },
};
/**
 * Queries per hour `piccoli_limited` may run on each server; the next one fails with code 201
 * ("Quota ... has been exceeded"). Failed queries count too. 18.16 checks the quota before
 * counting the query, so a quota of `<queries>n</queries>` lets n + 1 queries through:
 * users.xml says LIMITED_QUERIES - 1.
 */
export const LIMITED_QUERIES = 3;

/** The events columns of data/SCHEMA.md, in order, with their ClickHouse types. */
export const EVENT_COLUMNS = [
  ['programme', 'LowCardinality(String)'],
  ['entity_code', 'String'],
  ['entity_kind', 'LowCardinality(String)'],
  ['entity_name', 'String'],
  ['province_code', 'String'],
  ['province_sigla', 'LowCardinality(String)'],
  ['province_name', 'String'],
  ['region_code', 'LowCardinality(String)'],
  ['region_name', 'LowCardinality(String)'],
  ['stage', 'LowCardinality(String)'],
  ['stage_order', 'Int32'],
  ['date', 'Date'],
  ['provenance', 'LowCardinality(String)'],
];

/** Stages of the synthetic programme `scala` (loadSynthetic), in order. */
export const SYNTHETIC_PROGRAMME = 'scala';
export const SYNTHETIC_STAGES = ['eligible', 'contacted', 'engaged', 'planned', 'funded', 'started', 'completed'];
/** Day of every synthetic stage-0 row; stage s (s >= 1) falls in [start + 30s, start + 30s + 29]. */
export const SYNTHETIC_START = '2024-01-08';

/** Where clickhouse-server is, or null. CLICKHOUSE_SERVER, when set, is the only place looked at. */
export function findServerBinary() {
  const forced = process.env.CLICKHOUSE_SERVER;
  if (forced) return existsSync(forced) ? forced : null;
  const candidates = ['/usr/sbin/clickhouse-server', '/usr/bin/clickhouse-server'];
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir) candidates.push(join(dir, 'clickhouse-server'));
  return candidates.find((c) => existsSync(c)) ?? null;
}

export const NOT_INSTALLED =
  "clickhouse-server is not installed: install Debian's package (apt-get install clickhouse-server) or run `bash .ci/run`, which installs it; or set CLICKHOUSE_SERVER to its path.";

/** n distinct free TCP ports on 127.0.0.1 (all held open together, then released). */
async function freePorts(n) {
  const servers = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise((ok, fail) => {
          const s = createServer();
          s.once('error', fail);
          s.listen(0, '127.0.0.1', () => ok(s));
        }),
    ),
  );
  const ports = servers.map((s) => /** @type {import('node:net').AddressInfo} */ (s.address()).port);
  await Promise.all(servers.map((s) => new Promise((ok) => s.close(ok))));
  return ports;
}

/** XML text: escape &, <, >. */
const x = (/** @type {string | number} */ v) => String(v).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function configXml({ folder, httpPort, tcpPort, interserverPort, shard, shards }) {
  const replicas = shards.map((s) => `      <shard><replica><host>127.0.0.1</host><port>${s.tcpPort}</port></replica></shard>`).join('\n');
  return `<?xml version="1.0"?>
<!-- Generated by test/clickhouse/cluster.mjs: shard ${shard} of ${CLUSTER}. -->
<yandex>
  <logger>
    <level>information</level>
    <log>${x(folder)}/logs/server.log</log>
    <errorlog>${x(folder)}/logs/error.log</errorlog>
    <size>20M</size>
    <count>2</count>
  </logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${httpPort}</http_port>
  <tcp_port>${tcpPort}</tcp_port>
  <interserver_http_host>127.0.0.1</interserver_http_host>
  <interserver_http_port>${interserverPort}</interserver_http_port>
  <max_connections>256</max_connections>
  <keep_alive_timeout>3</keep_alive_timeout>
  <max_concurrent_queries>64</max_concurrent_queries>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
  <mark_cache_size>268435456</mark_cache_size>
  <path>${x(folder)}/data/</path>
  <tmp_path>${x(folder)}/tmp/</tmp_path>
  <user_files_path>${x(folder)}/user_files/</user_files_path>
  <format_schema_path>${x(folder)}/format_schemas/</format_schema_path>
  <users_config>${x(folder)}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mlock_executable>false</mlock_executable>
  <remote_servers>
    <${CLUSTER}>
${replicas}
    </${CLUSTER}>
  </remote_servers>
  <macros><shard>${shard}</shard><replica>r1</replica></macros>
  <query_log>
    <database>system</database>
    <table>query_log</table>
    <flush_interval_milliseconds>1000</flush_interval_milliseconds>
  </query_log>
  <!-- Parts replaced by a merge go after 30 s, not 8 min: a 100M-row load would hold twice its disk. -->
  <merge_tree><old_parts_lifetime>30</old_parts_lifetime></merge_tree>
  <builtin_dictionaries_reload_interval>3600</builtin_dictionaries_reload_interval>
  <max_session_timeout>3600</max_session_timeout>
  <default_session_timeout>60</default_session_timeout>
</yandex>
`;
}

function usersXml() {
  const networks = '<networks><ip>127.0.0.1</ip><ip>::1</ip></networks>';
  const user = (name, password, profile, quota) =>
    `    <${name}><password>${x(password)}</password>${networks}<profile>${profile}</profile><quota>${quota}</quota></${name}>`;
  const interval = (queries) =>
    `<interval><duration>3600</duration><queries>${queries}</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval>`;
  return `<?xml version="1.0"?>
<!-- Generated by test/clickhouse/cluster.mjs. -->
<yandex>
  <profiles>
    <default>
      <max_memory_usage>4000000000</max_memory_usage>
      <log_queries>1</log_queries>
      <allow_experimental_low_cardinality_type>1</allow_experimental_low_cardinality_type>
    </default>
    <reader>
      <readonly>2</readonly>
      <max_memory_usage>2000000000</max_memory_usage>
      <log_queries>1</log_queries>
    </reader>
    <ro1>
      <readonly>1</readonly>
      <max_memory_usage>2000000000</max_memory_usage>
      <log_queries>1</log_queries>
    </ro1>
  </profiles>
  <users>
${user(USERS.admin.user, USERS.admin.password, 'default', 'unlimited')}
${user(USERS.reader.user, PASSWORD, 'reader', 'generous')}
${user(USERS.ro1.user, PASSWORD, 'ro1', 'generous')}
${user(USERS.limited.user, PASSWORD, 'reader', 'three_per_hour')}
  </users>
  <quotas>
    <unlimited>${interval(0)}</unlimited>
    <generous>${interval(100000)}</generous>
    <three_per_hour>${interval(LIMITED_QUERIES - 1)}</three_per_hour>
  </quotas>
</yandex>
`;
}

/** Basic-auth free request to one server's HTTP interface; returns the text, throws ClickHouse's message. */
async function httpQuery(port, sql, { user = USERS.admin.user, password = USERS.admin.password, body, settings = {} } = {}) {
  const url = new URL(`http://127.0.0.1:${port}/`);
  for (const [k, v] of Object.entries(settings)) url.searchParams.set(k, String(v));
  let payload = sql;
  if (body !== undefined) {
    url.searchParams.set('query', sql);
    payload = body;
  }
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'X-ClickHouse-User': user, 'X-ClickHouse-Key': password },
    body: payload,
  });
  const text = await res.text();
  if (!res.ok) {
    const err = new Error(text.trim() || `HTTP ${res.status}`);
    Object.assign(err, { status: res.status, code: Number(/^Code: (\d+)/.exec(text)?.[1] ?? NaN) });
    throw err;
  }
  return text;
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return /** @type {NodeJS.ErrnoException} */ (e).code === 'EPERM';
  }
}

/** Whether pid is a zombie or gone (a zombie has exited; its parent has not reaped it yet). */
function exited(pid) {
  if (!alive(pid)) return true;
  try {
    return /\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/** SIGTERM, wait up to `graceMs`, then SIGKILL; resolves when every pid has exited. */
export async function stopPids(pids, graceMs = 10_000) {
  for (const pid of pids) if (!exited(pid)) process.kill(pid, 'SIGTERM');
  const until = Date.now() + graceMs;
  while (pids.some((p) => !exited(p)) && Date.now() < until) await sleep(50);
  for (const pid of pids) if (!exited(pid)) process.kill(pid, 'SIGKILL');
  while (pids.some((p) => !exited(p))) await sleep(20);
}

function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function waitForPing(shard, child, { timeoutMs }) {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    if (child && child.exitCode !== null) break;
    if (!child && exited(shard.pid)) break;
    try {
      const res = await fetch(`http://127.0.0.1:${shard.httpPort}/ping`, { signal: AbortSignal.timeout(1000) });
      const text = await res.text();
      if (text.trim() === 'Ok.') return;
      last = `${res.status} ${text.slice(0, 200)}`;
    } catch (e) {
      last = /** @type {Error} */ (e).message;
    }
    await sleep(100);
  }
  const why =
    child && child.exitCode !== null ? `exited with code ${child.exitCode}` : `did not answer /ping within ${timeoutMs} ms (last: ${last})`;
  throw new Error(
    `clickhouse-server for shard ${shard.number} (http ${shard.httpPort}, ${shard.folder}) ${why}.\n` +
      `--- ${shard.folder}/logs/error.log ---\n${tail(join(shard.folder, 'logs', 'error.log'))}\n` +
      `--- ${shard.folder}/stderr.log ---\n${tail(join(shard.folder, 'stderr.log'))}`,
  );
}

/** The events table served to readers (Distributed over both shards). */
export const EVENTS_TABLE = 'programme_events';

/** The MergeTree table on each shard behind the Distributed `table`: `events_local` for `programme_events`, else `<table>_local`. */
export function localTable(table) {
  return table === EVENTS_TABLE ? 'events_local' : `${table}_local`;
}

function checkTableName(table) {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`invalid table name: ${JSON.stringify(table)}`);
  return table;
}

/** Schema on one shard: the events pair for `table` (local MergeTree + Distributed). */
function tableDdl(table) {
  const local = localTable(checkTableName(table));
  const cols = EVENT_COLUMNS.map(([n, t]) => `  ${n} ${t}`).join(',\n');
  return [
    `CREATE TABLE IF NOT EXISTS ${DATABASE}.${local} (\n${cols}\n) ENGINE = MergeTree ORDER BY (programme, stage_order, entity_code)`,
    `CREATE TABLE IF NOT EXISTS ${DATABASE}.${table} AS ${DATABASE}.${local} ENGINE = Distributed(${CLUSTER}, ${DATABASE}, ${local}, cityHash64(entity_code))`,
  ];
}

/**
 * The catalogue of `table` (the connector's `catalogue` option): `events_catalogue` for
 * `programme_events`, else `<table>_catalogue`; on each shard `<catalogue>_local` holds it
 * and `<catalogue>_mv` fills it.
 */
export function catalogueTable(table = EVENTS_TABLE) {
  return table === EVENTS_TABLE ? 'events_catalogue' : `${checkTableName(table)}_catalogue`;
}

/** The catalogue's rows for rows of the shard's events table: what the view inserts, and the backfill. */
function catalogueSelect(table) {
  const text = (c) => `CAST(${c} AS String)`;
  return `SELECT ${text('programme')} AS programme, stage_order, ${text('stage')} AS stage, province_code,
  minState(${text('province_sigla')}) AS province_sigla, minState(province_name) AS province_name,
  minState(${text('region_code')}) AS region_code, minState(${text('region_name')}) AS region_name,
  minState(date) AS first_day, maxState(date) AS last_day
FROM ${DATABASE}.${localTable(table)} GROUP BY programme, stage_order, stage, province_code`;
}

/**
 * The catalogue on one shard, as the README's "The catalogue" creates it for
 * `programme_events` (test/node/clickhouse-cluster.test.mjs checks that the README holds
 * these very statements): a materialised view on the shard's events table, so that every
 * insert there also lands, grouped by programme, stage and province, in a small
 * AggregatingMergeTree table (names and days as min/max states, merged on read), and a
 * Distributed table over both shards. Created before the events are loaded: a view sees
 * only the inserts made after it exists (catalogueBackfill adds the rows from before).
 */
export function catalogueDdl(table = EVENTS_TABLE) {
  const cat = `${DATABASE}.${catalogueTable(table)}`;
  return [
    `CREATE TABLE IF NOT EXISTS ${cat}_local (
  programme String, stage_order Int32, stage String, province_code String,
  province_sigla AggregateFunction(min, String), province_name AggregateFunction(min, String),
  region_code AggregateFunction(min, String), region_name AggregateFunction(min, String),
  first_day AggregateFunction(min, Date), last_day AggregateFunction(max, Date)
) ENGINE = AggregatingMergeTree ORDER BY (programme, stage_order, stage, province_code)`,
    `CREATE MATERIALIZED VIEW IF NOT EXISTS ${cat}_mv TO ${cat}_local AS\n${catalogueSelect(table)}`,
    `CREATE TABLE IF NOT EXISTS ${cat} AS ${cat}_local ENGINE = Distributed(${CLUSTER}, ${DATABASE}, ${catalogueTable(table)}_local)`,
  ];
}

/**
 * The shard's events as catalogue rows, added to its catalogue: for events loaded before
 * the view existed, or (after a TRUNCATE of the catalogue) to rebuild it after deletes.
 * Minima and maxima do not mind a row counted twice, so it may run again at any time, and
 * overlap with inserts that the view also sees.
 */
export function catalogueBackfill(table = EVENTS_TABLE) {
  return `INSERT INTO ${DATABASE}.${catalogueTable(table)}_local\n${catalogueSelect(table)}`;
}

/** Create (if missing) the database, the `table` pair and its catalogue on every shard. */
export async function createTables(cluster, table = EVENTS_TABLE) {
  await Promise.all(
    cluster.shards.map(async (s) => {
      await httpQuery(s.httpPort, `CREATE DATABASE IF NOT EXISTS ${DATABASE}`);
      for (const ddl of [...tableDdl(table), ...catalogueDdl(table)]) await httpQuery(s.httpPort, ddl);
    }),
  );
}

/** Empty `table` and its catalogue on every shard. */
async function truncate(cluster, table) {
  const locals = [localTable(table), `${catalogueTable(table)}_local`];
  await Promise.all(cluster.shards.map((s) => Promise.all(locals.map((t) => httpQuery(s.httpPort, `TRUNCATE TABLE ${DATABASE}.${t}`)))));
}

/** Drop `table`, its catalogue and their local tables on every shard (views first). */
export async function dropTables(cluster, table) {
  const cat = catalogueTable(table);
  for (const s of cluster.shards) {
    for (const t of [`${cat}_mv`, cat, `${cat}_local`, table, localTable(table)]) {
      await httpQuery(s.httpPort, `DROP TABLE IF EXISTS ${DATABASE}.${t}`);
    }
  }
}

/** Rows of `table`: through the Distributed table, and in each shard's local table. */
export async function countRows(cluster, table = EVENTS_TABLE) {
  const local = localTable(checkTableName(table));
  const [total, ...perShard] = await Promise.all([
    httpQuery(cluster.shards[0].httpPort, `SELECT count() FROM ${DATABASE}.${table}`),
    ...cluster.shards.map((s) => httpQuery(s.httpPort, `SELECT count() FROM ${DATABASE}.${local}`)),
  ]);
  return { total: Number(total), perShard: perShard.map(Number) };
}

/**
 * The object startCluster() and connectCluster() return.
 * @param {{ dir: string, shards: { number: number, folder: string, httpPort: number, tcpPort: number, interserverPort: number, pid: number }[] }} state
 * @param {() => Promise<void>} stop
 */
function clusterObject(state, stop) {
  const first = state.shards[0];
  return {
    dir: state.dir,
    shards: state.shards.map(({ httpPort, tcpPort, pid }) => ({ httpPort, tcpPort, pid })),
    httpUrl: `http://127.0.0.1:${first.httpPort}/`,
    /**
     * Run SQL on shard 1 (admin by default); resolves to the response text.
     * @param {string} sql
     * @param {{ user?: string, password?: string, body?: string, settings?: Record<string, string | number>, shard?: number }} [options]
     *   `body`: sent as the POST body with the SQL in `query=` (for INSERT ... FORMAT x data);
     *   `shard`: 1 or 2.
     */
    query: (sql, options = {}) => httpQuery(state.shards[(options.shard ?? 1) - 1].httpPort, sql, options),
    stop,
  };
}

/** Clusters started by this process (not detached) -> what the exit hook must clean. */
const running = new Map();
let exitHooked = false;
function hookExit() {
  if (exitHooked) return;
  exitHooked = true;
  // A test process that ends (or is interrupted) without stop() must not leave servers behind.
  // On 'exit' nothing async runs: SIGKILL, and remove the temporary folder.
  process.on('exit', () => {
    for (const { pids, tempDir } of running.values()) {
      for (const pid of pids) if (!exited(pid)) process.kill(pid, 'SIGKILL');
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    }
  });
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    const handler = async () => {
      await Promise.allSettled([...running.keys()].map((c) => c.stop()));
      // Nobody else handles the signal: do what it would have done without us.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.once(signal, handler);
  }
}

/**
 * Start the two shards, wait until both answer /ping, create the schema (database
 * `piccoli`, `events_local` + Distributed `programme_events`, and its catalogue
 * `events_catalogue`) on both.
 * @param {{ dir?: string, log?: (line: string) => void, detached?: boolean, timeoutMs?: number }} [options]
 *   dir: the cluster's folder (created; kept after stop). Without it, a fresh folder under the
 *   OS temp dir, removed by stop(). detached: the servers outlive this process (the CLI).
 */
export async function startCluster({ dir, log = () => {}, detached = false, timeoutMs = 60_000 } = {}) {
  const bin = findServerBinary();
  if (!bin) throw new Error(NOT_INSTALLED);
  const ownDir = !dir;
  dir = resolve(dir ?? (await mkdtemp(join(tmpdir(), 'piccoli-ch-'))));
  const ports = await freePorts(6);
  const shards = [0, 1].map((i) => ({
    number: i + 1,
    folder: join(dir, `shard${i + 1}`),
    httpPort: ports[3 * i],
    tcpPort: ports[3 * i + 1],
    interserverPort: ports[3 * i + 2],
    pid: 0,
  }));
  const started = Date.now();
  const children = [];
  for (const shard of shards) {
    for (const sub of ['data', 'tmp', 'user_files', 'format_schemas', 'logs']) await mkdir(join(shard.folder, sub), { recursive: true });
    await writeFile(join(shard.folder, 'config.xml'), configXml({ ...shard, shard: shard.number, shards }));
    await writeFile(join(shard.folder, 'users.xml'), usersXml());
    const out = openSync(join(shard.folder, 'stderr.log'), 'a');
    const child = spawn(bin, [`--config-file=${join(shard.folder, 'config.xml')}`], {
      cwd: shard.folder,
      stdio: ['ignore', out, out],
      detached,
    });
    closeSync(out);
    if (detached) child.unref();
    shard.pid = /** @type {number} */ (child.pid);
    children.push(child);
    log(`clickhouse shard ${shard.number}: pid ${shard.pid}, http ${shard.httpPort}, tcp ${shard.tcpPort}`);
  }
  const state = { dir, shards };
  let stopped;
  const stop = () =>
    (stopped ??= (async () => {
      await stopPids(shards.map((s) => s.pid));
      running.delete(cluster);
      if (ownDir) rmSync(dir, { recursive: true, force: true });
      log(`clickhouse cluster stopped (${dir})`);
    })());
  const cluster = clusterObject(state, stop);
  if (!detached) {
    running.set(cluster, { pids: shards.map((s) => s.pid), tempDir: ownDir ? dir : null });
    hookExit();
  }
  try {
    await Promise.all(shards.map((s, i) => waitForPing(s, children[i], { timeoutMs })));
    await createTables(cluster, EVENTS_TABLE);
  } catch (e) {
    await stop();
    throw e;
  }
  await writeFile(join(dir, 'cluster.json'), JSON.stringify(state, null, 2));
  log(`clickhouse cluster up in ${Date.now() - started} ms (${dir})`);
  return cluster;
}

/**
 * A cluster started elsewhere (the CLI's `start --dir D`): reads D/cluster.json. Its stop()
 * stops those servers.
 * @param {string} dir
 */
export async function connectCluster(dir) {
  const state = JSON.parse(await readFile(join(resolve(dir), 'cluster.json'), 'utf8'));
  const cluster = clusterObject(state, () => stopPids(state.shards.map((s) => s.pid)));
  await Promise.all(state.shards.map((s) => waitForPing(s, null, { timeoutMs: 2000 })));
  return cluster;
}

/** A DuckDB connection (node-api), opened on first use. */
let duckConn;
async function duck() {
  duckConn ??= (async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
    return instance.connect();
  })();
  return duckConn;
}
const sqlString = (/** @type {string} */ v) => `'${v.replaceAll("'", "''")}'`;
/** A ClickHouse string literal (backslash and quote escaped). */
const chString = (/** @type {string} */ v) => `'${v.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

/**
 * Load a stage-events Parquet file (default data/programmes.parquet) into `table` (default
 * `programme_events`): the local tables are emptied, then every row goes through the
 * Distributed table with insert_distributed_sync=1, so each entity lands whole on the shard
 * of cityHash64(entity_code) % 2. Checks that the Distributed count equals the file's rows
 * and that both shards hold rows.
 * @param {{ shards: { httpPort: number }[] }} cluster
 * @param {{ parquet?: string, table?: string }} [options]
 * @returns {Promise<{ rows: number, perShard: number[], ms: number }>}
 */
export async function loadEvents(cluster, { parquet = join(ROOT, 'data', 'programmes.parquet'), table = EVENTS_TABLE } = {}) {
  const started = Date.now();
  await createTables(cluster, table);
  await truncate(cluster, table);
  const conn = await duck();
  const columns = EVENT_COLUMNS.map(([n]) => n);
  const reader = await conn.runAndReadAll(
    `SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM read_parquet(${sqlString(resolve(parquet))})`,
  );
  const rows = reader.getRowObjectsJson(); // DATE as 'YYYY-MM-DD', INTEGER as a number
  const body = rows.map((r) => JSON.stringify(r)).join('\n');
  await httpQuery(cluster.shards[0].httpPort, `INSERT INTO ${DATABASE}.${table} FORMAT JSONEachRow`, {
    body,
    settings: { insert_distributed_sync: 1 },
  });
  const { total, perShard } = await countRows(cluster, table);
  if (total !== rows.length) throw new Error(`loadEvents: ${DATABASE}.${table} has ${total} rows, ${parquet} has ${rows.length}`);
  if (perShard.some((n) => n === 0)) throw new Error(`loadEvents: a shard got no rows (${perShard.join(' + ')})`);
  return { rows: total, perShard, ms: Date.now() - started };
}

/** Provinces of data/comuni.parquet: [code, sigla, name, region code, region name], by code. */
async function provinces() {
  const conn = await duck();
  const reader = await conn.runAndReadAll(
    `SELECT DISTINCT province_code, province_sigla, province_name, region_code, region_name
     FROM read_parquet(${sqlString(join(ROOT, 'data', 'comuni.parquet'))}) ORDER BY province_code`,
  );
  return /** @type {string[][]} */ (reader.getRows());
}

/**
 * Generate `rows` events of the synthetic programme `scala` into `table` (default
 * `scala_events`; local `<table>_local`), server-side on each shard (INSERT ... SELECT FROM
 * numbers()), after emptying it. Rows come in blocks of 8 shared by two entities: one
 * reaches stages 0..k, the other 0..6-k (k from a hash), so there are rows/4 entities and
 * stage s is reached by about (7-s)/7 of them; a last entity takes the rows % 8 left over.
 * Stage 0 is dated SYNTHETIC_START, stage s >= 1 within [start + 30s, start + 30s + 29]:
 * no stage skipped, dates increasing. Each entity (code 'S<n>', kind comune, a real province
 * by hash) lives whole on one shard: shard 1 takes the first half of the blocks.
 * Provenance 'simulated'.
 * @param {{ shards: { httpPort: number }[] }} cluster
 * @param {{ rows: number, table?: string }} options
 * @returns {Promise<{ rows: number, perShard: number[], entities: number, ms: number, bytesOnDisk: number }>}
 */
export async function loadSynthetic(cluster, { rows, table = 'scala_events' }) {
  if (!Number.isSafeInteger(rows) || rows < 1) throw new Error(`loadSynthetic: invalid rows: ${rows}`);
  const started = Date.now();
  await createTables(cluster, table);
  const local = localTable(table);
  await truncate(cluster, table);
  const prov = await provinces();
  const list = (i) => `[${prov.map((p) => chString(p[i])).join(', ')}]`;
  const blocks = Math.floor(rows / 8);
  const rest = rows % 8;
  const firstBlocks = Math.ceil(blocks / 2);
  const ranges = [
    [0, firstBlocks * 8],
    [firstBlocks * 8, rows - firstBlocks * 8],
  ];
  const start = `toDate('${SYNTHETIC_START}')`;
  const insert = (offset, count) => `INSERT INTO ${DATABASE}.${local} (${EVENT_COLUMNS.map(([n]) => n).join(', ')})
WITH ${list(0)} AS pc, ${list(1)} AS ps, ${list(2)} AS pn, ${list(3)} AS rc, ${list(4)} AS rn,
  ${`[${SYNTHETIC_STAGES.map(chString).join(', ')}]`} AS stages
SELECT '${SYNTHETIC_PROGRAMME}', concat('S', toString(e)), 'comune', concat('Ente sintetico ', toString(e)),
  pc[pi], ps[pi], pn[pi], rc[pi], rn[pi], stages[st + 1], toInt32(st),
  if(st = 0, ${start}, ${start} + toUInt16(30 * st + cityHash64(e, st) % 30)), 'simulated'
FROM (
  SELECT e, st, toUInt32(cityHash64(e) % ${prov.length} + 1) AS pi
  FROM (
    SELECT intDiv(g, 8) AS j, g % 8 AS p, if(j = ${blocks}, ${rest - 1}, cityHash64(j) % 7) AS k,
      if(p <= k, 2 * j, 2 * j + 1) AS e, if(p <= k, p, p - k - 1) AS st
    FROM (SELECT number + ${offset} AS g FROM numbers(${count}))
  )
)`;
  await Promise.all(cluster.shards.map((s, i) => (ranges[i][1] > 0 ? httpQuery(s.httpPort, insert(ranges[i][0], ranges[i][1])) : null)));
  const { total, perShard } = await countRows(cluster, table);
  if (total !== rows) throw new Error(`loadSynthetic: ${DATABASE}.${table} has ${total} rows, expected ${rows}`);
  const bytes = await Promise.all(
    cluster.shards.map((s) =>
      httpQuery(s.httpPort, `SELECT sum(bytes_on_disk) FROM system.parts WHERE active AND database = '${DATABASE}' AND table = '${local}'`),
    ),
  );
  return {
    rows: total,
    perShard,
    entities: 2 * blocks + (rest > 0 ? 1 : 0),
    ms: Date.now() - started,
    bytesOnDisk: bytes.reduce((a, b) => a + Number(b), 0),
  };
}

// ---- CLI -------------------------------------------------------------------------------

function parseArgs(argv) {
  const [command, ...rest] = argv;
  const opts = {};
  for (let i = 0; i < rest.length; i++) {
    const m = /^--([\w-]+)(?:=(.*))?$/.exec(rest[i]);
    if (!m) throw new Error(`unexpected argument: ${rest[i]}`);
    opts[m[1]] = m[2] ?? rest[++i];
  }
  return { command, opts };
}

const USAGE = `usage: node test/clickhouse/cluster.mjs <command> [options]
  start [--dir D]                          start both shards (left running); prints JSON
  stop --dir D                             stop them (SIGTERM, SIGKILL after 10 s)
  status --dir D                           prints JSON; exit 1 if a shard does not answer
  load-events --dir D [--parquet F] [--table T]
  load-synthetic --dir D --rows N [--table T]`;

async function main() {
  const { command, opts } = parseArgs(process.argv.slice(2));
  const need = (name) => {
    if (!opts[name]) throw new Error(`--${name} is required\n${USAGE}`);
    return opts[name];
  };
  const print = (v) => process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);
  switch (command) {
    case 'start': {
      const c = await startCluster({ dir: opts.dir ?? (await mkdtemp(join(tmpdir(), 'piccoli-ch-'))), detached: true });
      print({ dir: c.dir, httpUrl: c.httpUrl, shards: c.shards });
      return;
    }
    case 'stop': {
      const dir = need('dir');
      const state = JSON.parse(await readFile(join(resolve(dir), 'cluster.json'), 'utf8'));
      await stopPids(state.shards.map((s) => s.pid));
      print({ stopped: state.shards.map((s) => s.pid) });
      return;
    }
    case 'status': {
      const c = await connectCluster(need('dir'));
      print({ dir: c.dir, httpUrl: c.httpUrl, shards: c.shards, [EVENTS_TABLE]: await countRows(c) });
      return;
    }
    case 'load-events': {
      const c = await connectCluster(need('dir'));
      print(await loadEvents(c, { parquet: opts.parquet, table: opts.table }));
      return;
    }
    case 'load-synthetic': {
      const c = await connectCluster(need('dir'));
      print(await loadSynthetic(c, { rows: Number(need('rows')), table: opts.table }));
      return;
    }
    default:
      throw new Error(USAGE);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  });
}
