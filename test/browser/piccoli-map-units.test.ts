import { expect } from '@open-wc/testing';
import { scaleQuantize } from 'd3';
import { getEngine } from '../../src/data/engine.js';
import { loadComuni, loadEvents } from '../../src/data/programme-data.js';
import { areaMetricQuery, stagesQuery } from '../../src/data/sql/map.js';
import { fetchSummary } from '../../src/data/bundled.js';
import { areaMetricFromSummary } from '../../src/data/summary-funnel.js';
import { metricNames, parseMetric } from '../../src/map/metric.js';
import { colourScale, legendItems, nearestInDirection } from '../../src/map/render.js';
import { quantizeScale } from '../../src/map/scale.js';
import { TILE, TILE_GAP, TILE_GRID, tileGeometry, type TileLayout } from '../../src/map/tiles.js';

const STAGES = [
  { stage: 'eligible', stage_order: 0 },
  { stage: 'engaged', stage_order: 1 },
  { stage: 'needs_analysis', stage_order: 2 },
  { stage: 'plan_submitted', stage_order: 3 },
];

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

describe('map metrics', () => {
  it('names metrics after the stages, with - for _ and -share for shares of eligible', () => {
    expect(metricNames(STAGES)).to.deep.equal([
      'engaged-share',
      'needs-analysis-share',
      'plan-submitted-share',
      'eligible',
      'engaged',
      'needs-analysis',
      'plan-submitted',
    ]);
    expect(parseMetric('plan-submitted-share', STAGES)).to.deep.equal({
      name: 'plan-submitted-share',
      stage: 'plan_submitted',
      stageOrder: 3,
      share: true,
    });
    expect(parseMetric('needs_analysis', STAGES)).to.deep.equal({
      name: 'needs-analysis',
      stage: 'needs_analysis',
      stageOrder: 2,
      share: false,
    });
    expect(parseMetric(' Engaged-Share ', STAGES)?.stage).to.equal('engaged');
    expect(parseMetric('eligible-share', STAGES)).to.equal(null);
    expect(parseMetric('votes', STAGES)).to.equal(null);
  });
});

describe('province tiles (data/province-tiles.json)', () => {
  it('places each of the 107 provinces of the registry on its own cell of the grid', async () => {
    const layout: TileLayout = await (await fetch('/data/province-tiles.json')).json();
    const g = tileGeometry(layout);
    expect(layout.columns).to.equal(TILE_GRID.columns);
    expect(layout.rows).to.equal(TILE_GRID.rows);
    expect(g.viewBox).to.deep.equal([0, 0, TILE_GRID.columns * (TILE + TILE_GAP), TILE_GRID.rows * (TILE + TILE_GAP)]);
    const comuni = await loadComuni();
    const t = await getEngine().query(`SELECT DISTINCT province_code, province_sigla FROM "${comuni}" ORDER BY 1`);
    const registry = t.toArray().map((r) => `${r.province_code} ${r.province_sigla}`);
    expect(registry).to.have.length(107);
    expect(layout.tiles.map((x) => `${x.code} ${x.sigla}`).sort()).to.deep.equal(registry);
  });

  it('keeps the rough geography: Aosta west of Trieste, Bolzano north of Palermo', async () => {
    const layout: TileLayout = await (await fetch('/data/province-tiles.json')).json();
    const at = (s: string) => layout.tiles.find((x) => x.sigla === s)!;
    expect(at('AO').col).to.be.lessThan(at('TS').col);
    expect(at('BZ').row).to.be.lessThan(at('PA').row);
    expect(at('LE').col).to.be.greaterThan(at('NA').col);
  });

  it('refuses a layout with two provinces on one cell', () => {
    const bad = {
      columns: 2,
      rows: 1,
      tiles: [
        { code: '001', sigla: 'TO', col: 0, row: 0 },
        { code: '002', sigla: 'VC', col: 0, row: 0 },
      ],
    };
    expect(() => tileGeometry(bad)).to.throw('repeats');
  });
});

describe('colour scale, legend and arrow moves', () => {
  it('splits 0..max share into five equal classes and lists them for the legend', () => {
    const s = colourScale([0.12, 0.31, 0.44], true);
    expect(s.domain()).to.deep.equal([0, 0.5]);
    expect(legendItems(s).map((i) => [+i.from.toFixed(6), +i.to.toFixed(6)])).to.deep.equal([
      [0, 0.1],
      [0.1, 0.2],
      [0.2, 0.3],
      [0.3, 0.4],
      [0.4, 0.5],
    ]);
    expect(s(0)).to.equal(s.range()[0]);
    expect(s(0.5)).to.equal(s.range()[4]);
    expect(colourScale([0, 0], false).domain()).to.deep.equal([0, 5]);
  });

  it("classes values exactly as d3's scaleQuantize().nice(count) does", () => {
    const colours = ['a', 'b', 'c', 'd', 'e'];
    const domains: [number, number][] = [
      [0, 0.44],
      [0, 1],
      [0, 0.013],
      [0, 7],
      [0, 5],
      [0, 612],
      [0, 1234567],
      [0, 0.99999],
      [0, 3e-7],
      [2, 1],
      [0, 1 / 3],
    ];
    for (const [count, range] of [
      [5, colours],
      [3, colours.slice(0, 3)],
      [1, colours.slice(0, 2)],
      [10, colours],
    ] as const) {
      for (const dom of domains) {
        const d3s = scaleQuantize<string>().domain(dom).range(range).nice(count);
        const ours = quantizeScale(dom, range, count);
        const at = `${dom} / ${count}`;
        expect(ours.domain(), at).to.deep.equal(d3s.domain());
        expect(ours.thresholds(), at).to.deep.equal(d3s.thresholds());
        expect(ours.range(), at).to.deep.equal(d3s.range());
        const [lo, hi] = d3s.domain() as [number, number];
        const probes = [NaN, lo - 1, ...Array.from({ length: 41 }, (_, i) => lo + ((hi - lo) * i) / 40), ...d3s.thresholds(), hi + 1];
        for (const v of probes) expect(ours(v), `${at} at ${v}`).to.equal(d3s(v));
      }
    }
    expect(quantizeScale([0, 1], colours).domain()).to.deep.equal([0, 1]); // no nice() without a count
  });

  it('moves to the nearest area in the arrow direction', () => {
    const g = tileGeometry({
      columns: 3,
      rows: 2,
      tiles: [
        { code: '001', sigla: 'A', col: 0, row: 0 },
        { code: '002', sigla: 'B', col: 1, row: 0 },
        { code: '003', sigla: 'C', col: 2, row: 1 },
        { code: '004', sigla: 'D', col: 0, row: 1 },
      ],
    });
    const [a, b, c, d] = g.shapes;
    expect(nearestInDirection(g.shapes, a!, 1, 0)).to.equal(b);
    expect(nearestInDirection(g.shapes, a!, 0, 1)).to.equal(d);
    expect(nearestInDirection(g.shapes, b!, 1, 0)).to.equal(c);
    expect(nearestInDirection(g.shapes, a!, -1, 0)).to.equal(null);
  });
});
