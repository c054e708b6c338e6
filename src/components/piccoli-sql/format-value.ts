/**
 * Arrow values from DuckDB-WASM as the text DuckDB itself prints for them (what
 * `CAST(x AS VARCHAR)` gives): no rounding of BIGINT/HUGEINT beyond 2^53, DECIMAL with its
 * scale, timestamps to their own unit, INTERVAL as months/days/time, nested values with
 * DuckDB's quoting. Pure functions over Arrow `Data` chunks: no DOM, no Lit.
 *
 * Why not `vector.get(i)`: apache-arrow 17 turns timestamps into milliseconds (losing
 * micro- and nanoseconds), reads MONTH_DAY_NANO intervals as year-month pairs, and
 * returns decimals as raw 32-bit words. So values are read from the buffers here.
 */

/** The parts of an apache-arrow DataType this module reads (duck-typed: two copies of arrow may coexist). */
export interface ArrowTypeLike {
  typeId: number;
  unit?: number;
  scale?: number;
  bitWidth?: number;
  isSigned?: boolean;
  precision?: number;
  timezone?: string | null;
  children?: { name: string; type: ArrowTypeLike }[];
  dictionary?: ArrowTypeLike;
  toString(): string;
}

/** The parts of an apache-arrow Data chunk this module reads. */
export interface ArrowDataLike {
  type: ArrowTypeLike;
  length: number;
  offset: number;
  nullCount: number;
  values: ArrayLike<number | bigint> & { subarray?: unknown };
  valueOffsets?: Int32Array | BigInt64Array;
  children: ArrowDataLike[];
  dictionary?: { get(i: number): unknown };
  nullBitmap?: Uint8Array;
}

/** A column of a result: an apache-arrow Vector (its chunks). */
export interface ArrowVectorLike {
  type: ArrowTypeLike;
  length: number;
  data: readonly ArrowDataLike[];
}

// apache-arrow Type enum values (stable across versions).
export const T = {
  Null: 1,
  Int: 2,
  Float: 3,
  Binary: 4,
  Utf8: 5,
  Bool: 6,
  Decimal: 7,
  Date: 8,
  Time: 9,
  Timestamp: 10,
  Interval: 11,
  List: 12,
  Struct: 13,
  Union: 14,
  FixedSizeBinary: 15,
  FixedSizeList: 16,
  Map: 17,
  Duration: 18,
  LargeBinary: 19,
  LargeUtf8: 20,
  Dictionary: -1,
} as const;

const utf8 = new TextDecoder();

/** Whether row `i` of a chunk holds a value (not SQL NULL). */
export function isValid(d: ArrowDataLike, i: number): boolean {
  if (d.type.typeId === T.Null) return false;
  const bm = d.nullBitmap;
  if (!bm || bm.length === 0 || d.nullCount === 0) return true;
  const j = d.offset + i;
  return ((bm[j >> 3]! >> (j & 7)) & 1) === 1;
}

/** The chunk and the index within it of row `row` of a column. */
export function locate(v: ArrowVectorLike, row: number): [ArrowDataLike, number] | undefined {
  let i = row;
  for (const d of v.data) {
    if (i < d.length) return [d, i];
    i -= d.length;
  }
  return undefined;
}

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
  return text(d, i);
}

