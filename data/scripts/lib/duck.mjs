// Thin helpers over @duckdb/node-api shared by the build, the import tool
// and the tests.
import { DuckDBInstance } from '@duckdb/node-api';

/**
 * Open an in-memory DuckDB. One thread: the build must write the same
 * Parquet bytes on every run, and multi-threaded writers may order row
 * groups differently; the data is small enough that speed does not matter.
 * @returns {Promise<import('@duckdb/node-api').DuckDBConnection>}
 */
export async function openDb() {
  const instance = await DuckDBInstance.create(':memory:', {
    threads: '1',
    preserve_insertion_order: 'true',
  });
  return instance.connect();
}

/**
 * Quote a value as a SQL string literal. Values normally travel as prepared
 * statement parameters; this is the single escape hatch for the few places
 * where DuckDB does not accept a parameter (e.g. inside CREATE VIEW).
 * @param {string} value
 */
export function sqlString(value) {
  if (typeof value !== 'string') throw new TypeError('sqlString expects a string');
  if (value.includes('\0')) throw new Error('NUL byte in SQL string');
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * Run a query and return plain JS row objects (BigInt for BIGINT columns,
 * Date for DATE columns).
 * @param {import('@duckdb/node-api').DuckDBConnection} conn
 * @param {string} sql
 * @param {unknown[]} [params]
 * @returns {Promise<Record<string, any>[]>}
 */
export async function all(conn, sql, params) {
  const reader = await conn.runAndReadAll(sql, /** @type {any} */ (params));
  return reader.getRowObjectsJS();
}

/**
 * Like all(), but values converted to JSON-friendly forms: DATE becomes
 * 'YYYY-MM-DD', BIGINT becomes a number when it fits.
 * @param {import('@duckdb/node-api').DuckDBConnection} conn
 * @param {string} sql
 * @param {unknown[]} [params]
 * @returns {Promise<Record<string, any>[]>}
 */
export async function allJson(conn, sql, params) {
  const reader = await conn.runAndReadAll(sql, /** @type {any} */ (params));
  return reader.getRowObjectsJson();
}

/**
 * @param {import('@duckdb/node-api').DuckDBConnection} conn
 * @param {string} sql
 * @param {unknown[]} [params]
 */
export async function run(conn, sql, params) {
  await conn.run(sql, /** @type {any} */ (params));
}
