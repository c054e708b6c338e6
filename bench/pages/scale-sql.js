// The table generator shared by both sides of the scaling bench (the library's engine and
// stock DuckDB-WASM), and how the baseline writes parameters into SQL text. The queries
// themselves are not here: both sides take them from the library's own builders
// (`funnelQuery`, `areaMetricQuery`, `eventsShapeQuery` from dist/data.js), so the bench
// runs exactly the SQL the elements run.

const STAGES = "['eligible','engaged','needs_analysis','plan_submitted','specialist_support']";

/**
 * `rows` stage events with the columns of data/programmes.parquet that the queries use
 * (programme, entity_code, entity_name, province_code, province_name, region_code,
 * region_name, stage, stage_order, date, provenance: the funnel also counts simulated
 * rows, so it reads provenance, here always 'published' as in most real files). Entity e = i // 5 has the five stages 0..4, one
 * row each (the shape loadEvents() checks), dated so that later stages come later; hash()
 * spreads entities over 107 provinces, 18 regions and three programmes. Same rows for
 * the same `rows` on every run (DuckDB's hash() is deterministic).
 */
export function generateSql(table, rows) {
  return `CREATE OR REPLACE TABLE ${table} AS
WITH r AS (SELECT i // 5 AS e, (i % 5)::INTEGER AS s, hash(i // 5) AS h FROM range(${Number(rows)}) t(i))
SELECT
  CASE WHEN h % 10 < 7 THEN 'piccoli' WHEN h % 10 < 9 THEN 'province-e-comuni' ELSE 'next-generation-siena' END AS programme,
  lpad(e::VARCHAR, 7, '0') AS entity_code,
  'Comune ' || e::VARCHAR AS entity_name,
  lpad(((h >> 8) % 107 + 1)::VARCHAR, 3, '0') AS province_code,
  'Provincia ' || lpad(((h >> 8) % 107 + 1)::VARCHAR, 3, '0') AS province_name,
  lpad((((h >> 8) % 107) // 6 + 1)::VARCHAR, 2, '0') AS region_code,
  'Regione ' || lpad((((h >> 8) % 107) // 6 + 1)::VARCHAR, 2, '0') AS region_name,
  ${STAGES}[s + 1] AS stage,
  s AS stage_order,
  DATE '2020-06-01' + (s * 150 + (h >> 24) % 400)::INTEGER AS date,
  'published' AS provenance
FROM r`;
}

/** The filter every query of the bench uses. */
export const FILTER = { programme: 'piccoli', asOf: '2021-10-31' };

/**
 * A built query ({ sql, params }) with its `?` parameters written in as literals, as a
 * stock DuckDB-WASM user would send it: strings quoted, numbers as they are. Only the
 * baseline uses this; the library side sends the parameters to a prepared statement.
 */
export function inline({ sql, params }) {
  let i = 0;
  const lit = (v) => (typeof v === 'number' || typeof v === 'bigint' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);
  const out = sql.replace(/\?/g, () => lit(params[i++]));
  if (i !== params.length) throw new Error(`inline: ${params.length} parameters for ${i} placeholders`);
  return out;
}
