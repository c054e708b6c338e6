import { expect } from '@open-wc/testing';
import type { Feature, MultiPolygon } from 'geojson';
import { GEO_WIDTH, GeoError, geoGeometry, normaliseCode, parseGeo, type GeoProblem } from '../../../src/map/geo.js';

const GEO = '/test/fixtures/geo/';
const read = async (f: string) => (await fetch(`${GEO}${f}`)).text();

/** The problem `parseGeo` + `geoGeometry` report for a file's text, or 'ok'. */
function problemOf(text: string, key = 'COD_PROV'): GeoProblem | 'ok' {
  try {
    geoGeometry(parseGeo(text), key, 'province');
  } catch (e) {
    if (e instanceof GeoError) return e.problem;
    throw e;
  }
  return 'ok';
}

/** The GeoError `parseGeo` throws for a text: its problem and its detail. */
function parseError(text: string): { problem: GeoProblem; detail: string } {
  try {
    parseGeo(text);
  } catch (e) {
    if (e instanceof GeoError) return { problem: e.problem, detail: e.message };
    throw e;
  }
  throw new Error('parseGeo accepted it');
}

describe('map/geo: boundary files', () => {
  it('says what is wrong with each bad file', async () => {
    expect(problemOf(await read('bad-not-json.geojson'))).to.deep.equal({ kind: 'not-json' });
    expect(problemOf(await read('bad-not-geo.json'))).to.deep.equal({ kind: 'not-geo' });
    expect(problemOf(await read('bad-no-features.geojson'))).to.deep.equal({ kind: 'no-features' });
    expect(problemOf(await read('bad-no-key.geojson'))).to.deep.equal({ kind: 'no-key', key: 'COD_PROV', available: ['nome', 'sigla'] });
    expect(problemOf(await read('emilia-provinces.geojson'))).to.equal('ok');
  });

  it('fits lon/lat features and planar (UTM) features into the drawing box', async () => {
    const g = geoGeometry(parseGeo(await read('emilia-provinces.geojson')), 'COD_PROV', 'province');
    expect(g.shapes.map((s) => s.code)).to.deep.equal(['033', '034', '035', '999']);
    expect(g.viewBox[2]).to.equal(600);
    expect(GEO_WIDTH).to.equal(600);
    for (const s of g.shapes) {
      expect(s.centre[0]).to.be.within(0, 600);
      expect(s.centre[1]).to.be.within(0, g.viewBox[3]);
    }
    // Piacenza lies west of Parma, whichever way its ring was wound.
    expect(g.shapes[0]!.centre[0]).to.be.lessThan(g.shapes[1]!.centre[0]);
    const utm = geoGeometry(parseGeo(await read('utm-regions.geojson')), 'COD_REG', 'region');
    expect(utm.shapes.map((s) => s.code)).to.deep.equal(['08', '09']);
    expect(utm.shapes[0]!.centre[1]).to.be.lessThan(utm.shapes[1]!.centre[1]); // north is up
  });

  it('pads numeric ISTAT codes to the level', () => {
    expect(normaliseCode(8, 'region')).to.equal('08');
    expect(normaliseCode('33', 'province')).to.equal('033');
    expect(normaliseCode(33001, 'comune')).to.equal('033001');
    expect(normaliseCode(' ', 'comune')).to.equal(null);
    expect(normaliseCode(null, 'comune')).to.equal(null);
    expect(normaliseCode('IT-PC', 'province')).to.equal('IT-PC');
  });

  it('keeps only polygons, and reads a lone Feature as a file of one', () => {
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    };
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { c: 1 }, geometry: { type: 'Point', coordinates: [0, 0] } },
        { type: 'Feature', properties: { c: 2 }, geometry: square },
        { type: 'Feature', properties: { c: 3 }, geometry: null },
      ],
    });
    expect(parseGeo(text).map((f) => f.properties!.c)).to.deep.equal([2]);
    expect(parseGeo(JSON.stringify({ type: 'Feature', properties: {}, geometry: square })).map((f) => f.geometry)).to.deep.equal([square]);
  });

  it('calls a polygon with malformed coordinates "not GeoJSON" instead of failing inside d3', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { COD_PROV: '033' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                ['x', 1],
              ],
            ],
          },
        },
      ],
    });
    expect(parseError(text)).to.deep.equal({ problem: { kind: 'not-geo' }, detail: 'polygon feature 0 has malformed coordinates' });
  });
});

