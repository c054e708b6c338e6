// Section 6 of the benchmark: the same elements on the two-shard ClickHouse cluster of
// test/clickhouse/ (issue 12), over 10M and 100M events of the synthetic programme
// `scala`, against DuckDB-WASM reading the same 10M rows from a Parquet file, in the same
// run. The page (bench/pages/clickhouse.html) is what a site writes: the documented two
// lines of configuration and one element, reaching the cluster through the bench
// server's same-origin proxy /ch/ (test/clickhouse/proxy.mjs, the tests' proxy). The
// connector reads the table's catalogue (`catalogue`: the materialised view that
// loadSynthetic's tables have, README "The catalogue"); the funnel is also measured
// without it, as a site without the view has it.
import { createWriteStream, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import { DATABASE, NOT_INSTALLED, SYNTHETIC_PROGRAMME, SYNTHETIC_STAGES, SYNTHETIC_START, catalogueTable, dropTables, findServerBinary, loadSynthetic, localTable, startCluster } from '../../test/clickhouse/cluster.mjs';
import { clickhouseProxy } from '../../test/clickhouse/proxy.mjs';
import { rendererPss, rendererUss, treePss } from './machine.mjs';
import { sleep } from './stats.mjs';

/** The stage the map's metric counts (`metric="engaged"`). */
const MAP_STAGE = 'engaged';
/** Provinces asked as the next question, one per run in turn (sigle, as a page writes them). */
const NEXT_PROVINCES = ['PC', 'MC', 'SI', 'BA', 'TO'];
/** The map's next question: the day 75 days after the first stage (part of `engaged` reached). */
const NEXT_MAP_DAY = new Date(Date.parse(`${SYNTHETIC_START}T00:00:00Z`) + 75 * 86400e3).toISOString().slice(0, 10);
/**
 * DuckDB's memory limit for the engine side (configure({ memoryLimit })): its default,
 * 1GB, runs out of memory building the 13 columns of 10M events.
 */
const DUCKDB_MEMORY = '3GB';
/** DuckDB-WASM's wasm as dist/ ships it (gzipped), and as it did before. */
const WASM_PATHS = ['/dist/duckdb/duckdb-eh.wasm.gz', '/dist/duckdb/duckdb-eh.wasm', '/dist/duckdb/duckdb-mvp.wasm'];

const label = (rows) => (rows >= 1e6 ? `${rows / 1e6}m` : `${rows / 1e3}k`);

/**
 * The section's proxy route (give `routes` to the bench server before it starts) and its
 * run. Every request through /ch/ is logged with its query_id, to find the server's own
 * time for it in system.query_log afterwards.
 */
export function clickhouseBench() {
  let port = null;
  /** @type {{ id: string | null, start: number, end: number, status: number }[]} */
  const requests = [];
  const proxy = clickhouseProxy('/ch', () => port);
  const route = async (req, res) => {
    const entry = { id: new URL(req.url, 'http://x').searchParams.get('query_id'), start: performance.now(), end: NaN, status: 0 };
    requests.push(entry);
    res.on('close', () => {
      entry.end = performance.now();
      entry.status = res.statusCode;
    });
    await proxy(req, res);
  };
  return {
    routes: { '/ch/': route },
    run: (ctx) =>
      run(ctx, {
        requests,
        setPort: (p) => (port = p),
      }),
  };
}

async function run(ctx, state) {
  const { log, plan } = ctx;
  if (!findServerBinary()) {
    log(`clickhouse: ${NOT_INSTALLED}`);
    return { measured: false, reason: NOT_INSTALLED };
  }
  const out = { measured: true, runs: plan.chRuns, duckdbRuns: plan.duckdbRuns, sizes: [], duckdb: null, empty: [], nextDay: NEXT_MAP_DAY, provinces: NEXT_PROVINCES };
  const t0 = Date.now();
  // A browser of its own, with no spare renderer (Chromium keeps one process ready for the
  // next page, and whether it exists at a sample moves the renderers' memory by ~10 MB)
  // and without its first blank page: the only renderer left is the page's, so its memory
  // is the tab's.
  const browser = await ctx.launch(['--disable-features=SpareRendererForSitePerProcess']);
  for (const page of await browser.pages()) await page.close();
  ctx = { ...ctx, browser };
  const cluster = await startCluster({ log: (line) => log(line) }).catch(async (e) => {
    await browser.close();
    throw e;
  });
  out.startMs = Date.now() - t0;
  state.setPort(cluster.shards[0].httpPort);
  try {
    out.version = (await cluster.query('SELECT version()')).trim();
    out.empty = await emptyPages(ctx);
    for (const rows of plan.chSizes) {
      const table = `scala_${label(rows)}`;
      const size = { rows, table, catalogue: catalogueTable(table), progress: [], map: [], plain: [] };
      out.sizes.push(size);
      try {
        log(`clickhouse: loading ${rows.toLocaleString('en')} events into ${DATABASE}.${table}`);
        size.load = await loadSynthetic(cluster, { rows, table });
        size.settle = await settleMerges(cluster, table, log);
        size.facts = await tableFacts(cluster, table);
        size.expect = await expectations(cluster, table);
        log(`clickhouse ${label(rows)}: loaded in ${size.load.ms} ms, ${(size.facts.bytes / 2 ** 20).toFixed(0)} MB on disk in ${size.facts.parts.join(' + ')} parts (merges settled after ${size.settle.ms} ms)`);
        for (let i = 0; i < plan.chRuns; i++) {
          // `plain`: the funnel without the catalogue option (the events answer the catalogue's questions too).
          for (const [key, view, catalogue] of [['progress', 'progress', size.catalogue], ['map', 'map', size.catalogue], ['plain', 'progress', null]]) {
            log(`clickhouse ${label(rows)} run ${i + 1}/${plan.chRuns}: ${key}`);
            size[key].push(await visitOnce(ctx, state, { view, backend: 'clickhouse', table, catalogue, expect: size.expect, run: i }));
          }
        }
        size.serverPss = cluster.shards.map((s) => treePss(s.pid));
        size.server = await serverTimes(cluster, [...size.progress, ...size.map, ...size.plain]);
        if (rows === plan.duckdbRows) out.duckdb = await duckdbSide(ctx, state, cluster, size);
      } catch (e) {
        log(`clickhouse ${label(rows)}: ${e.message}`);
        size.error = e.message.split('\n')[0];
      } finally {
        await dropTables(cluster, table).catch(() => undefined);
      }
    }
  } finally {
    state.setPort(null);
    await browser.close();
    await cluster.stop(); // its temporary folder goes with it
  }
  out.seconds = Math.round((Date.now() - t0) / 1000);
  return out;
}

/** Wait until neither shard merges parts (a load leaves merges running that would compete with the queries). */
async function settleMerges(cluster, table, log) {
  const t0 = Date.now();
  const local = localTable(table);
  for (;;) {
    const n = await Promise.all(
      cluster.shards.map((_, i) => cluster.query(`SELECT count() FROM system.merges WHERE database = '${DATABASE}' AND table = '${local}'`, { shard: i + 1 })),
    );
    if (n.every((x) => Number(x) === 0)) break;
    if (Date.now() - t0 > 300_000) {
      log(`clickhouse: merges still running after 300 s (${n.map(Number).join(' + ')}); measuring anyway`);
      break;
    }
    await sleep(1000);
  }
  return { ms: Date.now() - t0 };
}

/** Active parts and their bytes on disk, per shard. */
async function tableFacts(cluster, table) {
  const local = localTable(table);
  const per = await Promise.all(
    cluster.shards.map((_, i) =>
      cluster.query(`SELECT count(), sum(bytes_on_disk) FROM system.parts WHERE active AND database = '${DATABASE}' AND table = '${local}'`, { shard: i + 1 }),
    ),
  );
  const rows = per.map((t) => t.trim().split('\t').map(Number));
  return { parts: rows.map((r) => r[0]), bytes: rows.reduce((a, r) => a + r[1], 0) };
}

/** One admin query's rows (TSV). */
async function tsv(cluster, sql) {
  return (await cluster.query(sql)).trim().split('\n').filter(Boolean).map((l) => l.split('\t'));
}

/**
 * What the elements must show, computed on the cluster with the admin's own SQL (not the
 * connector's): the national funnel on the last day (the elements' default date), each
 * next province's, and the map's reached (`engaged`) and eligible per region on the last
 * day and on NEXT_MAP_DAY.
 */
async function expectations(cluster, table) {
  const t = `${DATABASE}.${table}`;
  const p = `programme = '${SYNTHETIC_PROGRAMME}'`;
  const [[lastDay]] = await tsv(cluster, `SELECT toString(max(date)) FROM ${t} WHERE ${p}`);
  const funnel = async (where) => {
    const byStage = new Map((await tsv(cluster, `SELECT stage_order, count() FROM ${t} WHERE ${p} AND ${where} GROUP BY stage_order`)).map(([s, n]) => [Number(s), Number(n)]));
    return SYNTHETIC_STAGES.map((_, i) => byStage.get(i) ?? 0);
  };
  const stage = SYNTHETIC_STAGES.indexOf(MAP_STAGE);
  const map = async (day) =>
    Object.fromEntries(
      (await tsv(cluster, `SELECT region_code, countIf(stage_order = ${stage}), countIf(stage_order = 0) FROM ${t} WHERE ${p} AND date <= toDate('${day}') GROUP BY region_code`)).map(
        ([code, reached, eligible]) => [code, [Number(reached), Number(eligible)]],
      ),
    );
  const provinces = {};
  for (const sigla of NEXT_PROVINCES) provinces[sigla] = await funnel(`province_sigla = '${sigla}'`);
  return { lastDay, funnel: await funnel('1'), provinces, map: await map(lastDay), mapNext: await map(NEXT_MAP_DAY) };
}

/** Renderer PSS and private memory after a forced garbage collection in the page and its workers; the page's JS heap. */
async function memory(ctx, page) {
  const cdp = await page.createCDPSession();
  await cdp.send('HeapProfiler.collectGarbage');
  for (const w of page.workers()) await w.client.send('HeapProfiler.collectGarbage').catch(() => undefined);
  await sleep(300);
  const { JSHeapUsedSize } = await page.metrics();
  await cdp.detach();
  const pid = ctx.browser.process()?.pid;
  return { pss: rendererPss(pid), uss: rendererUss(pid), jsHeap: JSHeapUsedSize };
}

/** The page with the connector configured and no element (view=none): the memory baseline. */
async function emptyPages(ctx) {
  const out = [];
  for (let i = 0; i < 3; i++) {
    const context = await ctx.browser.createBrowserContext();
    try {
      const page = await context.newPage();
      ctx.watchPage(page, 'empty');
      await page.goto(`${ctx.origin}/bench/pages/clickhouse.html?view=none`, { waitUntil: 'load' });
      await page.waitForFunction(() => window.__bench?.marks['library-evaluated'] !== undefined, { timeout: 60_000 });
      await sleep(500);
      out.push(await memory(ctx, page));
    } catch (e) {
      ctx.log(`clickhouse empty page: ${e.message.split('\n')[0]}`);
    } finally {
      await context.close();
    }
    await sleep(1000);
  }
  return out;
}

/** Requests through the proxy from index `from` on: their ids, count and wall time (first start to last end). */
function requestsSince(state, from) {
  const r = state.requests.slice(from);
  const ids = r.map((x) => x.id).filter(Boolean);
  return { ids, count: r.length, wallMs: r.length ? Math.max(...r.map((x) => x.end)) - Math.min(...r.map((x) => x.start)) : 0, failed: r.filter((x) => x.status >= 400).length };
}

/**
 * One fresh page (a new browser context: nothing cached, the previous renderer gone):
 * the first question (navigation -> the element shows the expected numbers), memory; the
 * next question on the same page (a province for the funnel, another day for the map),
 * memory again.
 */
async function visitOnce(ctx, state, { view, backend, table, catalogue, src, expect, run }) {
  const wasmServed = () => WASM_PATHS.reduce((a, p) => a + (ctx.server.requests.get(p) ?? 0), 0);
  const first = view === 'map' ? expect.map : expect.funnel;
  const province = NEXT_PROVINCES[run % NEXT_PROVINCES.length];
  const [nextAttrs, nextWant] = view === 'map' ? [{ 'as-of': NEXT_MAP_DAY }, expect.mapNext] : [{ province }, expect.provinces[province]];
  const q = new URLSearchParams({ view, backend, expect: JSON.stringify(first), ...(table ? { table } : {}), ...(catalogue ? { catalogue } : {}), ...(src ? { src } : {}) });
  const context = await ctx.browser.createBrowserContext();
  const r = { view, backend, catalogue: catalogue ?? null, next: nextAttrs };
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 1000, height: 900 });
    ctx.watchPage(page, `${backend}-${view}`);
    let from = state.requests.length;
    const wasm0 = wasmServed();
    const b = await ctx.visit(page, `${ctx.origin}/bench/pages/clickhouse.html?${q}`, 300);
    r.first = { numbersAt: b.numbersAt, error: b.error, connect: b.marks.connect, configured: b.marks.configured, atDone: b.atDone, ...requestsSince(state, from) };
    r.wasmFetched = wasmServed() - wasm0;
    r.memFirst = await memory(ctx, page);
    if (!b.error) {
      from = state.requests.length;
      const n = await page.evaluate((a, w) => window.__benchNext(a, w), nextAttrs, nextWant);
      r.nextQ = { ...n, ...requestsSince(state, from) };
      await sleep(300);
      r.memNext = await memory(ctx, page);
    }
    r.wasmFetched = wasmServed() - wasm0;
  } catch (e) {
    r.first ??= { error: e.message.split('\n')[0] };
  } finally {
    await context.close();
  }
  await sleep(1000); // let the closed context's renderer exit before the next PSS sample
  if (r.first?.error) ctx.log(`${backend} ${view}: ${r.first.error}`);
  if (r.nextQ?.error) ctx.log(`${backend} ${view} next: ${r.nextQ.error}`);
  return r;
}

