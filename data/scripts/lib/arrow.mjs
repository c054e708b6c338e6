// Write the stage-events rows as an Arrow IPC *file* (random-access format,
// with footer), for consumers that prefer Arrow to Parquet.
//
// Arrow JS cannot compress IPC bodies, so repetitive text columns are
// dictionary-encoded instead: the values read back are the same strings,
// and the file stays well under 1 MB.
import { writeFileSync } from 'node:fs';
import * as arrow from 'apache-arrow';
import { EVENT_COLUMNS } from './schema.mjs';

/** Columns with few distinct values, stored as dictionaries. */
const DICTIONARY_COLUMNS = new Set([
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
 * @param {string} type DuckDB type name from EVENT_COLUMNS
 * @param {string} name
 * @param {unknown[]} values
 */
function arrowType(type, name, values) {
  switch (type) {
    case 'VARCHAR':
      return DICTIONARY_COLUMNS.has(name) ? new arrow.Dictionary(new arrow.Utf8(), indexType(new Set(values).size)) : new arrow.Utf8();
    case 'INTEGER':
      return new arrow.Int32();
    case 'DATE':
      return new arrow.DateDay();
    default:
      throw new Error(`no Arrow mapping for ${type}`);
  }
}

/**
 * @param {Record<string, any>[]} rows events with `date` as 'YYYY-MM-DD'
 * @returns {Uint8Array} Arrow IPC file bytes
 */
export function eventsToArrowIPC(rows) {
  /** @type {Record<string, arrow.Vector>} */
  const columns = {};
  for (const [name, type] of EVENT_COLUMNS) {
    let values = rows.map((r) => r[name] ?? null);
    if (type === 'DATE') {
      values = values.map((v) => (v === null ? null : new Date(`${v}T00:00:00Z`)));
    }
    columns[name] = arrow.vectorFromArray(values, /** @type {any} */ (arrowType(type, name, values)));
  }
  return arrow.tableToIPC(new arrow.Table(columns), 'file');
}

/**
 * @param {string} path
 * @param {Record<string, any>[]} rows
 */
export function writeEventsArrow(path, rows) {
  writeFileSync(path, eventsToArrowIPC(rows));
}
