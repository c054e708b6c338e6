/**
 * One cell of a DuckDB-WASM result as the text DuckDB itself prints for it (what
 * `CAST(x AS VARCHAR)` gives), dispatching on the Arrow type to number.ts, temporal.ts
 * and nested.ts; strings, booleans, blobs and ENUMs here. Pure: no DOM, no Lit.
 *
 * Why not `vector.get(i)`: apache-arrow 17 loses timestamp precision, misreads
 * intervals and returns decimals as raw words, so values are read from the buffers.
 */
import { T, isValid, locate, type ArrowDataLike, type ArrowVectorLike } from './arrow.js';
import { formatNested, isNestedType, quoteNested } from './nested.js';
import { decimalBigInt, formatDecimal, formatDouble, formatFloat32 } from './number.js';
import { formatDays, formatInterval, formatIntervalData, formatTimeOfDay, formatTimestamp, toMicros } from './temporal.js';

const utf8 = new TextDecoder();

/**
 * Row `row` of a column as DuckDB prints it, or `null` for SQL NULL (a distinct value:
 * the text 'NULL' and the empty string are strings).
 *
 * @example
 * formatCell(table.getChild('budget'), 0) // '1234567.50' for a DECIMAL(18,2)
 */
export function formatCell(v: ArrowVectorLike, row: number): string | null {
  const at = locate(v, row);
  if (!at) return null;
  return formatData(at[0], at[1]);
}

/** Row `i` of one chunk as DuckDB prints it at the top level, or null for NULL. */
export function formatData(d: ArrowDataLike, i: number): string | null {
  if (!isValid(d, i)) return null;
  return valueText(d, i);
}

/** The text of a valid value at the top level (strings unquoted). */
export function valueText(d: ArrowDataLike, i: number): string {
  const t = d.type;
  switch (t.typeId) {
    case T.Int:
      return String(d.values[i]!);
    case T.Float:
      return t.precision === 1 ? formatFloat32(Number(d.values[i])) : formatDouble(Number(d.values[i]));
    case T.Bool: {
      const j = d.offset + i;
      return ((d.values[j >> 3] as number) >> (j & 7)) & 1 ? 'true' : 'false';
    }
    case T.Utf8:
    case T.LargeUtf8:
      return utf8.decode(bytesAt(d, i));
    case T.Binary:
    case T.LargeBinary:
      return formatBlob(bytesAt(d, i));
    case T.FixedSizeBinary: {
      const w = t.bitWidth ? t.bitWidth / 8 : (d.values.length / d.length) | 0;
      return formatBlob((d.values as unknown as Uint8Array).subarray(i * w, (i + 1) * w));
    }
    case T.Decimal:
      return formatDecimal(decimalBigInt(d, i), t.scale ?? 0);
    case T.Date:
      // unit 0 = DAY (int32 days), 1 = MILLISECOND (int64 ms)
      return t.unit === 0 ? formatDays(Number(d.values[i])) : formatDays(Math.floor(Number(d.values[i]) / 86_400_000));
    case T.Time:
      return formatTimeOfDay(BigInt(d.values[i]!), t.unit ?? 2);
    case T.Timestamp:
      return formatTimestamp(BigInt(d.values[i]!), t.unit ?? 2, t.timezone);
    case T.Interval:
      return formatIntervalData(d, i);
    case T.Duration:
      return formatInterval(0, 0, toMicros(BigInt(d.values[i]!), t.unit ?? 2));
    case T.List:
    case T.FixedSizeList:
    case T.Struct:
    case T.Map:
      return formatNested(d, i, innerText);
    case T.Dictionary: {
      const v = d.dictionary?.get(Number(d.values[i]));
      return v == null ? '' : String(v);
    }
    case T.Null:
      return 'NULL';
    default:
      return String(d.values?.[i] ?? '');
  }
}

/**
 * A value inside a LIST/STRUCT/MAP: NULL spelled out, and any non-nested value's text
 * (a string, but also a timestamp with its colons) quoted when DuckDB would.
 */
function innerText(d: ArrowDataLike, i: number): string {
  if (!isValid(d, i)) return 'NULL';
  const s = valueText(d, i);
  return isNestedType(d.type.typeId) ? s : quoteNested(s, false);
}

function bytesAt(d: ArrowDataLike, i: number): Uint8Array {
  const o = d.valueOffsets!;
  return (d.values as unknown as Uint8Array).subarray(Number(o[i]), Number(o[i + 1]));
}

/** BLOB as DuckDB prints it: printable ASCII as is, other bytes as \xHH. */
export function formatBlob(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) {
    if (b >= 32 && b <= 126 && b !== 92 && b !== 39 && b !== 34) s += String.fromCharCode(b);
    else s += `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return s;
}
