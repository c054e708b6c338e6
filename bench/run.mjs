#!/usr/bin/env node
// piccoli-dashboard benchmarks: `npm run bench` (builds dist/, then runs this), or
// `node bench/run.mjs [--quick] [--only=progress,trend,map,scale,many,sql,sort,clickhouse,sizes] [--out=FILE]`
// on an existing build. Serves the repository over localhost, drives Debian's Chromium
// with puppeteer-core (CHROME_PATH overrides), and writes BENCHMARKS.md at the top level:
// medians of repeated runs, each next to a baseline measured in the same run. Raw
// samples go to bench/results/latest.json (gitignored).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { serve } from './lib/server.mjs';
import { clickhouseBench } from './lib/clickhouse.mjs';
import { machine, packageVersions, rendererPss, treePss } from './lib/machine.mjs';
import { measureSizes } from './lib/sizes.mjs';
import { measureTransfer } from './lib/transfer.mjs';
import { writeReport } from './lib/report.mjs';
import { median, sleep } from './lib/stats.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const ONLY = (args.find((a) => a.startsWith('--only='))?.slice(7) ?? 'progress,trend,map,scale,many,sql,sort,clickhouse,sizes').split(',');
const OUT = args.find((a) => a.startsWith('--out='))?.slice(6) ?? join(ROOT, QUICK ? 'bench/results/BENCHMARKS.quick.md' : 'BENCHMARKS.md');

/**
 * Repetitions: the full run takes ~16 minutes on a 2-core machine, ~5 of them section 6
 * (ClickHouse: loading 100M events takes 1-3.5 minutes alone), ~1 the trend (1c) and ~1.5
 * the console's sort (5b).
 */
const PLAN = QUICK
  ? { progressRuns: 2, manyRuns: 1, sortReps: 2, sizes: [1e4, 1e5, 1e6], queryReps: 3, loadReps: 1, sqlRuns: 2, mapClicks: 4, asOfReps: 3, chSizes: [1e6, 1e7], chRuns: 2, duckdbRows: 1e6, duckdbRuns: 1, duckdbReps: 2 }
  : { progressRuns: 7, manyRuns: 5, sortReps: 5, sizes: [1e4, 1e5, 1e6, 1e7], queryReps: 10, loadReps: 3, sqlRuns: 5, mapClicks: 15, asOfReps: 10, chSizes: [1e7, 1e8], chRuns: 3, duckdbRows: 1e7, duckdbRuns: 3, duckdbReps: 3 };
/** Loads above this many rows are timed once (a 10M-row table takes seconds and ~1 GB). */
const LOAD_REPEAT_MAX_ROWS = 1e6;

/** Where the run's copy of dist/ lives (gitignored with the rest of bench/.out/). */
const SNAPSHOT = join(ROOT, 'bench/.out/dist');

const log = (...a) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);

