/**
 * The map's colours: a sequential scale, the no-data hatching and tile text. Defaults
 * here; a page overrides them with CSS custom properties on the element.
 */

export interface Palette {
  /** Light to dark; as many classes as colours. */
  colours: string[];
  noData: string;
  noDataLines: string;
  /** Text on a tile, on light and on dark fills. */
  text: string;
  textOnDark: string;
}

export const DEFAULT_PALETTE: Palette = {
  // Sequential blues ending at Designers Italia's #0066CC and a darker step.
  colours: ['#DCEBFA', '#A6CBF2', '#5B9DE3', '#0066CC', '#003D7A'],
  noData: '#E6E9F2',
  noDataLines: '#8E99AB',
  text: '#1A1A1A',
  textOnDark: '#FFFFFF',
};

/**
 * The palette an element's computed style asks for: `--piccoli-map-color-1` … `-5`,
 * `--piccoli-map-color-nodata`, `--piccoli-map-color-nodata-lines` and
 * `--piccoli-color-text`, each falling back to the default when unset. Read from the
 * style because SVG attributes (fills set by `paintMap`) cannot use `var()` in a pattern.
 *
 * @example
 * paletteFromStyle(getComputedStyle(mapElement))
 */
export function paletteFromStyle(css: Pick<CSSStyleDeclaration, 'getPropertyValue'>): Palette {
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const p = DEFAULT_PALETTE;
  return {
    colours: p.colours.map((c, i) => v(`--piccoli-map-color-${i + 1}`, c)),
    noData: v('--piccoli-map-color-nodata', p.noData),
    noDataLines: v('--piccoli-map-color-nodata-lines', p.noDataLines),
    text: v('--piccoli-color-text', p.text),
    textOnDark: p.textOnDark,
  };
}
