/**
 * ClickHouse HTTP results -> the Arrow tables the views already draw (issue 12). Pure: no
 * fetch, no DOM; the HTTP client hands over the response text (JSONCompact) or bytes
 * (ArrowStream) and gets back a Table.
 *
 * Mapping (ClickHouse type -> Arrow type, and what is read from JSONCompact):
 * - Int8/16/32, UInt8/16/32 -> the same Arrow ints. Int64/UInt64 -> Int64/Uint64 as BigInt,
 *   exact: ClickHouse quotes them by default (output_format_json_quote_64bit_integers),
 *   and unquoted ones are read from their source text (JSON.parse's reviver context, in
 *   Chromium since 114), or, where a browser lacks it, quoted before parsing by a scan that
 *   skips strings, so no value ever passes through a double.
 * - Int128/UInt128 -> Decimal(39, 0) in 256 bits: exact, and still a number to the views
 *   (right-aligned, sorted by value, charted), which text would not be. Int256/UInt256 ->
 *   Utf8 of the exact digits: up to 78 digits fit no Arrow decimal (Decimal256 holds 76,
 *   signed), so they stay text rather than wrap.
 * - Float32/Float64 -> Float32/Float64. "nan", "inf", "-inf" (written with
 *   output_format_json_quote_denormals=1) become NaN and ±Infinity. Without that setting
 *   ClickHouse writes all three as null: in a non-Nullable column that is NaN (which of
 *   the three it was is lost on the server); in a Nullable one it cannot be told from NULL.
 * - Decimal(P, S), Decimal32/64/128/256(S) -> Arrow Decimal(S, P), 128 bits (256 for
 *   P > 38), exact from the text ClickHouse writes unquoted. The console prints it with
 *   formatDecimal (format/number.ts) as it prints DuckDB's DECIMAL: every one of the S
 *   digits, "-1.50" for Decimal(9, 2), as ClickHouse writes it.
 * - Bool -> Bool. String, FixedString (NUL padding kept: it is the value), UUID, IPv4,
 *   IPv6, Enum8/16 (the name) -> Utf8.
 * - Date, Date32 -> DateDay. ClickHouse 18.16 writes day 0 as "0000-00-00": it is
 *   1970-01-01.
 * - DateTime, DateTime('tz') -> Timestamp(SECOND, tz), tz being the column's zone, else
 *   serverTimeZone. ClickHouse writes the wall clock in that zone; it becomes the instant
 *   through Intl (no library), cached per day (per hour on days with a change). In the
 *   hour repeated when clocks go back the text names two instants: the earlier is taken,
 *   as ClickHouse itself parses such a text. A zone this browser's Intl does not know
 *   leaves the column as Utf8 of the text rather than invent instants.
 *   DateTime64(p, tz) -> Timestamp in SECOND (p = 0), MILLISECOND (p <= 3), MICROSECOND
 *   (p <= 6) or NANOSECOND, with the fraction exact.
 * - Nullable(T) -> T, nullable. LowCardinality(T) -> T, plain: JSON carries values, not
 *   dictionaries, and every view reads plain columns (an ArrowStream's dictionaries are
 *   decoded the same way, so both formats give one schema).
 *   SimpleAggregateFunction(f, T) -> T.
 * - Array(T) -> List<T>, nested to any depth; Tuple(...) -> Struct (fields named as the
 *   tuple's, or "1", "2", ... as tupleElement numbers them), from a JSON array or object;
 *   Map(K, V) -> Map_<K, V> (JSON object order: integer-like keys come first).
 * - Nothing, Nullable(Nothing) -> Null; Array(Nothing) -> List<Null>.
 * - Anything else (AggregateFunction, Object('json'), Variant, Interval*, a type newer than
 *   this file) -> Utf8 of the value's JSON text (a string as is). Never an exception.
 *
 * Columns keep their names and order, duplicates included (ClickHouse gives `SELECT 1, 1`
 * two columns named "1"). A result cut short by an error (ClickHouse has already sent
 * 200 and appends "Code: ..." to the body) throws ClickHouseResultError with the server's
 * code and text.
 */
import {
  Binary,
  Bool,
  DataType,
  DateDay,
  Decimal,
  Field,
  Float32,
  Float64,
  Int,
  Int16,
  Int32,
  Int64,
  Int8,
  List,
  Map_,
  Null,
  RecordBatch,
  RecordBatchReader,
  Schema,
  Struct,
  Table,
  TimeUnit,
  Timestamp,
  Type,
  Uint16,
  Uint32,
  Uint64,
  Uint8,
  Utf8,
  makeData,
  type Data,
} from 'apache-arrow';

// ---------------------------------------------------------------------------------------
// Type names

/** A ClickHouse type name, parsed: `Decimal(18, 4)` is { name: 'Decimal', args: [18, 4] }. */
export interface ClickHouseType {
  name: string;
  args: ClickHouseTypeArg[];
}

/** One argument of a type: a type (named in a named Tuple), a quoted string (an Enum entry with its value), or a number. */
export type ClickHouseTypeArg =
  | { kind: 'type'; type: ClickHouseType; name?: string }
  | { kind: 'string'; value: string; enumValue?: number }
  | { kind: 'number'; value: number };

/**
 * Parses a ClickHouse type name as the server writes it in a result's meta or in
 * system.columns. Never throws: text it cannot read is a type named by the whole text
 * (which maps to Utf8).
 *
 * @example
 * parseClickHouseType("DateTime('Europe/Rome')") // { name: 'DateTime', args: [{ kind: 'string', value: 'Europe/Rome' }] }
 */