async function main() {
  const started = Date.now();
  await waitForBuild();
  // Pages are served a snapshot of dist/ taken now: other people rebuild dist/ while the
  // bench runs, and a half-written build would otherwise show up as 404s mid-run.
  const buildAtStart = distFingerprint(join(ROOT, 'dist'));
  rmSync(SNAPSHOT, { recursive: true, force: true });
  cpSync(join(ROOT, 'dist'), SNAPSHOT, { recursive: true });
  const snapshotPrint = distFingerprint(SNAPSHOT);
  if (snapshotPrint !== buildAtStart) throw new Error('dist/ changed while it was being copied: run again.');
  await bundleBaseline();
  const sites = ['progress', 'trend', 'many'].some((k) => ONLY.includes(k)) ? await prepareSites() : null;
  const clickhouse = clickhouseBench(); // its same-origin proxy /ch/ to the cluster it starts
  const server = await serve(ROOT, { aliases: { '/dist/': SNAPSHOT }, routes: clickhouse.routes });
  const launch = (extraArgs = []) =>
    puppeteer.launch({
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      protocolTimeout: 0, // the 10M-row steps take longer than puppeteer's default 180 s
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--enable-precise-memory-info',
        ...extraArgs,
      ],
    });
  const browser = await launch();
  const results = {
    quick: QUICK,
    plan: PLAN,
    date: new Date().toISOString(),
    machine: machine(),
    versions: { ...packageVersions(ROOT), chromium: await browser.version() },
  };
  try {
    const ctx = { browser, origin: server.origin, server, sites };
    if (ONLY.includes('progress')) results.progress = await benchFirstPaint(ctx, PROGRESS_VARIANTS, { incognito: 'engine-arrow' });
    if (ONLY.includes('trend')) results.trend = await benchFirstPaint(ctx, TREND_VARIANTS);
    if (ONLY.includes('map')) results.map = await benchMap(ctx);
    if (ONLY.includes('many')) results.many = await benchMany(ctx);
    if (ONLY.includes('scale')) results.scale = await benchScale(ctx, results);
    if (ONLY.includes('sql')) results.sql = await benchSql(ctx);
    if (ONLY.includes('sort')) results.sort = await benchSort(ctx);
    if (ONLY.includes('sizes')) results.transfer = await measureTransfer({ browser, root: ROOT, dist: SNAPSHOT, runs: QUICK ? 1 : 3, log });
    // Its own browser (bench/lib/clickhouse.mjs says why), launched with the same arguments.
    if (ONLY.includes('clickhouse')) results.clickhouse = await clickhouse.run({ ...ctx, launch, log, plan: PLAN, root: ROOT, visit, watchPage });
  } finally {
    await browser.close();
    await server.close();
  }
  if (ONLY.includes('sizes')) {
    log('sizes');
    results.sizes = measureSizes(ROOT, { quick: QUICK, dist: SNAPSHOT });
  }
  results.build = { snapshot: snapshotPrint, distAtEnd: distFingerprint(join(ROOT, 'dist')) };
  rmSync(SNAPSHOT, { recursive: true, force: true }); // ~80 MB of wasm: not worth keeping
  results.seconds = Math.round((Date.now() - started) / 1000);
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, `bench/results/${QUICK ? 'quick' : 'latest'}.json`), JSON.stringify(results, null, 2));
  writeFileSync(OUT, writeReport(results));
  log(`wrote ${OUT} in ${results.seconds} s`);
}

/** dist/ comes from the library's build (`npm run build`); wait a little if it is being rebuilt. */
async function waitForBuild() {
  const needed = ['dist/piccoli.js', 'dist/autoloader.js', 'dist/data.js', 'dist/duckdb/duckdb-eh.wasm.gz'];
  for (let i = 0; i < 12; i++) {
    const missing = needed.filter((f) => !existsSync(join(ROOT, f)));
    if (!missing.length) return;
    log(`waiting for the build: missing ${missing.join(', ')}`);
    await sleep(10_000);
  }
  throw new Error('dist/ is not built: run `npm run build` (or `npm run bench`, which builds first).');
}

/** A short hash of dist/'s JavaScript, to tell whether the build changed during the run. */
function distFingerprint(dist) {
  const h = createHash('sha256');
  for (const dir of ['', 'chunks']) {
    const abs = join(dist, dir);
    if (!existsSync(abs)) continue;
    for (const f of readdirSync(abs).filter((x) => x.endsWith('.js')).sort()) {
      h.update(`${dir}/${f}\0`);
      h.update(readFileSync(join(abs, f)));
    }
  }
  return h.digest('hex').slice(0, 12);
}

/** The baseline page and the stock engine, bundled for the browser into bench/.out/. */
async function bundleBaseline() {
  const sources = { baseline: 'main', 'baseline-trend': 'trend-main', 'stock-engine': 'stock-engine', 'baseline-map': 'map-main' };
  for (const [name, source] of Object.entries(sources)) {
    await build({
      entryPoints: [join(ROOT, `bench/baseline/${source}.js`)],
      bundle: true,
      format: 'esm',
      minify: true,
      target: 'es2022',
      outfile: join(ROOT, `bench/.out/${name}.js`),
      logLevel: 'warning',
    });
  }
}

