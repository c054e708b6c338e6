import { expect } from '@open-wc/testing';
import {
  Binary,
  Decimal,
  Dictionary,
  FixedSizeBinary,
  Field,
  Int8,
  List,
  RecordBatch,
  Schema,
  Struct,
  Table,
  Type,
  Uint16,
  Uint32,
  Uint64,
  makeData,
  makeVector,
  tableToIPC,
  type Data,
  type Vector,
} from 'apache-arrow';
import {
  ClickHouseResultError,
  arrowTypeOf,
  hasJSONSourceText,
  parseClickHouseType,
  tableFromArrowStream,
  tableFromJSONCompact,
  type ClickHouseResult,
} from '../../../src/data/clickhouse/arrow.js';
import { decimalBigInt, formatCell } from '../../../src/components/piccoli-sql/format-value.js';
// @ts-expect-error: a plain ES module shared with record.mjs, without types
import { CASES, caseQuery } from '../../fixtures/clickhouse/cases.mjs';

/*
 * ClickHouse results -> Arrow, on real ClickHouse answers to the queries of
 * test/fixtures/clickhouse/cases.mjs: asked live through the test runner's /__ch__/ proxy
 * when it has one (user `default`), otherwise read from responses.json, which record.mjs
 * saved from a real ClickHouse 18.16. The ArrowStream tests build streams shaped like
 * ClickHouse's with apache-arrow: no server here speaks Arrow.
 */

interface Answer {
  status: number;
  body: string;
}
type Cases = Record<string, { sql: string; settings?: Record<string, number> }>;

let live = false;
let serverTimeZone = 'UTC';
let recorded: Record<string, Answer> = {};

before(async () => {
  const probe = await fetch('/__ch__/?user=default', { method: 'POST', body: 'SELECT timezone()' }).catch(() => null);
  if (probe?.ok) {
    live = true;
    serverTimeZone = (await probe.text()).trim();
  } else {
    const file = await (await fetch('/test/fixtures/clickhouse/responses.json')).json();
    recorded = file.responses;
    serverTimeZone = file.timezone;
  }
  console.log(`ClickHouse answers: ${live ? 'live, through /__ch__/' : 'recorded (responses.json)'}; server time zone ${serverTimeZone}`);
});

async function answer(name: string): Promise<Answer> {
  const c = (CASES as Cases)[name]!;
  if (!live) return recorded[name]!;
  const res = await fetch(`/__ch__/?user=default&${caseQuery(c)}`, { method: 'POST', body: c.sql });
  return { status: res.status, body: await res.text() };
}

async function result(name: string, sourceText?: boolean): Promise<ClickHouseResult> {
  const a = await answer(name);
  expect(a.status, `${name}: ${a.body.slice(0, 200)}`).to.equal(200);
  return tableFromJSONCompact(a.body, serverTimeZone, sourceText === undefined ? {} : { sourceText });
}

const col = (t: Table, name: string): Vector => {
  const v = t.getChild(name);
  expect(v, `column ${name}`).to.not.equal(null);
  return v!;
};
/** Row `row` of a column as the console prints it. */
const shown = (t: Table, name: string, row = 0) => formatCell(col(t, name), row);
/** The raw stored value (bigint seconds of a timestamp, days of a date, ...). */
const raw = (t: Table, name: string, row = 0) => (col(t, name).data[0]!.values as ArrayLike<unknown>)[row];
const typeOf = (t: Table, name: string) => col(t, name).type;

