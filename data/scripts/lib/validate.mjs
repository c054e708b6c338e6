// Validation of a programme's own stage-events file (CSV or Parquet) before
// it is converted to the programmes.parquet shape. Every problem is reported
// with the row a person sees in a spreadsheet: the header is row 1, so the
// first data row is row 2. Parquet files are numbered the same way, as if
// exported to CSV.
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { all, run } from './duck.mjs';
import { loadComuniParquet } from './registry.mjs';
import { ENTITY_KINDS, EVENT_COLUMNS, EVENT_ORDER, OPTIONAL_IMPORT_COLUMNS, PROVENANCE, REQUIRED_IMPORT_COLUMNS } from './schema.mjs';

/** First data row: the header takes row 1. */
const FIRST_ROW = 2;

/**
 * @typedef {{ row: number, message: string }} ErrorRow
 *
 * @typedef {object} ValidationResult
 * @property {boolean} valid
 * @property {{ row: number, message: string }[]} errors  sorted by row, capped at maxErrors
 * @property {number} errorCount  all errors found, including those past the cap
 * @property {string[]} warnings
 * @property {number} rows  data rows read
 */

/**
 * Read the input into table `src` (all values as text, plus `_row`) and the
 * registry into `comuni` / `entities`. Known stages, when given, go in
 * `known_stages`.
 * @param {import('@duckdb/node-api').DuckDBConnection} conn
 * @param {string} inputPath
 * @param {{ registryPath: string, stagesPath?: string | null }} opts
 */
async function load(conn, inputPath, opts) {
  /** @type {{ row: number, message: string }[]} */
  let rejects = [];
  const ext = extname(inputPath).toLowerCase();
  if (ext === '.csv') {
    // all_varchar: types are checked here, row by row, with messages a
    // person can act on, instead of DuckDB guessing a type per column.
    // The delimiter comes from the header line rather than DuckDB's sniffer:
    // with a ragged row the sniffer can fall back to a single column, and
    // the person would be told every column is missing. Ragged rows are
    // kept aside (store_rejects) and reported with their line numbers.
    await run(
      conn,
      `CREATE TABLE raw AS SELECT * FROM read_csv($1, header = true, all_varchar = true, delim = $2, quote = '"',
         store_rejects = true, rejects_table = 'csv_rejects', rejects_scan = 'csv_scans')`,
      [inputPath, detectDelimiter(inputPath)],
    );
    rejects = /** @type {ErrorRow[]} */ (
      await all(
        conn,
        `SELECT line::INTEGER AS row,
              CASE error_type
                WHEN 'TOO MANY COLUMNS' THEN 'cannot be read: more fields than the header has'
                WHEN 'MISSING COLUMNS' THEN 'cannot be read: fewer fields than the header has'
                ELSE 'cannot be read: ' || error_message END AS message
       FROM csv_rejects QUALIFY row_number() OVER (PARTITION BY line ORDER BY column_idx DESC) = 1 ORDER BY line`,
      )
    );
  } else if (ext === '.parquet') {
    await run(conn, `CREATE TABLE raw AS SELECT * FROM read_parquet($1)`, [inputPath]);
  } else {
    throw new UsageError(`${inputPath}: expected a .csv or .parquet file`);
  }
  // One thread and insertion order preserved (see openDb), so rowid is the
  // position in the file.
  const columns = (await all(conn, `SELECT column_name FROM (DESCRIBE raw)`)).map((r) => String(r.column_name));
  await loadComuniParquet(conn, opts.registryPath);
  if (opts.stagesPath && existsSync(opts.stagesPath)) {
    await run(conn, `CREATE TABLE known_stages AS SELECT programme, stage, stage_order FROM read_parquet($1)`, [opts.stagesPath]);
  } else {
    await run(conn, `CREATE TABLE known_stages (programme VARCHAR, stage VARCHAR, stage_order INTEGER)`);
  }
  return { columns, rejects };
}

/**
 * ',' unless the header line has more ';' or tabs (spreadsheets set to
 * Italian locale export CSV with ';').
 * @param {string} path
 */