/**
 * The data files section 1 (and 3) point `src=` at, as a site would publish them, made
 * before the browser starts:
 * - bench/.out/site/: the real import tool (`piccoli-data import`) run on the bundled
 *   Parquet file; it writes events.parquet and events.cube.json beside it, so the cube
 *   answers (a site's own data on the cheap path);
 * - bench/.out/site-nocube/: plain copies of the Arrow and Parquet files with no cube
 *   beside them, so the coordinator has to start the engine.
 * Also the numbers the comune variant must show, computed here from the data file (not
 * taken from the page), with DuckDB in Node.
 */
async function prepareSites() {
  const site = join(ROOT, 'bench/.out/site');
  const nocube = join(ROOT, 'bench/.out/site-nocube');
  rmSync(site, { recursive: true, force: true });
  rmSync(nocube, { recursive: true, force: true });
  log('piccoli-data import data/programmes.parquet --out bench/.out/site/events.parquet');
  const said = execFileSync(process.execPath, [join(ROOT, 'data/bin/piccoli-data.mjs'), 'import', join(ROOT, 'data/programmes.parquet'), '--out', join(site, 'events.parquet')], { encoding: 'utf8' });
  for (const f of ['events.parquet', 'events.cube.json']) {
    if (!existsSync(join(site, f))) throw new Error(`piccoli-data import did not write bench/.out/site/${f}: ${said.trim()}`);
  }
  mkdirSync(nocube, { recursive: true });
  cpSync(join(ROOT, 'data/programmes.arrow'), join(nocube, 'events.arrow'));
  cpSync(join(ROOT, 'data/programmes.parquet'), join(nocube, 'events.parquet'));
  const national = await funnelCounts({ programme: 'piccoli', asOf: '2021-10-31' });
  if (national.slice(0, 4).join() !== '5490,612,568,485') throw new Error(`the national funnel of data/programmes.parquet is ${national.join(', ')}, not the 5490, 612, 568, 485 the pages expect`);
  const comune = await funnelCounts({ programme: 'piccoli', asOf: '2021-10-31', comune: COMUNE });
  log(`expected for ${COMUNE} at 2021-10-31: ${comune.join(', ')}`);
  return { importOutput: said.trim().replaceAll(`${ROOT}/`, ''), comune, national };
}

// A comune that had reached four stages by 2021-10-31 (published: one of the ten Umbrian
// comuni with specialist support), so the element draws a table of numbers.
const COMUNE = 'Campello sul Clitunno';

/**
 * Entities per stage in data/programmes.parquet: rows of the programme (and comune, by
 * name) per stage_order dated on or before `asOf` (data/SCHEMA.md: one row per entity
 * and stage reached), every stage of the programme listed in order, 0 where none.
 */
async function funnelCounts({ programme, asOf, comune = null }) {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    const file = join(ROOT, 'data/programmes.parquet').replaceAll("'", "''");
    const reader = await conn.runAndReadAll(
      `WITH ev AS (SELECT * FROM read_parquet('${file}') WHERE programme = $programme), ` +
        `stages AS (SELECT DISTINCT stage_order FROM ev) ` +
        `SELECT s.stage_order, count(e.stage_order)::INTEGER AS n FROM stages s ` +
        `LEFT JOIN ev e ON e.stage_order = s.stage_order AND e.date <= CAST($asOf AS DATE) ` +
        `AND (CAST($comune AS VARCHAR) IS NULL OR e.entity_name = $comune) ` +
        `GROUP BY s.stage_order ORDER BY s.stage_order`,
      { programme, asOf, comune },
    );
    return reader.getRowObjects().map((r) => Number(r.n));
  } finally {
    conn.closeSync?.();
  }
}