describe('ClickHouse type names', () => {
  it('map to the Arrow types the views draw', () => {
    const dec = arrowTypeOf('Nullable(Decimal(18, 4))', 'UTC') as Decimal;
    expect([dec.typeId, dec.precision, dec.scale, dec.bitWidth]).to.deep.equal([Type.Decimal, 18, 4, 128]);
    const ts = arrowTypeOf("DateTime('Europe/Rome')", 'UTC');
    expect(ts.toString()).to.equal('Timestamp<SECOND, Europe/Rome>');
    expect(arrowTypeOf('DateTime', 'Asia/Kolkata').toString()).to.equal('Timestamp<SECOND, Asia/Kolkata>');
    expect(arrowTypeOf("DateTime64(3, 'UTC')", 'Europe/Rome').toString()).to.equal('Timestamp<MILLISECOND, UTC>');
    expect(arrowTypeOf('DateTime64(9)', 'UTC').toString()).to.equal('Timestamp<NANOSECOND, UTC>');
    expect(arrowTypeOf('Array(LowCardinality(String))', 'UTC').toString()).to.equal('List<Utf8>');
    expect(arrowTypeOf('Tuple(UInt8, String)', 'UTC').toString()).to.equal('Struct<{1:Uint8, 2:Utf8}>');
    expect(arrowTypeOf('Tuple(a UInt8, `b c` Array(Nullable(Int64)))', 'UTC').toString()).to.equal('Struct<{a:Uint8, b c:List<Int64>}>');
    expect(arrowTypeOf("Enum8('a' = 1, 'b' = 2)", 'UTC').toString()).to.equal('Utf8');
    expect(arrowTypeOf('FixedString(3)', 'UTC').toString()).to.equal('Utf8');
    expect(arrowTypeOf('UUID', 'UTC').toString()).to.equal('Utf8');
    expect(arrowTypeOf('Nothing', 'UTC').toString()).to.equal('Null');
    expect(arrowTypeOf('Nullable(Nothing)', 'UTC').toString()).to.equal('Null');
    expect(arrowTypeOf('Array(Nothing)', 'UTC').toString()).to.equal('List<Null>');
    expect(arrowTypeOf('UInt64', 'UTC').toString()).to.equal('Uint64');
    expect(arrowTypeOf('Int64', 'UTC').toString()).to.equal('Int64');
    expect(arrowTypeOf('Date', 'UTC').toString()).to.equal('Date32<DAY>');
    expect(arrowTypeOf('Map(String, UInt64)', 'UTC').typeId).to.equal(Type.Map);
    expect(arrowTypeOf('SimpleAggregateFunction(sum, UInt64)', 'UTC').toString()).to.equal('Uint64');
    const i128 = arrowTypeOf('Int128', 'UTC') as Decimal;
    expect([i128.precision, i128.scale, i128.bitWidth]).to.deep.equal([39, 0, 256]);
    expect((arrowTypeOf('Decimal256(20)', 'UTC') as Decimal).bitWidth).to.equal(256);
    expect(arrowTypeOf('UInt256', 'UTC').toString()).to.equal('Utf8');
  });

  it('never throw: unknown, damaged or zone-less types become text', () => {
    for (const t of ['AggregateFunction(uniq, UInt8)', "Object('json')", 'Decimal(', 'Array(', '', 'IntervalDay', 'Variant(String, UInt8)'])
      expect(arrowTypeOf(t, 'UTC').toString(), t).to.equal('Utf8');
    // A zone this browser's Intl does not know: the wall clock stays text, no invented instants.
    expect(arrowTypeOf("DateTime('Mars/Olympus_Mons')", 'UTC').toString()).to.equal('Utf8');
  });

  it('reads Enum entries with quotes inside, and named tuple elements', () => {
    expect(parseClickHouseType("Enum8('it\\'s' = 1, 'b' = -2)")).to.deep.equal({
      name: 'Enum8',
      args: [
        { kind: 'string', value: "it's", enumValue: 1 },
        { kind: 'string', value: 'b', enumValue: -2 },
      ],
    });
    const t = parseClickHouseType('Tuple(a UInt8, b Array(String))');
    expect(t.args.map((a) => (a.kind === 'type' ? a.name : null))).to.deep.equal(['a', 'b']);
  });
});

