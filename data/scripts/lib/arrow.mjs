// Write table rows as Arrow IPC *files* (random-access format, with footer): the
// stage events (programmes.arrow) and their companion tables (comuni.arrow, ...), which
// the browser reads with the apache-arrow it already loads with the engine, so that no
// page needs a Parquet reader for the bundled data.
//
// Arrow JS cannot compress IPC bodies, so repetitive text columns are
// dictionary-encoded instead: the values read back are the same strings,
// and DuckDB reads them as VARCHAR. Each DuckDB type maps to the Arrow type DuckDB
// reads back as that same type (ARROW_TYPES), so the engine's tables have the
// Parquet files' column types.
import * as arrow from 'apache-arrow';
import { EVENT_COLUMNS } from './schema.mjs';

/** Columns of the events file with few distinct values, stored as dictionaries. */
const EVENT_DICTIONARY_COLUMNS = new Set([
  'programme',
  'entity_kind',
  'province_code',
  'province_sigla',
  'province_name',
  'region_code',
  'region_name',
  'stage',
  'provenance',
]);

/** The DuckDB types the bundled tables use, and the Arrow type DuckDB reads as each. */
export const ARROW_TYPES = /** @type {const} */ ({
  VARCHAR: 'Utf8',
  INTEGER: 'Int32',
  BIGINT: 'Int64',
  BOOLEAN: 'Bool',
  DATE: 'Date32<DAY>',
});

/**
 * Smallest signed index type that can address n dictionary entries.
 * @param {number} n
 */
function indexType(n) {
  if (n <= 127) return new arrow.Int8();
  if (n <= 32767) return new arrow.Int16();
  return new arrow.Int32();
}

/**
 * @param {string} type DuckDB type name
 * @param {boolean} dictionary
 * @param {unknown[]} values
 */
function arrowType(type, dictionary, values) {
  switch (type) {
    case 'VARCHAR':
      return dictionary ? new arrow.Dictionary(new arrow.Utf8(), indexType(new Set(values).size)) : new arrow.Utf8();
    case 'INTEGER':
      return new arrow.Int32();
    case 'BIGINT':
      return new arrow.Int64();
    case 'BOOLEAN':
      return new arrow.Bool();
    case 'DATE':
      return new arrow.DateDay();
    default:
      throw new Error(`no Arrow mapping for ${type}`);
  }
}

/**
 * Text columns worth a dictionary: at most one distinct value for every two rows.
 * @param {Record<string, any>[]} rows
 * @param {readonly (readonly [string, string])[]} columns
 */
export function repetitiveColumns(rows, columns) {
  return new Set(
    columns.filter(([name, type]) => type === 'VARCHAR' && new Set(rows.map((r) => r[name])).size * 2 <= rows.length).map(([n]) => n),
  );
}

/**
 * Rows as an Arrow IPC file.
 * @param {Record<string, any>[]} rows JSON-shaped rows (DATE as 'YYYY-MM-DD', BIGINT as a number or a string)
 * @param {readonly (readonly [string, string])[]} columns [name, DuckDB type], in file order
 * @param {Set<string>} [dictionary] text columns stored as dictionaries (default: the repetitive ones)
 * @returns {Uint8Array}
 */
export function rowsToArrowIPC(rows, columns, dictionary = repetitiveColumns(rows, columns)) {
  /** @type {Record<string, arrow.Vector>} */
  const vectors = {};
  for (const [name, type] of columns) {
    let values = rows.map((r) => r[name] ?? null);
    if (type === 'DATE') values = values.map((v) => (v === null ? null : new Date(`${v}T00:00:00Z`)));
    if (type === 'BIGINT') values = values.map((v) => (v === null ? null : BigInt(v)));
    vectors[name] = arrow.vectorFromArray(values, /** @type {any} */ (arrowType(type, dictionary.has(name), values)));
  }
  return arrow.tableToIPC(new arrow.Table(vectors), 'file');
}

/**
 * The stage events as an Arrow IPC file.
 * @param {Record<string, any>[]} rows events with `date` as 'YYYY-MM-DD'
 * @returns {Uint8Array} Arrow IPC file bytes
 */
export function eventsToArrowIPC(rows) {
  return rowsToArrowIPC(rows, EVENT_COLUMNS, EVENT_DICTIONARY_COLUMNS);
}

/**
 * The rows of an Arrow IPC file as JSON-shaped rows (DATE as 'YYYY-MM-DD', BIGINT as a
 * string, as DuckDB's JSON rows have them), with each column's DuckDB type: how the build checks a file it
 * wrote against the rows it was written from.
 * @param {Uint8Array} bytes
 * @returns {{ columns: [string, string][], rows: Record<string, unknown>[] }}
 */
export function readArrowIPC(bytes) {
  const table = arrow.tableFromIPC(bytes);
  const columns = table.schema.fields.map((f) => {
    const t = arrow.DataType.isDictionary(f.type) ? f.type.dictionary : f.type;
    const name = String(t);
    const duck = Object.entries(ARROW_TYPES).find(([, a]) => a === name)?.[0];
    if (!duck) throw new Error(`column ${f.name}: Arrow type ${name} is none of the bundled tables' types`);
    return /** @type {[string, string]} */ ([f.name, duck]);
  });
  const rows = table.toArray().map((r) => {
    /** @type {Record<string, unknown>} */
    const o = {};
    for (const [name, type] of columns) {
      const v = r[name];
      o[name] =
        v === null || v === undefined ? null : type === 'DATE' ? new Date(v).toISOString().slice(0, 10) : type === 'BIGINT' ? String(v) : v;
    }
    return o;
  });
  return { columns, rows };
}