/** Navigate and wait for the page's `window.__bench.done`; then let late layout shifts land. */
async function visit(page, url, settleMs = 500) {
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForFunction(() => window.__bench && window.__bench.done, { timeout: 180_000, polling: 50 });
  await sleep(settleMs);
  return page.evaluate(() => JSON.parse(JSON.stringify(window.__bench)));
}

function watchPage(page, label) {
  page.on('pageerror', (e) => log(`${label}: page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon|status of 404/.test(m.text())) log(`${label}: console: ${m.text()}`);
  });
}

// 1. One element: navigation -> correct numbers, cold and warm, vs the stock page.
// `cube`, `imported` and `comune` must answer from a cube (no DuckDB wasm fetched, no
// engine worker started); `engine-*` point src= at a file with no cube beside it, so the
// engine answers. The same for <piccoli-trend> (1c): its lines and its reading of the day.
const PROGRESS_VARIANTS = [
  { key: 'baseline', label: 'Baseline: stock DuckDB-WASM + Arrow file + Observable Plot', path: '/bench/baseline/index.html' },
  { key: 'cube', label: '`<piccoli-progress>` (bundled data: its cube)', path: '/bench/pages/progress.html', expects: 'cube' },
  { key: 'imported', label: '`<piccoli-progress src=…/events.parquet>` (a file made by `piccoli-data import`: its cube)', path: '/bench/pages/progress.html?src=/bench/.out/site/events.parquet', expects: 'cube' },
  { key: 'comune', label: `\`<piccoli-progress comune="${COMUNE}">\` (bundled data: its cube)`, path: '/bench/pages/progress.html', comune: true, expects: 'cube' },
  { key: 'engine-arrow', label: '`<piccoli-progress src=…/events.arrow>` (no cube beside it: engine)', path: '/bench/pages/progress.html?src=/bench/.out/site-nocube/events.arrow', expects: 'duckdb' },
  { key: 'engine-parquet', label: '`<piccoli-progress src=…/events.parquet>` (no cube beside it: engine + parquet-wasm)', path: '/bench/pages/progress.html?src=/bench/.out/site-nocube/events.parquet', expects: 'duckdb' },
];
const TREND_VARIANTS = [
  { key: 'baseline', label: 'Baseline: stock DuckDB-WASM + Arrow file + the trend SQL + Observable Plot lines', path: '/bench/baseline/trend.html' },
  { key: 'cube', label: '`<piccoli-trend>` (bundled data: its cube)', path: '/bench/pages/trend.html', expects: 'cube' },
  { key: 'imported', label: '`<piccoli-trend src=…/events.parquet>` (a file made by `piccoli-data import`: its cube)', path: '/bench/pages/trend.html?src=/bench/.out/site/events.parquet', expects: 'cube' },
  { key: 'comune', label: `\`<piccoli-trend comune="${COMUNE}">\` (bundled data: its cube)`, path: '/bench/pages/trend.html', comune: true, expects: 'cube' },
  { key: 'engine-arrow', label: '`<piccoli-trend src=…/events.arrow>` (no cube beside it: engine)', path: '/bench/pages/trend.html?src=/bench/.out/site-nocube/events.arrow', expects: 'duckdb' },
];
const WASM_PATHS = ['/dist/duckdb/duckdb-eh.wasm.gz'];

/**
 * Section 1 (and 1c): navigation -> an element's numbers on screen, cold and warm, for
 * each variant (interleaved), counting the DuckDB wasm requests around each visit; with
 * `incognito` (a variant's key), that variant's cold/warm pair once more in an incognito
 * context.
 */
async function benchFirstPaint({ browser, origin, server, sites }, VARIANTS, { incognito = null } = {}) {
  /** DuckDB wasm files served so far (either build): counted around each visit. */
  const wasmServed = () => WASM_PATHS.reduce((a, p) => a + (server.requests.get(p) ?? 0), 0);
  const variants = VARIANTS.map((v) =>
    v.comune ? { ...v, path: `${v.path}?comune=${encodeURIComponent(COMUNE)}&expect=${sites.comune.join(',')}`, expected: sites.comune } : v,
  );
  const out = Object.fromEntries(variants.map((v) => [v.key, { ...v, cold: [], warm: [], wasmCold: [], wasmWarm: [], warmWasmRefetched: 0 }]));
  out.comuneName = COMUNE;
  out.importOutput = sites.importOutput;
  for (let run = 0; run < PLAN.progressRuns; run++) {
    // Variants interleaved, so that drift of a noisy machine spreads over all of them.
    for (const v of variants) {
      log(`${v.path.split('?')[0].split('/').pop()} run ${run + 1}/${PLAN.progressRuns}: ${v.key}`);
      // A new page in the default context with its HTTP cache cleared, not an incognito
      // context: incognito's in-memory cache does not keep the 34 MB engine wasm, so a
      // "warm" incognito navigation downloads it again (measured below as `incognito`).
      const page = await browser.newPage();
      const r = out[v.key];
      try {
        await page.setViewport({ width: 1000, height: 900 });
        watchPage(page, v.key);
        const cdp = await page.createCDPSession();
        await cdp.send('Network.clearBrowserCache');
        await cdp.detach();
        let before = wasmServed();
        r.cold.push(await visit(page, origin + v.path));
        r.wasmCold.push(wasmServed() - before);
        before = wasmServed();
        r.warm.push(await visit(page, origin + v.path)); // same page, second navigation
        r.wasmWarm.push(wasmServed() - before);
        if (r.wasmWarm.at(-1) > 0) r.warmWasmRefetched++;
      } finally {
        await page.close();
      }
    }
  }
  // The same cold/warm pair once in an incognito context: does the engine stay cached?
  if (!incognito) return out;
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const path = variants.find((v) => v.key === incognito).path;
    await visit(page, origin + path, 0);
    const before = wasmServed();
    const warm = await visit(page, origin + path, 0);
    out.incognito = { warmNumbersAt: warm.numbersAt, refetched: wasmServed() - before };
  } finally {
    await context.close();
  }
  return out;
}

