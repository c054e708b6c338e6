// The published calendar (data/sources/programmes.json, `calendar`): the check the build
// runs fails on a row that breaks a rule, names the row, the rule and its source, and
// passes on the committed data. The dates the sources publish are also written out here,
// so that a change to the source table that drops a rule fails a test.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { calendarRules, checkCalendar, ruleText, stageBounds } from '../../data/scripts/lib/calendar.mjs';
import { openDb, sqlString } from '../../data/scripts/lib/duck.mjs';
import { file, q } from './helpers.mjs';

const sources = JSON.parse(readFileSync(file('sources/programmes.json'), 'utf8'));

/** A programme of two stages with one rule of each kind. */
const PROG = {
  id: 'my-prog',
  stages: [{ stage: 'eligible' }, { stage: 'plan' }],
  calendar: [
    { not_before: '2022-01-01', not_after: '2022-12-31', source: 'Bollettino, «Avvio e chiusura»' },
    { stage: 'plan', not_after: '2022-04-30', source: 'Avviso, «Termine prorogato al 30 aprile»' },
  ],
};

/** @type {import('@duckdb/node-api').DuckDBConnection} */
let conn;
before(async () => {
  conn = await openDb();
});
after(() => conn.closeSync());

/**
 * A small events table from (entity_code, stage, date, provenance) rows.
 * @param {string} name
 * @param {[string, string, string, string][]} rows
 */
async function table(name, rows) {
  await conn.run(`CREATE OR REPLACE TABLE ${name} (programme VARCHAR, entity_code VARCHAR, entity_name VARCHAR, stage VARCHAR,
    date DATE, provenance VARCHAR)`);
  for (const [code, stage, date, provenance] of rows) {
    await conn.run(`INSERT INTO ${name} VALUES ('my-prog', $1, 'Comune ' || $1, $2, $3::DATE, $4)`, [code, stage, date, provenance]);
  }
}

describe('calendar check', () => {
  test('fails on rows that break a rule, naming programme, entity, stage, date, rule and source', async () => {
    await table('bad', [
      ['054028', 'eligible', '2022-01-10', 'published'],
      ['054028', 'plan', '2022-04-29', 'simulated'],
      ['055018', 'eligible', '2022-01-10', 'published'],
      ['055018', 'plan', '2022-05-03', 'published'],
      ['055001', 'eligible', '2021-12-31', 'published'],
    ]);
    const v = await checkCalendar(conn, [PROG], 'bad');
    assert.deepEqual(
      v.map((x) => [x.entity_code, x.stage, x.date, x.provenance, x.rule]),
      [
        ['055001', 'eligible', '2021-12-31', 'published', 'every stage from 2022-01-01 to 2022-12-31'],
        ['055018', 'plan', '2022-05-03', 'published', 'plan not after 2022-04-30'],
      ],
    );
    assert.equal(
      v[1].message,
      'my-prog, 055018 Comune 055018: plan dated 2022-05-03 (published row) breaks the rule "plan not after 2022-04-30" (source: Avviso, «Termine prorogato al 30 aprile»)',
    );
  });

  test('passes when every row keeps the rules (the bounds are inclusive)', async () => {
    await table('good', [
      ['054028', 'eligible', '2022-01-01', 'published'],
      ['054028', 'plan', '2022-04-30', 'simulated'],
    ]);
    assert.deepEqual(await checkCalendar(conn, [PROG], 'good'), []);
  });

  test('passes on the committed data, for every programme and rule', async () => {
    await conn.run(`CREATE OR REPLACE VIEW events AS SELECT * FROM read_parquet(${sqlString(file('programmes.parquet'))})`);
    assert.deepEqual(
      (await checkCalendar(conn, sources.programmes, 'events')).map((x) => x.message),
      [],
    );
  });

  test('a malformed rule stops the build instead of checking nothing', () => {
    const bad = (/** @type {any} */ rule) => [{ ...PROG, calendar: [rule] }];
    assert.throws(() => calendarRules(bad({ stage: 'plan', source: 'x' })), /needs not_before or not_after/);
    assert.throws(() => calendarRules(bad({ stage: 'plans', not_after: '2022-04-30', source: 'x' })), /'plans' is not a stage/);
    assert.throws(() => calendarRules(bad({ not_after: '2022-04-31', source: 'x' })), /not a YYYY-MM-DD date/);
    assert.throws(() => calendarRules(bad({ not_after: '2022-04-30' })), /needs its source/);
    assert.throws(() => calendarRules(bad({ not_after: '2022-04-30', source: 'x', not_afer: '2022-01-01' })), /unknown field 'not_afer'/);
  });

  test('rules in words', () => {
    assert.equal(ruleText({ stage: 'kick_off', not_before: '2022-03-24', not_after: '2022-03-24' }), 'kick_off on 2022-03-24');
    assert.equal(ruleText({ stage: null, not_before: '2020-05-01', not_after: null }), 'every stage not before 2020-05-01');
  });
});