describe('tableFromJSONCompact on ClickHouse answers', () => {
  it('keeps UInt64 and Int64 exact, quoted (the default)', async () => {
    const { table } = await result('ints');
    expect(col(table, 'u64max').get(0)).to.equal(18446744073709551615n);
    expect(col(table, 'u64zero').get(0)).to.equal(0n);
    expect(col(table, 'i64min').get(0)).to.equal(-9223372036854775808n);
    expect(col(table, 'i64max').get(0)).to.equal(9223372036854775807n);
    expect(col(table, 'u64odd').get(0)).to.equal(9007199254740993n);
    expect(col(table, 'u64nn').get(0)).to.equal(12345678901234567890n);
    expect(col(table, 'i64null').get(0)).to.equal(null);
    expect(typeOf(table, 'u64max').toString()).to.equal('Uint64');
    expect(typeOf(table, 'i64min').toString()).to.equal('Int64');
    expect(shown(table, 'u64max')).to.equal('18446744073709551615');
    expect([col(table, 'i8').get(0), col(table, 'u8').get(0), col(table, 'i16').get(0), col(table, 'u16').get(0)]).to.deep.equal([
      -128, 255, -32768, 65535,
    ]);
    expect([col(table, 'i32').get(0), col(table, 'u32').get(0)]).to.deep.equal([-2147483648, 4294967295]);
    expect(['i8', 'u8', 'i16', 'u16', 'i32', 'u32'].map((n) => typeOf(table, n).toString())).to.deep.equal([
      'Int8',
      'Uint8',
      'Int16',
      'Uint16',
      'Int32',
      'Uint32',
    ]);
    expect(table.schema.fields.find((f) => f.name === 'i64null')!.nullable).to.equal(true);
    expect(table.schema.fields.find((f) => f.name === 'u64max')!.nullable).to.equal(false);
  });

  it('keeps unquoted 64-bit integers exact, through JSON source text and through the fallback scan', async () => {
    const { body } = await answer('intsUnquoted');
    expect(body).to.match(/\[18446744073709551615, 0, -9223372036854775808/); // really unquoted
    expect(hasJSONSourceText(), 'Chromium has JSON.parse source text').to.equal(true);
    for (const sourceText of [true, false]) {
      const { table } = tableFromJSONCompact(body, serverTimeZone, { sourceText });
      expect(col(table, 'u64max').get(0), `sourceText ${sourceText}`).to.equal(18446744073709551615n);
      expect(col(table, 'i64min').get(0)).to.equal(-9223372036854775808n);
      expect(col(table, 'i64max').get(0)).to.equal(9223372036854775807n);
      expect(col(table, 'u64odd').get(0)).to.equal(9007199254740993n);
      expect(col(table, 'u64nn').get(0)).to.equal(12345678901234567890n);
      expect(col(table, 'u32').get(0)).to.equal(4294967295);
    }
  });

  it('reads nan and inf as ClickHouse writes them, and keeps NULL apart where it can', async () => {
    const quoted = (await result('floatsQuoted')).table;
    expect(col(quoted, 'f64').get(0)).to.equal(0.1);
    expect(col(quoted, 'fbig').get(0)).to.equal(-1.5e300);
    expect(col(quoted, 'f32').get(0)).to.equal(Math.fround(0.1));
    expect(typeOf(quoted, 'f32').toString()).to.equal('Float32');
    expect(Number.isNaN(col(quoted, 'fnan').get(0))).to.equal(true);
    expect(col(quoted, 'finf').get(0)).to.equal(Infinity);
    expect(col(quoted, 'fninf').get(0)).to.equal(-Infinity);
    expect(col(quoted, 'fnull').get(0)).to.equal(null);
    expect(col(quoted, 'fnn').get(0)).to.equal(2.5);
    expect(shown(quoted, 'f64')).to.equal('0.1');
    // Without quoted denormals the server writes null for all three: not NULL in a
    // non-Nullable column (NaN), and NULL in a Nullable one.
    const plain = (await result('floatsPlain')).table;
    for (const n of ['fnan', 'finf', 'fninf']) expect(Number.isNaN(col(plain, n).get(0)), n).to.equal(true);
    expect(col(plain, 'fnull').get(0)).to.equal(null);
  });

  it('keeps decimals exact and shows them as ClickHouse writes them', async () => {
    const { body } = await answer('decimals');
    const { table } = tableFromJSONCompact(body, serverTimeZone);
    const t38 = typeOf(table, 'd38') as Decimal;
    expect([t38.precision, t38.scale, t38.bitWidth]).to.deep.equal([38, 10, 128]);
    expect(decimalBigInt(col(table, 'd38').data[0]!, 0)).to.equal(12345678901234567890123456789012345678n);
    expect(decimalBigInt(col(table, 'd38neg').data[0]!, 0)).to.equal(-99999999999999999999999999999999999999n);
    // The console prints each exactly as the server wrote it in the JSON.
    const written = JSON.parse(body.replace(/(-?\d+\.\d+)/g, '"$1"')).data[0];
    const names = ['d38', 'd38neg', 'd9', 'd18', 'd18neg', 'dnull', 'dnn', 'dzero', 'dneg64'];
    expect(names.map((n) => shown(table, n))).to.deep.equal(written);
    expect(names.map((n) => shown(table, n))).to.deep.equal([
      '1234567890123456789012345678.9012345678',
      '-9999999999999999999999999999.9999999999',
      '-1.50',
      '0.0001',
      '-0.0001',
      null,
      '12345678901234.5678',
      '0.000',
      '-12345678901234.5',
    ]);
    // Also without JSON source text.
    const scanned = tableFromJSONCompact(body, serverTimeZone, { sourceText: false }).table;
    expect(names.map((n) => shown(scanned, n))).to.deep.equal(written);
  });

  it('turns Date into days and DateTime into the instant its zone means', async () => {
    const { table } = await result('dates');
    expect(typeOf(table, 'd0').toString()).to.equal('Date32<DAY>');
    expect(raw(table, 'd0')).to.equal(0); // written "0000-00-00" by 18.16
    expect(shown(table, 'd0')).to.equal('1970-01-01');
    expect(shown(table, 'dmax')).to.equal('2105-12-31');
    expect(shown(table, 'leap')).to.equal('2000-02-29');
    expect(shown(table, 'dnull')).to.equal(null);
    expect(col(table, 'leap').get(0)).to.equal(Date.UTC(2000, 1, 29));
    expect(raw(table, 'utc')).to.equal(BigInt(Date.UTC(2021, 6, 1, 12) / 1000));
    expect(typeOf(table, 'utc').toString()).to.equal('Timestamp<SECOND, UTC>');
    // A DateTime without its own zone is in the server's.
    expect(typeOf(table, 'server').toString()).to.equal(`Timestamp<SECOND, ${serverTimeZone}>`);
    expect(col(table, 'tz').get(0)).to.equal(serverTimeZone);
    expect(raw(table, 'server')).to.equal(BigInt(col(table, 'server_unix').get(0)));
    expect(raw(table, 'kolkata')).to.equal(BigInt(col(table, 'kolkata_unix').get(0)));
    expect(raw(table, 'kolkata')).to.equal(BigInt(Date.UTC(2021, 6, 1, 6, 30) / 1000));
    expect(raw(table, 'ny')).to.equal(BigInt(col(table, 'ny_unix').get(0)));
    expect(col(table, 'ny').get(0)).to.equal(Date.UTC(2021, 0, 15, 13)); // ms, as apache-arrow reads it
    expect(shown(table, 'ny')).to.equal('2021-01-15 13:00:00+00');
    expect(col(table, 'dtnull').get(0)).to.equal(null);
    expect(typeOf(table, 'dtnull').toString()).to.equal('Timestamp<SECOND, Europe/Rome>');
  });

  it('reads Europe/Rome across the spring change: every wall clock to its own instant', async () => {
    const { table } = await result('romeSpring');
    const shownTimes = Array.from({ length: table.numRows }, (_, r) => shown(table, 't', r));
    expect(shownTimes[2]).to.equal('2021-03-28 01:00:00+00'); // 03:00 CEST, right after the change
    for (let r = 0; r < table.numRows; r++) expect(raw(table, 't', r), `row ${r}`).to.equal(BigInt(col(table, 'unix').get(r)));
  });

  it('reads Europe/Rome across the autumn change: the repeated hour is its first pass, as ClickHouse parses it', async () => {
    const { table, rowsBeforeLimitAtLeast } = await result('romeAutumn');
    expect(rowsBeforeLimitAtLeast).to.equal(10);
    const instants = Array.from({ length: table.numRows }, (_, r) => Number(raw(table, 't', r)));
    const truth = Array.from({ length: table.numRows }, (_, r) => Number(col(table, 'unix').get(r)));
    // Rows 4 and 5 are 02:00 and 02:30 CET, written like rows 2 and 3 (02:00 and 02:30 CEST):
    // the text cannot tell them apart, and both read as the earlier instant.
    expect(instants).to.deep.equal(truth.map((t, r) => (r === 4 || r === 5 ? t - 3600 : t)));
  });

  it('keeps text exact: accents, emoji, escapes, FixedString padding, Enum names, LowCardinality', async () => {
    const { table } = await result('strings');
    const names = ['s1', 's2', 'emoji', 'esc', 'empty', 'fs', 'uuid', 'e8', 'e16', 'lc', 'snull', 'lcnull', 'lcnn'];
    expect(names.map((n) => col(table, n).get(0))).to.deep.equal([
      'Südtirol',
      'Vallée d’Aoste',
      '😀 ok',
      'a\nb\t"c"\\',
      '',
      'ab\u0000',
      '01234567-89ab-cdef-0123-456789abcdef',
      'b',
      'neg',
      'Trentino',
      null,
      null,
      'Molise',
    ]);
    for (const n of names) expect(typeOf(table, n).toString(), n).to.equal('Utf8');
    expect(table.schema.fields.find((f) => f.name === 'lcnull')!.nullable).to.equal(true);
  });

  it('turns arrays into lists, nested, with NULL items and empty arrays', async () => {
    const { table } = await result('arrays');
    const names = ['a', 'empty', 'an', 'aas', 'a64', 'ad', 'nothing', 'adates', 'asn', 'aan', 'anull'];
    expect(names.map((n) => shown(table, n))).to.deep.equal([
      '[1, 2, 3]',
      '[]',
      '[NULL, 1]',
      '[[Südtirol], [], [a, b]]',
      '[18446744073709551615, 0]',
      '[-0.500]',
      '[]',
      '[2000-02-29]',
      '[x, NULL]',
      '[[NULL, 2], []]',
      '[NULL]',
    ]);
    expect(typeOf(table, 'a64').toString()).to.equal('List<Uint64>');
    expect(typeOf(table, 'aas').toString()).to.equal('List<List<Utf8>>');
    expect(typeOf(table, 'nothing').toString()).to.equal('List<Null>');
    expect((typeOf(table, 'an') as List).children[0]!.nullable).to.equal(true);
    expect((typeOf(table, 'a') as List).children[0]!.nullable).to.equal(false);
    expect([...(col(table, 'a64').get(0) as Vector)]).to.deep.equal([18446744073709551615n, 0n]);
  });

  it('turns tuples into structs and Nothing into Null', async () => {
    const { table } = await result('tuples');
    expect(typeOf(table, 't').toString()).to.equal('Struct<{1:Uint8, 2:Utf8}>');
    expect(shown(table, 't')).to.equal("{'1': 1, '2': a}");
    expect(shown(table, 'tn')).to.equal("{'1': 18446744073709551615, '2': [NULL, x], '3': 1.5}");
    expect(typeOf(table, 'nothing').toString()).to.equal('Null');
    expect(col(table, 'nothing').get(0)).to.equal(null);
  });

  it('keeps column names and order, duplicates too', async () => {
    const { table } = await result('duplicates');
    expect(table.schema.fields.map((f) => f.name)).to.deep.equal(['1', '1', 'x', 'x', 'y']);
    expect([0, 1, 2, 3, 4].map((i) => table.getChildAt(i)!.get(0))).to.deep.equal([1, 1, 2, 2, 'b']);
  });

  it('gives every row, and what the server says about the rest', async () => {
    const { table, rowsBeforeLimitAtLeast, statistics } = await result('rows');
    expect(table.numRows).to.equal(5);
    expect(Array.from({ length: 5 }, (_, r) => col(table, 'n').get(r))).to.deep.equal([0n, 1n, 2n, 3n, 4n]);
    expect(Array.from({ length: 5 }, (_, r) => col(table, 's').get(r))).to.deep.equal(['0', '1', '2', '3', '4']);
    expect(Array.from({ length: 5 }, (_, r) => col(table, 'maybe').get(r))).to.deep.equal([null, 1n, null, 3n, null]);
    expect(rowsBeforeLimitAtLeast).to.equal(5);
    expect(statistics?.rows_read).to.equal(5);
    expect((await result('limited')).rowsBeforeLimitAtLeast).to.equal(100);
  });

  it('keeps the columns of an empty result', async () => {
    const { table } = await result('empty');
    expect(table.numRows).to.equal(0);
    expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).to.deep.equal(['u:Uint64', 's:Utf8', 'd:Date32<DAY>']);
  });

  it('shows types it does not know as text', async () => {
    const { table } = await result('unknown');
    expect(col(table, 'iv').get(0)).to.equal('3');
    expect(typeOf(table, 'agg').toString()).to.equal('Utf8');
    expect(typeof col(table, 'agg').get(0)).to.equal('string');
  });

  it('throws the server error that cut a result short, with its code', async () => {
    const cut = await answer('cut');
    expect(cut.status).to.equal(200); // the server had already said 200
    const e = thrownBy(() => tableFromJSONCompact(cut.body, serverTimeZone));
    expect(e.code).to.equal(395);
    expect(e.serverText).to.match(/^Code: 395.*throwIf/);
    const missing = await answer('missing');
    expect(missing.status).to.equal(404);
    expect(thrownBy(() => tableFromJSONCompact(missing.body, serverTimeZone)).code).to.equal(60);
    const junk = thrownBy(() => tableFromJSONCompact('<html>Bad gateway</html>', serverTimeZone));
    expect(junk.code).to.equal(null);
    expect(junk.message).to.match(/Not a ClickHouse JSON result/);
  });

  it('converts 100 000 rows of ten columns', async () => {
    const { body } = await answer('wide');
    // The recorded rows, as the server wrote them, 100 times over.
    const start = body.indexOf('[', body.indexOf('"data":')) + 1;
    const rows = body.slice(start, body.lastIndexOf(']', body.indexOf('"rows":')));
    const big = `${body.slice(0, start)}${Array(100).fill(rows).join(',')}], "rows": 100000}`;
    const runs: number[] = [];
    let table: Table | undefined;
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      table = tableFromJSONCompact(big, serverTimeZone).table;
      runs.push(performance.now() - t0);
    }
    const best = Math.min(...runs);
    console.log(
      `JSONCompact -> Arrow: 100000 rows x 10 columns (${(big.length / 1e6).toFixed(1)} MB) in ${best.toFixed(0)} ms (${Math.round(100000 / (best / 1000))} rows/s)`,
    );
    const t = table!;
    expect(t.numRows).to.equal(100000);
    expect(t.schema.fields.map((f) => String(f.type))).to.deep.equal([
      'Uint64',
      'Utf8',
      'Uint64',
      'Int32',
      'Float64',
      'Decimal[18e+2]',
      'Date32<DAY>',
      'Timestamp<SECOND, Europe/Rome>',
      'Utf8',
      'List<Uint8>',
    ]);
    // Row 99 999 is the recorded row 999.
    expect(col(t, 'id').get(99999)).to.equal(999n);
    expect(col(t, 'name').get(99999)).to.equal('comune 999');
    expect(col(t, 'big').get(99999)).to.equal(999n * 7919n);
    expect(shown(t, 'amount', 99999)).to.equal('999.00');
    expect(raw(t, 'ts', 99999)).to.equal(BigInt(1600000000 + 999 * 3700));
    expect(col(t, 'region').get(99990)).to.equal(null);
    expect(col(t, 'region').get(99999)).to.equal('Südtirol');
    expect(shown(t, 'arr', 99999)).to.equal('[0, 4]');
  });
});

