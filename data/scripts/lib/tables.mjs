// Loading JS rows into DuckDB tables and writing tables to files.
import { run } from './duck.mjs';
import { writeAtomic } from './atomic.mjs';
import { PARQUET_OPTION_LIST, PARQUET_OPTIONS } from './schema.mjs';

/**
 * Create table `name` with the given typed columns and fill it from JS rows.
 * Rows go through a VARCHAR staging table with the appender (fast, and no
 * SQL text built from values), then one CAST per column gives the types.
 * @param {import('@duckdb/node-api').DuckDBConnection} conn
 * @param {string} name table name (an identifier from our own code)
 * @param {readonly (readonly [string, string])[]} columns [name, DuckDB type]
 * @param {Record<string, unknown>[]} rows
 */
export async function loadRows(conn, name, columns, rows) {
  const staging = `${name}__staging`;
  await run(conn, `CREATE OR REPLACE TABLE "${staging}" (${columns.map(([c]) => `"${c}" VARCHAR`).join(', ')})`);
  const appender = await conn.createAppender(staging);
  for (const row of rows) {
    for (const [c] of columns) {
      const v = row[c];
      if (v === null || v === undefined) appender.appendNull();
      else appender.appendVarchar(String(v));
    }
    appender.endRow();
  }
  appender.closeSync();
  await run(
    conn,
    `CREATE OR REPLACE TABLE "${name}" AS SELECT ${columns.map(([c, t]) => `CAST("${c}" AS ${t}) AS "${c}"`).join(', ')} FROM "${staging}"`,
  );
  await run(conn, `DROP TABLE "${staging}"`);
}

/**
 * Write the result of a query to a ZSTD Parquet file, atomically. `metadata` goes into
 * the file's key-value metadata: its keys are names from our own code, its values travel
 * as query parameters (never as SQL text), so any text a person passes is safe.
 * @param {import('@duckdb/node-api').DuckDBConnection} conn
 * @param {string} query SELECT ... (our own SQL, no user values)
 * @param {string} path
 * @param {{ metadata?: Record<string, string> }} [opts]
 */
export async function writeParquet(conn, query, path, opts = {}) {
  const entries = Object.entries(opts.metadata ?? {});
  for (const [key] of entries) if (!/^[a-z_]+$/.test(key)) throw new Error(`not a metadata key: ${key}`);
  const kv = entries.map(([key], i) => `${key}: $${i + 2}`).join(', ');
  const options = entries.length ? `(${PARQUET_OPTION_LIST}, KV_METADATA {${kv}})` : PARQUET_OPTIONS;
  await writeAtomic(path, (tmp) => run(conn, `COPY (${query}) TO $1 ${options}`, [tmp, ...entries.map(([, value]) => value)]));
}
