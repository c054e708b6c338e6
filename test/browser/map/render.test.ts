import { expect } from '@open-wc/testing';
import { DEFAULT_PALETTE } from '../../../src/map/palette.js';
import { colourScale, legendItems, paintMap, renderMap } from '../../../src/map/render.js';
import { tileGeometry } from '../../../src/map/tiles.js';
import type { AreaDatum, MapGeometry } from '../../../src/map/types.js';

const TILES = tileGeometry({
  columns: 3,
  rows: 1,
  tiles: [
    { code: '001', sigla: 'TO', col: 0, row: 0 },
    { code: '002', sigla: 'VC', col: 1, row: 0 },
    { code: '003', sigla: 'NO', col: 2, row: 0 },
  ],
});
const PATHS: MapGeometry = {
  level: 'region',
  viewBox: [0, 0, 10, 10],
  shapes: [{ code: '08', name: 'Emilia-Romagna', kind: 'path', d: 'M0,0L5,0L5,5Z', centre: [3, 2] }],
};

describe('map/render: colour scale and legend', () => {
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

  it('never lets a share scale pass 100 %, and ignores values that are not numbers', () => {
    expect(colourScale([0.97, NaN], true).domain()).to.deep.equal([0, 1]);
    expect(colourScale([3, Infinity, 612], false).domain()).to.deep.equal([0, 700]);
    expect(legendItems(colourScale([1], true)).map((i) => i.colour)).to.deep.equal(DEFAULT_PALETTE.colours);
  });
});

describe('map/render: renderMap and paintMap', () => {
  it('draws each area once as a button out of the Tab order, tiles with their sigla', () => {
    const view = renderMap(TILES, { idPrefix: 'pmT', label: 'Tiles' });
    const svg = view.svg;
    expect([
      svg.getAttribute('viewBox'),
      svg.getAttribute('role'),
      svg.getAttribute('aria-label'),
      svg.getAttribute('class'),
    ]).to.deep.equal(['0 0 126 42', 'group', 'Tiles', 'map province']);
    const areas = [...svg.querySelectorAll('.area')];
    expect(areas.map((a) => [a.tagName, a.getAttribute('data-code'), a.getAttribute('role'), a.getAttribute('tabindex')])).to.deep.equal([
      ['rect', '001', 'button', '-1'],
      ['rect', '002', 'button', '-1'],
      ['rect', '003', 'button', '-1'],
    ]);
    expect([...svg.querySelectorAll('.labels text')].map((t) => t.textContent)).to.deep.equal(['TO', 'VC', 'NO']);
    expect(svg.querySelector('pattern')!.id).to.equal('pmT-nodata');
    expect(renderMap(PATHS, { idPrefix: 'pmP', label: '' }).svg.querySelector('path.area')!.getAttribute('d')).to.equal('M0,0L5,0L5,5Z');
  });

  it('paints fills, labels, the pressed area, its outline and the one Tab stop in place', () => {
    const view = renderMap(TILES, { idPrefix: 'pmT', label: '' });
    const values = new Map<string, AreaDatum>([
      ['001', { code: '001', name: 'Torino', eligible: 10, reached: 1, value: 0.1 }],
      ['002', { code: '002', name: 'Vercelli', eligible: 10, reached: 9, value: 0.9 }],
    ]);
    const opts = {
      values,
      scale: colourScale([0.1, 0.9], true),
      selected: '002',
      focusCode: '003',
      idPrefix: 'pmT',
      describe: (s: { code: string }, v: AreaDatum | undefined) => `${s.code}: ${v ? v.value : 'none'}`,
    };
    paintMap(view, opts);
    const attr = (code: string, name: string) => view.areas.get(code)!.getAttribute(name);
    expect(['001', '002', '003'].map((c) => attr(c, 'fill'))).to.deep.equal(['#DCEBFA', '#003D7A', 'url(#pmT-nodata)']);
    expect(['001', '002', '003'].map((c) => attr(c, 'aria-label'))).to.deep.equal(['001: 0.1', '002: 0.9', '003: none']);
    expect(['001', '002', '003'].map((c) => attr(c, 'aria-pressed'))).to.deep.equal(['false', 'true', 'false']);
    expect(['001', '002', '003'].map((c) => attr(c, 'tabindex'))).to.deep.equal(['-1', '-1', '0']);
    expect(['001', '002', '003'].map((c) => view.areas.get(c)!.hasAttribute('data-nodata'))).to.deep.equal([false, false, true]);
    // Text on the dark class is white, on light and no-data tiles dark.
    expect(['001', '002', '003'].map((c) => view.labels.get(c)!.getAttribute('fill'))).to.deep.equal(['#1A1A1A', '#FFFFFF', '#1A1A1A']);
    expect(view.outline.getAttribute('d')).to.equal('M43,1h40v40h-40Z');
    const node = view.areas.get('001');
    paintMap(view, { ...opts, selected: null, focusCode: '001' });
    expect(view.areas.get('001')).to.equal(node);
    expect(view.outline.getAttribute('d')).to.equal('');
    expect(['001', '002', '003'].map((c) => attr(c, 'tabindex'))).to.deep.equal(['0', '-1', '-1']);
  });
});
