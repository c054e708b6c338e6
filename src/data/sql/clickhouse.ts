import { PiccoliDataError } from '../errors.js';
import type { FunnelFilter } from './funnel.js';
import type { AreaMetricFilter, MapQueryLevel } from './map.js';

/**
 * The library's questions in ClickHouse's SQL: the same definition (definition.ts) as the
 * DuckDB builders in funnel.ts and map.ts, for the connector (src/data/clickhouse/).
 *
 * Values are never written into the SQL as the page gave them. ClickHouse 18.16, the
 * version Debian ships, has no query parameters, so each value goes through a typed
 * encoder here: a string becomes a literal with its backslashes and quotes escaped (the
 * two characters ClickHouse's lexer gives meaning to inside '…'), a day must match
 * YYYY-MM-DD and a number must be a safe integer, or the builder throws. Table and
 * database names come from the site's configuration and must be plain identifiers. A
 * test (test/browser/clickhouse/dialect.test.ts) sends hostile values to a real server
 * and checks they are looked up as text.
 */

/** A plain identifier (letters, digits, _), quoted with backticks; anything else throws. */
export function chIdent(name: string): string {
  if (typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]{0,190}$/.test(name)) {
    throw new PiccoliDataError(
      'invalid-option',
      `invalid ClickHouse name: ${JSON.stringify(String(name).slice(0, 80))} (use letters, digits and _)`,
    );
  }
  return `\`${name}\``;
}

/** `database.table`, both checked. */
export function chTable(database: string, table: string): string {
  return `${chIdent(database)}.${chIdent(table)}`;
}

/** A string literal: 'it\'s', with \ and ' escaped (and NUL written as \0). */
export function chString(value: string): string {
  if (typeof value !== 'string') throw new TypeError(`invalid literal: ${String(value)}`);
  return `'${value.replace(/[\\']/g, (c) => `\\${c}`).replaceAll('\u0000', '\\0')}'`;
}

/** A day: `toDate('2021-10-31')`; anything but a real YYYY-MM-DD throws. */
export function chDate(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const d = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : null;
  if (!d || d.toISOString().slice(0, 10) !== day) throw new TypeError(`invalid day: ${JSON.stringify(day)}`);
  return `toDate('${day}')`;
}

/** A whole number; anything else throws. */
export function chInt(n: number): string {
  if (!Number.isSafeInteger(n)) throw new TypeError(`invalid integer: ${String(n)}`);
  return String(n);
}

const LEVEL_COLUMNS: Record<MapQueryLevel, { code: string; name: string }> = {
  region: { code: 'region_code', name: 'region_name' },
  province: { code: 'province_code', name: 'province_name' },
  comune: { code: 'entity_code', name: 'entity_name' },
};

/** The predicate "reached by the day", as REACHED_BY_SQL says it for DuckDB. */
const reachedBy = (asOf: string) => `date <= ${chDate(asOf)}`;

function where(f: FunnelFilter): string {
  const parts = [`programme = ${chString(f.programme)}`, reachedBy(f.asOf)];
  if (f.regionCode) parts.push(`region_code = ${chString(f.regionCode)}`);
  if (f.provinceCode) parts.push(`province_code = ${chString(f.provinceCode)}`);
  if (f.entityCode) parts.push(`entity_code = ${chString(f.entityCode)}`);
  return parts.join(' AND ');
}

const simulated = (has: boolean, cond = '') =>
  has ? `toInt64(countIf(${cond}provenance = 'simulated'))` : 'CAST(NULL AS Nullable(Int64))';

/** funnelQuery (funnel.ts) for ClickHouse: entities that reached each stage by `asOf`. */
export function chFunnelQuery(table: string, f: FunnelFilter, hasProvenance = true): string {
  return (
    `SELECT toInt32(stage_order) AS stage_order, min(stage) AS stage, toInt64(count()) AS n, ${simulated(hasProvenance)} AS simulated ` +
    `FROM ${table} WHERE ${where(f)} GROUP BY stage_order ORDER BY stage_order`
  );
}