function thrownBy(f: () => unknown): ClickHouseResultError {
  try {
    f();
  } catch (e) {
    expect(e).to.be.instanceOf(ClickHouseResultError);
    return e as ClickHouseResultError;
  }
  throw new Error('nothing thrown');
}

// ---------------------------------------------------------------------------------------
// ArrowStream: streams shaped like ClickHouse's Arrow output, built here.

const enc = new TextEncoder();

function binaryData(texts: (string | null)[]): Data<Binary> {
  const parts = texts.map((s) => enc.encode(s ?? ''));
  const offsets = new Int32Array(texts.length + 1);
  parts.forEach((p, i) => (offsets[i + 1] = offsets[i]! + p.length));
  const bytes = new Uint8Array(offsets[texts.length]!);
  parts.forEach((p, i) => bytes.set(p, offsets[i]!));
  const bits = new Uint8Array(Math.ceil(texts.length / 8));
  texts.forEach((s, i) => s !== null && (bits[i >> 3]! |= 1 << (i & 7)));
  const nullCount = texts.filter((s) => s === null).length;
  return makeData({
    type: new Binary(),
    length: texts.length,
    nullCount,
    nullBitmap: nullCount ? bits : undefined,
    valueOffsets: offsets,
    data: bytes,
  });
}

/** A table as ClickHouse's ArrowStream would send it: String as Binary, LowCardinality as a dictionary, Date as UInt16, ... */
function clickhouseLikeTable(): Table {
  const names = binaryData(['Südtirol', 'Vallée d’Aoste', null]);
  const dictValues = binaryData(['PICCOLI', 'Province & Comuni']);
  const programme = makeData({
    type: new Dictionary(new Binary(), new Uint32(), 0),
    length: 3,
    nullCount: 0,
    data: new Uint32Array([1, 0, 1]),
    dictionary: makeVector(dictValues),
  });
  const big = makeData({
    type: new Uint64(),
    length: 3,
    nullCount: 0,
    data: new BigUint64Array([18446744073709551615n, 0n, 9007199254740993n]),
  });
  const day = makeData({ type: new Uint16(), length: 3, nullCount: 0, data: new Uint16Array([0, 18808, 49672]) });
  const ts = makeData({ type: new Uint32(), length: 3, nullCount: 0, data: new Uint32Array([0, 1625133600, 4294967295]) });
  const en = makeData({ type: new Int8(), length: 3, nullCount: 0, data: new Int8Array([1, 2, 1]) });
  const ip = makeData({ type: new Uint32(), length: 3, nullCount: 0, data: new Uint32Array([167772161, 0, 4294967295]) });
  const fsBytes = new Uint8Array(9);
  fsBytes.set(enc.encode('ab'), 0);
  fsBytes.set(enc.encode('xyz'), 3);
  fsBytes.set(enc.encode('é'), 6);
  const fixed = makeData({ type: new FixedSizeBinary(3), length: 3, nullCount: 0, data: fsBytes });
  const wide = new Uint8Array(48);
  wide.fill(0xff, 0, 16); // -1
  wide[16] = 5; // 5
  wide.fill(0xff, 32, 47); // Int128 max: 0x7fff...ffff
  wide[47] = 0x7f;
  const i128 = makeData({ type: new FixedSizeBinary(16), length: 3, nullCount: 0, data: wide });
  const tags = makeData({
    type: new List(new Field('item', new Binary(), false)),
    length: 3,
    nullCount: 0,
    valueOffsets: new Int32Array([0, 2, 2, 3]),
    child: binaryData(['a', 'b', 'ç']),
  });
  const pairType = new Struct([new Field('1', new Uint64(), false), new Field('2', new Binary(), false)]);
  const pair = makeData({
    type: pairType,
    length: 3,
    nullCount: 0,
    children: [
      makeData({ type: new Uint64(), length: 3, nullCount: 0, data: new BigUint64Array([1n, 2n, 3n]) }),
      binaryData(['x', 'y', 'z']),
    ],
  });
  const fields = [
    new Field('name', names.type, true),
    new Field('programme', programme.type, false),
    new Field('big', big.type, false),
    new Field('day', day.type, false),
    new Field('ts', ts.type, false),
    new Field('kind', en.type, false),
    new Field('ip', ip.type, false),
    new Field('code', fixed.type, false),
    new Field('huge', i128.type, false),
    new Field('tags', tags.type, false),
    new Field('pair', pair.type, false),
  ];
  const children: Data[] = [names, programme, big, day, ts, en, ip, fixed, i128, tags, pair];
  return tableFromChildren(fields, children, 3);
}

