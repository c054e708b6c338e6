import type { SqlParam } from '../engine.js';
import { REACHED_BY_SQL, type BuiltQuery } from './definition.js';
import { quoteIdent } from './quote.js';

/** Which slice of a programme a funnel counts. Codes are ISTAT codes, already resolved. */
export interface FunnelFilter {
  programme: string;
  /** Count only events on or before this day (YYYY-MM-DD). */
  asOf: string;
  regionCode?: string;
  provinceCode?: string;
  /** An entity code (ISTAT code of a comune, or of a province for province programmes). */
  entityCode?: string;
}

export type { BuiltQuery };

function where(f: FunnelFilter): { clause: string; params: SqlParam[] } {
  const parts = ['programme = ?', REACHED_BY_SQL];
  const params: SqlParam[] = [f.programme, f.asOf];
  if (f.regionCode) {
    parts.push('region_code = ?');
    params.push(f.regionCode);
  }
  if (f.provinceCode) {
    parts.push('province_code = ?');
    params.push(f.provinceCode);
  }
  if (f.entityCode) {
    parts.push('entity_code = ?');
    params.push(f.entityCode);
  }
  return { clause: parts.join(' AND '), params };
}

/** `count(*) FILTER (WHERE provenance = 'simulated')`, or NULL for a file without the column. */
function simulatedCount(hasProvenance: boolean): string {
  return hasProvenance ? `count(*) FILTER (WHERE provenance = 'simulated')::INTEGER` : 'NULL::INTEGER';
}

/**
 * Entities that reached each stage by `asOf` (definition.ts), and how many of those rows
 * are simulated. Stage 0 is 'eligible', so shares of all eligible entities and of the
 * previous stage both come from this one result. count(*) counts entities: loadEvents()
 * checks one row per entity and stage (3x faster than count(DISTINCT) over a million
 * rows; see BENCHMARKS.md).
 * @example funnelQuery('programme_events', { programme: 'piccoli', asOf: '2021-10-31' })
 */
export function funnelQuery(table: string, f: FunnelFilter, hasProvenance = true): BuiltQuery {
  const { clause, params } = where(f);
  return {
    sql:
      `SELECT stage_order::INTEGER AS stage_order, min(stage) AS stage, count(*)::INTEGER AS n, ` +
      `${simulatedCount(hasProvenance)} AS simulated ` +
      `FROM ${quoteIdent(table)} WHERE ${clause} GROUP BY stage_order ORDER BY stage_order`,
    params,
  };
}

/**
 * Per stage and day, the entities that reached the stage that day, within a funnel's
 * filter (no day bound): a running sum gives the count by each day, as definition.ts
 * defines it. For the trend; the ClickHouse dialect has the same (chTrendQuery).
 */
export function trendQuery(table: string, f: Omit<FunnelFilter, 'asOf'>, hasProvenance = true): BuiltQuery {
  const { clause, params } = where({ ...f, asOf: '9999-12-31' });
  return {
    sql:
      `SELECT stage_order::INTEGER AS stage_order, strftime(date, '%Y-%m-%d') AS date, count(*)::BIGINT AS n, ` +
      `${simulatedCount(hasProvenance)} AS simulated ` +
      `FROM ${quoteIdent(table)} WHERE ${clause} GROUP BY stage_order, date ORDER BY stage_order, date`,
    params,
  };
}

/** The first and last day with an event of the programme (the default `as-of` is the last). */
export function lastDateQuery(table: string, programme: string): BuiltQuery {
  return {
    sql:
      `SELECT strftime(min(date), '%Y-%m-%d') AS first, strftime(max(date), '%Y-%m-%d') AS last ` +
      `FROM ${quoteIdent(table)} WHERE programme = ?`,
    params: [programme],
  };
}

/**
 * The first entity that breaks the shape every count relies on: one row per stage, from
 * 0 up to the last it reached, none skipped or repeated. No row: the file is sound.
 */
export function eventsShapeQuery(table: string): BuiltQuery {
  return {
    sql:
      `SELECT programme, entity_code, count(*)::INTEGER AS n, count(DISTINCT stage_order)::INTEGER AS stages, ` +
      `min(stage_order)::INTEGER AS first, max(stage_order)::INTEGER AS last FROM ${quoteIdent(table)} ` +
      `GROUP BY programme, entity_code ` +
      `HAVING count(*) <> count(DISTINCT stage_order) OR min(stage_order) <> 0 OR max(stage_order) <> count(*) - 1 ` +
      `ORDER BY programme, entity_code LIMIT 1`,
    params: [],
  };
}

/** Provinces (with their regions) where a programme has entities: to resolve attribute values against. */
export function areasQuery(table: string, programme: string): BuiltQuery {
  return {
    sql:
      `SELECT DISTINCT province_code, province_sigla, province_name, region_code, region_name ` +
      `FROM ${quoteIdent(table)} WHERE programme = ? ORDER BY province_code`,
    params: [programme],
  };
}

/**
 * How a comune's name is compared with what a page wrote: no case, no accents, and any
 * run of characters other than letters and digits (straight or curly apostrophes,
 * hyphens, spaces) as one space, so "Sant’Ambrogio di Torino", "sant'ambrogio di torino"
 * and "Pont Canavese" find "Sant'Ambrogio di Torino" and "Pont-Canavese", while
 * "Treville" and "Tre Ville" stay two comuni. Letters of any script count.
 *
 * `nameKey` is the JavaScript the cube uses (src/query/resolve.ts pickEntity);
 * `NAME_KEY_SQL` the same function in DuckDB's SQL, of the column it is given:
 * strip_accents decomposes, drops every mark and composes again, as NFD, \p{M} and NFC
 * do; lower is a per-character mapping, as toLowerCase is one character at a time. The
 * test of the two (test/browser/data/sql/funnel.test.ts) runs every name of the bundled
 * data and names in other scripts through both.
 */
export function nameKey(s: string): string {
  const bare = s.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  let lower = '';
  for (const c of bare) lower += c.toLowerCase();
  return lower.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export const NAME_KEY_SQL = (column: string) => `trim(regexp_replace(lower(strip_accents(${column})), '[^\\p{L}\\p{N}]+', ' ', 'g'))`;

/**
 * The entities a `comune` attribute may name: by ISTAT code, or by name as `nameKey`
 * compares them (the key of the value is computed here and bound, never written into
 * the SQL). Every match, so that a name two provinces share can be refused listing both;
 * the caller picks the one (src/query/resolve.ts pickEntity).
 */
export function entityQuery(table: string, programme: string, codeOrName: string): BuiltQuery {
  return {
    sql:
      `SELECT DISTINCT entity_code, entity_name, province_code, region_code FROM ${quoteIdent(table)} ` +
      `WHERE programme = ? AND (entity_code = ? OR ${NAME_KEY_SQL('entity_name')} = ?) ORDER BY entity_code`,
    params: [programme, codeOrName, nameKey(codeOrName)],
  };
}

export function programmesQuery(table: string): BuiltQuery {
  return { sql: `SELECT DISTINCT programme FROM ${quoteIdent(table)} ORDER BY programme`, params: [] };
}