/** areaMetricQuery (map.ts) for ClickHouse: per area, eligible and reached by `asOf`. */
export function chAreaMetricQuery(table: string, f: AreaMetricFilter, hasNames = true, hasProvenance = true): string {
  const cols = LEVEL_COLUMNS[f.level];
  if (!cols) throw new TypeError(`invalid level: ${String(f.level)}`);
  const n = chInt(f.stageOrder);
  const name = hasNames ? `min(${cols.name})` : 'CAST(NULL AS Nullable(String))';
  return (
    `SELECT ${cols.code} AS code, ${name} AS name, toInt64(countIf(stage_order = 0)) AS eligible, ` +
    `toInt64(countIf(stage_order = ${n})) AS reached, ${simulated(hasProvenance, `stage_order = ${n} AND `)} AS simulated ` +
    `FROM ${table} WHERE programme = ${chString(f.programme)} AND ${reachedBy(f.asOf)} AND ${cols.code} != '' ` +
    `GROUP BY ${cols.code} HAVING countIf(stage_order = 0) > 0 ORDER BY ${cols.code}`
  );
}

/**
 * trendQuery (funnel.ts) for ClickHouse: per stage and day, the entities that reached the
 * stage that day (a running sum gives the count by each day).
 */
export function chTrendQuery(table: string, f: Omit<FunnelFilter, 'asOf'>, hasProvenance = true): string {
  const parts = [`programme = ${chString(f.programme)}`];
  if (f.regionCode) parts.push(`region_code = ${chString(f.regionCode)}`);
  if (f.provinceCode) parts.push(`province_code = ${chString(f.provinceCode)}`);
  if (f.entityCode) parts.push(`entity_code = ${chString(f.entityCode)}`);
  return (
    `SELECT toInt32(stage_order) AS stage_order, toString(date) AS date, toInt64(count()) AS n, ${simulated(hasProvenance)} AS simulated ` +
    `FROM ${table} WHERE ${parts.join(' AND ')} GROUP BY stage_order, date ORDER BY stage_order, date`
  );
}

/*
 * The catalogue (programmes, provinces, stages, dates) is asked before a page's first
 * answer. On a large table a full scan per question is seconds, so these read only the
 * stage-0 rows wherever the schema makes that enough: every entity of a programme has
 * exactly one (data/SCHEMA.md), so the programmes, their entities and provinces are all
 * among them, and the table's sort key (programme, stage_order, …) lets the server skip
 * the other rows.
 */

export function chProgrammesQuery(table: string): string {
  return `SELECT DISTINCT programme FROM ${table} WHERE stage_order = 0 ORDER BY programme`;
}

/** cubeProvincesQuery (cube.ts): every province of the table with its sigla, name and region. */
export function chProvincesQuery(table: string): string {
  return (
    `SELECT province_code, min(province_sigla) AS province_sigla, min(province_name) AS province_name, ` +
    `min(region_code) AS region_code, min(region_name) AS region_name FROM ${table} ` +
    `WHERE stage_order = 0 GROUP BY province_code ORDER BY province_code`
  );
}

export function chStagesQuery(table: string, programme: string): string {
  return (
    `SELECT toInt32(stage_order) AS stage_order, min(stage) AS stage FROM ${table} ` +
    `WHERE programme = ${chString(programme)} GROUP BY stage_order ORDER BY stage_order`
  );
}

/** areasQuery (funnel.ts): the provinces of a programme (one per code: columns 5-9 are the registry's). */
export function chAreasQuery(table: string, programme: string): string {
  return (
    `SELECT province_code, any(province_sigla) AS province_sigla, any(province_name) AS province_name, ` +
    `any(region_code) AS region_code, any(region_name) AS region_name ` +
    `FROM ${table} WHERE programme = ${chString(programme)} AND stage_order = 0 GROUP BY province_code ORDER BY province_code`
  );
}

/** First and last day with an event; empty strings for a programme with none. */
export function chLastDateQuery(table: string, programme: string): string {
  return (
    `SELECT if(count() = 0, '', toString(min(date))) AS first, if(count() = 0, '', toString(max(date))) AS last ` +
    `FROM ${table} WHERE programme = ${chString(programme)}`
  );
}

/*
 * The same catalogue from a small table that ClickHouse keeps itself (the connector's
 * `catalogue` option): a materialised view on each shard's events table, grouped by
 * programme, stage and province, in an AggregatingMergeTree table, and a Distributed
 * table over it (README, "The catalogue"). Its rows are partial aggregates (one per group
 * per insert until the server merges them), so every question aggregates again: the
 * names with minMerge, the days with minMerge/maxMerge. A few thousand rows instead of
 * every event.
 */

/**
 * The catalogue table's columns and types, as the README creates it; the connector checks
 * them before reading (a table of another shape would answer wrong or fail obscurely).
 */
