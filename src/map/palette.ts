/**
 * The map's colours: a sequential scale, the no-data hatching and the two tones a tile's
 * label can take. Their values per colour scheme, and the page's overrides, are CSS
 * (src/components/piccoli-map/drawn.styles.ts: `--_m1` … `--_m5`, `--_nodata`,
 * `--_nodata-lines`, from `--piccoli-map-color-*`); the map reads them from its computed
 * style, because SVG fills set as attributes (paintMap) and a label's colour chosen for
 * its fill need the values themselves.
 */

export interface Palette {
  /** Light to dark (dark to light in the dark scheme); as many classes as colours. */
  colours: string[];
  noData: string;
  noDataLines: string;
  /**
   * The element's text and background colours: a tile's label takes whichever stands out
   * more on its fill (labelColour).
   */
  text: string;
  background: string;
}

/** The light scheme's values: what an element with no map styles gets. */
export const DEFAULT_PALETTE: Palette = {
  // Sequential blues ending at Designers Italia's #0066CC and a darker step.
  colours: ['#DCEBFA', '#A6CBF2', '#5B9DE3', '#0066CC', '#003D7A'],
  noData: '#E6E9F2',
  noDataLines: '#8E99AB',
  text: '#1A1A1A',
  background: '#FFFFFF',
};

/**
 * The palette an element's computed style holds now (in its colour scheme, with the
 * page's custom properties applied): `--_m1` … `--_m5`, `--_nodata`, `--_nodata-lines`,
 * `--_text` and `--_bg`, each falling back to the default when unset.
 *
 * @example
 * paletteFromStyle(getComputedStyle(mapElement))
 */
export function paletteFromStyle(css: Pick<CSSStyleDeclaration, 'getPropertyValue'>): Palette {
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const p = DEFAULT_PALETTE;
  return {
    colours: p.colours.map((c, i) => v(`--_m${i + 1}`, c)),
    noData: v('--_nodata', p.noData),
    noDataLines: v('--_nodata-lines', p.noDataLines),
    text: v('--_text', p.text),
    background: v('--_bg', p.background),
  };
}

let canvas: CanvasRenderingContext2D | null | undefined;

/** A CSS colour as sRGB 0–255, or null when it cannot be read (then no contrast is computed). */
export function rgbOf(colour: string): [number, number, number] | null {
  const c = colour.trim();
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(c)?.[1];
  if (hex) {
    const h = hex.length < 6 ? [...hex.slice(0, 3)].map((x) => x + x).join('') : hex;
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
  }
  if (/^rgba?\(/i.test(c)) {
    const n = c.match(/[\d.]+/g);
    return n && n.length >= 3 ? (n.slice(0, 3).map(Number) as [number, number, number]) : null;
  }
  // Named, hsl() …: a canvas reads any colour the browser does, as hex or rgba().
  canvas ??= typeof document === 'undefined' ? null : (document.createElement('canvas').getContext?.('2d') ?? null);
  if (!canvas) return null;
  canvas.fillStyle = '#010203';
  canvas.fillStyle = c;
  const out = String(canvas.fillStyle);
  return out === '#010203' || out === c ? null : rgbOf(out);
}

/** WCAG 2 contrast ratio of two colours (1 to 21); NaN when either cannot be read. */
export function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const v = rgbOf(c);
    if (!v) return NaN;
    const [r, g, bl] = v.map((x) => {
      const s = x / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [lum(a), lum(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/**
 * The colour of a tile's label on `fills` (its fill, or the no-data hatching's two
 * colours): the palette's text or background colour, whichever has the more contrast on
 * the least favourable fill; black or white when neither reaches 4.5:1 (a site's own
 * colours), one of which always does.
 */
export function labelColour(fills: readonly string[], p: Palette): string {
  const worst = (c: string) => Math.min(...fills.map((f) => contrast(c, f)));
  const best = (tones: string[]) => tones.map((t) => [t, worst(t)] as const).reduce((a, b) => (b[1] > a[1] ? b : a));
  const [tone, ratio] = best([p.text, p.background]);
  if (ratio >= 4.5 || Number.isNaN(ratio)) return tone;
  return best(['#000000', '#FFFFFF'])[0];
}