describe('map/geo: TopoJSON decoding (topojson-client)', () => {
  it('decodes quantized, delta-encoded arcs, reversed arcs and multipolygons', async () => {
    const features: Feature[] = parseGeo(await read('emilia-provinces.topojson'));
    expect(features.map((f) => f.properties!.COD_PROV)).to.deep.equal(['033', '034', '035']);
    expect(features[0]!.id).to.equal('PC');
    expect(features[0]!.geometry).to.deep.equal({
      type: 'Polygon',
      coordinates: [
        [
          [10, 44.5],
          [10, 45],
          [9.5, 45],
          [9.5, 44.5],
          [10, 44.5],
        ],
      ],
    });
    // PR shares PC's east edge, walked backwards (arc -1 = ~0).
    expect(features[1]!.geometry).to.deep.equal({
      type: 'Polygon',
      coordinates: [
        [
          [10, 44.5],
          [10.5, 44.5],
          [10.5, 45],
          [10, 45],
          [10, 44.5],
        ],
      ],
    });
    const re = features[2]!.geometry as MultiPolygon;
    expect(re.type).to.equal('MultiPolygon');
    expect(re.coordinates[1]![0]![0]).to.deep.equal([10.5, 44.75]);
  });

  it('reads plain (unquantized) arcs and keeps only the polygons of the first object', () => {
    const topo = {
      type: 'Topology',
      arcs: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
      objects: {
        a: {
          type: 'GeometryCollection',
          geometries: [{ type: 'Polygon', arcs: [[0]], properties: { k: 'a1' } }, { type: 'Point', coordinates: [3, 4] }, { type: null }],
        },
        b: { type: 'Polygon', arcs: [[0]], properties: { k: 'b1' } },
      },
    };
    const features = parseGeo(JSON.stringify(topo));
    expect(features).to.deep.equal([
      {
        type: 'Feature',
        properties: { k: 'a1' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
          ],
        },
      },
    ]);
  });

  it('calls a malformed topology "not GeoJSON nor TopoJSON", saying what is wrong', () => {
    const arcs = [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ],
    ];
    const topo = (more: object) => JSON.stringify({ type: 'Topology', arcs, ...more });
    expect(parseError(topo({ objects: {} }))).to.deep.equal({ problem: { kind: 'not-geo' }, detail: 'the topology has no objects' });
    expect(parseError(JSON.stringify({ type: 'Topology', objects: { a: { type: 'Polygon', arcs: [[0]] } } }))).to.deep.equal({
      problem: { kind: 'not-geo' },
      detail: 'the topology has no arcs array',
    });
    // An arc that does not exist: topojson-client fails inside, and says so in the detail.
    const missingArc = parseError(topo({ objects: { a: { type: 'Polygon', arcs: [[7]] } } }));
    expect(missingArc.problem).to.deep.equal({ kind: 'not-geo' });
    expect(missingArc.detail).to.match(/^malformed topology: /);
    // Arcs whose positions are not pairs of numbers decode to holes: caught before d3 sees them.
    expect(
      parseError(JSON.stringify({ type: 'Topology', arcs: [[0, 1, 2]], objects: { a: { type: 'Polygon', arcs: [[0]] } } })),
    ).to.deep.equal({
      problem: { kind: 'not-geo' },
      detail: 'polygon feature 0 has malformed coordinates',
    });
    // The same problem when the file goes through parseGeo and geoGeometry together.
    expect(problemOf(topo({ objects: { a: { type: 'Polygon', arcs: [[7]] } } }))).to.deep.equal({ kind: 'not-geo' });
  });
});
