import { expect } from '@open-wc/testing';
import { PiccoliDataError } from '../../../src/data/errors.js';
import type { CubeFile } from '../../../src/query/cube.js';
import { CubeIndex } from '../../../src/query/cube-eval.js';
import type { AreasRequest, FunnelRequest } from '../../../src/query/types.js';

// Funnels and area metrics counted from a cube with no engine (src/query/cube-eval.ts),
// on a cube small enough to count by hand. That the bundled cube agrees with DuckDB is
// test/browser/parity.test.ts.

/**
 * piccoli (epoch 2021-05-03; day 0 = 3 May):
 *   Agazzano  (PC, Emilia-Romagna) eligible 3 May, engaged 13 May, plan 12 June; engaged and plan simulated
 *   Bobbio    (PC, Emilia-Romagna) eligible 3 May, engaged 23 May
 *   Albareto  (PR, Emilia-Romagna) eligible 3 May
 *   Abbadia   (SI, Toscana)        eligible 8 May, engaged 2 June, plan 2 July; plan simulated
 * siena (one province, provenance unknown): Asciano eligible 24 March 2022, engaged 27 March; Buonconvento eligible
 * odd: a comune without a name, one in a province the file does not list, and a union placed in Parma.
 */
function makeCube(): CubeFile {
  return {
    format: 'piccoli-cube',
    version: 1,
    sources: [],
    queries: [],
    provinces: {
      '052': ['SI', 'Siena', '09', 'Toscana'],
      '033': ['PC', 'Piacenza', '08', 'Emilia-Romagna'],
      '034': ['PR', 'Parma', '08', 'Emilia-Romagna'],
      '001': ['', 'Torino', '01', 'Piemonte'],
    },
    programmes: {
      piccoli: {
        stages: ['eligible', 'engaged', 'plan_submitted'],
        epoch: '2021-05-03',
        entities: [
          ['033001', 'Agazzano', [0, 10, 40], 0b110],
          ['033005', 'Bobbio', [0, 20], 0],
          ['034001', 'Albareto', [0], 0],
          ['052001', 'Abbadia San Salvatore', [5, 30, 60], 0b100],
        ],
      },
      siena: {
        stages: ['eligible', 'engaged'],
        epoch: '2022-03-24',
        entities: [
          ['052002', 'Asciano', [0, 3], -1],
          ['052003', 'Buonconvento', [0], -1],
        ],
      },
      odd: {
        stages: ['eligible'],
        epoch: '2022-01-01',
        entities: [
          ['033099', '', [0], 0],
          ['999001', 'Altrove', [0], 0],
          ['U01', 'Unione Val Ceno', [0], 0, '034'],
        ],
      },
    },
  };
}

const funnel = (f: Partial<FunnelRequest>): FunnelRequest => ({
  kind: 'funnel',
  src: null,
  programme: 'piccoli',
  asOf: null,
  region: null,
  province: null,
  comune: null,
  ...f,
});
const areas = (f: Partial<AreasRequest>): AreasRequest => ({
  kind: 'areas',
  src: null,
  programme: 'piccoli',
  asOf: null,
  level: 'region',
  stage: 'engaged',
  ...f,
});
/** Each stage's count and simulated count, in stage order. */
const counts = (r: { stages: { n: number; simulated: number | null }[] }) => r.stages.map((s) => [s.n, s.simulated]);

