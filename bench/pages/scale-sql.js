// SQL shared by both sides of the scaling bench (the library's engine and stock
// DuckDB-WASM): a deterministic programme-events table of any size, and the queries.

const STAGES = "['eligible','engaged','needs_analysis','plan_submitted','specialist_support']";

/**
 * `rows` stage events with the columns of data/programmes.parquet that the queries use
 * (programme, entity_code, province_code, region_code, stage, stage_order, date) plus
 * entity_name. Entity e = i // 5 has the five stages 0..4, dated so that later stages come
 * later; hash() spreads entities over 107 provinces, 18 regions and three programmes.
 * Same rows for the same `rows` on every run (DuckDB's hash() is deterministic).
 */
export function generateSql(table, rows) {
  return `CREATE OR REPLACE TABLE ${table} AS
WITH r AS (SELECT i // 5 AS e, (i % 5)::INTEGER AS s, hash(i // 5) AS h FROM range(${Number(rows)}) t(i))
SELECT
  CASE WHEN h % 10 < 7 THEN 'piccoli' WHEN h % 10 < 9 THEN 'province-e-comuni' ELSE 'next-generation-siena' END AS programme,
  lpad(e::VARCHAR, 7, '0') AS entity_code,
  'Comune ' || e::VARCHAR AS entity_name,
  lpad(((h >> 8) % 107 + 1)::VARCHAR, 3, '0') AS province_code,
  lpad((((h >> 8) % 107) // 6 + 1)::VARCHAR, 2, '0') AS region_code,
  ${STAGES}[s + 1] AS stage,
  s AS stage_order,
  DATE '2020-06-01' + (s * 150 + (h >> 24) % 400)::INTEGER AS date
FROM r`;
}

/**
 * The funnel query, character for character the string `funnelQuery(table, { programme,
 * asOf })` builds in src/data/sql/funnel.ts (funnelQuery is not exported from dist/data.js,
 * so it is copied here; re-check it when funnel.ts changes). The table name is quoted as
 * quoteIdent() does.
 */
export function funnelSql(table) {
  return (
    `SELECT stage_order::INTEGER AS stage_order, min(stage) AS stage, count(DISTINCT entity_code)::INTEGER AS n ` +
    `FROM "${table}" WHERE programme = ? AND date <= CAST(? AS DATE) GROUP BY stage_order ORDER BY stage_order`
  );
}

/**
 * The funnel with count(*) instead of count(DISTINCT entity_code): the same numbers on
 * any file that keeps data/SCHEMA.md's unique key (programme, entity_code, stage_order).
 * Not what the library runs; measured to show what the DISTINCT costs.
 */
export function funnelCountSql(table) {
  return funnelSql(table).replace('count(DISTINCT entity_code)', 'count(*)');
}

/** The map query (the bench's own; no map element exists yet): per province, reached stage >= 1 over eligible. */
export function mapSql(table) {
  return (
    `SELECT province_code, count(DISTINCT entity_code) FILTER (WHERE stage_order >= 1)::INTEGER AS reached, ` +
    `count(DISTINCT entity_code) FILTER (WHERE stage_order = 0)::INTEGER AS eligible, ` +
    `reached / nullif(eligible, 0) AS share ` +
    `FROM "${table}" WHERE programme = ? AND date <= CAST(? AS DATE) GROUP BY province_code ORDER BY province_code`
  );
}

export const PARAMS = ['piccoli', '2021-10-31'];

/** The same statement with the parameters written in, as a stock DuckDB-WASM user would send it. */
export function inline(sql, params = PARAMS) {
  let i = 0;
  return sql.replace(/\?/g, () => `'${String(params[i++]).replace(/'/g, "''")}'`);
}