describe('the published calendar of each programme', () => {
  test('the source table holds the published dates, each with its source', () => {
    const rules = calendarRules(sources.programmes).map((r) => [r.programme, r.stage, r.not_before, r.not_after]);
    assert.deepEqual(rules, [
      ['piccoli', 'plan_submitted', null, '2022-04-30'],
      ['piccoli', 'needs_analysis', null, '2022-04-30'],
      ['province-e-comuni', null, '2020-05-01', '2023-09-30'],
      ['province-e-comuni', 'focus_group', '2021-10-01', '2021-12-31'],
      ['next-generation-siena', null, '2022-03-24', '2022-12-31'],
      ['next-generation-siena', 'kick_off', '2022-03-24', '2022-03-24'],
      ['piacenza-fabbisogni', null, null, '2022-09-07'],
      ['piacenza-fabbisogni', 'report_presented', '2022-09-07', '2022-09-07'],
    ]);
    const piccoli = sources.programmes.find((/** @type {any} */ p) => p.id === 'piccoli');
    assert.match(
      piccoli.calendar[0].source,
      /ANCI Campania, «Progetto Piccoli: termine per la presentazione dei progetti prorogato al 30 aprile»/,
    );
    // The PICCOLI end date bounds the simulation; it is not a published end.
    assert.deepEqual(stageBounds(piccoli).at(-1), { not_before: null, not_after: null });
  });

  test('PICCOLI: no needs analysis and no plan after 30 April 2022, published rows included; support goes on', async () => {
    assert.deepEqual(
      await q(`SELECT stage, provenance, count(*)::INTEGER AS n FROM events
        WHERE programme = 'piccoli' AND stage IN ('needs_analysis', 'plan_submitted') AND date > DATE '2022-04-30' GROUP BY ALL`),
      [],
    );
    assert.ok(
      Number(
        (
          await q(`SELECT count(*)::INTEGER AS n FROM events WHERE programme = 'piccoli' AND stage = 'specialist_support'
          AND date > DATE '2022-04-30'`)
        )[0].n,
      ) > 0,
    );
    for (const name of ['Tuoro sul Trasimeno', 'Cerreto di Spoleto', 'Castel Ritaldi']) {
      const [row] = await q(
        `SELECT date, provenance FROM events WHERE programme = 'piccoli' AND entity_name = $1 AND region_name = 'Umbria' AND stage = 'plan_submitted'`,
        [name],
      );
      assert.equal(row.provenance, 'published', name);
      assert.ok(row.date <= '2022-04-30', `${name}: ${row.date}`);
    }
  });

  test('siblings keep their published kick-offs and ends', async () => {
    const span = async (/** @type {string} */ programme, /** @type {string | null} */ stage = null) =>
      (
        await q(`SELECT min(date) AS first, max(date) AS last FROM events WHERE programme = $1 AND ($2 IS NULL OR stage = $2)`, [
          programme,
          stage,
        ])
      )[0];
    const siena = await span('next-generation-siena');
    assert.ok(siena.first >= '2022-03-24' && siena.last <= '2022-12-31', JSON.stringify(siena));
    assert.deepEqual(await span('next-generation-siena', 'kick_off'), { first: '2022-03-24', last: '2022-03-24' });
    const pc = await span('province-e-comuni');
    assert.ok(pc.first >= '2020-05-01' && pc.last <= '2023-09-30', JSON.stringify(pc));
    const focus = await span('province-e-comuni', 'focus_group');
    assert.ok(focus.first >= '2021-10-01' && focus.last <= '2021-12-31', JSON.stringify(focus));
    assert.ok((await span('piacenza-fabbisogni')).last <= '2022-09-07');
    assert.deepEqual(await span('piacenza-fabbisogni', 'report_presented'), { first: '2022-09-07', last: '2022-09-07' });
  });
});