describe('CubeIndex', () => {
  it('describes each programme: stages in order and its first and last day with an event', () => {
    const index = new CubeIndex(makeCube());
    expect(index.programmeIds).to.deep.equal(['odd', 'piccoli', 'siena']);
    expect(index.programme('piccoli').info).to.deep.equal({
      id: 'piccoli',
      stages: [
        { stage: 'eligible', order: 0 },
        { stage: 'engaged', order: 1 },
        { stage: 'plan_submitted', order: 2 },
      ],
      firstDate: '2021-05-03',
      lastDate: '2021-07-02',
    });
    expect(index.programme('piccoli').provinces.map((p) => p.code)).to.deep.equal(['033', '034', '052']);
    expect(index.allProvinces[0]).to.deep.equal({ code: '001', sigla: null, name: 'Torino', regionCode: '01', regionName: 'Piemonte' });
  });

  it('counts the national funnel at its last day by default, with simulated rows per stage', () => {
    const r = new CubeIndex(makeCube()).funnel(funnel({}));
    expect(r.asOf).to.equal('2021-07-02');
    expect(r.scope).to.deep.equal({ level: 'italy' });
    expect(r.stages).to.deep.equal([
      { stage: 'eligible', order: 0, n: 4, simulated: 0 },
      { stage: 'engaged', order: 1, n: 3, simulated: 1 },
      { stage: 'plan_submitted', order: 2, n: 2, simulated: 2 },
    ]);
  });

  it('counts a stage from its very day, not the day before', () => {
    const index = new CubeIndex(makeCube());
    const at = (asOf: string) => counts(index.funnel(funnel({ asOf })));
    expect(at('2021-05-02'), 'before the start').to.deep.equal([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(at('2021-05-03'), 'the start').to.deep.equal([
      [3, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(at('2021-05-12'), 'the day before Agazzano is engaged').to.deep.equal([
      [4, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(at('2021-05-13'), 'the day Agazzano is engaged').to.deep.equal([
      [4, 0],
      [1, 1],
      [0, 0],
    ]);
    expect(at('2030-01-01'), 'long after the end').to.deep.equal([
      [4, 0],
      [3, 1],
      [2, 2],
    ]);
    expect(index.funnel(funnel({ asOf: '2030-01-01' })).asOf).to.equal('2030-01-01');
  });

  it('counts a region, a province (which wins over the region) and a comune', () => {
    const index = new CubeIndex(makeCube());
    const emilia = index.funnel(funnel({ region: 'Emilia-Romagna' }));
    expect(emilia.scope).to.deep.equal({ level: 'region', code: '08', name: 'Emilia-Romagna' });
    expect(counts(emilia)).to.deep.equal([
      [3, 0],
      [2, 1],
      [1, 1],
    ]);
    const piacenza = index.funnel(funnel({ region: '09', province: 'PC' }));
    expect(piacenza.scope).to.deep.equal({ level: 'province', code: '033', name: 'Piacenza' });
    expect(counts(piacenza)).to.deep.equal([
      [2, 0],
      [2, 1],
      [1, 1],
    ]);
    const bobbio = index.funnel(funnel({ comune: ' bobbio ', province: 'SI' }));
    expect(bobbio.scope).to.deep.equal({ level: 'entity', code: '033005', name: 'Bobbio' });
    expect(counts(bobbio)).to.deep.equal([
      [1, 0],
      [1, 0],
      [0, 0],
    ]);
  });

  it('a region the programme does not reach is a funnel of nobody; an unknown one is an error', () => {
    const index = new CubeIndex(makeCube());
    const piemonte = index.funnel(funnel({ region: '01' }));
    expect(piemonte.scope).to.deep.equal({ level: 'region', code: '01', name: 'Piemonte' });
    expect(piemonte.stages.map((s) => s.n)).to.deep.equal([0, 0, 0]);
    const errors = [
      funnel({ region: '99' }),
      funnel({ province: 'XX' }),
      funnel({ comune: 'Nessunluogo' }),
      funnel({ programme: 'nessuno' }),
    ].map((req) => {
      try {
        index.funnel(req);
        return null;
      } catch (e) {
        return [(e as PiccoliDataError).kind, (e as PiccoliDataError).params.value];
      }
    });
    expect(errors).to.deep.equal([
      ['unknown-region', '99'],
      ['unknown-province', 'XX'],
      ['unknown-comune', 'Nessunluogo'],
      ['unknown-programme', 'nessuno'],
    ]);
  });

  it('a one-province programme is its province; unknown provenance (-1) counts as simulated null', () => {
    const r = new CubeIndex(makeCube()).funnel(funnel({ programme: 'siena' }));
    expect(r.scope).to.deep.equal({ level: 'province', code: '052', name: 'Siena' });
    expect(r.asOf).to.equal('2022-03-27');
    expect(r.stages).to.deep.equal([
      { stage: 'eligible', order: 0, n: 2, simulated: null },
      { stage: 'engaged', order: 1, n: 1, simulated: null },
    ]);
    const before = new CubeIndex(makeCube()).funnel(funnel({ programme: 'siena', asOf: '2022-03-26' }));
    expect(before.stages.map((s) => [s.n, s.simulated])).to.deep.equal([
      [2, null],
      [0, null],
    ]);
  });

  it('areas: per region and per province, eligible and reached at the last day, named from the cube', () => {
    const index = new CubeIndex(makeCube());
    const regions = index.areas(areas({ level: 'region', stage: 'engaged' }));
    expect([regions.asOf, regions.level, regions.stage]).to.deep.equal(['2021-07-02', 'region', { stage: 'engaged', order: 1 }]);
    expect(regions.rows).to.deep.equal([
      { code: '08', name: 'Emilia-Romagna', eligible: 3, reached: 2, simulated: 1 },
      { code: '09', name: 'Toscana', eligible: 1, reached: 1, simulated: 0 },
    ]);
    const provinces = index.areas(areas({ level: 'province', stage: 'plan-submitted' }));
    expect(provinces.stage).to.deep.equal({ stage: 'plan_submitted', order: 2 });
    expect(provinces.rows).to.deep.equal([
      { code: '033', name: 'Piacenza', eligible: 2, reached: 1, simulated: 1 },
      { code: '034', name: 'Parma', eligible: 1, reached: 0, simulated: 0 },
      { code: '052', name: 'Siena', eligible: 1, reached: 1, simulated: 1 },
    ]);
  });

  it('areas: only entities eligible at the date count; before the start there are no areas', () => {
    const index = new CubeIndex(makeCube());
    // 5 May: Abbadia is not eligible until 8 May, so Siena's comune is absent.
    expect(index.areas(areas({ level: 'comune', stage: 'engaged', asOf: '2021-05-05' })).rows).to.deep.equal([
      { code: '033001', name: 'Agazzano', eligible: 1, reached: 0, simulated: 0 },
      { code: '033005', name: 'Bobbio', eligible: 1, reached: 0, simulated: 0 },
      { code: '034001', name: 'Albareto', eligible: 1, reached: 0, simulated: 0 },
    ]);
    expect(index.areas(areas({ level: 'region', asOf: '2021-05-08' })).rows.map((r) => [r.code, r.eligible])).to.deep.equal([
      ['08', 3],
      ['09', 1],
    ]);
    expect(index.areas(areas({ level: 'province', asOf: '2021-05-02' })).rows).to.deep.equal([]);
  });

  it('areas: unknown provenance gives simulated null; an unknown stage is an error listing the metrics', () => {
    const index = new CubeIndex(makeCube());
    expect(index.areas(areas({ programme: 'siena', level: 'province' })).rows).to.deep.equal([
      { code: '052', name: 'Siena', eligible: 2, reached: 1, simulated: null },
    ]);
    try {
      index.areas(areas({ stage: 'signed' }));
      expect.fail('an unknown stage was accepted');
    } catch (e) {
      expect((e as PiccoliDataError).kind).to.equal('unknown-metric');
      expect((e as PiccoliDataError).params).to.deep.equal({
        value: 'signed',
        available: ['engaged-share', 'plan-submitted-share', 'eligible', 'engaged', 'plan-submitted'],
      });
    }
  });

  it('names: a comune without a name shows its code in the funnel and null on the map; a province the cube does not list has no name', () => {
    const index = new CubeIndex(makeCube());
    expect(index.funnel(funnel({ programme: 'odd', comune: '033099' })).scope).to.deep.equal({
      level: 'entity',
      code: '033099',
      name: '033099',
    });
    expect(index.areas(areas({ programme: 'odd', level: 'comune', stage: 'eligible' })).rows.map((r) => [r.code, r.name])).to.deep.equal([
      ['033099', null],
      ['999001', 'Altrove'],
      ['U01', 'Unione Val Ceno'],
    ]);
    // The union counts in the province the cube gives it; the comune of province 999 in no region.
    expect(index.areas(areas({ programme: 'odd', level: 'province', stage: 'eligible' })).rows).to.deep.equal([
      { code: '033', name: 'Piacenza', eligible: 1, reached: 1, simulated: 0 },
      { code: '034', name: 'Parma', eligible: 1, reached: 1, simulated: 0 },
      { code: '999', name: null, eligible: 1, reached: 1, simulated: 0 },
    ]);
    expect(
      index.areas(areas({ programme: 'odd', level: 'region', stage: 'eligible' })).rows.map((r) => [r.code, r.eligible]),
    ).to.deep.equal([['08', 2]]);
  });
});
