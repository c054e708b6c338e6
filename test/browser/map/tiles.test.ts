import { expect } from '@open-wc/testing';
import { getEngine } from '../../../src/data/engine.js';
import { loadComuni } from '../../../src/data/programme-data.js';
import { TILE, TILE_GAP, TILE_GRID, tileGeometry, type TileLayout } from '../../../src/map/tiles.js';

const layoutFile = async (): Promise<TileLayout> => (await fetch('/data/province-tiles.json')).json();

describe('map/tiles: the province tile grid (data/province-tiles.json)', () => {
  it('places each of the 107 provinces of the registry on its own cell of the grid', async () => {
    const layout = await layoutFile();
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
    const layout = await layoutFile();
    const at = (s: string) => layout.tiles.find((x) => x.sigla === s)!;
    expect(at('AO').col).to.be.lessThan(at('TS').col);
    expect(at('BZ').row).to.be.lessThan(at('PA').row);
    expect(at('LE').col).to.be.greaterThan(at('NA').col);
  });

  it('turns a cell into a 40-unit square, in code order, labelled with the sigla', () => {
    const g = tileGeometry({
      columns: 2,
      rows: 2,
      tiles: [
        { code: '002', sigla: 'VC', col: 1, row: 1 },
        { code: '001', sigla: 'TO', col: 0, row: 0 },
      ],
    });
    expect(g).to.deep.equal({
      level: 'province',
      viewBox: [0, 0, 84, 84],
      shapes: [
        { code: '001', name: 'TO', kind: 'tile', x: 1, y: 1, size: 40, label: 'TO', centre: [21, 21] },
        { code: '002', name: 'VC', kind: 'tile', x: 43, y: 43, size: 40, label: 'VC', centre: [63, 63] },
      ],
    });
  });

  it('refuses a bad layout, naming the first problem', () => {
    const one = (t: Partial<TileLayout['tiles'][number]>) => ({
      columns: 2,
      rows: 1,
      tiles: [{ code: '001', sigla: 'TO', col: 0, row: 0, ...t }],
    });
    const twoOnOneCell = {
      columns: 2,
      rows: 1,
      tiles: [
        { code: '001', sigla: 'TO', col: 0, row: 0 },
        { code: '002', sigla: 'VC', col: 0, row: 0 },
      ],
    };
    expect(() => tileGeometry(twoOnOneCell)).to.throw('province tiles: 002 repeats a code or cell (0,0)');
    expect(() => tileGeometry(one({ code: '1' }))).to.throw('province tiles: bad code "1"');
    expect(() => tileGeometry(one({ col: 2 }))).to.throw('province tiles: 001 lies outside the grid');
    expect(() => tileGeometry({ columns: 0, rows: 1, tiles: [] })).to.throw('province tiles: expected { columns, rows, tiles: [...] }');
  });
});