export const CATALOGUE_COLUMNS: Readonly<Record<string, string>> = {
  programme: 'String',
  stage_order: 'Int32',
  stage: 'String',
  province_code: 'String',
  province_sigla: 'AggregateFunction(min, String)',
  province_name: 'AggregateFunction(min, String)',
  region_code: 'AggregateFunction(min, String)',
  region_name: 'AggregateFunction(min, String)',
  first_day: 'AggregateFunction(min, Date)',
  last_day: 'AggregateFunction(max, Date)',
};

/** Whether a catalogue column of type `found` reads as CATALOGUE_COLUMNS' `expected` (a LowCardinality text, any integer order). */
export function catalogueTypeFits(expected: string, found: string): boolean {
  if (found === expected) return true;
  if (expected === 'String') return found === 'LowCardinality(String)';
  return expected === 'Int32' && /^U?Int(8|16|32|64)$/.test(found);
}

/** The names and region of each province group of the catalogue, merged. */
const catalogueProvince =
  `province_code, minMerge(province_sigla) AS province_sigla, minMerge(province_name) AS province_name, ` +
  `minMerge(region_code) AS region_code, minMerge(region_name) AS region_name`;

/** chProgrammesQuery from the catalogue table `catalogue` (`database`.`table`, checked). */
export function chCatalogueProgrammesQuery(catalogue: string): string {
  return `SELECT DISTINCT programme FROM ${catalogue} WHERE stage_order = 0 ORDER BY programme`;
}

/** chProvincesQuery from the catalogue: every province with an entity, its sigla, name and region. */
export function chCatalogueProvincesQuery(catalogue: string): string {
  return `SELECT ${catalogueProvince} FROM ${catalogue} WHERE stage_order = 0 GROUP BY province_code ORDER BY province_code`;
}

/** chStagesQuery from the catalogue. */
export function chCatalogueStagesQuery(catalogue: string, programme: string): string {
  return (
    `SELECT toInt32(stage_order) AS stage_order, min(stage) AS stage FROM ${catalogue} ` +
    `WHERE programme = ${chString(programme)} GROUP BY stage_order ORDER BY stage_order`
  );
}

/** chAreasQuery from the catalogue: the programme's provinces. */
export function chCatalogueAreasQuery(catalogue: string, programme: string): string {
  return (
    `SELECT ${catalogueProvince} FROM ${catalogue} ` +
    `WHERE programme = ${chString(programme)} AND stage_order = 0 GROUP BY province_code ORDER BY province_code`
  );
}

/** chLastDateQuery from the catalogue: first and last day, empty strings for a programme it does not hold. */
export function chCatalogueLastDateQuery(catalogue: string, programme: string): string {
  return (
    `SELECT if(count() = 0, '', toString(minMerge(first_day))) AS first, if(count() = 0, '', toString(maxMerge(last_day))) AS last ` +
    `FROM ${catalogue} WHERE programme = ${chString(programme)}`
  );
}

/** Most entities a name is looked up among (a comune programme has about 8,000). */
export const MAX_NAMED_ENTITIES = 200_000;

/**
 * The entities a `comune` attribute may name. By ISTAT code the server finds it; by name
 * every entity of the programme comes back (one row each, capped) and the caller compares
 * names as the other backends do (nameKey in funnel.ts): ClickHouse 18.16 cannot strip
 * accents, and a programme has at most one row per comune.
 */
export function chEntitiesQuery(table: string, programme: string, codeOrName: string): string {
  const byCode = /^\d{3}(\d{3})?$/.test(codeOrName);
  return (
    `SELECT entity_code, any(entity_name) AS entity_name, any(province_code) AS province_code FROM ${table} ` +
    `WHERE programme = ${chString(programme)} AND stage_order = 0` +
    (byCode ? ` AND entity_code = ${chString(codeOrName)}` : '') +
    ` GROUP BY entity_code ORDER BY entity_code LIMIT ${MAX_NAMED_ENTITIES + 1}`
  );
}

/**
 * The console's schema: every column of every table of `database`, each table's columns in
 * their order (no ORDER BY: ClickHouse's sort is not stable; the caller groups by table).
 */
export function chColumnsQuery(database: string): string {
  chIdent(database);
  return (
    `SELECT table AS table_name, name AS column_name, type AS data_type FROM system.columns ` +
    `WHERE database = ${chString(database)} AND table NOT LIKE '.inner.%'`
  );
}

/** Row counts of tables of `database`, one query (names checked and quoted). */
export function chRowCountsQuery(database: string, tables: readonly string[]): string {
  return tables.map((t, i) => `SELECT toInt32(${chInt(i)}) AS i, toInt64(count()) AS n FROM ${chTable(database, t)}`).join('\nUNION ALL\n');
}