/**
 * The server's own time for each visit's queries (system.query_log on shard 1, where the
 * connector's queries start; a query's time there includes its part on shard 2).
 */
async function serverTimes(cluster, visits) {
  await Promise.all(cluster.shards.map((_, i) => cluster.query('SYSTEM FLUSH LOGS', { shard: i + 1 })));
  const ids = visits.flatMap((v) => [...(v.first?.ids ?? []), ...(v.nextQ?.ids ?? [])]);
  if (!ids.length) return {};
  const rows = await tsv(
    cluster,
    `SELECT query_id, query_duration_ms, read_rows, memory_usage, replaceRegexpAll(substring(query, 1, 600), '[\\t\\n]', ' ') FROM system.query_log WHERE type = 2 AND is_initial_query AND query_id IN (${ids.map((id) => `'${id.replace(/[^a-z0-9-]/gi, '')}'`).join(', ')})`,
  );
  const byId = new Map(rows.map(([id, ms, read, mem, text]) => [id, { ms: Number(ms), read: Number(read), mem: Number(mem), kind: queryKind(text) }]));
  const sum = (list) => {
    const found = list.map((id) => byId.get(id)).filter(Boolean);
    const byKind = {};
    for (const x of found) byKind[x.kind] = (byKind[x.kind] ?? 0) + x.ms;
    return { queries: found.length, ms: found.reduce((a, x) => a + x.ms, 0), maxMs: Math.max(0, ...found.map((x) => x.ms)), read: found.reduce((a, x) => a + x.read, 0), maxMem: Math.max(0, ...found.map((x) => x.mem)), byKind };
  };
  for (const v of visits) {
    if (v.first?.ids) v.first.server = sum(v.first.ids);
    if (v.nextQ?.ids) v.nextQ.server = sum(v.nextQ.ids);
  }
  return { logged: byId.size, asked: ids.length };
}

