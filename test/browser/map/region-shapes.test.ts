import { expect } from '@open-wc/testing';
import italy from '@svg-maps/italy';
import { REGION_IDS, regionShapes } from '../../../src/map/region-shapes.js';

describe('map/region-shapes: @svg-maps/italy joined to ISTAT', () => {
  it('joins the 20 shapes to the 20 ISTAT region codes, 01..20, one each', () => {
    const ids = italy.locations.map((l: { id: string }) => l.id).sort();
    expect(ids).to.deep.equal(Object.keys(REGION_IDS).sort());
    expect(
      Object.values(REGION_IDS)
        .map((r) => r.code)
        .sort(),
    ).to.deep.equal(Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0')));
  });

  it("draws each region with the package's own path, named as ISTAT names it", () => {
    const g = regionShapes();
    const byId = new Map(italy.locations.map((l: { id: string; path: string }) => [l.id, l.path]));
    expect(g.shapes.map((s) => s.code)).to.deep.equal(Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0')));
    const er = g.shapes.find((s) => s.code === '08')!;
    expect([er.name, er.kind, er.d]).to.deep.equal(['Emilia-Romagna', 'path', byId.get('emilia-romagna')]);
    expect(g.shapes.find((s) => s.code === '02')!.name).to.equal("Valle d'Aosta/Vallée d'Aoste");
  });
});
