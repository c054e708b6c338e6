import { REACHED_BY_SQL, type BuiltQuery } from './definition.js';
import { quoteIdent } from './quote.js';

/** Levels a map colours, and the fixed columns each one groups by (never from input). */
export type MapQueryLevel = 'region' | 'province' | 'comune';

const LEVEL_COLUMNS: Record<MapQueryLevel, { code: string; name: string }> = {
  region: { code: 'region_code', name: 'region_name' },
  province: { code: 'province_code', name: 'province_name' },
  comune: { code: 'entity_code', name: 'entity_name' },
};

export interface AreaMetricFilter {
  programme: string;
  level: MapQueryLevel;
  /** The stage whose reach is counted. */
  stageOrder: number;
  /** Count only events on or before this day (YYYY-MM-DD). */
  asOf: string;
}

export type { BuiltQuery };

/**
 * Per area: entities eligible at `asOf` and entities that reached `stageOrder` by `asOf`
 * (both by the one definition in definition.ts, as the funnel counts them), and how many
 * of the reached rows are simulated. Plain counts of rows are counts of entities because
 * loadEvents() checks that each entity has one row per stage and skips none;
 * count(DISTINCT) would cost 3x on large tables. Areas with nobody eligible at `asOf` are
 * absent: the map shows them as "no data", not as zero. `hasNames` is false for a file
 * without the name column of the level (names then come from the map).
 * @example areaMetricQuery('programme_events', { programme: 'piccoli', level: 'region', stageOrder: 1, asOf: '2021-10-31' })
 */
export function areaMetricQuery(table: string, f: AreaMetricFilter, hasNames = true, hasProvenance = true): BuiltQuery {
  const cols = LEVEL_COLUMNS[f.level];
  if (!cols) throw new TypeError(`invalid level: ${String(f.level)}`);
  const code = quoteIdent(cols.code);
  const name = hasNames ? `min(${quoteIdent(cols.name)})` : 'NULL::VARCHAR';
  const simulated = hasProvenance ? `count(*) FILTER (WHERE stage_order = ? AND provenance = 'simulated')::INTEGER` : 'NULL::INTEGER';
  return {
    sql:
      `SELECT ${code} AS code, ${name} AS name, ` +
      `count(*) FILTER (WHERE stage_order = 0)::INTEGER AS eligible, ` +
      `count(*) FILTER (WHERE stage_order = ?)::INTEGER AS reached, ` +
      `${simulated} AS simulated ` +
      `FROM ${quoteIdent(table)} WHERE programme = ? AND ${REACHED_BY_SQL} AND ${code} IS NOT NULL ` +
      `GROUP BY ${code} HAVING count(*) FILTER (WHERE stage_order = 0) > 0 ORDER BY ${code}`,
    params: hasProvenance ? [f.stageOrder, f.stageOrder, f.programme, f.asOf] : [f.stageOrder, f.programme, f.asOf],
  };
}

/** The stages of a programme present in a file, in order (empty: unknown programme). */
export function stagesQuery(table: string, programme: string): BuiltQuery {
  return {
    sql:
      `SELECT stage_order::INTEGER AS stage_order, min(stage) AS stage FROM ${quoteIdent(table)} ` +
      `WHERE programme = ? GROUP BY stage_order ORDER BY stage_order`,
    params: [programme],
  };
}

/** The name column a level's query reads, to check a file has it. */
export function nameColumn(level: MapQueryLevel): string {
  return LEVEL_COLUMNS[level].name;
}
