import { expect } from '@open-wc/testing';
import { drawnStyles } from '../../../src/components/piccoli-map/drawn.styles.js';
import { DEFAULT_PALETTE, contrast, labelColour, paletteFromStyle, rgbOf, type Palette } from '../../../src/map/palette.js';
import { theme } from '../../../src/styles/theme.js';

/** A host with the map's sheets (the shared theme and the drawn map's), as <piccoli-map> has them. */
function mapLikeHost(style = '', attrs: Record<string, string> = {}): HTMLElement {
  const host = document.createElement('div');
  host.setAttribute('style', style);
  for (const [k, v] of Object.entries(attrs)) host.setAttribute(k, v);
  host.attachShadow({ mode: 'open' }).adoptedStyleSheets = [theme, drawnStyles].map((c) => c.styleSheet!);
  document.body.append(host);
  return host;
}

describe('map/palette: paletteFromStyle', () => {
  it('gives the default blues when the element has no map styles', () => {
    const el = document.body.appendChild(document.createElement('div'));
    try {
      expect(paletteFromStyle(getComputedStyle(el))).to.deep.equal({
        colours: ['#DCEBFA', '#A6CBF2', '#5B9DE3', '#0066CC', '#003D7A'],
        noData: '#E6E9F2',
        noDataLines: '#8E99AB',
        text: '#1A1A1A',
        background: '#FFFFFF',
      });
      expect(paletteFromStyle(getComputedStyle(el))).to.deep.equal(DEFAULT_PALETTE);
    } finally {
      el.remove();
    }
  });

  it("reads the map's light scheme, and its dark one with theme=dark", () => {
    const light = mapLikeHost();
    const dark = mapLikeHost('', { theme: 'dark' });
    try {
      expect(paletteFromStyle(getComputedStyle(light))).to.deep.equal({
        colours: ['#DCEBFA', '#A6CBF2', '#5B9DE3', '#0066CC', '#003D7A'],
        noData: '#E6E9F2',
        noDataLines: '#8E99AB',
        text: '#1a1a1a',
        background: '#ffffff',
      });
      expect(paletteFromStyle(getComputedStyle(dark))).to.deep.equal({
        colours: ['#1E3A5C', '#24609E', '#3D86D8', '#86BBF3', '#D2E6FC'],
        noData: '#252A31',
        noDataLines: '#55606E',
        text: '#e9edf2',
        background: '#121417',
      });
    } finally {
      light.remove();
      dark.remove();
    }
  });

  it("takes each colour the page's custom properties set, inherited, trimmed, in both schemes", () => {
    const outer = document.createElement('div');
    outer.style.setProperty('--piccoli-map-color-1', ' #fee ');
    outer.style.setProperty('--piccoli-map-color-5', 'rebeccapurple');
    outer.style.setProperty('--piccoli-map-color-nodata', '#eee');
    outer.style.setProperty('--piccoli-map-color-nodata-lines', '#999');
    outer.style.setProperty('--piccoli-color-text', '#222');
    document.body.append(outer);
    const hosts = [mapLikeHost(), mapLikeHost('', { theme: 'dark' })];
    outer.append(...hosts);
    try {
      for (const host of hosts) {
        const p = paletteFromStyle(getComputedStyle(host));
        expect([p.colours[0], p.colours[4], p.noData, p.noDataLines, p.text], host.getAttribute('theme') ?? 'light').to.deep.equal([
          '#fee',
          'rebeccapurple',
          '#eee',
          '#999',
          '#222',
        ]);
      }
    } finally {
      outer.remove();
    }
  });
});

describe('map/palette: a label readable on its tile', () => {
  it('reads the colours a site may give: hex, rgb(), named, hsl()', () => {
    expect(rgbOf('#0066CC')).to.deep.equal([0, 102, 204]);
    expect(rgbOf('#fee')).to.deep.equal([255, 238, 238]);
    expect(rgbOf('rgb(1, 2, 3)')).to.deep.equal([1, 2, 3]);
    expect(rgbOf('rebeccapurple')).to.deep.equal([102, 51, 153]);
    expect(rgbOf('hsl(0 100% 50%)')).to.deep.equal([255, 0, 0]);
    expect(rgbOf('not a colour')).to.equal(null);
    expect(contrast('#000', '#fff')).to.be.closeTo(21, 0.01);
  });

  it('takes the text or the background colour, whichever reads on the fill, in both schemes', () => {
    const light: Palette = DEFAULT_PALETTE;
    expect(light.colours.map((c) => labelColour([c], light))).to.deep.equal(['#1A1A1A', '#1A1A1A', '#1A1A1A', '#FFFFFF', '#FFFFFF']);
    const dark: Palette = {
      ...light,
      colours: ['#1E3A5C', '#24609E', '#3D86D8', '#86BBF3', '#D2E6FC'],
      text: '#e9edf2',
      background: '#121417',
    };
    expect(dark.colours.map((c) => labelColour([c], dark))).to.deep.equal(['#e9edf2', '#e9edf2', '#121417', '#121417', '#121417']);
    for (const p of [light, dark]) {
      for (const c of p.colours) expect(contrast(labelColour([c], p), c), c).to.be.at.least(4.5);
    }
  });

  it('on the no-data hatching, a tone that reads on both of its colours', () => {
    const p: Palette = { ...DEFAULT_PALETTE, noData: '#252A31', noDataLines: '#55606E', text: '#e9edf2', background: '#121417' };
    const tone = labelColour([p.noData, p.noDataLines], p);
    expect(tone).to.equal('#e9edf2');
    expect(Math.min(contrast(tone, p.noData), contrast(tone, p.noDataLines))).to.be.at.least(4.5);
  });

  it("black or white when a site's text and background both fall short on its fill", () => {
    // A site's mid grey between a grey text and a grey background: neither reaches 4.5:1.
    const p: Palette = { ...DEFAULT_PALETTE, text: '#444444', background: '#bbbbbb' };
    const tone = labelColour(['#777777'], p);
    expect(['#000000', '#FFFFFF']).to.include(tone);
    expect(contrast(tone, '#777777')).to.be.at.least(4.5);
  });
});
