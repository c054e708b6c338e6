import { expect } from '@open-wc/testing';
import { getEngine } from '../../../../src/data/engine.js';
import { loadEvents } from '../../../../src/data/programme-data.js';
import { areaMetricQuery, stagesQuery } from '../../../../src/data/sql/map.js';

// The map's data queries (src/data/sql/map.ts). That the cube gives the same numbers is
// test/browser/parity.test.ts.

describe('map SQL builders', () => {
  it('areaMetricQuery builds this exact SQL, with every value bound as a parameter', () => {
    const q = areaMetricQuery('programme_events', { programme: 'piccoli', level: 'region', stageOrder: 1, asOf: '2021-10-31' });
    expect(q.sql).to.equal(
      'SELECT "region_code" AS code, min("region_name") AS name, ' +
        'count(*) FILTER (WHERE stage_order = 0)::INTEGER AS eligible, ' +
        'count(*) FILTER (WHERE stage_order = ?)::INTEGER AS reached, ' +
        "count(*) FILTER (WHERE stage_order = ? AND provenance = 'simulated')::INTEGER AS simulated " +
        'FROM "programme_events" WHERE programme = ? AND date <= CAST(? AS DATE) AND "region_code" IS NOT NULL ' +
        'GROUP BY "region_code" HAVING count(*) FILTER (WHERE stage_order = 0) > 0 ORDER BY "region_code"',
    );
    expect(q.params).to.deep.equal([1, 1, 'piccoli', '2021-10-31']);
    const p = areaMetricQuery(
      't',
      { programme: "x'; DROP TABLE t; --", level: 'province', stageOrder: 3, asOf: '2022-01-01' },
      false,
      false,
    );
    expect(p.sql).to.contain('SELECT "province_code" AS code, NULL::VARCHAR AS name');
    expect(p.sql).to.contain('NULL::INTEGER AS simulated');
    expect(p.sql).to.not.contain('DROP');
    expect(p.params).to.deep.equal([3, "x'; DROP TABLE t; --", '2022-01-01']);
    expect(() => areaMetricQuery('t', { programme: 'p', level: 'nation' as never, stageOrder: 1, asOf: '2022-01-01' })).to.throw(
      'invalid level',
    );
  });

  it('stagesQuery builds this exact SQL', () => {
    expect(stagesQuery('programme_events', 'piccoli')).to.deep.equal({
      sql: 'SELECT stage_order::INTEGER AS stage_order, min(stage) AS stage FROM "programme_events" WHERE programme = ? GROUP BY stage_order ORDER BY stage_order',
      params: ['piccoli'],
    });
  });

  it('DuckDB accepts every builder at every level', async () => {
    const { table } = await loadEvents();
    for (const level of ['region', 'province', 'comune'] as const) {
      for (const hasNames of [true, false]) {
        for (const hasProvenance of [true, false]) {
          const f = { programme: 'piccoli', level, stageOrder: 2, asOf: '2022-01-31' };
          const { sql, params } = areaMetricQuery(table, f, hasNames, hasProvenance);
          const t = await getEngine().query(sql, params);
          expect(t.numRows, level).to.be.greaterThan(0);
          expect(t.schema.fields.map((x) => x.name)).to.deep.equal(['code', 'name', 'eligible', 'reached', 'simulated']);
        }
      }
    }
    const s = await getEngine().query(stagesQuery(table, 'piccoli').sql, ['piccoli']);
    expect(s.toArray().map((r) => r.stage)).to.deep.equal([
      'eligible',
      'engaged',
      'needs_analysis',
      'plan_submitted',
      'specialist_support',
    ]);
  });
});