// 1b. A map click repaints every element: <piccoli-map level="region"> and n
// <piccoli-progress> on the bundled data, vs the same page by hand with stock DuckDB-WASM.
const MAP_VARIANTS = [
  { key: 'lib1', n: 1, side: 'library', path: '/bench/pages/map.html?n=1' },
  { key: 'base1', n: 1, side: 'stock', path: '/bench/baseline/map.html?n=1' },
  { key: 'lib5', n: 5, side: 'library', path: '/bench/pages/map.html?n=5' },
  { key: 'base5', n: 5, side: 'stock', path: '/bench/baseline/map.html?n=5' },
];
const REGION_CLICKS = ['08', '09']; // Emilia-Romagna, Toscana (alternating)
const ASOF_DATES = ['2021-10-31', '2022-04-30']; // the map's as-of, alternating

async function benchMap({ browser, origin }) {
  const out = { clicks: PLAN.mapClicks, asOfReps: PLAN.asOfReps, variants: {} };
  for (const v of MAP_VARIANTS) {
    log(`map click: ${v.key}`);
    const r = (out.variants[v.key] = { ...v, click: [], clear: [], asOf: [], errors: [] });
    const context = await browser.createBrowserContext();
    try {
      const page = await context.newPage();
      await page.setViewport({ width: 1280, height: 1000 });
      watchPage(page, `map-${v.key}`);
      await page.goto(origin + v.path, { waitUntil: 'load', timeout: 120_000 });
      await page.waitForFunction(() => window.__bench && window.__bench.ready, { timeout: 180_000, polling: 50 });
      const setup = await page.evaluate(() => ({ error: window.__bench.error, engines: window.__bench.engines, expected: window.__bench.expected, marks: window.__bench.marks, js: window.__bench.js, backends: window.__bench.backends }));
      if (setup.error) {
        r.errors.push(setup.error);
        continue;
      }
      Object.assign(r, { engines: setup.engines, expected: setup.expected, marks: setup.marks, js: setup.js, backends: setup.backends });
      await sleep(500);
      const once = async (arm, act) => {
        await page.evaluate(arm);
        await act();
        const res = await page.evaluate(() => window.__repaint.pending);
        if (res.error) r.errors.push(res.error);
        await sleep(200); // let the page go idle between inputs
        return res;
      };
      const click = async (code) => {
        const pt = await page.evaluate((c) => window.__repaint.point(c), code);
        if (pt.error) throw new Error(pt.error);
        return once(`window.__repaint.armClick(${JSON.stringify(code)})`, () => page.mouse.click(pt.x, pt.y));
      };
      const clear = () => once('window.__repaint.armClear()', () => page.keyboard.press('Escape'));
      // The first click of the page, reported on its own (first-use costs), then the series.
      r.firstClick = await click(REGION_CLICKS[0]);
      r.firstClear = await clear();
      for (let i = 0; i < PLAN.mapClicks; i++) {
        r.click.push(await click(REGION_CLICKS[i % REGION_CLICKS.length]));
        r.clear.push(await clear());
      }
      // as-of on the map: learn what each date looks like, then time the changes.
      const looks = {};
      for (const d of [...ASOF_DATES.slice(1), ASOF_DATES[0]]) looks[d] = await page.evaluate((x) => window.__repaint.settleAsOf(x), d);
      if (looks[ASOF_DATES[0]].fills === looks[ASOF_DATES[1]].fills) r.errors.push('the two as-of dates give the same fills');
      for (let i = 0; i < PLAN.asOfReps * 2; i++) {
        const d = ASOF_DATES[(i + 1) % 2];
        const res = await page.evaluate((x, look) => window.__repaint.asOf(x, look), d, looks[d]);
        if (res.error) r.errors.push(res.error);
        r.asOf.push(res);
        await sleep(200);
      }
    } catch (e) {
      r.errors.push(e.message.split('\n')[0]);
    } finally {
      await context.close();
    }
  }
  return out;
}