function tableFromChildren(fields: Field[], children: Data[], length: number): Table {
  const schema = new Schema(fields);
  return new Table(schema, [new RecordBatch(schema, makeData({ type: new Struct(fields), length, nullCount: 0, children }))]);
}

const HINTS = [
  'Nullable(String)',
  'LowCardinality(String)',
  'UInt64',
  'Date',
  "DateTime('Europe/Rome')",
  "Enum8('a' = 1, 'b' = 2)",
  'IPv4',
  'FixedString(3)',
  'Int128',
  'Array(String)',
  'Tuple(UInt64, String)',
];

describe('tableFromArrowStream on ClickHouse-shaped streams (unverified against a real server: none here speaks Arrow)', () => {
  it('makes Binary text Utf8, decodes dictionaries, keeps UInt64 exact', async () => {
    const ipc = tableToIPC(clickhouseLikeTable(), 'stream');
    const t = await tableFromArrowStream(ipc);
    expect(typeOf(t, 'name').toString()).to.equal('Utf8');
    expect([0, 1, 2].map((r) => col(t, 'name').get(r))).to.deep.equal(['Südtirol', 'Vallée d’Aoste', null]);
    expect(typeOf(t, 'programme').toString()).to.equal('Utf8');
    expect([0, 1, 2].map((r) => col(t, 'programme').get(r))).to.deep.equal(['Province & Comuni', 'PICCOLI', 'Province & Comuni']);
    expect([0, 1, 2].map((r) => col(t, 'big').get(r))).to.deep.equal([18446744073709551615n, 0n, 9007199254740993n]);
    expect(typeOf(t, 'tags').toString()).to.equal('List<Utf8>');
    expect(shown(t, 'tags', 0)).to.equal('[a, b]');
    expect(shown(t, 'tags', 2)).to.equal('[ç]');
    expect(typeOf(t, 'pair').toString()).to.equal('Struct<{1:Uint64, 2:Utf8}>');
    expect(shown(t, 'pair', 1)).to.equal("{'1': 2, '2': y}");
    // Without type names, what the stream cannot say stays as it is.
    expect(typeOf(t, 'day').toString()).to.equal('Uint16');
    expect(typeOf(t, 'huge').typeId).to.equal(Type.FixedSizeBinary);
  });

  it('with the type names, gives the same types as JSONCompact', async () => {
    const ipc = tableToIPC(clickhouseLikeTable(), 'stream');
    const t = await tableFromArrowStream(ipc, { types: HINTS, serverTimeZone: 'UTC' });
    const expected = HINTS.map((h) => String(arrowTypeOf(h, 'UTC')));
    expect(t.schema.fields.map((f) => String(f.type))).to.deep.equal(expected);
    expect([0, 1, 2].map((r) => shown(t, 'day', r))).to.deep.equal(['1970-01-01', '2021-06-30', '2105-12-31']);
    expect([0, 1, 2].map((r) => raw(t, 'ts', r))).to.deep.equal([0n, 1625133600n, 4294967295n]);
    expect([0, 1, 2].map((r) => col(t, 'kind').get(r))).to.deep.equal(['a', 'b', 'a']);
    expect([0, 1, 2].map((r) => col(t, 'ip').get(r))).to.deep.equal(['10.0.0.1', '0.0.0.0', '255.255.255.255']);
    expect([0, 1, 2].map((r) => col(t, 'code').get(r))).to.deep.equal(['ab\u0000', 'xyz', 'é\u0000']);
    expect([0, 1, 2].map((r) => shown(t, 'huge', r))).to.deep.equal(['-1', '5', '170141183460469231731687303715884105727']);
  });

  it('decodes dictionaries that grow from batch to batch', async () => {
    const type = new Dictionary(new Binary(), new Uint32(), 0);
    const batch = (indices: number[], values: string[]) =>
      makeData({ type, length: indices.length, nullCount: 0, data: new Uint32Array(indices), dictionary: makeVector(binaryData(values)) });
    const field = new Field('region', type, false);
    const schema = new Schema([field]);
    const batches = [batch([0, 1], ['Umbria', 'Molise']), batch([2, 0, 1], ['Umbria', 'Molise', 'Südtirol'])].map(
      (d) => new RecordBatch(schema, makeData({ type: new Struct([field]), length: d.length, nullCount: 0, children: [d] })),
    );
    const t = await tableFromArrowStream(tableToIPC(new Table(schema, batches), 'stream'));
    expect(String(t.schema.fields[0]!.type)).to.equal('Utf8');
    expect([...col(t, 'region')]).to.deep.equal(['Umbria', 'Molise', 'Südtirol', 'Umbria', 'Molise']);
  });

  it('reads a ReadableStream in small pieces, and an empty result', async () => {
    const ipc = tableToIPC(clickhouseLikeTable(), 'stream');
    let at = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(ctl) {
        if (at >= ipc.length) return ctl.close();
        ctl.enqueue(ipc.slice(at, at + 7));
        at += 7;
      },
    });
    const t = await tableFromArrowStream(stream);
    expect(t.numRows).to.equal(3);
    expect(col(t, 'name').get(0)).to.equal('Südtirol');
    const empty = await tableFromArrowStream(
      tableToIPC(tableFromChildren([new Field('s', new Binary(), false)], [binaryData([])], 0), 'stream'),
    );
    expect(empty.numRows).to.equal(0);
    expect(String(empty.schema.fields[0]!.type)).to.equal('Utf8');
  });

  it('throws the server error written after a cut stream', async () => {
    const ipc = tableToIPC(clickhouseLikeTable(), 'stream');
    const cut = new Uint8Array([
      ...ipc.subarray(0, ipc.length - 40),
      ...enc.encode('Code: 241. DB::Exception: Memory limit (for query) exceeded. (MEMORY_LIMIT_EXCEEDED)'),
    ]);
    const e = await tableFromArrowStream(cut).then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).to.be.instanceOf(ClickHouseResultError);
    expect((e as ClickHouseResultError).code).to.equal(241);
    const whole = await tableFromArrowStream(enc.encode("Code: 60, e.displayText() = DB::Exception: Table default.x doesn't exist.")).then(
      () => null,
      (x: unknown) => x,
    );
    expect((whole as ClickHouseResultError).code).to.equal(60);
  });
});
