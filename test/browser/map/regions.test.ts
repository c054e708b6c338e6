import { expect } from '@open-wc/testing';
import italy from '@svg-maps/italy';
import { getEngine } from '../../../src/data/engine.js';
import { loadEvents } from '../../../src/data/programme-data.js';
import { STRINGS } from '../../../src/components/piccoli-map/strings.js';
import { REGIONS_CREDIT, REGIONS_VIEWBOX, regionGeometry } from '../../../src/map/regions.js';

describe('map/regions', () => {
  it('gives the 20 ISTAT region codes, 01..20, in the box the skeleton is drawn in', async () => {
    const g = await regionGeometry();
    expect(g.level).to.equal('region');
    expect(g.shapes.map((s) => s.code)).to.deep.equal(Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(g.viewBox).to.deep.equal([0, 0, 610, 793]);
    // The box the loading skeleton is drawn in, before the shapes arrive, is theirs.
    expect(g.viewBox).to.deep.equal([...REGIONS_VIEWBOX]);
    expect(italy.viewBox).to.equal(REGIONS_VIEWBOX.join(' '));
  });

  it('builds the shapes once per page', async () => {
    const [a, b] = await Promise.all([regionGeometry(), regionGeometry()]);
    expect(a).to.equal(b);
    expect(await regionGeometry()).to.equal(a);
  });

  it("uses the region names of the data (ISTAT's)", async () => {
    const { table } = await loadEvents();
    const t = await getEngine().query(`SELECT DISTINCT region_code, region_name FROM "${table}" ORDER BY 1`);
    const data = Object.fromEntries(t.toArray().map((r) => [r.region_code, r.region_name]));
    for (const s of (await regionGeometry()).shapes) expect(s.name, s.code).to.equal(data[s.code]);
  });

  it('puts each region centre where the region lies (Sicily south of Lombardy, Sardinia west of Lazio)', async () => {
    const c = Object.fromEntries((await regionGeometry()).shapes.map((s) => [s.code, s.centre]));
    expect(c['19']![1]).to.be.greaterThan(c['03']![1]);
    expect(c['20']![0]).to.be.lessThan(c['12']![0]);
  });

  it('credits MapSVG under CC BY 4.0, in every language', async () => {
    expect(REGIONS_CREDIT).to.deep.equal({ href: 'https://creativecommons.org/licenses/by/4.0/' });
    const credits = [STRINGS.it.regionsCredit];
    for (const load of Object.values(STRINGS.other)) credits.push((await load()).default.regionsCredit);
    expect(credits).to.deep.equal([
      'Confini regionali: MapSVG (mapsvg.com), CC BY 4.0, tramite @svg-maps/italy',
      'Region shapes: MapSVG (mapsvg.com), CC BY 4.0, via @svg-maps/italy',
      'Grenzen der Regionen: MapSVG (mapsvg.com), CC BY 4.0, über @svg-maps/italy',
      'Limites des régions\u00a0: MapSVG (mapsvg.com), CC BY 4.0, via @svg-maps/italy',
    ]);
  });
});
