// Writes the cube of a stage-events file (src/data/sql/cube.ts, format in data/SCHEMA.md):
// what the elements answer from without starting the engine.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { writeAtomic } from './atomic.mjs';
import { allJson } from './duck.mjs';
import { loadBuilders } from './builders.mjs';

export const CUBE_FORMAT = 'piccoli-cube';
export const CUBE_VERSION = 1;

/** `programmes.parquet` -> `programmes.cube.json`: where a page looks for a file's cube. */
export function cubePathFor(dataPath) {
  return dataPath.replace(/(\.[^./\\]*)?$/, '.cube.json');
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
function days(from, to) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Build the cube of the Parquet file at `parquetPath` with the library's builders.
 * `twins` are other files holding the same rows (the bundled Arrow file), which the cube
 * also describes so that either can find it.
 * `source`, when given, is the site's own citation of where the data comes from: the
 * elements show it as the publisher (data/SCHEMA.md, cube format).
 * @param {import('@duckdb/node-api').DuckDBConnection} conn
 * @param {string} parquetPath
 * @param {{ twins?: string[], source?: string }} [opts]
 */
export async function buildCube(conn, parquetPath, opts = {}) {
  const sql = await loadBuilders();
  const view = `cube_source_${createHash('sha256').update(parquetPath).digest('hex').slice(0, 8)}`;
  // A view over the file, so the builders get a table name as in the browser.
  await conn.run(`CREATE OR REPLACE TEMP VIEW ${sql.quoteIdent(view)} AS SELECT * FROM read_parquet(${sql.quoteLiteral(parquetPath)})`);
  try {
    const columns = (await allJson(conn, `DESCRIBE ${sql.quoteIdent(view)}`)).map((c) => c.column_name);
    const hasProvenance = columns.includes('provenance');
    const shape = sql.eventsShapeQuery(view);
    const bad = await allJson(conn, shape.sql, shape.params);
    if (bad.length)
      throw new Error(
        `${parquetPath}: entity ${bad[0].entity_code} of programme ${bad[0].programme} skips or repeats a stage; no cube written`,
      );
    const queries = [sql.cubeEntitiesQuery(view, hasProvenance), sql.cubeProvincesQuery(view), sql.cubeStagesQuery(view)];
    const [entities, provinces, stages] = await Promise.all(queries.map((q) => allJson(conn, q.sql, q.params)));
    /** @type {Record<string, { stages: string[], epoch: string, entities: unknown[] }>} */
    const programmes = {};
    for (const s of stages) {
      const p = (programmes[s.programme] ??= { stages: [], epoch: '', entities: [] });
      p.stages[s.stage_order] = s.stage;
    }
    for (const e of entities) {
      const p = programmes[e.programme];
      if (!p.epoch || e.dates[0] < p.epoch) p.epoch = e.dates[0];
    }
    for (const e of entities) {
      const p = programmes[e.programme];
      // [code, name, stage days since the programme's epoch, simulated bits, province]:
      // the province only when it is not the code's own (a comune's first three digits,
      // a province's code), which the ISTAT registry never needs.
      const own = e.entity_code.length === 6 ? e.entity_code.slice(0, 3) : e.entity_code;
      const mask = e.simulated.some((x) => x === null) ? -1 : e.simulated.reduce((m, x, i) => (x ? m | (1 << i) : m), 0);
      const row = [e.entity_code, e.entity_name ?? '', e.dates.map((d) => days(p.epoch, d)), mask];
      if (e.province_code !== own) row.push(e.province_code);
      p.entities.push(row);
    }
    const describe = (path) => {
      const bytes = readFileSync(path);
      return { file: basename(path), bytes: bytes.length, sha256_16: createHash('sha256').update(bytes).digest('hex').slice(0, 16) };
    };
    return {
      format: CUBE_FORMAT,
      version: CUBE_VERSION,
      ...(opts.source === undefined ? {} : { source: opts.source }),
      sources: [parquetPath, ...(opts.twins ?? [])].map(describe),
      queries: queries.map((q) => q.sql.replaceAll(sql.quoteIdent(view), '"events"')),
      entity: ['code', 'name', 'days', 'simulated', 'province'],
      provinces: Object.fromEntries(
        provinces.map((p) => [p.province_code, [p.province_sigla, p.province_name, p.region_code, p.region_name]]),
      ),
      programmes,
    };
  } finally {
    await conn.run(`DROP VIEW IF EXISTS ${sql.quoteIdent(view)}`);
  }
}

/**
 * Build and write the cube beside the data file; returns its path.
 * @param {import('@duckdb/node-api').DuckDBConnection} conn
 * @param {string} parquetPath
 * @param {{ twins?: string[], source?: string, out?: string }} [opts]
 */
export async function writeCube(conn, parquetPath, opts = {}) {
  const cube = await buildCube(conn, parquetPath, opts);
  const path = opts.out ?? cubePathFor(parquetPath);
  await writeAtomic(path, (tmp) => writeFileSync(tmp, `${JSON.stringify(cube)}\n`));
  return path;
}