/**
 * Which of the connector's questions a query is, from its text (src/data/sql/clickhouse.ts,
 * src/data/clickhouse/client.ts); `catalogue …` when it reads the catalogue table.
 */
function queryKind(text) {
  if (/version\(\)/.test(text)) return 'probe';
  if (/system\.columns/.test(text)) return 'columns';
  const from = /_catalogue`/.test(text) ? 'catalogue ' : '';
  if (/^SELECT DISTINCT programme/.test(text)) return `${from}programmes`;
  if (/AS region_name FROM .* WHERE stage_order = 0 GROUP BY province_code/.test(text)) return `${from}provinces`;
  if (/AS region_name FROM .* WHERE programme = /.test(text)) return `${from}areas`;
  if (/\(date\)\)|first_day/.test(text)) return `${from}days`;
  if (/min\(stage\) AS stage FROM/.test(text)) return `${from}stages`;
  if (/countIf\(stage_order = 0\)/.test(text)) return 'area metric';
  if (/count\(\)\) AS n/.test(text)) return 'funnel';
  return 'other';
}

/**
 * DuckDB-WASM at the same size, in the same run: (1) the library's engine with the
 * table generated in it (bench/pages/scala-engine.js: same shape, DuckDB's hash for
 * ClickHouse's), answering the first and next questions with the DuckDB backend's own
 * queries, in a fresh page each run; (2) once, the element itself with src= on a Parquet
 * file of the cluster's very rows (exported: CSV over HTTP, then DuckDB in Node writes
 * Parquet, zstd), which is how a site would hand DuckDB-WASM the data.
 */
async function duckdbSide(ctx, state, cluster, size) {
  const { log, plan } = ctx;
  const out = { rows: size.rows, memoryLimit: DUCKDB_MEMORY, runs: [] };
  for (let i = 0; i < plan.duckdbRuns; i++) {
    log(`duckdb-wasm ${label(size.rows)} run ${i + 1}/${plan.duckdbRuns}`);
    out.runs.push(await engineOnce(ctx, { rows: size.rows, province: NEXT_PROVINCES[i % NEXT_PROVINCES.length], reps: plan.duckdbReps }));
  }
  try {
    out.element = await parquetElement(ctx, state, cluster, size);
  } catch (e) {
    log(`duckdb-wasm element: ${e.message}`);
    out.element = { error: e.message.split('\n')[0] };
  }
  return out;
}

/** One fresh page: the engine, the table, the questions; then the tab's memory. */
async function engineOnce(ctx, { rows, province, reps }) {
  const context = await ctx.browser.createBrowserContext();
  const r = { province };
  try {
    const page = await context.newPage();
    ctx.watchPage(page, 'duckdb-wasm');
    await page.goto(`${ctx.origin}/bench/pages/scala-engine.html?memory=${DUCKDB_MEMORY}`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__bench?.ready, { timeout: 120_000 });
    Object.assign(r, await page.evaluate((a) => window.__benchEngine(a), { rows, province, nextDay: NEXT_MAP_DAY, reps }));
    r.mem = await memory(ctx, page);
  } catch (e) {
    r.error = e.message.split('\n')[0];
    ctx.log(`duckdb-wasm: ${r.error}`);
  } finally {
    await context.close();
  }
  await sleep(1000);
  return r;
}

/** The cluster's table as a Parquet file under bench/.out/, and one visit of `<piccoli-progress src=…>` on it. */
async function parquetElement(ctx, state, cluster, size) {
  const dir = join(ctx.root, 'bench/.out');
  const csv = join(dir, `${size.table}.csv`);
  const parquet = join(dir, `${size.table}.parquet`);
  const t0 = Date.now();
  ctx.log(`duckdb-wasm element: exporting ${size.table} to ${parquet}`);
  try {
    // node:http, not fetch: piping fetch's web stream to a file ran at under 1 MB/s here.
    await new Promise((ok, fail) => {
      const req = request({ host: '127.0.0.1', port: cluster.shards[0].httpPort, method: 'POST', path: '/' }, (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          return fail(new Error(`export of ${size.table}: HTTP ${res.statusCode}`));
        }
        pipeline(res, createWriteStream(csv)).then(ok, fail);
      });
      req.on('error', fail);
      req.end(`SELECT * FROM ${DATABASE}.${size.table} FORMAT CSVWithNames`);
    });
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    const types = "{'entity_code': 'VARCHAR', 'province_code': 'VARCHAR', 'region_code': 'VARCHAR', 'stage_order': 'INTEGER', 'date': 'DATE'}";
    await conn.run(`COPY (SELECT * FROM read_csv('${csv}', header = true, types = ${types})) TO '${parquet}' (FORMAT parquet, COMPRESSION zstd)`);
    conn.closeSync?.();
    rmSync(csv, { force: true });
    const out = { exportMs: Date.now() - t0, bytes: statSync(parquet).size };
    ctx.log(`duckdb-wasm element: <piccoli-progress src=…/${size.table}.parquet> (${(out.bytes / 2 ** 20).toFixed(0)} MB)`);
    out.visit = await visitOnce(ctx, state, { view: 'progress', backend: 'duckdb', src: `/bench/.out/${size.table}.parquet`, expect: size.expect, run: 0 });
    return out;
  } finally {
    rmSync(csv, { force: true });
    rmSync(parquet, { force: true });
  }
}