// 3. 1, 5, 20 elements on a page: one engine, memory per element, time to all rendered.
async function benchMany({ browser, origin }) {
  const pages = [
    { key: 'empty', n: 0, path: '/bench/pages/many.html?n=0' },
    { key: 'baseline', n: null, path: '/bench/baseline/index.html' },
    { key: 'n1', n: 1, path: '/bench/pages/many.html?n=1' },
    { key: 'n5', n: 5, path: '/bench/pages/many.html?n=5' },
    { key: 'n20', n: 20, path: '/bench/pages/many.html?n=20' },
  ];
  const out = Object.fromEntries(pages.map((p) => [p.key, { ...p, runs: [] }]));
  const pid = browser.process()?.pid;
  for (let run = 0; run < PLAN.manyRuns; run++) {
    for (const p of pages) {
      log(`many run ${run + 1}/${PLAN.manyRuns}: ${p.key}`);
      const context = await browser.createBrowserContext();
      try {
        const page = await context.newPage();
        await page.setViewport({ width: 1200, height: 900 });
        watchPage(page, p.key);
        const bench = await visit(page, origin + p.path, 1000);
        const engine = await page.evaluate(() =>
          window.__benchEngine
            ? window.__benchEngine()
            : { instancesStarted: null, workerResources: performance.getEntriesByType('resource').filter((e) => /duckdb-browser-[^/]*\.worker\.js/.test(e.name)).length },
        );
        const cdp = await page.createCDPSession();
        await cdp.send('HeapProfiler.collectGarbage');
        const workers = page.workers();
        let workerHeap = 0;
        for (const w of workers) {
          try {
            await w.client.send('HeapProfiler.collectGarbage').catch(() => undefined);
            const h = await w.client.send('Runtime.getHeapUsage');
            workerHeap += h.usedSize;
          } catch {
            // a worker that ended meanwhile
          }
        }
        await sleep(200);
        const metrics = await page.metrics();
        out[p.key].runs.push({
          allRenderedAt: bench.numbersAt,
          error: bench.error,
          cls: bench.cls,
          instancesStarted: engine.instancesStarted,
          workerResources: engine.workerResources,
          workerTargets: workers.length,
          rendered: engine.counts ? engine.counts.filter((c) => Array.isArray(c)).length : null,
          jsHeap: metrics.JSHeapUsedSize,
          workerHeap,
          pss: treePss(pid),
          rendererPss: rendererPss(pid),
        });
        await cdp.detach();
      } finally {
        await context.close();
      }
      await sleep(1000); // let the closed context's renderer exit before the next PSS sample
    }
  }
  return out;
}

