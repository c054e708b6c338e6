// Loading JS rows into DuckDB tables and writing tables to files.
import { run } from './duck.mjs';
import { writeAtomic } from './atomic.mjs';
import { PARQUET_OPTIONS } from './schema.mjs';

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
 * Write the result of a query to a ZSTD Parquet file, atomically.
 * @param {import('@duckdb/node-api').DuckDBConnection} conn
 * @param {string} query SELECT ... (our own SQL, no user values)
 * @param {string} path
 */
export async function writeParquet(conn, query, path) {
  await writeAtomic(path, (tmp) => run(conn, `COPY (${query}) TO $1 ${PARQUET_OPTIONS}`, [tmp]));
}
