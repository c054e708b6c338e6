// Published figures: totals a programme published, with the day they describe, the
// area they count and who published them (data/SCHEMA.md, "Published figures").
// Authored in data/sources/programmes.json under each programme's `published_figures`;
// the build checks that the events reproduce each one exactly, and writes them to
// programmes-meta.json and published-figures.parquet.
import { all } from './duck.mjs';

export const FIGURE_LEVELS = ['italy', 'region', 'province', 'other'];

/**
 * The fields of a figure in programmes-meta.json, in this order; `published_on` and
 * `out_of_published` only where the source gives them.
 */
export const FIGURE_FIELDS = ['stage', 'as_of', 'count', 'level', 'area', 'source', 'published_on', 'out_of_published'];

/** Fields the build reads but does not publish: `scope` names the group an 'other' figure counts. */
const BUILD_FIELDS = ['scope'];

/** Columns of published-figures.parquet. */
export const FIGURE_COLUMNS = /** @type {const} */ ([
  ['programme', 'VARCHAR'],
  ['level', 'VARCHAR'],
  ['area_code', 'VARCHAR'],
  ['as_of', 'DATE'],
  ['stage', 'VARCHAR'],
  ['value', 'BIGINT'],
  ['source', 'VARCHAR'],
  ['published_on', 'DATE'],
]);

const ISO = /^\d{4}-\d{2}-\d{2}$/;
/** @param {unknown} s */
const isDate = (s) => typeof s === 'string' && ISO.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/**
 * Throws on a malformed figure: a typo in the source table must not silently skip a check.
 * @param {any[]} programmes entries of data/sources/programmes.json
 */
export function checkFigureShapes(programmes) {
  /** @type {string[]} */
  const problems = [];
  for (const p of programmes) {
    const stages = new Set((p.stages ?? []).map((/** @type {any} */ s) => s.stage));
    (p.published_figures ?? []).forEach((/** @type {any} */ f, /** @type {number} */ i) => {
      const where = `${p.id} published_figures[${i}]`;
      for (const k of Object.keys(f)) {
        if (!FIGURE_FIELDS.includes(k) && !BUILD_FIELDS.includes(k)) problems.push(`${where}: unknown field '${k}'`);
      }
      if (!stages.has(f.stage)) problems.push(`${where}: '${f.stage}' is not a stage of ${p.id}`);
      if (!isDate(f.as_of)) problems.push(`${where}: as_of '${f.as_of}' is not a YYYY-MM-DD date`);
      if (!Number.isInteger(f.count) || f.count < 0) problems.push(`${where}: count must be a whole number`);
      if (!FIGURE_LEVELS.includes(f.level)) problems.push(`${where}: level '${f.level}' is not one of ${FIGURE_LEVELS.join(', ')}`);
      if (!('area' in f)) problems.push(`${where}: area is required (null for Italy and 'other')`);
      const areaPattern = f.level === 'region' ? /^\d{2}$/ : f.level === 'province' ? /^\d{3}$/ : null;
      if (areaPattern ? !(typeof f.area === 'string' && areaPattern.test(f.area)) : f.area !== null && f.area !== undefined)
        problems.push(`${where}: area '${f.area}' does not fit level '${f.level}'`);
      if (f.level === 'other' && f.scope !== 'southern')
        problems.push(`${where}: a level 'other' figure needs a scope the build knows ('southern')`);
      if (typeof f.source !== 'string' || !f.source.trim()) problems.push(`${where}: a figure needs its source`);
      if (f.published_on !== undefined) {
        if (!isDate(f.published_on)) problems.push(`${where}: published_on '${f.published_on}' is not a YYYY-MM-DD date`);
        else if (isDate(f.as_of) && f.published_on < f.as_of)
          problems.push(`${where}: published_on ${f.published_on} is before as_of ${f.as_of}`);
      }
      if (f.out_of_published !== undefined && !Number.isInteger(f.out_of_published))
        problems.push(`${where}: out_of_published must be a whole number`);
    });
  }
  if (problems.length) throw new Error(`published figures in data/sources/programmes.json are malformed:\n${problems.join('\n')}`);
}

/**
 * A figure as programmes-meta.json publishes it: exactly FIGURE_FIELDS, in order.
 * @param {any} f
 */
export function metaFigure(f) {
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const k of FIGURE_FIELDS) {
    if (k === 'area') out.area = f.area ?? null;
    else if (f[k] !== undefined) out[k] = f[k];
  }
  return out;
}

/**
 * Rows of published-figures.parquet.
 * @param {any[]} programmes
 */
export function figureRows(programmes) {
  return programmes.flatMap((p) =>
    (p.published_figures ?? []).map((/** @type {any} */ f) => ({
      programme: p.id,
      level: f.level,
      area_code: f.area ?? null,
      as_of: f.as_of,
      stage: f.stage,
      value: f.count,
      source: f.source,
      published_on: f.published_on ?? null,
    })),
  );
}

/**
 * Every published figure that the rows of `table` do not reproduce exactly, as messages.
 * A figure counts the entities that reached its stage by its `as_of`, within its area:
 * Italy (all rows), a region or province (by ISTAT code), or an 'other' scope (southern:
 * the programme's `southern_regions`).
 * @param {import('@duckdb/node-api').DuckDBConnection} conn
 * @param {any[]} programmes
 * @param {string} [table] a table or view name from our own code
 * @returns {Promise<string[]>}
 */
export async function checkFigures(conn, programmes, table = 'events') {
  checkFigureShapes(programmes);
  /** @type {string[]} */
  const errors = [];
  for (const prog of programmes) {
    for (const f of prog.published_figures ?? []) {
      const regions = f.level === 'other' ? (prog.southern_regions ?? []).join(',') : '';
      const [{ n }] = await all(
        conn,
        `SELECT count(*)::INTEGER AS n FROM "${table.replaceAll('"', '""')}"
         WHERE programme = $1 AND stage = $2 AND date <= $3::DATE
           AND CASE $4 WHEN 'region' THEN region_code = $5 WHEN 'province' THEN province_code = $5
                       WHEN 'other' THEN list_contains(string_split($6, ','), region_code) ELSE true END`,
        [prog.id, f.stage, f.as_of, f.level, f.area ?? '', regions],
      );
      if (n !== f.count) {
        const where = f.level === 'italy' ? 'Italy' : f.level === 'other' ? f.scope : `${f.level} ${f.area}`;
        errors.push(`${prog.id} ${f.stage} at ${f.as_of} (${where}): ${n} in the data, published ${f.count} (source: ${f.source})`);
      }
    }
  }
  return errors;
}