/** The text of a valid value (top level: strings unquoted). */
function text(d: ArrowDataLike, i: number): string {
  const t = d.type;
  switch (t.typeId) {
    case T.Int: {
      const x = d.values[i]!;
      return String(x);
    }
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
    case T.FixedSizeList: {
      const [start, end] = listRange(d, i);
      const child = d.children[0]!;
      const parts: string[] = [];
      for (let k = start; k < end; k++) parts.push(nested(child, k));
      return `[${parts.join(', ')}]`;
    }
    case T.Struct: {
      const fields = t.children ?? [];
      const parts = fields.map((f, k) => `${quoteNested(f.name, true)}: ${nested(d.children[k]!, i)}`);
      return `{${parts.join(', ')}}`;
    }
    case T.Map: {
      const [start, end] = listRange(d, i);
      const entries = d.children[0]!;
      const [keys, vals] = entries.children as [ArrowDataLike, ArrowDataLike];
      const parts: string[] = [];
      for (let k = start; k < end; k++) parts.push(`${nested(keys, k)}=${nested(vals, k)}`);
      return `{${parts.join(', ')}}`;
    }
    case T.Dictionary: {
      const key = Number(d.values[i]);
      const v = d.dictionary?.get(key);
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
function nested(d: ArrowDataLike, i: number): string {
  if (!isValid(d, i)) return 'NULL';
  const s = text(d, i);
  const id = d.type.typeId;
  const isNested = id === T.List || id === T.FixedSizeList || id === T.Struct || id === T.Map;
  return isNested ? s : quoteNested(s, false);
}

/**
 * DuckDB (1.1+) quotes a string inside a nested value when it would otherwise be
 * ambiguous: empty, "null" in any case, leading or trailing space, or one of ,[]{}'"():=.
 * Struct keys are always quoted. Quoted strings escape ' and \ with a backslash.
 */
export function quoteNested(s: string, always: boolean): string {
  const needs = always || s.length === 0 || s.toLowerCase() === 'null' || /^\s|\s$/.test(s) || /[,[\]{}'"():=]/.test(s);
  return needs ? `'${s.replace(/[\\']/g, (c) => `\\${c}`)}'` : s;
}

function bytesAt(d: ArrowDataLike, i: number): Uint8Array {
  const o = d.valueOffsets!;
  const start = Number(o[i]);
  const end = Number(o[i + 1]);
  return (d.values as unknown as Uint8Array).subarray(start, end);
}

function listRange(d: ArrowDataLike, i: number): [number, number] {
  if (d.type.typeId === T.FixedSizeList) {
    const size = (d.type as unknown as { listSize: number }).listSize;
    return [(d.offset + i) * size, (d.offset + i + 1) * size];
  }
  const o = d.valueOffsets!;
  return [Number(o[i]), Number(o[i + 1])];
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

/** A decimal's unscaled value: little-endian 32-bit words, two's complement. */
export function decimalBigInt(d: ArrowDataLike, i: number): bigint {
  const words = (d.type.bitWidth ?? 128) / 32;
  const v = d.values as unknown as Uint32Array;
  let x = 0n;
  for (let w = words - 1; w >= 0; w--) x = (x << 32n) | BigInt(v[i * words + w]!);
  const bits = BigInt(words * 32);
  if (x >> (bits - 1n)) x -= 1n << bits;
  return x;
}

/** 12345 with scale 2 -> "123.45"; -5 with scale 3 -> "-0.005". */
export function formatDecimal(unscaled: bigint, scale: number): string {
  const neg = unscaled < 0n;
  const digits = (neg ? -unscaled : unscaled).toString();
  if (scale <= 0) return (neg ? '-' : '') + digits;
  const padded = digits.padStart(scale + 1, '0');
  return `${neg ? '-' : ''}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
}

/**
 * A DOUBLE as DuckDB prints it: the shortest text that reads back to the same number,
 * fixed notation for exponents -5 < e < 16 (with ".0" on integers), else 1e+20 style.
 */
export function formatDouble(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  return layout(x.toExponential());
}

/** A FLOAT (32-bit): the shortest decimal that rounds to the same float32. */
export function formatFloat32(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  for (let p = 1; p <= 9; p++) {
    const e = x.toExponential(p - 1);
    if (Math.fround(Number(e)) === x) return layout(e);
  }
  return layout(x.toExponential(8));
}

/** "d.ddde±x" -> DuckDB's layout (Python repr rules). */
function layout(exp: string): string {
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(exp);
  if (!m) return exp;
  const [, sign, first, rest = '', e] = m;
  const digits = `${first}${rest}`.replace(/0+$/, '') || '0';
  const k = Number(e);
  if (k < -4 || k >= 16) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const ee = Math.abs(k).toString().padStart(2, '0');
    return `${sign}${mant}e${k < 0 ? '-' : '+'}${ee}`;
  }
  if (k < 0) return `${sign}0.${'0'.repeat(-k - 1)}${digits}`;
  if (digits.length <= k + 1) return `${sign}${digits.padEnd(k + 1, '0')}.0`;
  return `${sign}${digits.slice(0, k + 1)}.${digits.slice(k + 1)}`;
}

const pad2 = (n: number | bigint) => String(n).padStart(2, '0');

/** Days since 1970-01-01 -> YYYY-MM-DD (proleptic Gregorian; "(BC)" before year 1). */
export function formatDays(days: number): string {
  if (days === 2147483647) return 'infinity';
  if (days === -2147483647) return '-infinity';
  // Howard Hinnant's civil_from_days, exact for any int32 day count.
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y <= 0) return `${String(1 - y).padStart(4, '0')}-${pad2(m)}-${pad2(d)} (BC)`;
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

const UNIT_PER_SECOND = [1n, 1_000n, 1_000_000n, 1_000_000_000n];
const UNIT_DIGITS = [0, 3, 6, 9];

function toMicros(v: bigint, unit: number): bigint {
  return (v * 1_000_000n) / UNIT_PER_SECOND[unit]!;
}

/** ".5" for half a second, "" for none: the fraction with trailing zeros removed. */
function fraction(sub: bigint, unit: number): string {
  if (sub === 0n || UNIT_DIGITS[unit] === 0) return '';
  return `.${sub.toString().padStart(UNIT_DIGITS[unit]!, '0').replace(/0+$/, '')}`;
}

/** Time since midnight in the given Arrow unit -> HH:MM:SS[.fff]. */
export function formatTimeOfDay(v: bigint, unit: number): string {
  const per = UNIT_PER_SECOND[unit]!;
  const secs = v / per;
  const sub = v % per;
  return `${pad2(secs / 3600n)}:${pad2((secs / 60n) % 60n)}:${pad2(secs % 60n)}${fraction(sub, unit)}`;
}

const I64_MAX = 9223372036854775807n;

/**
 * A timestamp in the given Arrow unit (0 s, 1 ms, 2 µs, 3 ns) since the epoch. With a
 * time zone (DuckDB's TIMESTAMPTZ arrives as UTC) it is printed in UTC with "+00", as
 * DuckDB does with TimeZone = UTC.
 */
export function formatTimestamp(v: bigint, unit: number, timezone?: string | null): string {
  if (v === I64_MAX) return 'infinity';
  if (v === -I64_MAX) return '-infinity';
  const perDay = UNIT_PER_SECOND[unit]! * 86_400n;
  let days = v / perDay;
  let rest = v % perDay;
  if (rest < 0n) {
    rest += perDay;
    days -= 1n;
  }
  const date = formatDays(Number(days));
  const time = formatTimeOfDay(rest, unit);
  const bc = date.endsWith(' (BC)');
  const s = `${bc ? date.slice(0, -5) : date} ${time}${timezone ? '+00' : ''}`;
  return bc ? `${s} (BC)` : s;
}

/** An INTERVAL chunk row: DuckDB exports MONTH_DAY_NANO (int32 months, int32 days, int64 ns). */
function formatIntervalData(d: ArrowDataLike, i: number): string {
  const v = d.values as unknown as Int32Array;
  const unit = d.type.unit;
  if (unit === 0) return formatInterval(v[i]!, 0, 0n); // YEAR_MONTH
  if (unit === 1) return formatInterval(0, v[i * 2]!, BigInt(v[i * 2 + 1]!) * 1000n); // DAY_TIME (ms)
  const lo = BigInt(v[i * 4 + 2]! >>> 0);
  const hi = BigInt(v[i * 4 + 3]!);
  const nanos = (hi << 32n) | lo;
  return formatInterval(v[i * 4]!, v[i * 4 + 1]!, nanos / 1000n);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 || n === -1 ? '' : 's'}`;

/** "1 year 2 months 3 days 04:05:06.789", as DuckDB prints an INTERVAL. */
export function formatInterval(months: number, days: number, micros: bigint): string {
  const parts: string[] = [];
  const years = Math.trunc(months / 12);
  const mons = months - years * 12;
  if (years) parts.push(plural(years, 'year'));
  if (mons) parts.push(plural(mons, 'month'));
  if (days) parts.push(plural(days, 'day'));
  if (micros !== 0n) {
    const neg = micros < 0n;
    const m = neg ? -micros : micros;
    const secs = m / 1_000_000n;
    const hours = secs / 3600n;
    const sub = m % 1_000_000n;
    parts.push(`${neg ? '-' : ''}${pad2(hours)}:${pad2((secs / 60n) % 60n)}:${pad2(secs % 60n)}${fraction(sub, 2)}`);
  } else if (parts.length === 0) {
    parts.push('00:00:00');
  }
  return parts.join(' ');
}

/** How a column is shown and charted. */
export type ColumnKind = 'number' | 'bigint' | 'decimal' | 'temporal' | 'boolean' | 'text' | 'other';

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
      return text(d, i) === 'true' ? 1 : 0;
    case T.Decimal:
      return decimalBigInt(d, i);
    default:
      return text(d, i);
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
      return text(d, i) === 'true';
    default:
      return text(d, i);
  }
}

/**
 * Names of dictionary-encoded (ENUM) columns whose chunks point past their dictionary.
 * DuckDB-WASM 1.32 streams a result's dictionary in a batch that apache-arrow 17 attaches
 * to later batches only, so the first batches hold indexes into an empty dictionary.
 */
export function brokenDictionaryColumns(t: {
  schema: { fields: { name: string }[] };
  getChildAt(i: number): ArrowVectorLike | null;
}): string[] {
  const out: string[] = [];
  t.schema.fields.forEach((f, i) => {
    const v = t.getChildAt(i);
    if (!v || v.type.typeId !== T.Dictionary) return;
    const broken = v.data.some((d) => {
      const size = (d.dictionary as { length?: number } | undefined)?.length ?? 0;
      for (let k = 0; k < d.length; k++) if (isValid(d, k) && Number(d.values[k]) >= size) return true;
      return false;
    });
    if (broken) out.push(f.name);
  });
  return out;
}
