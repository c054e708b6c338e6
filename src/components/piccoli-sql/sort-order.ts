/**
 * The row order of the results table when sorted by one column: a click sorts
 * ascending, a second descending, a third restores DuckDB's order. NULLs last either
 * way; BIGINT and DECIMAL compare exactly; text in Italian collation with numbers read
 * as numbers. Pure: no DOM, no Lit.
 */
import type { ArrowVectorLike } from './format/arrow.js';
import { sortKey, type SortKey } from './format/kind.js';

/** A sorted column and its direction: 1 ascending, -1 descending. */
export interface SortState {
  column: number;
  dir: 1 | -1;
}

const collator = new Intl.Collator('it', { numeric: true });

/** The sort after a click on `column`: ascending, then descending, then none. */
export function nextSort(prev: SortState | undefined, column: number): SortState | undefined {
  if (prev?.column !== column) return { column, dir: 1 };
  return prev.dir === 1 ? { column, dir: -1 } : undefined;
}

/** Ascending or descending, NULLs last either way; bigints and numbers compare as numbers. */
export function compareKeys(a: SortKey, b: SortKey, dir: 1 | -1): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'string' || typeof b === 'string') return dir * collator.compare(String(a), String(b));
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) ? (Number.isNaN(b) ? 0 : dir) : -dir;
  return a < b ? -dir : a > b ? dir : 0;
}

/**
 * Row indexes of a column of `rows` rows in sorted order; equal keys keep their order.
 *
 * @example
 * sortOrder(table.getChildAt(0), table.numRows, -1) // Uint32Array [2, 0, 1] for 5, 1, 9
 */
export function sortOrder(v: ArrowVectorLike, rows: number, dir: 1 | -1): Uint32Array {
  const keys: SortKey[] = new Array(rows);
  for (let r = 0; r < rows; r++) keys[r] = sortKey(v, r);
  const order = new Uint32Array(rows);
  for (let r = 0; r < rows; r++) order[r] = r;
  return order.sort((a, b) => compareKeys(keys[a]!, keys[b]!, dir) || a - b);
}
