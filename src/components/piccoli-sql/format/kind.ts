/**
 * What a column is for the table and the chart: its kind (alignment, width, chart axes),
 * a sort key per row in the column's natural order, and a plain JS value per row for
 * Plot. Pure: no DOM, no Lit.
 */
import { T, isValid, locate, type ArrowTypeLike, type ArrowVectorLike } from './arrow.js';
import { valueText } from './cell.js';
import { decimalBigInt } from './number.js';
import { UNIT_PER_SECOND } from './temporal.js';

/** How a column is shown and charted. */
export type ColumnKind = 'number' | 'bigint' | 'decimal' | 'temporal' | 'boolean' | 'text' | 'other';

/** The kinds shown right-aligned and charted on a numeric scale. */
export const NUMERIC_KINDS: readonly ColumnKind[] = ['number', 'bigint', 'decimal'];

/** The kind of a column of Arrow type `t`; ENUMs of text are text. */
export function columnKind(t: ArrowTypeLike): ColumnKind {
  switch (t.typeId) {
    case T.Int:
      return (t.bitWidth ?? 32) > 32 ? 'bigint' : 'number';
    case T.Float:
      return 'number';
    case T.Decimal:
      return 'decimal';
    case T.Date:
    case T.Timestamp:
      return 'temporal';
    case T.Bool:
      return 'boolean';
    case T.Utf8:
    case T.LargeUtf8:
      return 'text';
    case T.Dictionary:
      return t.dictionary?.typeId === T.Utf8 ? 'text' : 'other';
    default:
      return 'other';
  }
}

/** A key that sorts like the value (numbers, bigints, strings), or null for NULL. */
export type SortKey = number | bigint | string | null;

/** Row `row` of a column as a sort key in the column's natural order. */
export function sortKey(v: ArrowVectorLike, row: number): SortKey {
  const at = locate(v, row);
  if (!at) return null;
  const [d, i] = at;
  if (!isValid(d, i)) return null;
  switch (d.type.typeId) {
    case T.Int:
    case T.Float:
    case T.Date:
    case T.Time:
    case T.Timestamp:
    case T.Duration:
      return d.values[i]!;
    case T.Bool:
      return valueText(d, i) === 'true' ? 1 : 0;
    case T.Decimal:
      return decimalBigInt(d, i);
    default:
      return valueText(d, i);
  }
}

/** Row `row` as a plain JS value for charts: numbers (lossy beyond 2^53 is fine there), Dates, strings. */
export function plotValue(v: ArrowVectorLike, row: number): number | Date | string | boolean | null {
  const at = locate(v, row);
  if (!at) return null;
  const [d, i] = at;
  if (!isValid(d, i)) return null;
  const t = d.type;
  switch (t.typeId) {
    case T.Int:
    case T.Float:
      return Number(d.values[i]);
    case T.Decimal:
      return Number(decimalBigInt(d, i)) / 10 ** (t.scale ?? 0);
    case T.Date:
      return new Date(t.unit === 0 ? Number(d.values[i]) * 86_400_000 : Number(d.values[i]));
    case T.Timestamp:
      return new Date(Number((BigInt(d.values[i]!) * 1000n) / UNIT_PER_SECOND[t.unit ?? 2]!));
    case T.Bool:
      return valueText(d, i) === 'true';
    default:
      return valueText(d, i);
  }
}