function detectDelimiter(path) {
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(4096);
  const n = readSync(fd, buf, 0, buf.length, 0);
  closeSync(fd);
  const header = buf.subarray(0, n).toString('utf8').split(/\r?\n/)[0];
  const count = (/** @type {string} */ ch) => header.split(ch).length - 1;
  return [',', ';', '\t'].reduce((best, ch) => (count(ch) > count(best) ? ch : best), ',');
}

/**
 * @param {import('@duckdb/node-api').DuckDBConnection} conn
 * @param {string} inputPath .csv or .parquet
 * @param {{ registryPath: string, stagesPath?: string | null, maxErrors?: number }} opts
 * @returns {Promise<ValidationResult>}
 */
export async function validateEventsFile(conn, inputPath, opts) {
  const maxErrors = opts.maxErrors ?? 50;
  const { columns, rejects } = await load(conn, inputPath, opts);
  const lower = new Map(columns.map((c) => [c.toLowerCase(), c]));
  /** @type {{ row: number, message: string }[]} */
  const errors = [];
  const warnings = [];

  // Entity details (name, province, region) are always taken from the
  // registry, so those columns may be present but are not read.
  const known = new Set([...REQUIRED_IMPORT_COLUMNS, ...OPTIONAL_IMPORT_COLUMNS, ...EVENT_COLUMNS.map(([c]) => c)]);
  for (const c of columns) {
    if (!known.has(c.toLowerCase())) warnings.push(`column '${c}' is not part of the stage-events shape and is ignored`);
  }
  // Rows that could not be parsed are not in `raw`, so later rows would be
  // numbered wrongly: report them alone.
  if (rejects.length) {
    const [{ n }] = await all(conn, 'SELECT count(*)::INTEGER AS n FROM raw');
    return finish(rejects, warnings, n + rejects.length, maxErrors);
  }
  const missing = REQUIRED_IMPORT_COLUMNS.filter((c) => !lower.has(c));
  for (const c of missing) errors.push({ row: 1, message: `missing column '${c}' (header row)` });
  const [{ n: rowCount }] = await all(conn, 'SELECT count(*)::INTEGER AS n FROM raw');
  if (missing.length) return finish(errors, warnings, rowCount, maxErrors);

  // Normalised text view of the input: trimmed strings, empty -> NULL,
  // optional columns present as NULL when absent. Column names are ours
  // (checked above), never text from the file.
  /** @param {string} name */
  const col = (name) =>
    lower.has(name) ? `NULLIF(trim(CAST("${lower.get(name)?.replaceAll('"', '""')}" AS VARCHAR)), '')` : 'NULL::VARCHAR';
  await run(
    conn,
    `CREATE TABLE src AS
     SELECT (rowid + ${FIRST_ROW})::INTEGER AS _row,
            ${[...REQUIRED_IMPORT_COLUMNS, ...OPTIONAL_IMPORT_COLUMNS].map((c) => `${col(c)} AS "${c}"`).join(', ')}
     FROM raw`,
  );

  // Row-level checks: each SELECT yields (row, message).
  const kinds = ENTITY_KINDS.map((k) => `'${k}'`).join(', ');
  const provenances = PROVENANCE.map((p) => `'${p}'`).join(', ');
  errors.push(
    .../** @type {ErrorRow[]} */ (
      await all(
        conn,
        `SELECT _row AS row, message FROM (
         SELECT _row, 'programme is empty' AS message FROM src WHERE programme IS NULL
         UNION ALL SELECT _row, 'programme ''' || programme || ''' is not an id (lowercase letters, digits and -)'
           FROM src WHERE NOT regexp_full_match(programme, '[a-z0-9][a-z0-9-]*')
         UNION ALL SELECT _row, 'entity_code is empty' FROM src WHERE entity_code IS NULL
         UNION ALL SELECT _row, 'entity_code ''' || entity_code || ''' is not a 6-digit ISTAT comune code or a 3-digit ISTAT province code'
           || CASE WHEN regexp_full_match(entity_code, '\\d{1,5}') THEN ' (leading zeros lost?)' ELSE '' END
           FROM src WHERE NOT regexp_full_match(entity_code, '\\d{6}|\\d{3}')
         UNION ALL SELECT _row, 'entity_kind ''' || entity_kind || ''' is not one of ${kinds.replaceAll("'", "''")}'
           FROM src WHERE entity_kind NOT IN (${kinds})
         UNION ALL SELECT _row, 'entity_kind ''' || entity_kind || ''' does not match entity_code ''' || entity_code || ''''
           FROM src WHERE entity_kind IN (${kinds}) AND regexp_full_match(entity_code, '\\d{6}|\\d{3}')
             AND entity_kind <> CASE length(entity_code) WHEN 6 THEN 'comune' ELSE 'provincia' END
         UNION ALL SELECT _row, 'unknown ISTAT ' || CASE length(entity_code) WHEN 6 THEN 'comune' ELSE 'province' END
             || ' code ''' || entity_code || ''''
           FROM src WHERE regexp_full_match(entity_code, '\\d{6}|\\d{3}')
             AND entity_code NOT IN (SELECT entity_code FROM entities)
         UNION ALL SELECT _row, 'stage is empty' FROM src WHERE stage IS NULL
         UNION ALL SELECT _row, 'stage ''' || stage || ''' is not an id (lowercase letters, digits and _)'
           FROM src WHERE NOT regexp_full_match(stage, '[a-z][a-z0-9_]*')
         UNION ALL SELECT _row, 'stage_order is empty' FROM src WHERE stage_order IS NULL
         UNION ALL SELECT _row, 'stage_order ''' || stage_order || ''' is not a whole number (0, 1, 2, ...)'
           FROM src WHERE NOT regexp_full_match(stage_order, '\\d{1,9}')
         UNION ALL SELECT _row, 'date is empty' FROM src WHERE date IS NULL
         UNION ALL SELECT _row, 'date ''' || date || ''' is not a valid date (YYYY-MM-DD)'
           FROM src WHERE NOT (regexp_full_match(date, '\\d{4}-\\d{2}-\\d{2}') AND TRY_CAST(date AS DATE) IS NOT NULL)
         UNION ALL SELECT _row, 'provenance ''' || provenance || ''' is not one of ${provenances.replaceAll("'", "''")}'
           FROM src WHERE provenance NOT IN (${provenances})
       ) ORDER BY ALL`,
      )
    ),
  );

  // Rows whose values are all well-formed; the checks across rows (order,
  // gaps, duplicates) only look at these, so one typo is not reported twice.
  await run(
    conn,
    `CREATE TABLE ok AS
     SELECT _row, programme, entity_code, stage, CAST(stage_order AS INTEGER) AS stage_order, CAST(date AS DATE) AS date,
            coalesce(provenance, 'published') AS provenance,
            CASE length(entity_code) WHEN 6 THEN 'comune' ELSE 'provincia' END AS entity_kind
     FROM src
     WHERE NOT list_contains(string_split($1, ','), CAST(_row AS VARCHAR))`,
    // Row numbers travel as one text parameter, never as SQL text.
    [[...new Set(errors.map((e) => e.row))].join(',')],
  );

  errors.push(
    .../** @type {ErrorRow[]} */ (
      await all(
        conn,
        `WITH firsts AS (
         SELECT *,
           min(_row) OVER (PARTITION BY programme, entity_code, stage) AS first_same_stage,
           min(_row) OVER (PARTITION BY programme, entity_code, stage_order) AS first_same_order,
           min(_row) OVER (PARTITION BY programme, stage) AS first_stage_use,
           min(_row) OVER (PARTITION BY programme, stage_order) AS first_order_use
         FROM ok),
       pairs AS (
         SELECT f.*, a.stage_order AS order_of_first_stage_use, b.stage AS stage_of_first_order_use
         FROM firsts f
         JOIN ok a ON a._row = f.first_stage_use
         JOIN ok b ON b._row = f.first_order_use),
       steps AS (
         SELECT *,
           lag(stage_order) OVER w AS prev_order, lag(date) OVER w AS prev_date, lag(_row) OVER w AS prev_row
         FROM (SELECT * FROM ok QUALIFY row_number() OVER (PARTITION BY programme, entity_code, stage_order ORDER BY _row) = 1)
         WINDOW w AS (PARTITION BY programme, entity_code ORDER BY stage_order))
       SELECT _row AS row, message FROM (
         SELECT _row, 'duplicate event: ' || entity_code || ' already reached stage ''' || stage || ''' in row ' || first_same_stage AS message
           FROM firsts WHERE _row > first_same_stage
         UNION ALL SELECT _row, 'duplicate event: ' || entity_code || ' already has stage_order ' || stage_order || ' in row ' || first_same_order
           FROM firsts WHERE _row > first_same_order AND _row = first_same_stage
         UNION ALL SELECT _row, 'stage ''' || stage || ''' has stage_order ' || stage_order || ' here but ' || order_of_first_stage_use
             || ' in row ' || first_stage_use
           FROM pairs WHERE stage_order <> order_of_first_stage_use
         UNION ALL SELECT _row, 'stage_order ' || stage_order || ' is stage ''' || stage_of_first_order_use || ''' in row '
             || first_order_use || ', not ''' || stage || ''''
           FROM pairs WHERE stage <> stage_of_first_order_use AND stage_order = order_of_first_stage_use
         UNION ALL SELECT o._row, 'stage ''' || o.stage || ''' is stage_order ' || k.stage_order || ' in programme '
             || o.programme || ', not ' || o.stage_order
           FROM ok o JOIN known_stages k ON k.programme = o.programme AND k.stage = o.stage
           WHERE k.stage_order <> o.stage_order
         UNION ALL SELECT o._row, 'stage ''' || o.stage || ''' is not a stage of programme ' || o.programme
           FROM ok o WHERE o.programme IN (SELECT programme FROM known_stages)
             AND NOT EXISTS (SELECT 1 FROM known_stages k WHERE k.programme = o.programme AND k.stage = o.stage)
         UNION ALL SELECT _row, 'stage_order 0 must be stage ''eligible'', not ''' || stage || ''''
           FROM ok WHERE stage_order = 0 AND stage <> 'eligible'
         UNION ALL SELECT _row, 'stage skipped: ' || entity_code || ' reached stage_order ' || stage_order
             || ' (''' || stage || ''') but has no stage_order ' || (stage_order - 1)
           FROM steps WHERE stage_order > 0 AND coalesce(prev_order, -1) <> stage_order - 1
         UNION ALL SELECT _row, 'date out of order: ' || strftime(date, '%Y-%m-%d') || ' is before ' || strftime(prev_date, '%Y-%m-%d')
             || ', the date of stage_order ' || prev_order || ' in row ' || prev_row
           FROM steps WHERE date < prev_date
       ) ORDER BY ALL`,
      )
    ),
  );
  errors.sort((a, b) => a.row - b.row || a.message.localeCompare(b.message));
  return finish(errors, warnings, rowCount, maxErrors);
}

/**
 * @param {{ row: number, message: string }[]} errors
 * @param {string[]} warnings
 * @param {number} rows
 * @param {number} maxErrors
 * @returns {ValidationResult}
 */
function finish(errors, warnings, rows, maxErrors) {
  return { valid: errors.length === 0, errors: errors.slice(0, maxErrors), errorCount: errors.length, warnings, rows };
}

/**
 * The validated rows in programmes.parquet shape, entity details from the
 * registry. Only call after validateEventsFile() returned valid.
 */
export const VALID_EVENTS_QUERY = `
  SELECT ${EVENT_COLUMNS.map(([c]) => (['entity_name', 'province_code', 'province_sigla', 'province_name', 'region_code', 'region_name'].includes(c) ? `e."${c}"` : `o."${c}"`)).join(', ')}
  FROM ok o JOIN entities e USING (entity_kind, entity_code)
  ORDER BY ${EVENT_ORDER}`;

/** Bad command line or unreadable file, as opposed to an invalid file. */
export class UsageError extends Error {}
