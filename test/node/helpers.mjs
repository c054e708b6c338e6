// Shared by the node tests: paths to the committed data files and a DuckDB
// connection to query them.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allJson, openDb, sqlString } from '../../data/scripts/lib/duck.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DATA = join(ROOT, 'data');
export const file = (/** @type {string} */ name) => join(DATA, name);

/** @type {Promise<import('@duckdb/node-api').DuckDBConnection> | undefined} */
let shared;

/**
 * Query with results as JSON-friendly objects (dates as 'YYYY-MM-DD').
 * Views `events`, `comuni`, `stages`, `choices`, `programmes` point at the
 * committed files.
 * @param {string} sql
 * @param {unknown[]} [params]
 */
export async function q(sql, params) {
  shared ??= (async () => {
    const conn = await openDb();
    for (const [view, name] of [
      ['events', 'programmes.parquet'],
      ['comuni', 'comuni.parquet'],
      ['stages', 'stages.parquet'],
      ['choices', 'choices.parquet'],
      ['programmes', 'programmes-meta.parquet'],
    ]) {
      // CREATE VIEW cannot take a parameter, hence the quoting helper.
      await conn.run(`CREATE VIEW ${view} AS SELECT * FROM read_parquet(${sqlString(file(name))})`);
    }
    return conn;
  })();
  return allJson(await shared, sql, params);
}

/** @param {string} sql @param {unknown[]} [params] */
export async function scalar(sql, params) {
  const [row] = await q(sql, params);
  return Object.values(row)[0];
}