// 2. Load and warm query latency by table size, the library's engine vs stock DuckDB-WASM.
async function benchScale({ browser, origin }, results) {
  const out = { sizes: PLAN.sizes, reps: PLAN.queryReps, piccoli: [], stock: [] };
  for (const mode of ['piccoli', 'stock']) {
    const context = await browser.createBrowserContext();
    try {
      const page = await context.newPage();
      watchPage(page, `scale-${mode}`);
      await page.goto(`${origin}/bench/pages/scale.html?engine=${mode}`);
      await page.waitForFunction(() => window.__bench && window.__bench.ready, { timeout: 120_000 });
      if (mode === 'piccoli') {
        results.versions['DuckDB (in DuckDB-WASM)'] = await page.evaluate(async () => {
          const { getEngine } = await import('/dist/data.js');
          const t = await getEngine().query('SELECT version() AS v');
          return String(t.toArray()[0].v);
        });
      }
      for (const rows of PLAN.sizes) {
        log(`scale ${mode}: ${rows.toLocaleString('en')} rows`);
        const loads = rows <= LOAD_REPEAT_MAX_ROWS ? PLAN.loadReps : 1;
        try {
          out[mode].push(await page.evaluate((r, reps, l) => window.benchSize(r, reps, l), rows, PLAN.queryReps, loads));
        } catch (e) {
          log(`scale ${mode} ${rows}: ${e.message}`);
          out[mode].push({ rows, error: e.message.split('\n')[0] });
          break; // a bigger table will not fit either
        }
      }
    } finally {
      await context.close();
    }
  }
  return out;
}

// 5. SQL console: Ctrl+Enter -> first result rows, on the 1M-row table.
async function benchSql({ browser, origin }) {
  if (!existsSync(join(SNAPSHOT, 'piccoli-sql.js'))) {
    log('sql: dist/piccoli-sql.js does not exist yet: not measured');
    return { measured: false, reason: '`dist/piccoli-sql.js` does not exist in this build (the element is being written).' };
  }
  const out = { measured: true, runs: [], engineOnly: [] };
  for (let run = 0; run < PLAN.sqlRuns; run++) {
    log(`sql run ${run + 1}/${PLAN.sqlRuns}`);
    const context = await browser.createBrowserContext();
    try {
      const page = await context.newPage();
      watchPage(page, 'sql');
      await page.goto(`${origin}/bench/pages/sql.html`);
      await page.waitForFunction(() => window.__bench && (window.__bench.ready || window.__bench.error), { timeout: 180_000 });
      const setup = await page.evaluate(() => ({ error: window.__bench.error, editor: window.__bench.editor, editorWaitMs: window.__bench.editorWaitMs, editorFrom: window.__bench.editorFrom }));
      if (setup.error) return { measured: false, reason: setup.error };
      // Real key presses into the editor: select all, type the SQL, Ctrl+Enter.
      const editor = await page.evaluateHandle(() => window.__benchEditor());
      await editor.click();
      await page.keyboard.down('Control');
      await page.keyboard.press('KeyA');
      await page.keyboard.up('Control');
      await page.keyboard.type(await page.evaluate(() => window.__benchSqlText));
      await page.keyboard.press('Escape'); // close an autocomplete popup, if one opened
      await sleep(300);
      await page.evaluate(() => window.__benchArm());
      await page.keyboard.down('Control');
      await page.keyboard.press('Enter');
      await page.keyboard.up('Control');
      await page.waitForFunction(() => window.__bench.done, { timeout: 120_000 });
      const r = await page.evaluate(() => JSON.parse(JSON.stringify(window.__bench)));
      if (r.error) return { measured: false, reason: r.error };
      out.editorText = await page.evaluate(() => window.__benchEditor().textContent);
      (out.editorWait ??= []).push(setup.editorWaitMs);
      out.editorFrom = setup.editorFrom;
      out.runs.push(r.numbersAt - r.marks['ctrl-enter']);
      out.engineOnly.push(await page.evaluate(() => window.__benchEngineQuery()));
    } finally {
      await context.close();
    }
  }
  out.median = median(out.runs);
  return out;
}