export function parseClickHouseType(text: string): ClickHouseType {
  let i = 0;
  const fail = (): never => {
    throw new SyntaxError(text);
  };
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const quoted = (q: string): string => {
    let s = '';
    i++;
    while (i < text.length && text[i] !== q) {
      if (text[i] === '\\' && i + 1 < text.length) {
        i++;
        const e = text[i]!;
        s += e === 'n' ? '\n' : e === 't' ? '\t' : e === '0' ? '\0' : e;
      } else s += text[i];
      i++;
    }
    if (text[i] !== q) fail();
    i++;
    return s;
  };
  const ident = (): string | null => {
    ws();
    if (text[i] === '`' || text[i] === '"') return quoted(text[i]!);
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (!m) return null;
    i += m[0].length;
    return m[0];
  };
  const number = (): number => {
    ws();
    const m = /^[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/.exec(text.slice(i));
    if (!m) fail();
    i += m![0].length;
    return Number(m![0]);
  };
  const type = (): ClickHouseType => {
    const name = ident() ?? fail();
    const args: ClickHouseTypeArg[] = [];
    ws();
    if (text[i] === '(') {
      i++;
      ws();
      if (text[i] === ')') i++;
      else
        for (;;) {
          args.push(arg());
          ws();
          if (text[i] === ',') i++;
          else if (text[i] === ')') {
            i++;
            break;
          } else fail();
        }
    }
    return { name, args };
  };
  const arg = (): ClickHouseTypeArg => {
    ws();
    const c = text[i];
    if (c === "'") {
      const value = quoted("'");
      ws();
      if (text[i] !== '=') return { kind: 'string', value };
      i++;
      return { kind: 'string', value, enumValue: number() };
    }
    if (c !== undefined && /[-+\d]/.test(c)) return { kind: 'number', value: number() };
    // `a UInt8` in a named Tuple: a name, then a type.
    const start = i;
    const first = ident() ?? fail();
    ws();
    if (/^[A-Za-z_`"]/.test(text[i] ?? '')) return { kind: 'type', name: first, type: type() };
    i = start;
    return { kind: 'type', type: type() };
  };
  try {
    const t = type();
    ws();
    if (i !== text.length) fail();
    return t;
  } catch {
    return { name: text.trim(), args: [] };
  }
}

const typeArgs = (t: ClickHouseType) => t.args.filter((a) => a.kind === 'type');
const numArg = (t: ClickHouseType, k: number) => {
  const a = t.args[k];
  return a?.kind === 'number' ? a.value : undefined;
};
const strArgs = (t: ClickHouseType) => t.args.filter((a) => a.kind === 'string');

// ---------------------------------------------------------------------------------------
// Columns: an Arrow type and the converter from JSON values to one Arrow chunk

/** A ClickHouse column type ready to convert: its Arrow type and the converter behind it. */
export interface ClickHouseColumn {
  /** The Arrow type of the converted column. */
  readonly type: DataType;
  /** Whether the column may hold NULL (a Nullable type, or Nothing). */
  readonly nullable: boolean;
  /**
   * JSON values of the column, as JSON.parse gives them (64-bit integers and decimals as
   * their text, NULL as null), to one Arrow chunk of `type`.
   */
  build(values: readonly unknown[]): Data;
  /**
   * Whether some value arrived as a JSON number that a double does not hold exactly (an
   * integer past 2^53, a decimal with more than 15 digits): the body must then be parsed
   * again keeping each number's text.
   */
  inexact?(values: readonly unknown[]): boolean;
}

/**
 * The Arrow type a ClickHouse type becomes (see the module comment for the mapping).
 *
 * @example
 * arrowTypeOf('Nullable(Decimal(18, 4))', 'UTC').toString() // 'Decimal[18e-4]'
 */
export function arrowTypeOf(chType: string, serverTimeZone: string): DataType {
  return clickhouseColumn(chType, serverTimeZone).type;
}

/** The Arrow type and the value converter of a ClickHouse type. */
export function clickhouseColumn(chType: string, serverTimeZone: string): ClickHouseColumn {
  return columnOf(parseClickHouseType(chType), serverTimeZone, false);
}

const isNull = (v: unknown): v is null | undefined => v === null || v === undefined;

interface Validity {
  bits: Uint8Array;
  nulls: number;
}
const validity = (n: number): Validity => ({ bits: new Uint8Array((n + 7) >> 3), nulls: 0 });
const setValid = (v: Validity, i: number) => {
  v.bits[i >> 3]! |= 1 << (i & 7);
};
const nullProps = (v: Validity) => ({ nullCount: v.nulls, nullBitmap: v.nulls ? v.bits : undefined });

function columnOf(t: ClickHouseType, tz: string, nullable: boolean): ClickHouseColumn {
  const inner = typeArgs(t);
  switch (t.name) {
    case 'Nullable':
      return inner[0] ? columnOf(inner[0].type, tz, true) : unknownColumn();
    case 'LowCardinality':
      return inner[0] ? columnOf(inner[0].type, tz, nullable) : unknownColumn();
    case 'SimpleAggregateFunction': {
      const last = t.args[t.args.length - 1];
      return last?.kind === 'type' && t.args.length >= 2 ? columnOf(last.type, tz, nullable) : unknownColumn();
    }
    case 'Int8':
      return intColumn(new Int8(), Int8Array, nullable);
    case 'Int16':
      return intColumn(new Int16(), Int16Array, nullable);
    case 'Int32':
      return intColumn(new Int32(), Int32Array, nullable);
    case 'UInt8':
      return intColumn(new Uint8(), Uint8Array, nullable);
    case 'UInt16':
      return intColumn(new Uint16(), Uint16Array, nullable);
    case 'UInt32':
      return intColumn(new Uint32(), Uint32Array, nullable);
    case 'Int64':
      return bigIntColumn(new Int64(), BigInt64Array, nullable);
    case 'UInt64':
      return bigIntColumn(new Uint64(), BigUint64Array, nullable);
    case 'Int128':
    case 'UInt128':
      return decimalColumn(39, 0, nullable);
    case 'Int256':
    case 'UInt256':
      return { ...utf8Column(nullable, integerText), inexact: inexactInteger };
    case 'Float32':
      return floatColumn(new Float32(), Float32Array, nullable);
    case 'Float64':
      return floatColumn(new Float64(), Float64Array, nullable);
    case 'Bool':
    case 'Boolean':
      return boolColumn(nullable);
    case 'Decimal': {
      const p = numArg(t, 0);
      return p === undefined ? unknownColumn() : decimalColumn(p, numArg(t, 1) ?? 0, nullable);
    }
    case 'Decimal32':
    case 'Decimal64':
    case 'Decimal128':
    case 'Decimal256': {
      const p = { Decimal32: 9, Decimal64: 18, Decimal128: 38, Decimal256: 76 }[t.name];
      return decimalColumn(p, numArg(t, 0) ?? 0, nullable);
    }
    case 'String':
    case 'FixedString':
    case 'UUID':
    case 'IPv4':
    case 'IPv6':
    case 'Enum8':
    case 'Enum16':
    case 'Enum':
      return utf8Column(nullable, plainText);
    case 'Date':
    case 'Date32':
      return dateColumn(nullable);
    case 'DateTime': {
      const zone = zoneOf(strArgs(t)[0]?.value ?? tz);
      return zone ? timestampColumn(0, zone, nullable) : utf8Column(nullable, plainText);
    }
    case 'DateTime64': {
      const p = numArg(t, 0) ?? 3;
      const zone = zoneOf(strArgs(t)[0]?.value ?? tz);
      return zone ? timestampColumn(p, zone, nullable) : utf8Column(nullable, plainText);
    }
    case 'Array':
      return inner[0] ? listColumn(columnOf(inner[0].type, tz, false), nullable) : unknownColumn();
    case 'Tuple':
      return inner.length === t.args.length && inner.length > 0
        ? structColumn(
            inner.map((a, k) => ({ name: a.name ?? String(k + 1), col: columnOf(a.type, tz, false) })),
            nullable,
          )
        : unknownColumn();
    case 'Map':
      return inner.length === 2
        ? mapColumn(columnOf(inner[0]!.type, tz, false), columnOf(inner[1]!.type, tz, false), nullable)
        : unknownColumn();
    case 'Nothing':
      return nullColumn();
    default:
      return unknownColumn();
  }
}

/** out[i] = convert(values[i]) for every value it converts; a null where it gives null. */
function fill<T>(values: readonly unknown[], out: { [i: number]: T }, convert: (v: unknown) => T | null): Validity {
  const valid = validity(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = convert(values[i]);
    if (x === null) {
      valid.nulls++;
      continue;
    }
    out[i] = x;
    setValid(valid, i);
  }
  return valid;
}

type IntArray = Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array;

function intColumn(type: DataType, Array_: new (n: number) => IntArray, nullable: boolean): ClickHouseColumn {
  return {
    type,
    nullable,
    build(values) {
      const out = new Array_(values.length);
      const valid = fill(values, out, (v) => {
        const x = typeof v === 'number' ? v : isNull(v) ? NaN : Number(v);
        return Number.isNaN(x) ? null : x;
      });
      return makeData({ type, length: values.length, ...nullProps(valid), data: out } as never);
    },
  };
}

/** A JSON value as an exact BigInt: from its text, or from a number (exact only when safe). */
function toBigInt(v: unknown): bigint | null {
  if (typeof v === 'string') {
    try {
      return BigInt(v.trim());
    } catch {
      return null;
    }
  }
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : null;
  if (typeof v === 'bigint') return v;
  return null;
}

/** Some value is a number past 2^53 (so not the integer its text said). */
const inexactInteger = (values: readonly unknown[]) => values.some((v) => typeof v === 'number' && !Number.isSafeInteger(v));

function bigIntColumn(type: DataType, Array_: BigInt64ArrayConstructor | BigUint64ArrayConstructor, nullable: boolean): ClickHouseColumn {
  return {
    type,
    nullable,
    inexact: inexactInteger,
    build(values) {
      const out = new Array_(values.length);
      const valid = fill(values, out, toBigInt);
      return makeData({ type, length: values.length, ...nullProps(valid), data: out } as never);
    },
  };
}

/** A float as ClickHouse writes it: a number, or "nan", "inf", "-inf" (quoted denormals). */
function toFloat(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return null;
  switch (v.trim().toLowerCase()) {
    case 'nan':
    case '-nan':
    case '+nan':
      return NaN;
    case 'inf':
    case '+inf':
    case 'infinity':
      return Infinity;
    case '-inf':
    case '-infinity':
      return -Infinity;
  }
  return Number(v);
}

function floatColumn(type: DataType, Array_: Float32ArrayConstructor | Float64ArrayConstructor, nullable: boolean): ClickHouseColumn {
  return {
    type,
    nullable,
    build(values) {
      const n = values.length;
      const out = new Array_(n);
      const valid = validity(n);
      for (let i = 0; i < n; i++) {
        const x = toFloat(values[i]);
        // null in a non-Nullable float column: nan or ±inf written without quotes.
        if (x === null && nullable) {
          valid.nulls++;
          continue;
        }
        out[i] = x ?? NaN;
        setValid(valid, i);
      }
      return makeData({ type, length: n, ...nullProps(valid), data: out } as never);
    },
  };
}

function boolColumn(nullable: boolean): ClickHouseColumn {
  const type = new Bool();
  return {
    type,
    nullable,
    build(values) {
      const n = values.length;
      const out = new Uint8Array((n + 7) >> 3);
      const valid = validity(n);
      for (let i = 0; i < n; i++) {
        const v = values[i];
        if (isNull(v)) {
          valid.nulls++;
          continue;
        }
        if (v === true || v === 1 || v === 'true' || v === '1') out[i >> 3]! |= 1 << (i & 7);
        setValid(valid, i);
      }
      return makeData({ type, length: n, ...nullProps(valid), data: out });
    },
  };
}

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * A decimal's text -> its unscaled value at `scale` ("-1.5" at scale 2 -> -150n), or null
 * when it is not a number. Digits beyond the scale are cut (ClickHouse writes exactly S).
 */
export function decimalUnscaled(v: unknown, scale: number): bigint | null {
  const s = typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;
  if (s === null) return null;
  const m = DECIMAL_TEXT.exec(s);
  if (!m || (m[2] === '' && !m[3])) return null;
  const [, sign, int = '', frac = '', exp] = m;
  const shift = scale + (exp ? Number(exp) : 0);
  let digits = int + frac;
  const point = int.length + shift; // where the point falls in `digits` once scaled
  if (point <= 0) return 0n;
  digits = point >= digits.length ? digits.padEnd(point, '0') : digits.slice(0, point);
  const x = BigInt(digits || '0');
  return sign === '-' ? -x : x;
}

const TWO32 = 4294967296;

/** Writes `x` in two's complement as `words` little-endian 32-bit words at `at`. */
function writeWords(out: Uint32Array, at: number, words: number, x: bigint) {
  if (x >= -9007199254740991n && x <= 9007199254740991n) {
    // Fast path for values that fit a double exactly.
    const n = Number(x);
    const a = Math.abs(n);
    let lo = a % TWO32;
    let hi = Math.floor(a / TWO32);
    let fill = 0;
    if (n < 0) {
      // -a = ~a + 1 across all words
      lo = (~lo >>> 0) + 1;
      hi = ~hi >>> 0;
      if (lo === TWO32) {
        lo = 0;
        hi = (hi + 1) >>> 0;
      }
      fill = 0xffffffff;
    }
    out[at] = lo;
    out[at + 1] = hi;
    for (let w = 2; w < words; w++) out[at + w] = fill;
    return;
  }
  let u = x < 0n ? (1n << BigInt(words * 32)) + x : x;
  for (let w = 0; w < words; w++) {
    out[at + w] = Number(u & 0xffffffffn);
    u >>= 32n;
  }
}

function decimalColumn(precision: number, scale: number, nullable: boolean): ClickHouseColumn {
  const bitWidth = precision > 38 ? 256 : 128;
  const words = bitWidth / 32;
  const type = new Decimal(scale, precision, bitWidth);
  // Below this a double holds a decimal of `scale` digits exactly: at most 15 digits in all.
  const bound = 10 ** (15 - scale);
  const factor = 10 ** scale;
  return {
    type,
    nullable,
    inexact: (values) => values.some((v) => typeof v === 'number' && !(Math.abs(v) < bound)),
    build(values) {
      const n = values.length;
      const out = new Uint32Array(n * words);
      const valid = validity(n);
      for (let i = 0; i < n; i++) {
        const v = values[i];
        // A number of at most 15 digits: v * 10^scale is within 0.25 of the integer it means.
        const x = typeof v === 'number' && Math.abs(v) < bound ? BigInt(Math.round(v * factor)) : decimalUnscaled(v, scale);
        if (x === null) {
          valid.nulls++;
          continue;
        }
        writeWords(out, i * words, words, x);
        setValid(valid, i);
      }
      return makeData({ type, length: n, ...nullProps(valid), data: out });
    },
  };
}

const plainText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));
const integerText = (v: unknown): string => (typeof v === 'number' && Number.isInteger(v) ? BigInt(v).toString() : plainText(v));

/** UTF-16 strings -> one UTF-8 buffer with offsets (lone surrogates as U+FFFD, as TextEncoder does). */
function encodeUtf8(texts: readonly (string | null)[]): { offsets: Int32Array; bytes: Uint8Array } {
  const n = texts.length;
  const offsets = new Int32Array(n + 1);
  let cap = 16;
  for (let i = 0; i < n; i++) cap += texts[i]?.length ?? 0;
  let bytes = new Uint8Array(cap);
  let p = 0;
  for (let i = 0; i < n; i++) {
    const s = texts[i];
    if (s) {
      const len = s.length;
      if (p + len * 3 > bytes.length) {
        const bigger = new Uint8Array(Math.max(bytes.length * 2, p + len * 3));
        bigger.set(bytes.subarray(0, p));
        bytes = bigger;
      }
      for (let k = 0; k < len; k++) {
        let c = s.charCodeAt(k);
        if (c < 0x80) bytes[p++] = c;
        else if (c < 0x800) {
          bytes[p++] = 0xc0 | (c >> 6);
          bytes[p++] = 0x80 | (c & 63);
        } else {
          if (c >= 0xd800 && c <= 0xdfff) {
            const d = k + 1 < len ? s.charCodeAt(k + 1) : 0;
            if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
              c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
              k++;
              bytes[p++] = 0xf0 | (c >> 18);
              bytes[p++] = 0x80 | ((c >> 12) & 63);
              bytes[p++] = 0x80 | ((c >> 6) & 63);
              bytes[p++] = 0x80 | (c & 63);
              continue;
            }
            c = 0xfffd;
          }
          bytes[p++] = 0xe0 | (c >> 12);
          bytes[p++] = 0x80 | ((c >> 6) & 63);
          bytes[p++] = 0x80 | (c & 63);
        }
      }
    }
    offsets[i + 1] = p;
  }
  return { offsets, bytes: bytes.subarray(0, p) };
}

function utf8Data(texts: readonly (string | null)[]): Data<Utf8> {
  const n = texts.length;
  const valid = validity(n);
  for (let i = 0; i < n; i++) {
    if (texts[i] === null) valid.nulls++;
    else setValid(valid, i);
  }
  const { offsets, bytes } = encodeUtf8(texts);
  return makeData({ type: new Utf8(), length: n, ...nullProps(valid), valueOffsets: offsets, data: bytes });
}

function utf8Column(nullable: boolean, text: (v: unknown) => string): ClickHouseColumn {
  return {
    type: new Utf8(),
    nullable,
    build(values) {
      const texts = new Array<string | null>(values.length);
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        texts[i] = isNull(v) ? null : typeof v === 'string' ? v : text(v);
      }
      return utf8Data(texts);
    },
  };
}

/** A type this module does not know: the value's JSON text, so nothing is lost or thrown. */
function unknownColumn(): ClickHouseColumn {
  return utf8Column(true, plainText);
}

function nullColumn(): ClickHouseColumn {
  const type = new Null();
  return { type, nullable: true, build: (values) => makeData({ type, length: values.length }) };
}

/** Days from 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const digitsAt = (s: string, from: number, count: number): number => {
  let x = 0;
  for (let k = from; k < from + count; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return NaN;
    x = x * 10 + c;
  }
  return x;
};

/** "YYYY-MM-DD" -> days since the epoch ("0000-00-00", ClickHouse 18.16's day 0, is 0). */
function dayOf(s: string): number {
  const y = digitsAt(s, 0, 4);
  const m = digitsAt(s, 5, 2);
  const d = digitsAt(s, 8, 2);
  if (Number.isNaN(y + m + d) || s[4] !== '-' || s[7] !== '-') return NaN;
  if (m === 0 && d === 0) return 0;
  return daysFromCivil(y, m, d);
}

function dateColumn(nullable: boolean): ClickHouseColumn {
  const type = new DateDay();
  return {
    type,
    nullable,
    build(values) {
      const n = values.length;
      const out = new Int32Array(n);
      const valid = validity(n);
      for (let i = 0; i < n; i++) {
        const v = values[i];
        const x = typeof v === 'string' ? dayOf(v) : typeof v === 'number' ? v : NaN;
        if (Number.isNaN(x)) {
          valid.nulls++;
          continue;
        }
        out[i] = x;
        setValid(valid, i);
      }
      return makeData({ type, length: n, ...nullProps(valid), data: out });
    },
  };
}

/**
 * A time zone's wall clock -> instants, through Intl. Offsets are cached per wall-clock day,
 * and per hour on a day whose offset changes; the hour itself is resolved value by value
 * only when the change falls inside it.
 */
class Zone {
  private readonly _days = new Map<number, number | null>();
  private readonly _hours = new Map<number, number | null>();
  constructor(
    readonly name: string,
    private readonly _fmt: Intl.DateTimeFormat | null,
  ) {}

  /** The zone's offset from UTC in seconds at the instant `utc` (seconds since the epoch). */
  offsetAt(utc: number): number {
    if (!this._fmt) return 0;
    const parts = this._fmt.formatToParts(new Date(utc * 1000));
    const f: Record<string, number> = {};
    for (const p of parts) if (p.type !== 'literal') f[p.type] = Number(p.value);
    const wall = Date.UTC(f.year!, f.month! - 1, f.day!, f.hour! % 24, f.minute!, f.second!) / 1000;
    return wall - utc;
  }

  /** The instant whose wall clock reads `wall` (seconds, as if UTC): the earlier of two, after a gap's start for none. */
  private _resolve(wall: number): number {
    const before = this.offsetAt(wall - 86400);
    const after = this.offsetAt(wall + 86400);
    let best: number | null = null;
    for (const o of before === after ? [before] : [before, after]) {
      const t = wall - o;
      if (this.offsetAt(t) === o && (best === null || t < best)) best = t;
    }
    return best ?? wall - before;
  }

  /** The instant (seconds since the epoch) whose wall clock in this zone reads `wall` (whole seconds, as if UTC). */
  instant(wall: number): number {
    if (!this._fmt) return wall;
    const day = Math.floor(wall / 86400);
    let o = this._days.get(day);
    if (o === undefined) {
      const start = day * 86400;
      const o1 = start - this._resolve(start);
      const o2 = start + 86399 - this._resolve(start + 86399);
      o = o1 === o2 ? o1 : null;
      this._days.set(day, o);
    }
    if (o !== null) return wall - o;
    const hour = Math.floor(wall / 3600);
    let h = this._hours.get(hour);
    if (h === undefined) {
      const start = hour * 3600;
      const o1 = start - this._resolve(start);
      const o2 = start + 3599 - this._resolve(start + 3599);
      h = o1 === o2 ? o1 : null;
      this._hours.set(hour, h);
    }
    return h !== null ? wall - h : this._resolve(wall);
  }
}

const zones = new Map<string, Zone | null>();

/** The zone named `name`, or null when this browser's Intl does not know it. */
function zoneOf(name: string): Zone | null {
  let z = zones.get(name);
  if (z !== undefined) return z;
  if (/^(UTC|Etc\/UTC|Etc\/GMT|GMT|UCT|Etc\/UCT|Universal|Zulu|Etc\/Universal|Etc\/Zulu)$/.test(name)) z = new Zone(name, null);
  else {
    try {
      const fmt = new Intl.DateTimeFormat('en-US', {
        timeZone: name,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
      z = new Zone(name, fmt);
    } catch {
      z = null;
    }
  }
  zones.set(name, z);
  return z;
}

const UNIT_DIGITS = [0, 3, 6, 9];

/**
 * A DateTime or DateTime64 text in a zone -> [whole seconds since the epoch, fraction
 * digits]. "YYYY-MM-DD hh:mm:ss[.f...]", or ISO with "T" and "Z"; digits alone are epoch
 * seconds (date_time_output_format='unix_timestamp'). "0000-00-00 00:00:00" is 0.
 */
function instantOf(s: string, zone: Zone): [number, string] | null {
  if (/^-?\d+(\.\d+)?$/.test(s)) {
    const [w, f = ''] = s.split('.');
    return [Number(w), f];
  }
  const day = dayOf(s);
  const sep = s[10];
  if (Number.isNaN(day) || (sep !== ' ' && sep !== 'T') || s[13] !== ':' || s[16] !== ':') return null;
  const hh = digitsAt(s, 11, 2);
  const mm = digitsAt(s, 14, 2);
  const ss = digitsAt(s, 17, 2);
  if (Number.isNaN(hh + mm + ss)) return null;
  let rest = s.slice(19);
  let frac = '';
  if (rest[0] === '.') {
    const m = /^\.(\d*)/.exec(rest)!;
    frac = m[1]!;
    rest = rest.slice(m[0].length);
  }
  if (s.startsWith('0000-00-00')) return [0, frac];
  const wall = day * 86400 + hh * 3600 + mm * 60 + ss;
  if (rest === 'Z') return [wall, frac];
  if (rest !== '') return null;
  return [zone.instant(wall), frac];
}

function timestampColumn(precision: number, zone: Zone, nullable: boolean): ClickHouseColumn {
  const unit =
    precision <= 0 ? TimeUnit.SECOND : precision <= 3 ? TimeUnit.MILLISECOND : precision <= 6 ? TimeUnit.MICROSECOND : TimeUnit.NANOSECOND;
  const digits = UNIT_DIGITS[unit]!;
  const per = 10 ** digits;
  const type = new Timestamp(unit, zone.name);
  return {
    type,
    nullable,
    build(values) {
      const n = values.length;
      const out = new BigInt64Array(n);
      const valid = validity(n);
      for (let i = 0; i < n; i++) {
        const v = values[i];
        const at =
          typeof v === 'string' ? instantOf(v, zone) : typeof v === 'number' && Number.isInteger(v) ? ([v, ''] as [number, string]) : null;
        if (!at) {
          valid.nulls++;
          continue;
        }
        const [secs, frac] = at;
        const sub = frac ? Number(frac.slice(0, digits).padEnd(digits, '0')) : 0;
        // Seconds times 10^9 pass 2^53: BigInt once past the millisecond.
        out[i] = digits <= 3 ? BigInt(secs * per + sub) : BigInt(secs) * BigInt(per) + BigInt(sub);
        setValid(valid, i);
      }
      return makeData({ type, length: n, ...nullProps(valid), data: out });
    },
  };
}

function listColumn(child: ClickHouseColumn, nullable: boolean): ClickHouseColumn {
  const type = new List(new Field('item', child.type, child.nullable));
  return {
    type,
    nullable,
    inexact: child.inexact && ((values) => child.inexact!(values.flatMap((v) => (Array.isArray(v) ? v : [])))),
    build(values) {
      const n = values.length;
      const offsets = new Int32Array(n + 1);
      const flat: unknown[] = [];
      const valid = validity(n);
      for (let i = 0; i < n; i++) {
        const v = values[i];
        if (Array.isArray(v)) {
          for (const x of v) flat.push(x);
          setValid(valid, i);
        } else valid.nulls++;
        offsets[i + 1] = flat.length;
      }
      return makeData({ type, length: n, ...nullProps(valid), valueOffsets: offsets, child: child.build(flat) });
    },
  };
}

function structColumn(fields: { name: string; col: ClickHouseColumn }[], nullable: boolean): ClickHouseColumn {
  const type = new Struct(fields.map((f) => new Field(f.name, f.col.type, f.col.nullable)));
  const element = (v: unknown, k: number) =>
    Array.isArray(v) ? v[k] : v && typeof v === 'object' ? (v as Record<string, unknown>)[fields[k]!.name] : null;
  return {
    type,
    nullable,
    inexact: fields.some((f) => f.col.inexact)
      ? (values) => fields.some((f, k) => f.col.inexact?.(values.map((v) => element(v, k))))
      : undefined,
    build(values) {
      const n = values.length;
      const valid = validity(n);
      const parts = fields.map(() => new Array<unknown>(n).fill(null));
      for (let i = 0; i < n; i++) {
        const v = values[i];
        if (Array.isArray(v)) fields.forEach((_, k) => (parts[k]![i] = v[k]));
        else if (v && typeof v === 'object') fields.forEach((f, k) => (parts[k]![i] = (v as Record<string, unknown>)[f.name]));
        else {
          valid.nulls++;
          continue;
        }
        setValid(valid, i);
      }
      return makeData({ type, length: n, ...nullProps(valid), children: fields.map((f, k) => f.col.build(parts[k]!)) });
    },
  };
}

function mapColumn(key: ClickHouseColumn, value: ClickHouseColumn, nullable: boolean): ClickHouseColumn {
  const entries = new Struct([new Field('key', key.type, false), new Field('value', value.type, value.nullable)]);
  const type = new Map_(new Field('entries', entries, false));
  return {
    type,
    nullable,
    inexact: value.inexact && ((values) => value.inexact!(values.flatMap((v) => (v && typeof v === 'object' ? Object.values(v) : [])))),
    build(values) {
      const n = values.length;
      const offsets = new Int32Array(n + 1);
      const keys: unknown[] = [];
      const vals: unknown[] = [];
      const valid = validity(n);
      for (let i = 0; i < n; i++) {
        const v = values[i];
        if (v && typeof v === 'object' && !Array.isArray(v)) {
          for (const [k, x] of Object.entries(v)) {
            keys.push(k);
            vals.push(x);
          }
          setValid(valid, i);
        } else valid.nulls++;
        offsets[i + 1] = keys.length;
      }
      const child = makeData({ type: entries, length: keys.length, nullCount: 0, children: [key.build(keys), value.build(vals)] });
      return makeData({ type, length: n, ...nullProps(valid), valueOffsets: offsets, child });
    },
  };
}

// ---------------------------------------------------------------------------------------
// JSONCompact

/** A result ClickHouse could not finish, or a body that is not the format asked for. */
export class ClickHouseResultError extends Error {
  override readonly name = 'ClickHouseResultError';
  constructor(
    message: string,
    /** ClickHouse's error code ("Code: 241" -> 241) when the body ends with the server's exception. */
    readonly code: number | null = null,
    /** The server's exception text, as sent. */
    readonly serverText: string | null = null,
  ) {
    super(message);
  }
}

/** What a JSONCompact response says besides its rows. */
export interface ClickHouseStatistics {
  elapsed?: number;
  rows_read?: number;
  bytes_read?: number;
}

/** A JSONCompact response as a table, with what the server said about it. */
export interface ClickHouseResult {
  table: Table;
  /** The rows the query would have had without its LIMIT (at least), when the server said. */
  rowsBeforeLimitAtLeast?: number;
  statistics?: ClickHouseStatistics;
}

/** Options for tests and odd browsers. */
export interface JSONCompactOptions {
  /**
   * Read unquoted big numbers through JSON.parse's source text (true), or quote them with a
   * scan before parsing (false). Defaults to what the browser supports.
   */
  sourceText?: boolean;
}

let sourceTextSupport: boolean | undefined;

/** Whether JSON.parse hands the reviver each value's source text (Chromium 114+, Firefox 135+, Safari 18.4+). */
export function hasJSONSourceText(): boolean {
  if (sourceTextSupport === undefined) {
    sourceTextSupport = false;
    try {
      JSON.parse('1', ((_k: string, v: unknown, c?: { source?: unknown }) => {
        sourceTextSupport = typeof c?.source === 'string';
        return v;
      }) as never);
    } catch {
      sourceTextSupport = false;
    }
  }
  return sourceTextSupport;
}

/**
 * Quotes every number that a double would not hold exactly (more than 15 characters, or a
 * fraction or exponent), leaving strings alone: the fallback for browsers without
 * JSON.parse source text.
 */
function quoteInexactNumbers(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*/g, (m) =>
    m.charCodeAt(0) === 34 || (m.length <= 15 && !/[.eE]/.test(m)) ? m : `"${m}"`,
  );
}

/** Keeps a number's own text unless a double holds it exactly (a short integer). */
function exactReviver(_key: string, value: unknown, context?: { source?: string }): unknown {
  if (typeof value !== 'number') return value;
  const src = context?.source;
  return src === undefined || (src.length <= 15 && Number.isInteger(value)) ? value : src;
}

/** The server's exception at the end of a body: "Code: 395, e.displayText() = DB::Exception: ..." (18.x) or "Code: 395. DB::Exception: ..." (newer). */
function serverException(text: string): ClickHouseResultError | null {
  const tail = text.slice(-8192);
  // The last "Code: N," or "Code: N." : whatever precedes it (a row, Arrow bytes) was cut.
  let m: RegExpExecArray | null = null;
  for (const x of tail.matchAll(/Code: (\d+)[.,] /g)) m = x;
  if (!m) return null;
  const serverText = tail.slice(m.index).trim();
  return new ClickHouseResultError(`ClickHouse stopped the result: ${serverText}`, Number(m[1]), serverText);
}

interface JSONCompactBody {
  meta?: { name: string; type: string }[];
  data?: unknown[];
  rows?: number;
  rows_before_limit_at_least?: number;
  statistics?: ClickHouseStatistics;
  exception?: string;
}

/** Field metadata key holding a column's ClickHouse type name as the server wrote it (`Nullable(String)`). */
export const CLICKHOUSE_TYPE_KEY = 'clickhouse.type';

/**
 * A JSONCompact (or JSON) response body -> an Arrow Table with the result's columns in
 * their order, duplicates kept, each typed as the module comment says. `serverTimeZone` is
 * the zone DateTime columns without their own are written in (the server's `timezone()`).
 * Throws ClickHouseResultError when the body is cut by a server error or is not JSON.
 *
 * @example
 * const res = await fetch('/ch/?default_format=JSONCompact', { method: 'POST', body: sql });
 * const { table } = tableFromJSONCompact(await res.text(), 'Europe/Rome');
 */
export function tableFromJSONCompact(text: string, serverTimeZone: string, options: JSONCompactOptions = {}): ClickHouseResult {
  if (/^\s*Code: \d+/.test(text)) throw serverException(text)!;
  const parse = (exact: boolean): JSONCompactBody => {
    try {
      if (!exact) return JSON.parse(text);
      if (options.sourceText ?? hasJSONSourceText()) return JSON.parse(text, exactReviver as never);
      return JSON.parse(quoteInexactNumbers(text));
    } catch (e) {
      throw serverException(text) ?? new ClickHouseResultError(`Not a ClickHouse JSON result: ${(e as Error).message}`);
    }
  };
  // A plain parse first: ClickHouse quotes 64-bit integers, and most decimals have at most
  // 15 digits, so a double holds them all. Only when one does not (the columns say which)
  // is the body parsed again keeping each number's text: that costs several times more.
  let body = parse(false);
  if (body?.exception) throw serverException(body.exception) ?? new ClickHouseResultError(body.exception, null, body.exception);
  if (!body || !Array.isArray(body.meta) || !Array.isArray(body.data))
    throw new ClickHouseResultError('Not a ClickHouse JSON result: no "meta" and "data"');
  const meta = body.meta;
  const cols = meta.map((m) => clickhouseColumn(String(m.type), serverTimeZone));
  const valuesOf = (rows: unknown[], c: number) => {
    const name = meta[c]!.name;
    const values = new Array<unknown>(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      values[r] = Array.isArray(row) ? row[c] : (row as Record<string, unknown> | null)?.[name];
    }
    return values;
  };
  let columns = cols.map((_, c) => valuesOf(body.data!, c));
  if (cols.some((col, c) => col.inexact?.(columns[c]!))) {
    body = parse(true);
    columns = cols.map((_, c) => valuesOf(body.data!, c));
  }
  const n = body.data!.length;
  const fields: Field[] = [];
  const children: Data[] = [];
  cols.forEach((col, c) => {
    const data = col.build(columns[c]!);
    children.push(data);
    // The server's own type name travels with the column: the console's header shows it.
    const typeName = new Map([[CLICKHOUSE_TYPE_KEY, String(meta[c]!.type)]]);
    fields.push(new Field(String(meta[c]!.name), col.type, col.nullable || data.nullCount > 0, typeName));
  });
  const result: ClickHouseResult = { table: tableOf(fields, children, n) };
  if (typeof body.rows_before_limit_at_least === 'number') result.rowsBeforeLimitAtLeast = body.rows_before_limit_at_least;
  if (body.statistics && typeof body.statistics === 'object') result.statistics = body.statistics;
  return result;
}

function tableOf(fields: Field[], children: Data[], length: number): Table {
  const schema = new Schema(fields);
  const data = makeData({ type: new Struct(fields), length, nullCount: 0, children });
  return new Table(schema, [new RecordBatch(schema, data)]);
}

// ---------------------------------------------------------------------------------------
// ArrowStream

/** Options of tableFromArrowStream. */
export interface ArrowStreamOptions {
  /**
   * The result's ClickHouse types, column by column (from a JSONCompact "meta", DESCRIBE,
   * or system.columns). ClickHouse's Arrow output writes Date as UInt16 days, DateTime as
   * UInt32 seconds, Enum as its Int8/Int16 code, IPv4 as UInt32 and (U)Int128/256, IPv6
   * and (newer servers) FixedString as fixed-size binary: only the type names say which,
   * so with them those columns become what JSONCompact gives; without them they stay as
   * the stream has them.
   */
  types?: readonly string[];
  /** The zone of DateTime columns without their own (with `types`). Default 'UTC'. */
  serverTimeZone?: string;
}

/**
 * An ArrowStream response (newer servers) -> the same kind of Table as tableFromJSONCompact:
 * Binary columns (ClickHouse's String) become Utf8, dictionary columns (LowCardinality with
 * output_format_arrow_low_cardinality_as_dictionary) are decoded to plain ones, nested
 * lists, structs and maps likewise; with `types`, Date, DateTime, Enum, IPv4, FixedString and
 * wide integers are restored too. A stream cut by a server error throws ClickHouseResultError.
 */
export async function tableFromArrowStream(
  bytes: Uint8Array | ReadableStream<Uint8Array>,
  options: ArrowStreamOptions = {},
): Promise<Table> {
  const tail = new TailKeeper();
  const whole = ArrayBuffer.isView(bytes) ? bytes : null;
  const source = whole ?? (bytes as ReadableStream<Uint8Array>).pipeThrough(tail.transform());
  let schema: Schema;
  const batches: RecordBatch[] = [];
  try {
    if (whole && /^\s*Code: \d+/.test(asciiHead(whole))) throw new Error('server error');
    const from = RecordBatchReader.from as (s: unknown) => RecordBatchReader | Promise<RecordBatchReader>;
    const reader = await from(source);
    await reader.open();
    // Read before the batches: a reader that has reached its end forgets its schema.
    schema = reader.schema;
    for await (const b of reader as AsyncIterable<RecordBatch>) batches.push(b);
  } catch (e) {
    const end = whole ? whole.subarray(Math.max(0, whole.length - 8192)) : tail.bytes();
    throw (
      serverException(new TextDecoder().decode(end)) ??
      new ClickHouseResultError(`Not a ClickHouse ArrowStream result: ${(e as Error).message}`)
    );
  }
  const tz = options.serverTimeZone ?? 'UTC';
  const hints = schema.fields.map((_, k) => {
    const t = options.types?.[k];
    return t === undefined ? undefined : parseClickHouseType(t);
  });
  const columns = schema.fields.map((f, k) =>
    batches.length
      ? batches.map((b) => normalize(b.data.children[k]!, hints[k], tz))
      : [normalize(makeData({ type: f.type, length: 0 } as never), hints[k], tz)],
  );
  const fields = schema.fields.map(
    (f, k) => new Field(f.name, columns[k]![0]!.type, f.nullable || columns[k]!.some((d) => d.nullCount > 0)),
  );
  const out = new Schema(fields);
  const outBatches = (batches.length ? batches : [null]).map((b, i) => {
    const length = b?.numRows ?? 0;
    return new RecordBatch(out, makeData({ type: new Struct(fields), length, nullCount: 0, children: columns.map((c) => c[i]!) }));
  });
  return new Table(out, outBatches);
}

function asciiHead(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes.subarray(0, 16));
}

/** Passes a stream through, keeping its last 8 KB: where ClickHouse writes its exception. */
class TailKeeper {
  private _chunks: Uint8Array[] = [];
  private _size = 0;
  transform(): TransformStream<Uint8Array, Uint8Array> {
    return new TransformStream({
      transform: (chunk, ctl) => {
        this._chunks.push(chunk);
        this._size += chunk.length;
        while (this._chunks.length > 1 && this._size - this._chunks[0]!.length >= 8192) this._size -= this._chunks.shift()!.length;
        ctl.enqueue(chunk);
      },
    });
  }
  bytes(): Uint8Array {
    const all = new Uint8Array(this._size);
    let p = 0;
    for (const c of this._chunks) {
      all.set(c, p);
      p += c.length;
    }
    return all.subarray(Math.max(0, all.length - 8192));
  }
}

/** Unwraps Nullable and LowCardinality (the stream's own types say nullable and dictionary). */
function bare(t: ClickHouseType | undefined): ClickHouseType | undefined {
  while (t && (t.name === 'Nullable' || t.name === 'LowCardinality') && t.args[0]?.kind === 'type') t = t.args[0].type;
  return t;
}

/** One chunk of a ClickHouse ArrowStream column -> the type tableFromJSONCompact gives it. */
function normalize(d: Data, hint: ClickHouseType | undefined, tz: string): Data {
  const h = bare(hint);
  const t = d.type;
  switch (t.typeId) {
    case Type.Dictionary: {
      const plain = decodeDictionary(d);
      return plain === d ? d : normalize(plain, hint, tz);
    }
    case Type.Binary:
      return d.clone(new Utf8());
    case Type.FixedSizeBinary:
      return h ? fixedBinary(d, h) : d;
    case Type.Int: {
      if (!h) return d;
      const bits = (t as Int).bitWidth;
      if (h.name === 'Date' && bits === 16) return mapInts(d, new DateDay(), Int32Array, (x) => x);
      if (h.name === 'DateTime' && bits === 32) {
        const zone = zoneOf(strArgs(h)[0]?.value ?? tz);
        if (zone) return mapInts(d, new Timestamp(TimeUnit.SECOND, zone.name), BigInt64Array, (x) => BigInt(x));
      }
      if (h.name === 'Enum8' || h.name === 'Enum16' || h.name === 'Enum') {
        const names = new Map(strArgs(h).map((a) => [a.enumValue, a.value]));
        return intsToText(d, (x) => names.get(x) ?? String(x));
      }
      if (h.name === 'IPv4' && bits === 32) return intsToText(d, (x) => [x >>> 24, (x >>> 16) & 255, (x >>> 8) & 255, x & 255].join('.'));
      return d;
    }
    case Type.List: {
      const inner = h?.name === 'Array' && h.args[0]?.kind === 'type' ? h.args[0].type : undefined;
      const child = normalize(d.children[0]!, inner, tz);
      const f = (t as List).children[0]!;
      return d.clone(new List(new Field(f.name, child.type, f.nullable)), d.offset, d.length, d.nullCount, undefined, [child]);
    }
    case Type.Struct: {
      const hs = h?.name === 'Tuple' ? typeArgs(h) : [];
      const kids = d.children.map((c, k) => normalize(c, hs[k]?.type, tz));
      const fs = (t as Struct).children.map((f, k) => new Field(f.name, kids[k]!.type, f.nullable));
      return d.clone(new Struct(fs), d.offset, d.length, d.nullCount, undefined, kids);
    }
    case Type.Map: {
      const hs = h?.name === 'Map' ? typeArgs(h) : [];
      const entries = d.children[0]!;
      const [k, v] = entries.children.map((c, i) => normalize(c, hs[i]?.type, tz)) as [Data, Data];
      const ef = (t as Map_).children[0]!;
      const [kf, vf] = (ef.type as Struct).children as [Field, Field];
      const st = new Struct([new Field(kf.name, k.type, kf.nullable), new Field(vf.name, v.type, vf.nullable)]);
      const e2 = entries.clone(st, entries.offset, entries.length, entries.nullCount, undefined, [k, v]);
      return d.clone(new Map_(new Field(ef.name, st, ef.nullable), (t as Map_).keysSorted), d.offset, d.length, d.nullCount, undefined, [
        e2,
      ]);
    }
    default:
      return d;
  }
}

const isValidAt = (d: Data, i: number) =>
  d.nullCount === 0 ||
  !d.nullBitmap ||
  d.nullBitmap.length === 0 ||
  ((d.nullBitmap[(d.offset + i) >> 3]! >> ((d.offset + i) & 7)) & 1) === 1;

function validityOf(d: Data): Validity {
  const valid = validity(d.length);
  for (let i = 0; i < d.length; i++) {
    if (isValidAt(d, i)) setValid(valid, i);
    else valid.nulls++;
  }
  return valid;
}

function mapInts<T extends DataType>(
  d: Data,
  type: T,
  Array_: Int32ArrayConstructor | BigInt64ArrayConstructor,
  f: (x: number) => number | bigint,
): Data {
  const src = d.values as ArrayLike<number>;
  const out = new Array_(d.length);
  for (let i = 0; i < d.length; i++) (out as unknown as (number | bigint)[])[i] = f(Number(src[i]));
  return makeData({ type, length: d.length, ...nullProps(validityOf(d)), data: out } as never);
}

function intsToText(d: Data, f: (x: number) => string): Data {
  const src = d.values as ArrayLike<number>;
  const texts = new Array<string | null>(d.length);
  for (let i = 0; i < d.length; i++) texts[i] = isValidAt(d, i) ? f(Number(src[i])) : null;
  return utf8Data(texts);
}

const utf8Decoder = new TextDecoder();

/** FixedSizeBinary with a ClickHouse type: FixedString as text, IPv6 and UUID as ClickHouse writes them, wide integers exact. */
function fixedBinary(d: Data, h: ClickHouseType): Data {
  const width = (d.type as unknown as { byteWidth: number }).byteWidth;
  const bytes = d.values as Uint8Array;
  const at = (i: number) => bytes.subarray(i * width, (i + 1) * width);
  const n = d.length;
  switch (h.name) {
    case 'FixedString':
    case 'String': {
      const texts = new Array<string | null>(n);
      for (let i = 0; i < n; i++) texts[i] = isValidAt(d, i) ? utf8Decoder.decode(at(i)) : null;
      return utf8Data(texts);
    }
    case 'Int128':
    case 'UInt128': {
      const words = 8;
      const out = new Uint32Array(n * words);
      for (let i = 0; i < n; i++) writeWords(out, i * words, words, littleEndian(at(i), h.name === 'Int128'));
      return makeData({ type: new Decimal(0, 39, 256), length: n, ...nullProps(validityOf(d)), data: out });
    }
    case 'Int256':
    case 'UInt256': {
      const texts = new Array<string | null>(n);
      for (let i = 0; i < n; i++) texts[i] = isValidAt(d, i) ? littleEndian(at(i), h.name === 'Int256').toString() : null;
      return utf8Data(texts);
    }
    case 'IPv6': {
      const texts = new Array<string | null>(n);
      for (let i = 0; i < n; i++) texts[i] = isValidAt(d, i) ? ipv6Text(at(i)) : null;
      return utf8Data(texts);
    }
    default:
      return d;
  }
}

function littleEndian(b: Uint8Array, signed: boolean): bigint {
  let x = 0n;
  for (let k = b.length - 1; k >= 0; k--) x = (x << 8n) | BigInt(b[k]!);
  if (signed && b.length && b[b.length - 1]! & 0x80) x -= 1n << BigInt(b.length * 8);
  return x;
}

/** IPv6 as ClickHouse writes it: the longest run of zero groups as "::", IPv4-mapped as ::ffff:a.b.c.d. */
function ipv6Text(b: Uint8Array): string {
  if (b.length !== 16) return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  const g: number[] = [];
  for (let k = 0; k < 16; k += 2) g.push((b[k]! << 8) | b[k + 1]!);
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return `::ffff:${b[12]}.${b[13]}.${b[14]}.${b[15]}`;
  let best = -1;
  let len = 0;
  for (let k = 0; k < 8;) {
    if (g[k] !== 0) {
      k++;
      continue;
    }
    let e = k;
    while (e < 8 && g[e] === 0) e++;
    if (e - k > len && e - k > 1) [best, len] = [k, e - k];
    k = e;
  }
  const hex = g.map((x) => x.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + len).join(':')}`;
}

const isText = (t: DataType) => t.typeId === Type.Utf8 || t.typeId === Type.Binary;

/** A dictionary-encoded chunk -> its values, plain (Utf8/Binary by bytes, fixed-width by value). */
function decodeDictionary(d: Data): Data {
  const dictionary = d.dictionary;
  const dict = dictionary?.data[0];
  if (!dictionary || !dict) return d;
  const idx = d.values as ArrayLike<number | bigint>;
  const n = d.length;
  if (dictionary.data.length > 1) {
    // Delta dictionaries (several chunks): text by value; anything else stays a dictionary.
    if (!isText(dict.type)) return d;
    const texts = new Array<string | null>(n);
    for (let i = 0; i < n; i++) {
      const v = isValidAt(d, i) ? (dictionary.get(Number(idx[i])) as string | Uint8Array | null) : null;
      texts[i] = v === null ? null : typeof v === 'string' ? v : utf8Decoder.decode(v);
    }
    return utf8Data(texts);
  }
  const valid = validity(n);
  const indexOf = (i: number) => Number(idx[i]);
  for (let i = 0; i < n; i++) {
    if (isValidAt(d, i) && isValidAt(dict, indexOf(i))) setValid(valid, i);
    else valid.nulls++;
  }
  const vt = dict.type;
  if (isText(vt)) {
    const o = dict.valueOffsets as Int32Array;
    const src = dict.values as Uint8Array;
    const offsets = new Int32Array(n + 1);
    let total = 0;
    for (let i = 0; i < n; i++) {
      if (valid.bits[i >> 3]! & (1 << (i & 7))) total += o[indexOf(i) + 1]! - o[indexOf(i)]!;
      offsets[i + 1] = total;
    }
    const bytes = new Uint8Array(total);
    for (let i = 0; i < n; i++) {
      const j = indexOf(i);
      if (offsets[i + 1]! > offsets[i]!) bytes.set(src.subarray(o[j]!, o[j + 1]!), offsets[i]!);
    }
    return makeData({
      type: vt.typeId === Type.Utf8 ? new Utf8() : new Binary(),
      length: n,
      ...nullProps(valid),
      valueOffsets: offsets,
      data: bytes,
    } as never);
  }
  const values = dict.values as unknown as { length: number; constructor: new (n: number) => { [k: number]: number | bigint } };
  if (vt.typeId === Type.Bool || !values || typeof values.length !== 'number') return d;
  const stride = dict.stride;
  const out = new values.constructor(n * stride);
  const src = dict.values as unknown as { [k: number]: number | bigint };
  for (let i = 0; i < n; i++) {
    const j = indexOf(i);
    for (let s = 0; s < stride; s++) out[i * stride + s] = src[j * stride + s]!;
  }
  return makeData({ type: vt, length: n, ...nullProps(valid), data: out } as never);
}
