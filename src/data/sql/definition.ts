/**
 * The one definition every number follows (data/SCHEMA.md, "What a count means"):
 *
 * - An entity **reached stage n by day d** when it has the row of stage n dated on or
 *   before d.
 * - An entity is **eligible at day d** when it reached stage 0 (`eligible`) by d: stage-0
 *   rows are dated at the programme start, so before the start nobody is eligible yet,
 *   and no area, funnel or map counts anyone.
 * - A share is (reached stage n by d) ÷ (eligible at d), within the same filter.
 *
 * The SQL builders (funnel.ts, map.ts) write this as `stage_order = n AND date <= d`;
 * the cube evaluator (src/query/cube-eval.ts) as `dates[n] <= d`. The parity test
 * (test/browser/parity.test.ts) holds both to the same numbers for every programme,
 * level and date.
 */

import type { SqlParam } from '../engine.js';

/** SQL text and the values bound to its `?` placeholders, in order. */
export interface BuiltQuery {
  sql: string;
  params: SqlParam[];
}

/** The predicate "reached by the day bound to the `?`", for a row of the events table. */
export const REACHED_BY_SQL = 'date <= CAST(? AS DATE)';

/**
 * The same predicate on one entity's stage dates, `dates[n]` being the day it reached
 * stage n: ISO days (they compare as strings) or day numbers, as the cube stores them.
 */
export function reachedBy<D extends string | number>(dates: readonly D[], order: number, asOf: D): boolean {
  const d = dates[order];
  return d !== undefined && d <= asOf;
}
