// Load time and warm query latency by table size. ?engine=piccoli goes through the
// library's shared engine (getEngine() from dist/data.js: prepared statements, one
// connection per query, as the elements do); ?engine=stock through stock DuckDB-WASM
// with one connection and inlined values (the baseline).
import { PARAMS, funnelCountSql, funnelSql, generateSql, inline, mapSql } from './scale-sql.js';

const mode = new URLSearchParams(location.search).get('engine') ?? 'piccoli';
let run; // (sql, params) => Promise<Arrow table>

if (mode === 'stock') {
  const { startStock } = await import('/bench/.out/stock-engine.js');
  const stock = await startStock();
  run = (sql, params = []) => stock.query(params.length ? inline(sql, params) : sql);
} else {
  const { getEngine } = await import('/dist/data.js');
  const engine = getEngine();
  await engine.ready();
  run = (sql, params = []) => engine.query(sql, params);
}

const rowsOf = (t) => t.toArray().map((r) => r.toJSON());

async function timed(fn) {
  const t0 = performance.now();
  const out = await fn();
  return [performance.now() - t0, out];
}

/**
 * Create the table of `rows` rows `loads` times (timing each), then run each query once
 * to warm up and `reps` times timed. Returns timings and the results (to compare sides).
 */
window.benchSize = async (rows, reps = 10, loads = 1) => {
  const table = `events_${rows}`;
  const load = [];
  for (let i = 0; i < loads; i++) {
    if (i > 0) await run(`DROP TABLE IF EXISTS ${table}`);
    load.push((await timed(() => run(generateSql(table, rows))))[0]);
  }
  const count = Number(rowsOf(await run(`SELECT count(*)::INTEGER AS n FROM ${table}`))[0].n);
  const out = { rows, count, load, funnel: [], funnelCount: [], map: [] };
  const queries = [['funnel', funnelSql(table)], ['funnelCount', funnelCountSql(table)], ['map', mapSql(table)]];
  for (const [key, sql] of queries) {
    const [, first] = await timed(() => run(sql, PARAMS)); // warm-up
    out[`${key}Result`] = rowsOf(first);
    for (let i = 0; i < reps; i++) out[key].push((await timed(() => run(sql, PARAMS)))[0]);
  }
  out.funnelResult = out.funnelResult.map((r) => [r.stage_order, r.n]);
  out.funnelCountSame = JSON.stringify(out.funnelCountResult.map((r) => [r.stage_order, r.n])) === JSON.stringify(out.funnelResult);
  delete out.funnelCountResult;
  out.mapDigest = out.mapResult.reduce((s, r) => s + r.reached * 7 + r.eligible, 0);
  out.mapProvinces = out.mapResult.length;
  delete out.mapResult;
  await run(`DROP TABLE ${table}`);
  await run('CHECKPOINT').catch(() => undefined);
  return out;
};
window.__bench.ready = true;
