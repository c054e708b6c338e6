// DuckDB-WASM side of the ClickHouse section (bench/lib/clickhouse.mjs): the library's
// engine (getEngine() from dist/data.js) holding `rows` events of the synthetic programme
// `scala`, generated in the engine with the shape of test/clickhouse/cluster.mjs's
// loadSynthetic (blocks of 8 rows shared by two entities reaching stages 0..k and
// 0..6-k, rows/4 entities over the 107 real provinces of data/comuni.parquet, stage s
// dated 30 s to 30 s + 29 days after 2024-01-08, provenance `simulated`). DuckDB's hash()
// stands for ClickHouse's cityHash64, so the counts per stage differ a little from the
// cluster's; the size, the shape and the questions are the same. Then the queries the
// DuckDB backend runs for an element's first question (src/query/backends/sql-answer.ts:
// the shape check after a load, the catalogue, the funnel or the area metric), with the
// library's own builders from dist/sql.js.
const { configure, getEngine, loadComuni, COMUNI_TABLE } = await import('/dist/data.js');
const sql = await import('/dist/sql.js');

// DuckDB's memory limit in the tab (?memory=, e.g. 3GB): the default 1GB does not hold the
// 13 columns of 10M events; a site would have to raise it the same way.
const memoryLimit = new URLSearchParams(location.search).get('memory');
if (memoryLimit) configure({ memoryLimit });

const TABLE = 'scala_events';
const PROGRAMME = 'scala';
const STAGES = ['eligible', 'contacted', 'engaged', 'planned', 'funded', 'started', 'completed'];
const START = '2024-01-08';

/** The provinces of data/comuni.parquet by code: [code, sigla, name, region code, region name]. */
async function provinces() {
  await loadComuni();
  const t = await engine.query(
    `SELECT DISTINCT province_code, province_sigla, province_name, region_code, region_name FROM ${COMUNI_TABLE} ORDER BY province_code`,
  );
  return t.toArray().map((r) => [r.province_code, r.province_sigla, r.province_name, r.region_code, r.region_name].map(String));
}

/** loadSynthetic's INSERT ... SELECT in DuckDB's SQL: the provinces as list literals, no join. */
function generateSql(rows, prov) {
  const blocks = Math.floor(rows / 8);
  const rest = rows % 8;
  const list = (i) => `[${prov.map((p) => `'${p[i].replaceAll("'", "''")}'`).join(', ')}]`;
  return `CREATE OR REPLACE TABLE ${TABLE} AS
WITH g AS (
  SELECT i // 8 AS j, i % 8 AS p, CASE WHEN i // 8 = ${blocks} THEN ${rest - 1} ELSE hash(i // 8) % 7 END AS k FROM range(${rows}) t(i)
), e AS (
  SELECT CASE WHEN p <= k THEN 2 * j ELSE 2 * j + 1 END AS e, (CASE WHEN p <= k THEN p ELSE p - k - 1 END)::INTEGER AS st FROM g
), x AS (
  SELECT e, st, (hash(e) % ${prov.length} + 1)::INTEGER AS pi FROM e
)
SELECT '${PROGRAMME}' AS programme, 'S' || e AS entity_code, 'comune' AS entity_kind, 'Ente sintetico ' || e AS entity_name,
  ${list(0)}[pi] AS province_code, ${list(1)}[pi] AS province_sigla, ${list(2)}[pi] AS province_name,
  ${list(3)}[pi] AS region_code, ${list(4)}[pi] AS region_name,
  [${STAGES.map((s) => `'${s}'`).join(', ')}][st + 1] AS stage, st AS stage_order,
  CASE WHEN st = 0 THEN DATE '${START}' ELSE DATE '${START}' + (30 * st + hash(e, st) % 30)::INTEGER END AS date,
  'simulated' AS provenance
FROM x`;
}

const engine = getEngine();
const rowsOf = (t) => t.toArray().map((r) => r.toJSON());

async function timed(fn) {
  const t0 = performance.now();
  const out = await fn();
  return [performance.now() - t0, out];
}
const run = (q) => engine.query(q.sql, q.params, { whole: true });

/**
 * Start the engine, generate the table (the "load"), then answer the first question (the
 * national funnel) as the DuckDB backend does; then, on the same table, a province's
 * funnel, the area metric, the area metric on `nextDay`; then `reps` repetitions of each
 * query alone. Times in ms; `engineAt` and `firstAt` from navigation start.
 */
window.__benchEngine = async ({ rows, province, nextDay, reps }) => {
  const out = { rows, province };
  await engine.ready();
  const prov = await provinces();
  out.engineAt = performance.now();
  [out.load] = await timed(() => engine.query(generateSql(rows, prov)));
  const [shape, bad] = await timed(() => run(sql.eventsShapeQuery(TABLE)));
  out.shape = shape;
  out.shapeProblems = bad.numRows;
  // The catalogue (sql-answer.ts: programmes and provinces, then the programme's stages,
  // areas and days), asked once per table.
  const [catalogue, [, , , , days]] = await timed(async () => [
    await run(sql.programmesQuery(TABLE)),
    await run(sql.cubeProvincesQuery(TABLE)),
    await run(sql.stagesQuery(TABLE, PROGRAMME)),
    await run(sql.areasQuery(TABLE, PROGRAMME)),
    rowsOf(await run(sql.lastDateQuery(TABLE, PROGRAMME)))[0],
  ]);
  out.catalogue = catalogue;
  out.lastDay = days.last;
  const stages = new Map(STAGES.map((s, i) => [s, i]));
  // The province's code, as the coordinator resolves a sigla.
  const code = rowsOf(await run({ sql: `SELECT DISTINCT province_code FROM ${TABLE} WHERE province_sigla = ?`, params: [province] }))[0].province_code;
  const funnel = (provinceCode) => sql.funnelQuery(TABLE, { programme: PROGRAMME, asOf: out.lastDay, ...(provinceCode ? { provinceCode } : {}) }, true);
  const area = (asOf) => sql.areaMetricQuery(TABLE, { programme: PROGRAMME, level: 'region', stageOrder: stages.get('engaged'), asOf }, true, true);
  const questions = {
    funnel: funnel(null),
    funnelNext: funnel(code),
    map: area(out.lastDay),
    mapNext: area(nextDay),
  };
  const shown = {
    funnel: (r) => r.n,
    map: (r) => [r.code, r.reached, r.eligible],
  };
  // The first question (the national funnel), then the others on the same page, each once
  // (its first run), then `reps` more times each (query only).
  out.firstAt = null;
  out.times = {};
  out.results = {};
  for (const [key, q] of Object.entries(questions)) {
    const [t, r] = await timed(() => run(q));
    out.firstAt ??= performance.now();
    out.times[key] = [t];
    out.results[key] = rowsOf(r).map(shown[key.startsWith('map') ? 'map' : 'funnel']);
  }
  for (let i = 0; i < reps; i++) for (const [key, q] of Object.entries(questions)) out.times[key].push((await timed(() => run(q)))[0]);
  out.count = Number(rowsOf(await engine.query(`SELECT count(*)::DOUBLE AS n FROM ${TABLE}`))[0].n);
  return out;
};
window.__bench.ready = true;
