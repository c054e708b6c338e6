import { expect } from '@open-wc/testing';
import { PiccoliDataError, isAbortError } from '../../../src/data/errors.js';
import { ERRORS, describeError } from '../../../src/i18n/errors.js';
import { loadWords } from '../../../src/i18n/words.js';
import { loadGeometry } from '../../../src/map/geometry.js';
import type { MapGeometry } from '../../../src/map/types.js';

// The English sentences are fetched on demand (src/i18n/words.ts).
before(() => loadWords(ERRORS, 'en'));

const GEO = '/test/fixtures/geo/';
const codes = (g: MapGeometry) => g.shapes.map((s) => s.code);

/** The error a promise rejects with; fails the test when it resolves. */
async function rejection(p: Promise<unknown>): Promise<PiccoliDataError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof PiccoliDataError) return e;
    throw e;
  }
  throw new Error('expected the load to fail');
}

describe('map/geometry: loadGeometry', () => {
  // First in this file: the tile layout is cached per page once it has loaded.
  it('does not keep a failed tile layout: the next province map fetches it again, then keeps it', async () => {
    const realFetch = window.fetch;
    let asked = 0;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).includes('province-tiles')) {
        asked++;
        if (asked === 1) return new Response('down', { status: 503 });
      }
      return realFetch(input, init);
    };
    try {
      const e = await rejection(loadGeometry({ level: 'province' }));
      expect([e.code, e.message]).to.deep.equal(['http', 'The province tile layout could not be loaded: HTTP 503']);
      expect(e.source).to.match(/\/data\/province-tiles\.json$/);
      const g = await loadGeometry({ level: 'province' });
      expect(g.shapes).to.have.length(107);
      expect(codes(g).slice(0, 3)).to.deep.equal(['001', '002', '003']);
      expect(await loadGeometry({ level: 'province' })).to.equal(g);
      expect(asked).to.equal(2);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('gives the 20 regions, built once per page', async () => {
    const [a, b] = await Promise.all([loadGeometry({ level: 'region' }), loadGeometry({ level: 'region' })]);
    expect(a).to.equal(b);
    expect(a.level).to.equal('region');
    expect(codes(a)).to.deep.equal(Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0')));
  });

  it("reads a site's GeoJSON and TopoJSON, fetching the file for each map", async () => {
    const geojson = await loadGeometry({ level: 'province', geo: `${GEO}emilia-provinces.geojson`, key: 'COD_PROV' });
    expect(codes(geojson)).to.deep.equal(['033', '034', '035', '999']);
    expect(geojson.level).to.equal('province');
    const again = await loadGeometry({ level: 'province', geo: `${GEO}emilia-provinces.geojson`, key: 'COD_PROV' });
    expect(again).to.not.equal(geojson);
    expect(again).to.deep.equal(geojson);
    const topo = await loadGeometry({ level: 'comune', geo: `${GEO}emilia-provinces.topojson`, key: 'COD_PROV' });
    expect(topo.level).to.equal('comune');
    expect(codes(topo)).to.deep.equal(['000033', '000034', '000035']); // padded to the level asked for
  });

  for (const [file, problem, params] of [
    ['bad-not-json.geojson', { kind: 'not-json' }, { problem: 'not-json' }],
    ['bad-not-geo.json', { kind: 'not-geo' }, { problem: 'not-geo' }],
    ['bad-no-features.geojson', { kind: 'no-features' }, { problem: 'no-features' }],
    [
      'bad-no-key.geojson',
      { kind: 'no-key', key: 'COD_PROV', available: ['nome', 'sigla'] },
      { problem: 'no-key', key: 'COD_PROV', available: ['nome', 'sigla'] },
    ],
  ] as const) {
    it(`${file}: a format error carrying the problem as data, not words`, async () => {
      const geo = `${GEO}${file}`;
      const e = await rejection(loadGeometry({ level: 'province', geo, key: 'COD_PROV' }));
      expect([e.code, e.kind, e.source]).to.deep.equal(['format', 'geo', new URL(geo, document.baseURI).href]);
      expect(e.params).to.deep.equal({ ...params, file: geo });
      expect(describeError(e, 'en').text, `${problem.kind} in words`).to.not.match(/query failed/);
    });
  }

  it('a missing file is an http error naming it, with no geo problem', async () => {
    const geo = `${GEO}missing.geojson`;
    const e = await rejection(loadGeometry({ level: 'province', geo, key: 'COD_PROV' }));
    expect(e.code).to.equal('http');
    expect(e.source).to.equal(new URL(geo, document.baseURI).href);
    expect(e.message).to.contain('missing.geojson');
    expect(e.kind).to.equal('http');
  });

  it('stops downloading a file when its map no longer needs it', async () => {
    const ctrl = new AbortController();
    ctrl.abort();
    let error: unknown;
    await loadGeometry({ level: 'province', geo: `${GEO}emilia-provinces.geojson`, key: 'COD_PROV', signal: ctrl.signal }).catch(
      (e: unknown) => (error = e),
    );
    expect(isAbortError(error)).to.equal(true);
  });

  it('refuses a file without key, and a comune map without a file', async () => {
    const noKey = await rejection(loadGeometry({ level: 'province', geo: `${GEO}emilia-provinces.geojson` }));
    expect([noKey.code, noKey.kind]).to.deep.equal(['invalid-option', 'need-key']);
    const comune = await rejection(loadGeometry({ level: 'comune' }));
    expect([comune.code, comune.kind, comune.params.value]).to.deep.equal(['invalid-option', 'bad-level', 'comune']);
  });
});
