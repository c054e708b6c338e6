import { expect } from '@open-wc/testing';
import type { Table } from 'apache-arrow';
import { getEngine } from '../../../../src/data/engine.js';
import { loadEvents } from '../../../../src/data/programme-data.js';
import {
  NAME_KEY_SQL,
  areasQuery,
  entityQuery,
  eventsShapeQuery,
  funnelQuery,
  lastDateQuery,
  nameKey,
  programmesQuery,
} from '../../../../src/data/sql/funnel.js';

// The funnel's SQL builders (src/data/sql/funnel.ts): the exact SQL, and that DuckDB-WASM
// runs it on the bundled data with the columns and numbers the elements read. That the
// cube gives the same numbers is test/browser/parity.test.ts.

/** Column names and Arrow types of a result. */
const columns = (t: Table) => t.schema.fields.map((f) => `${f.name}: ${String(f.type)}`);
/** Rows as plain objects. */
const rows = (t: Table) => t.toArray().map((r) => ({ ...r.toJSON() }));

describe('funnel SQL builders', () => {
  it('funnelQuery builds this exact SQL, binding every value', () => {
    expect(funnelQuery('programme_events', { programme: 'piccoli', asOf: '2021-10-31' })).to.deep.equal({
      sql:
        'SELECT stage_order::INTEGER AS stage_order, min(stage) AS stage, count(*)::INTEGER AS n, ' +
        "count(*) FILTER (WHERE provenance = 'simulated')::INTEGER AS simulated " +
        'FROM "programme_events" WHERE programme = ? AND date <= CAST(? AS DATE) GROUP BY stage_order ORDER BY stage_order',
      params: ['piccoli', '2021-10-31'],
    });
  });

  it('funnelQuery adds a bound condition per area filter, and NULL simulated counts without provenance', () => {
    const q = funnelQuery(
      't"x',
      { programme: 'p', asOf: '2022-01-01', regionCode: '08', provinceCode: '033', entityCode: "033005' OR 1=1" },
      false,
    );
    expect(q.sql).to.equal(
      'SELECT stage_order::INTEGER AS stage_order, min(stage) AS stage, count(*)::INTEGER AS n, NULL::INTEGER AS simulated ' +
        'FROM "t""x" WHERE programme = ? AND date <= CAST(? AS DATE) AND region_code = ? AND province_code = ? AND entity_code = ? ' +
        'GROUP BY stage_order ORDER BY stage_order',
    );
    expect(q.params).to.deep.equal(['p', '2022-01-01', '08', '033', "033005' OR 1=1"]);
  });

  it('lastDateQuery, eventsShapeQuery, areasQuery, entityQuery and programmesQuery build this exact SQL', () => {
    expect(lastDateQuery('programme_events', 'piccoli')).to.deep.equal({
      sql: `SELECT strftime(min(date), '%Y-%m-%d') AS first, strftime(max(date), '%Y-%m-%d') AS last FROM "programme_events" WHERE programme = ?`,
      params: ['piccoli'],
    });
    expect(eventsShapeQuery('programme_events')).to.deep.equal({
      sql:
        'SELECT programme, entity_code, count(*)::INTEGER AS n, count(DISTINCT stage_order)::INTEGER AS stages, ' +
        'min(stage_order)::INTEGER AS first, max(stage_order)::INTEGER AS last FROM "programme_events" ' +
        'GROUP BY programme, entity_code ' +
        'HAVING count(*) <> count(DISTINCT stage_order) OR min(stage_order) <> 0 OR max(stage_order) <> count(*) - 1 ' +
        'ORDER BY programme, entity_code LIMIT 1',
      params: [],
    });
    expect(areasQuery('programme_events', 'piccoli')).to.deep.equal({
      sql:
        'SELECT DISTINCT province_code, province_sigla, province_name, region_code, region_name ' +
        'FROM "programme_events" WHERE programme = ? ORDER BY province_code',
      params: ['piccoli'],
    });
    expect(entityQuery('programme_events', 'piccoli', 'Sant\u2019Ambrogio')).to.deep.equal({
      sql:
        'SELECT DISTINCT entity_code, entity_name, province_code, region_code FROM "programme_events" ' +
        "WHERE programme = ? AND (entity_code = ? OR trim(regexp_replace(lower(strip_accents(entity_name)), '[^\\p{L}\\p{N}]+', ' ', 'g')) = ?) " +
        'ORDER BY entity_code',
      params: ['piccoli', 'Sant\u2019Ambrogio', 'sant ambrogio'],
    });
    expect(programmesQuery('programme_events')).to.deep.equal({
      sql: 'SELECT DISTINCT programme FROM "programme_events" ORDER BY programme',
      params: [],
    });
  });

  it("DuckDB runs funnelQuery: PICCOLI's published 612 / 568 / 485 at 2021-10-31, and Piacenza's funnel", async () => {
    const { table } = await loadEvents();
    const q = funnelQuery(table, { programme: 'piccoli', asOf: '2021-10-31' });
    const t = await getEngine().query(q.sql, q.params);
    expect(columns(t)).to.deep.equal(['stage_order: Int32', 'stage: Utf8', 'n: Int32', 'simulated: Int32']);
    expect(rows(t)).to.deep.equal([
      { stage_order: 0, stage: 'eligible', n: 5490, simulated: 0 },
      { stage_order: 1, stage: 'engaged', n: 612, simulated: 609 },
      { stage_order: 2, stage: 'needs_analysis', n: 568, simulated: 565 },
      { stage_order: 3, stage: 'plan_submitted', n: 485, simulated: 483 },
    ]);
    const pc = funnelQuery(table, { programme: 'piccoli', asOf: '2021-10-31', regionCode: '08', provinceCode: '033' }, false);
    const p = await getEngine().query(pc.sql, pc.params);
    expect(rows(p).map((r) => [r.n, r.simulated])).to.deep.equal([
      [32, null],
      [5, null],
      [5, null],
      [4, null],
    ]);
    const bobbio = funnelQuery(table, { programme: 'piccoli', asOf: '2023-07-12', entityCode: '033005' });
    expect(rows(await getEngine().query(bobbio.sql, bobbio.params)).map((r) => r.n)).to.deep.equal([1]);
  });

  it('DuckDB runs lastDateQuery, areasQuery, entityQuery and programmesQuery on the bundled data', async () => {
    const { table } = await loadEvents();
    const run = async (q: { sql: string; params: unknown[] }) => getEngine().query(q.sql, q.params as never);
    const last = await run(lastDateQuery(table, 'next-generation-siena'));
    expect(columns(last)).to.deep.equal(['first: Utf8', 'last: Utf8']);
    expect(rows(last)).to.deep.equal([{ first: '2022-03-24', last: '2022-12-08' }]);
    const areas = await run(areasQuery(table, 'piacenza-fabbisogni'));
    expect(columns(areas)).to.deep.equal([
      'province_code: Utf8',
      'province_sigla: Utf8',
      'province_name: Utf8',
      'region_code: Utf8',
      'region_name: Utf8',
    ]);
    expect(rows(areas)).to.deep.equal([
      { province_code: '033', province_sigla: 'PC', province_name: 'Piacenza', region_code: '08', region_name: 'Emilia-Romagna' },
    ]);
    const entity = await run(entityQuery(table, 'piccoli', 'bobbio'));
    expect(columns(entity)).to.deep.equal(['entity_code: Utf8', 'entity_name: Utf8', 'province_code: Utf8', 'region_code: Utf8']);
    expect(rows(entity)).to.deep.equal([{ entity_code: '033005', entity_name: 'Bobbio', province_code: '033', region_code: '08' }]);
    expect(rows(await run(entityQuery(table, 'piccoli', '033005')))[0]!.entity_name).to.equal('Bobbio');
    expect(rows(await run(entityQuery(table, 'piccoli', "x' OR 1=1 --")))).to.deep.equal([]);
    // Names without case, accents, apostrophe kind or hyphens; every comune of a shared name.
    const code = async (v: string) => rows(await run(entityQuery(table, 'piccoli', v))).map((r) => r.entity_code);
    expect(await code('AGLIE')).to.deep.equal(['001001']);
    expect(await code('Sant\u2019Ambrogio di Torino')).to.deep.equal(['001255']);
    expect(await code('saint rhemy en bosses')).to.deep.equal(['007064']);
    expect(await code('treville')).to.deep.equal(['006175']);
    expect(await code('Samone')).to.deep.equal(['001235', '022165']);
    const programmes = await run(programmesQuery(table));
    expect(rows(programmes).map((r) => r.programme)).to.deep.equal([
      'next-generation-siena',
      'piacenza-fabbisogni',
      'piccoli',
      'province-e-comuni',
    ]);
  });

  it('nameKey and NAME_KEY_SQL compare names alike: every entity name of the bundled data, and odd ones', async () => {
    const { table } = await loadEvents();
    const names = await getEngine().query(`SELECT DISTINCT entity_name AS name, ${NAME_KEY_SQL('entity_name')} AS k FROM "${table}"`);
    const all = rows(names) as { name: string; k: string }[];
    expect(all.length).to.be.greaterThan(5000);
    for (const { name, k } of all) expect(nameKey(name), name).to.equal(k);
    const odd = [
      'Sant\u2019Ambrogio',
      '  Rhêmes--Notre  Dame ',
      'ÀÉÎÕÜ Ç',
      'Straße/STRASSE ẞ',
      'L\u2018Aquila',
      '',
      "'",
      'E\u0301milie\u0301',
      '日本 1',
      'مدينة ✨ 🏔',
      'مَدِينَة',
      '서울 Seoul',
      'ΣΟΦΙΑΣ Ἀθῆναι',
      'Москва Йошкар-Ола',
      'İstanbul Dİyarbakır',
      'Łódź Ørsta Œuvre ǅ',
      'Ⅻ ① ½ ²',
      'Tab\tand\u00a0nbsp',
    ];
    for (const v of odd) {
      const t = await getEngine().query(`SELECT ${NAME_KEY_SQL('?')} AS k`, [v]);
      expect(nameKey(v), JSON.stringify(v)).to.equal(rows(t)[0]!.k);
    }
    expect(nameKey('  Rhêmes--Notre  Dame ')).to.equal('rhemes notre dame');
    expect(nameKey('Sant\u2019Ambrogio di Torino')).to.equal(nameKey("SANT'AMBROGIO-DI TORINO"));
    expect(nameKey('مدينة ✨ 🏔')).to.equal('مدينة');
  });

  it('DuckDB runs eventsShapeQuery: no row for the bundled data, the first broken entity of a broken file', async () => {
    const { table } = await loadEvents();
    const sound = eventsShapeQuery(table);
    const ok = await getEngine().query(sound.sql, sound.params);
    expect(columns(ok)).to.deep.equal(['programme: Utf8', 'entity_code: Utf8', 'n: Int32', 'stages: Int32', 'first: Int32', 'last: Int32']);
    expect(ok.numRows).to.equal(0);
    const engine = getEngine();
    await engine.load({ name: 'shape_skip', url: '/test/fixtures/generated/events-skip.parquet' });
    await engine.load({ name: 'shape_duplicate', url: '/test/fixtures/generated/events-duplicate.parquet' });
    expect(rows(await engine.query(eventsShapeQuery('shape_skip').sql))).to.deep.equal([
      { programme: 'piccoli', entity_code: '001002', n: 4, stages: 4, first: 0, last: 4 },
    ]);
    expect(rows(await engine.query(eventsShapeQuery('shape_duplicate').sql))).to.deep.equal([
      { programme: 'piccoli', entity_code: '001002', n: 6, stages: 5, first: 0, last: 4 },
    ]);
  });
});
