// Calendar rules: published dates that no stage event may break (data/SCHEMA.md,
// "Calendar rules"). They are authored per programme in data/sources/programmes.json
// as `calendar: [{ stage?, not_before?, not_after?, source, note? }]`; a rule without
// `stage` bounds every stage of the programme. The build checks every row against them,
// published and simulated alike, and the PICCOLI simulator reads them to stay inside.
import { run, all } from './duck.mjs';
import { loadRows } from './tables.mjs';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * @typedef {object} CalendarRule
 * @property {string} programme
 * @property {number} index position of the rule in the programme's `calendar`
 * @property {string | null} stage null: every stage of the programme
 * @property {string | null} not_before YYYY-MM-DD, inclusive
 * @property {string | null} not_after YYYY-MM-DD, inclusive
 * @property {string} source
 * @property {string | null} note
 *
 * @typedef {object} CalendarViolation
 * @property {string} programme
 * @property {string} entity_code
 * @property {string | null} entity_name
 * @property {string} stage
 * @property {string} date
 * @property {string} provenance
 * @property {string} rule  the rule in words, e.g. "plan_submitted not after 2022-04-30"
 * @property {string} source
 * @property {string} message
 */

/** @param {string} s */
function isDate(s) {
  return typeof s === 'string' && ISO.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
}

/**
 * The calendar rules of all programmes, checked for shape. Throws on a malformed rule
 * (a typo in the source table must not silently disable a check).
 * @param {any[]} programmes entries of data/sources/programmes.json
 * @returns {CalendarRule[]}
 */
export function calendarRules(programmes) {
  /** @type {CalendarRule[]} */
  const rules = [];
  /** @type {string[]} */
  const problems = [];
  for (const p of programmes) {
    const stages = new Set((p.stages ?? []).map((/** @type {any} */ s) => s.stage));
    (p.calendar ?? []).forEach((/** @type {any} */ r, /** @type {number} */ index) => {
      const where = `${p.id} calendar[${index}]`;
      const known = new Set(['stage', 'not_before', 'not_after', 'source', 'note']);
      for (const k of Object.keys(r)) if (!known.has(k)) problems.push(`${where}: unknown field '${k}'`);
      if (r.stage !== undefined && !stages.has(r.stage)) problems.push(`${where}: '${r.stage}' is not a stage of ${p.id}`);
      if (r.not_before === undefined && r.not_after === undefined) problems.push(`${where}: needs not_before or not_after`);
      for (const k of ['not_before', 'not_after']) {
        if (r[k] !== undefined && !isDate(r[k])) problems.push(`${where}: ${k} '${r[k]}' is not a YYYY-MM-DD date`);
      }
      if (isDate(r.not_before) && isDate(r.not_after) && r.not_before > r.not_after)
        problems.push(`${where}: not_before ${r.not_before} is after not_after ${r.not_after}`);
      if (typeof r.source !== 'string' || !r.source.trim()) problems.push(`${where}: a rule needs its source`);
      rules.push({
        programme: p.id,
        index,
        stage: r.stage ?? null,
        not_before: r.not_before ?? null,
        not_after: r.not_after ?? null,
        source: r.source,
        note: r.note ?? null,
      });
    });
  }
  if (problems.length) throw new Error(`calendar rules in data/sources/programmes.json are malformed:\n${problems.join('\n')}`);
  return rules;
}

/**
 * A rule in words: "plan_submitted not after 2022-04-30", "every stage from 2022-03-24
 * to 2022-12-31", "kick_off on 2022-03-24".
 * @param {Pick<CalendarRule, 'stage' | 'not_before' | 'not_after'>} r
 */
export function ruleText(r) {
  const what = r.stage ?? 'every stage';
  if (r.not_before && r.not_before === r.not_after) return `${what} on ${r.not_before}`;
  if (r.not_before && r.not_after) return `${what} from ${r.not_before} to ${r.not_after}`;
  if (r.not_before) return `${what} not before ${r.not_before}`;
  return `${what} not after ${r.not_after}`;
}

/**
 * The tightest bounds the calendar puts on each stage of one programme, by stage_order:
 * what a simulator must stay within.
 * @param {any} prog entry of data/sources/programmes.json
 * @returns {{ not_before: string | null, not_after: string | null }[]}
 */
export function stageBounds(prog) {
  const rules = calendarRules([prog]);
  return prog.stages.map((/** @type {{ stage: string }} */ s) => {
    let notBefore = /** @type {string | null} */ (null);
    let notAfter = /** @type {string | null} */ (null);
    for (const r of rules) {
      if (r.stage !== null && r.stage !== s.stage) continue;
      if (r.not_before && (!notBefore || r.not_before > notBefore)) notBefore = r.not_before;
      if (r.not_after && (!notAfter || r.not_after < notAfter)) notAfter = r.not_after;
    }
    return { not_before: notBefore, not_after: notAfter };
  });
}

/**
 * Every row of `table` that breaks a calendar rule of its programme, with a message
 * naming the programme, the entity, the stage, the date, the rule and its source.
 * `table` needs the columns programme, entity_code, entity_name, stage, date (DATE)
 * and provenance (the columns of programmes.parquet have them all).
 * @param {import('@duckdb/node-api').DuckDBConnection} conn
 * @param {any[]} programmes entries of data/sources/programmes.json
 * @param {string} [table] a table or view name from our own code, not user input
 * @returns {Promise<CalendarViolation[]>}
 */
export async function checkCalendar(conn, programmes, table = 'events') {
  const rules = calendarRules(programmes);
  await loadRows(
    conn,
    'calendar_rules',
    [
      ['programme', 'VARCHAR'],
      ['index', 'INTEGER'],
      ['stage', 'VARCHAR'],
      ['not_before', 'DATE'],
      ['not_after', 'DATE'],
      ['source', 'VARCHAR'],
    ],
    rules,
  );
  try {
    const rows = await all(
      conn,
      `SELECT e.programme, e.entity_code, e.entity_name, e.stage, strftime(e.date, '%Y-%m-%d') AS date, e.provenance, r.index
       FROM "${table.replaceAll('"', '""')}" e
       JOIN calendar_rules r ON r.programme = e.programme AND (r.stage IS NULL OR r.stage = e.stage)
       WHERE e.date < r.not_before OR e.date > r.not_after
       ORDER BY e.programme, r.index, e.date, e.entity_code, e.stage`,
    );
    return rows.map((row) => {
      const rule = /** @type {CalendarRule} */ (rules.find((r) => r.programme === row.programme && r.index === row.index));
      const text = ruleText(rule);
      const entity = row.entity_name ? `${row.entity_code} ${row.entity_name}` : row.entity_code;
      return {
        programme: row.programme,
        entity_code: row.entity_code,
        entity_name: row.entity_name ?? null,
        stage: row.stage,
        date: row.date,
        provenance: row.provenance,
        rule: text,
        source: rule.source,
        message: `${row.programme}, ${entity}: ${row.stage} dated ${row.date} (${row.provenance} row) breaks the rule "${text}" (source: ${rule.source})`,
      };
    });
  } finally {
    await run(conn, 'DROP TABLE IF EXISTS calendar_rules');
  }
}
