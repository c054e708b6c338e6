import { expect } from '@open-wc/testing';
import { getEngine } from '../../src/data/engine.js';
import { loadEvents } from '../../src/data/programme-data.js';
import { areaMetricQuery, stagesQuery } from '../../src/data/sql/map.js';
import { fetchSummary } from '../../src/data/bundled.js';
import { areaMetricFromSummary } from '../../src/data/summary-funnel.js';

// The map's data queries (src/data/sql/map.ts, the summary's answers). The unit tests of
// src/map/ and of the roving-focus controller are in test/browser/map/ and
// test/browser/controllers/, one file per module.

describe('map SQL builders', () => {
  it('areaMetricQuery builds this exact SQL, with every value bound as a parameter', () => {
    const q = areaMetricQuery('programme_events', { programme: 'piccoli', level: 'region', stageOrder: 1, asOf: '2021-10-31' });
    expect(q.sql).to.equal(
      'SELECT "region_code" AS code, min("region_name") AS name, ' +
        'count(*) FILTER (WHERE stage_order = 0)::INTEGER AS eligible, ' +
        'count(*) FILTER (WHERE stage_order = ? AND date <= CAST(? AS DATE))::INTEGER AS reached ' +
        'FROM "programme_events" WHERE programme = ? AND "region_code" IS NOT NULL ' +
        'GROUP BY "region_code" HAVING count(*) FILTER (WHERE stage_order = 0) > 0 ORDER BY "region_code"',
    );
    expect(q.params).to.deep.equal([1, '2021-10-31', 'piccoli']);
    const p = areaMetricQuery('t', { programme: "x'; DROP TABLE t; --", level: 'province', stageOrder: 3, asOf: '2022-01-01' }, false);
    expect(p.sql).to.contain('SELECT "province_code" AS code, NULL::VARCHAR AS name');
    expect(p.sql).to.not.contain('DROP');
    expect(p.params[2]).to.equal("x'; DROP TABLE t; --");
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
        const { sql, params } = areaMetricQuery(table, { programme: 'piccoli', level, stageOrder: 2, asOf: '2022-01-31' }, hasNames);
        const t = await getEngine().query(sql, params);
        expect(t.numRows, level).to.be.greaterThan(0);
        expect(t.schema.fields.map((f) => f.name)).to.deep.equal(['code', 'name', 'eligible', 'reached']);
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

describe('map values from the summary', () => {
  it("equal the engine's areaMetricQuery for every programme, level, stage and two dates", async () => {
    const summary = (await fetchSummary())!;
    const { table } = await loadEvents();
    for (const [programme, p] of Object.entries(summary.programmes)) {
      for (const level of ['region', 'province'] as const) {
        for (let stageOrder = 0; stageOrder < p.stages.length; stageOrder++) {
          for (const asOf of ['2021-10-31', '2023-12-31']) {
            const f = { programme, level, stageOrder, asOf };
            const { sql, params } = areaMetricQuery(table, f);
            const fromEngine = (await getEngine().query(sql, params)).toArray().map((r) => {
              const { code, name, eligible, reached } = r.toJSON();
              return { code, name, eligible, reached };
            });
            expect(areaMetricFromSummary(summary, f), JSON.stringify(f)).to.deep.equal(fromEngine);
          }
        }
      }
    }
  });
});
