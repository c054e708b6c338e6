import { quoteIdent } from './quote.js';
import type { BuiltQuery } from './definition.js';

/**
 * The cube: what a page needs to answer every funnel, area and trend question of a
 * stage-events file without the engine (src/query/cube-eval.ts). It is the events table
 * grouped by entity: each entity once, with the day it reached each stage and whether
 * that row is simulated. Entities are ISTAT-coded comuni or provinces, so a programme has
 * at most ~8,000 of them however many rows the file has.
 *
 * Built in Node by `npm run data` and `piccoli-data import` (data/scripts/lib/cube.mjs)
 * with these very builders, over the file the cube describes.
 */

/**
 * One row per (programme, entity): name, province, and the stage dates and provenances
 * in stage order (`dates[n]` is the day stage n was reached). Relies on the shape
 * `eventsShapeQuery` checks (one row per stage from 0 up), which the import tool and the
 * data build enforce before any cube is written.
 */
export function cubeEntitiesQuery(table: string, hasProvenance = true): BuiltQuery {
  const simulated = hasProvenance ? `list(provenance = 'simulated' ORDER BY stage_order)` : `list(NULL::BOOLEAN ORDER BY stage_order)`;
  return {
    sql:
      `SELECT programme, entity_code, min(entity_name) AS entity_name, min(province_code) AS province_code, ` +
      `list(strftime(date, '%Y-%m-%d') ORDER BY stage_order) AS dates, ${simulated} AS simulated ` +
      `FROM ${quoteIdent(table)} GROUP BY programme, entity_code ORDER BY programme, entity_code`,
    params: [],
  };
}

/** Every province of the file with its sigla, name and region: the cube's area registry. */
export function cubeProvincesQuery(table: string): BuiltQuery {
  return {
    sql:
      `SELECT province_code, min(province_sigla) AS province_sigla, min(province_name) AS province_name, ` +
      `min(region_code) AS region_code, min(region_name) AS region_name FROM ${quoteIdent(table)} ` +
      `GROUP BY province_code ORDER BY province_code`,
    params: [],
  };
}

/** Stage ids of every programme of the file, in order. */
export function cubeStagesQuery(table: string): BuiltQuery {
  return {
    sql:
      `SELECT programme, stage_order::INTEGER AS stage_order, min(stage) AS stage FROM ${quoteIdent(table)} ` +
      `GROUP BY programme, stage_order ORDER BY programme, stage_order`,
    params: [],
  };
}
