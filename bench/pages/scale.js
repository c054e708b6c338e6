// Load time and warm query latency by table size. ?engine=piccoli goes through the
// library's shared engine (getEngine() from dist/data.js: prepared statements, one
// connection per query, as the elements do); ?engine=stock through stock DuckDB-WASM
// with one connection and the values written into the SQL text (the baseline). Both
// sides take the SQL from the library's builders in dist/data.js, as the elements do.
import { FILTER, generateSql, inline } from './scale-sql.js';

const { areaMetricQuery, eventsShapeQuery, funnelQuery } = await import('/dist/data.js');
const mode = new URLSearchParams(location.search).get('engine') ?? 'piccoli';
let run; // (built: { sql, params }) => Promise<Arrow table>

if (mode === 'stock') {
  const { startStock } = await import('/bench/.out/stock-engine.js');
  const stock = await startStock();
  run = (q) => stock.query(inline(q));
} else {
  const { getEngine } = await import('/dist/data.js');
  const engine = getEngine();
  await engine.ready();
  run = (q) => engine.query(q.sql, q.params);
}
const plain = (sql) => ({ sql, params: [] });

const rowsOf = (t) => t.toArray().map((r) => r.toJSON());

async function timed(fn) {
  const t0 = performance.now();
  const out = await fn();
  return [performance.now() - t0, out];
}

/** The queries, built exactly as the elements build them. */
export function queries(table) {
  return {
    funnel: funnelQuery(table, FILTER),
    // <piccoli-map level="province" metric="engaged-share">: stage order 1 = engaged.
    map: areaMetricQuery(table, { programme: FILTER.programme, level: 'province', stageOrder: 1, asOf: FILTER.asOf }),
    shape: eventsShapeQuery(table),
  };
}
window.__benchQueries = (table) => JSON.parse(JSON.stringify(queries(table)));

/**
 * Create the table of `rows` rows `loads` times, timing each load and the one-time shape
 * check loadEvents() runs right after a load; then run each query once to warm up and
 * `reps` times timed. Returns timings and the results (to compare sides).
 */
window.benchSize = async (rows, reps = 10, loads = 1) => {
  const table = `events_${rows}`;
  const q = queries(table);
  const out = { rows, load: [], shape: [], funnel: [], map: [] };
  for (let i = 0; i < loads; i++) {
    if (i > 0) await run(plain(`DROP TABLE IF EXISTS ${table}`));
    out.load.push((await timed(() => run(plain(generateSql(table, rows)))))[0]);
    const [t, bad] = await timed(() => run(q.shape));
    out.shape.push(t);
    out.shapeProblems = bad.numRows;
  }
  out.count = Number(rowsOf(await run(plain(`SELECT count(*)::INTEGER AS n FROM ${table}`)))[0].n);
  for (const key of ['funnel', 'map']) {
    const [, first] = await timed(() => run(q[key])); // warm-up
    out[`${key}Result`] = rowsOf(first);
    for (let i = 0; i < reps; i++) out[key].push((await timed(() => run(q[key])))[0]);
  }
  out.funnelResult = out.funnelResult.map((r) => [r.stage_order, r.n]);
  out.mapDigest = out.mapResult.reduce((s, r) => s + r.reached * 7 + r.eligible, 0);
  out.mapAreas = out.mapResult.length;
  delete out.mapResult;
  await run(plain(`DROP TABLE ${table}`));
  await run(plain('CHECKPOINT')).catch(() => undefined);
  return out;
};
window.__bench.ready = true;
