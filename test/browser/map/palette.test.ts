import { expect } from '@open-wc/testing';
import { DEFAULT_PALETTE, paletteFromStyle } from '../../../src/map/palette.js';

describe('map/palette: paletteFromStyle', () => {
  it('gives the default blues when the page sets nothing', () => {
    const el = document.createElement('div');
    document.body.append(el);
    try {
      expect(paletteFromStyle(getComputedStyle(el))).to.deep.equal({
        colours: ['#DCEBFA', '#A6CBF2', '#5B9DE3', '#0066CC', '#003D7A'],
        noData: '#E6E9F2',
        noDataLines: '#8E99AB',
        text: '#1A1A1A',
        textOnDark: '#FFFFFF',
      });
      expect(paletteFromStyle(getComputedStyle(el))).to.deep.equal(DEFAULT_PALETTE);
    } finally {
      el.remove();
    }
  });

  it("takes each colour the page's custom properties set, inherited, trimmed", () => {
    const outer = document.createElement('div');
    outer.style.setProperty('--piccoli-map-color-1', ' #fee ');
    outer.style.setProperty('--piccoli-map-color-5', 'rebeccapurple');
    outer.style.setProperty('--piccoli-map-color-nodata', '#eee');
    outer.style.setProperty('--piccoli-map-color-nodata-lines', '#999');
    outer.style.setProperty('--piccoli-color-text', '#222');
    const el = outer.appendChild(document.createElement('span'));
    document.body.append(outer);
    try {
      expect(paletteFromStyle(getComputedStyle(el))).to.deep.equal({
        colours: ['#fee', '#A6CBF2', '#5B9DE3', '#0066CC', 'rebeccapurple'],
        noData: '#eee',
        noDataLines: '#999',
        text: '#222',
        textOnDark: '#FFFFFF',
      });
    } finally {
      outer.remove();
    }
  });
});