// 5b. SQL console: a click on a column's header -> the first rows of the 1M-row result
// on screen in the new order, ascending then descending, for each kind of column; the
// baseline re-runs the query in DuckDB with ORDER BY, in the same page.
async function benchSort({ browser, origin }) {
  if (!existsSync(join(SNAPSHOT, 'piccoli-sql.js'))) return { measured: false, reason: '`dist/piccoli-sql.js` does not exist in this build.' };
  const out = { measured: true, rows: 1_000_000, reps: PLAN.sortReps, columns: {}, errors: [] };
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 1000 });
    watchPage(page, 'sort');
    log('sort: building the 1M-row result in the console');
    await page.goto(`${origin}/bench/pages/sort.html?rows=${out.rows}`, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForFunction(() => window.__bench && (window.__bench.ready || window.__bench.error), { timeout: 600_000, polling: 200 });
    const setup = await page.evaluate(() => ({ error: window.__bench.error, runMs: window.__bench.runMs, columns: window.__sort?.columns }));
    if (setup.error) return { measured: false, reason: setup.error };
    out.runMs = setup.runMs;
    for (const c of setup.columns) out.columns[c.name] = { ...c, asc: [], desc: [], engineAsc: [], engineDesc: [] };
    await sleep(500);
    for (let rep = 0; rep < PLAN.sortReps; rep++) {
      for (const c of setup.columns) {
        log(`sort run ${rep + 1}/${PLAN.sortReps}: ${c.name}`);
        const r = out.columns[c.name];
        for (const dir of [1, -1]) {
          const pt = await page.evaluate((n) => window.__sort.point(n), c.name);
          if (pt.error) throw new Error(pt.error);
          await page.evaluate((n, d) => window.__sort.arm(n, d), c.name, dir);
          await page.mouse.click(pt.x, pt.y);
          const res = await page.evaluate(() => window.__sort.pending);
          if (res.error) out.errors.push(`${c.name} ${dir === 1 ? 'asc' : 'desc'}: ${res.error}`);
          else r[dir === 1 ? 'asc' : 'desc'].push(res);
          await sleep(300); // let the page go idle between clicks
        }
      }
      // The baseline, interleaved with the clicks so that drift spreads over both.
      for (const c of setup.columns) {
        log(`sort run ${rep + 1}/${PLAN.sortReps}: ${c.name} in DuckDB`);
        for (const dir of [1, -1]) {
          const res = await page.evaluate((n, d) => window.__sort.engineSort(n, d), c.name, dir);
          if (res.rows !== out.rows) out.errors.push(`ORDER BY ${c.name}: ${res.rows} rows, not ${out.rows}`);
          out.columns[c.name][dir === 1 ? 'engineAsc' : 'engineDesc'].push(res.ms);
          await sleep(300);
        }
      }
    }
  } catch (e) {
    out.errors.push(e.message.split('\n')[0]);
  } finally {
    await context.close();
  }
  return out;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
