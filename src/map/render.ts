import { isServer } from 'lit';
import { DEFAULT_PALETTE, labelColour, type Palette } from './palette.js';
import { quantizeScale, type QuantizeScale } from './scale.js';
import { stageColours } from './stages.js';
import type { AreaDatum, MapGeometry, MapShape } from './types.js';
import { server } from './server.js';

/**
 * The map view: geometry -> SVG nodes once, then `paintMap` recolours those nodes by
 * setting attributes (fill, labels, pressed state). A new date or selection never
 * rebuilds the drawing. No Lit and no DuckDB here: data in, nodes out (in Node, where
 * `piccoli-data snapshot` draws a map, nodes of its SVG shim: src/ssr/map.ts).
 */

const SVG = 'http://www.w3.org/2000/svg';

export interface MapView {
  svg: SVGSVGElement;
  geometry: MapGeometry;
  /** The focusable element of each area, by ISTAT code. */
  areas: Map<string, SVGElement>;
  /** Tile texts (sigla), by code: a layer of their own, outside the buttons. */
  labels: Map<string, SVGTextElement>;
  /** Outline drawn over the selected area (so neighbours never cover it): a dark line on a light halo. */
  outline: SVGElement;
  halo: SVGElement;
  /** The focus ring over the area that has keyboard focus: a dark line on a light halo, above everything. */
  focusRing: SVGElement[];
  /** The no-data hatching's ground and line, recoloured with the palette (a new scheme). */
  nodata: [SVGElement, SVGElement];
}

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = (isServer ? server.document : document).createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/**
 * Draw every area once. `idPrefix` keeps ids unique when a page has several maps.
 * Areas are `role="button"` with roving tabindex (one Tab stop; the element's
 * RovingFocusController moves focus with the arrow keys).
 */
export function renderMap(geometry: MapGeometry, opts: { idPrefix: string; label: string; palette?: Palette }): MapView {
  const p = opts.palette ?? DEFAULT_PALETTE;
  const svg = el('svg', { viewBox: geometry.viewBox.join(' '), role: 'group', 'aria-label': opts.label, class: `map ${geometry.level}` });
  const defs = el('defs', {});
  const pattern = el('pattern', {
    id: `${opts.idPrefix}-nodata`,
    patternUnits: 'userSpaceOnUse',
    width: 6,
    height: 6,
    patternTransform: 'rotate(45)',
  });
  const nodata: [SVGElement, SVGElement] = [
    el('rect', { width: 6, height: 6, fill: p.noData, class: 'nodata-bg' }),
    el('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: p.noDataLines, 'stroke-width': 1.5, class: 'nodata-line' }),
  ];
  pattern.append(...nodata);
  defs.append(pattern);
  svg.append(defs);
  const g = el('g', { class: 'areas' });
  const areas = new Map<string, SVGElement>();
  const labels = new Map<string, SVGTextElement>();
  const labelLayer = el('g', { class: 'labels', 'aria-hidden': 'true', 'pointer-events': 'none' });
  for (const s of geometry.shapes) {
    const area =
      s.kind === 'tile' ? el('rect', { x: s.x!, y: s.y!, width: s.size!, height: s.size!, rx: 3 }) : el('path', { d: s.d ?? '' });
    if (s.kind === 'tile') {
      const text = el('text', { x: s.centre[0], y: s.centre[1], 'text-anchor': 'middle', 'dominant-baseline': 'central' });
      text.textContent = s.label ?? '';
      labelLayer.append(text);
      labels.set(s.code, text);
    }
    area.setAttribute('class', 'area');
    area.setAttribute('data-code', s.code);
    area.setAttribute('role', 'button');
    area.setAttribute('tabindex', '-1');
    area.setAttribute('aria-pressed', 'false');
    area.setAttribute('aria-label', s.name);
    g.append(area);
    areas.set(s.code, area);
  }
  svg.append(g);
  if (labels.size) svg.append(labelLayer);
  // Overlays, not strokes of the areas: a later neighbour would paint over an area's own
  // stroke, and one colour cannot stand out on every fill. A dark line on a light halo
  // does: one of the two has 3:1 against each class of the palette (test/browser/map).
  const overlay = (cls: string) => el('path', { class: cls, d: '', fill: 'none', 'aria-hidden': 'true', 'pointer-events': 'none' });
  const halo = overlay('outline-halo');
  const outline = overlay('outline');
  const focusRing = [overlay('focus-halo'), overlay('focus-ring')];
  svg.append(halo, outline, ...focusRing);
  return { svg, geometry, areas, labels, outline, halo, focusRing, nodata };
}

/**
 * Draw the focus ring around the area a focus event is about (focusin), or take it away
 * (focusout). Called by the map's box, not by listeners on the SVG: Chromium gives an SVG
 * element that has focus listeners a Tab stop of its own.
 */
export function showFocusRing(view: MapView, e: FocusEvent): void {
  const target = e.target as Element;
  const s = view.geometry.shapes.find((x) => x.code === target.getAttribute?.('data-code'));
  if (!s) return;
  const d = e.type === 'focusin' && target.matches(':focus-visible') ? outlinePath(s) : '';
  for (const p of view.focusRing) p.setAttribute('d', d);
}

/** The outline of a shape as path data: its own path, or a tile's square. */
function outlinePath(s: MapShape): string {
  if (s.kind === 'path') return s.d ?? '';
  const { x = 0, y = 0, size = 0 } = s;
  return `M${x},${y}h${size}v${size}h${-size}Z`;
}

export interface PaintOptions {
  values: ReadonlyMap<string, AreaDatum>;
  /** Colour of a value: a class of a quantized scale, or a stage's category. */
  scale: (value: number) => string | undefined;
  /** What an area says to a screen reader and in its tooltip. */
  describe: (shape: MapShape, datum: AreaDatum | undefined) => string;
  selected: string | null;
  /** The area that holds the map's one Tab stop. */
  focusCode: string | null;
  idPrefix: string;
  palette?: Palette;
}

/**
 * Recolour and relabel the areas in place. Cheap: attributes only. A tile's label takes
 * the palette's text or background colour, whichever stands out more on its fill, so it
 * stays readable in either colour scheme and on a site's own colours.
 */
export function paintMap(view: MapView, o: PaintOptions): void {
  const p = o.palette ?? DEFAULT_PALETTE;
  view.nodata[0].setAttribute('fill', p.noData);
  view.nodata[1].setAttribute('stroke', p.noDataLines);
  const labelOn = new Map<string, string>();
  const label = (fills: string[]) => {
    const key = fills.join();
    if (!labelOn.has(key)) labelOn.set(key, labelColour(fills, p));
    return labelOn.get(key)!;
  };
  for (const s of view.geometry.shapes) {
    const area = view.areas.get(s.code)!;
    const d = o.values.get(s.code);
    const fill = d ? String(o.scale(d.value)) : `url(#${o.idPrefix}-nodata)`;
    if (area.getAttribute('fill') !== fill) area.setAttribute('fill', fill);
    if (d) area.removeAttribute('data-nodata');
    else area.setAttribute('data-nodata', '');
    const text = view.labels.get(s.code);
    if (text) text.setAttribute('fill', label(d ? [fill] : [p.noData, p.noDataLines]));
    const name = o.describe(s, d);
    if (area.getAttribute('aria-label') !== name) area.setAttribute('aria-label', name);
    area.setAttribute('aria-pressed', String(s.code === o.selected));
    area.setAttribute('tabindex', s.code === o.focusCode ? '0' : '-1');
  }
  const sel = o.selected ? view.geometry.shapes.find((s) => s.code === o.selected) : undefined;
  for (const p of [view.halo, view.outline]) p.setAttribute('d', sel ? outlinePath(sel) : '');
}

/**
 * A quantized colour scale from 0 to a rounded maximum. Classes of equal width read
 * better on a legend than a continuous ramp and keep every fill one of a few colours.
 */
export function colourScale(values: Iterable<number>, share: boolean, palette: Palette = DEFAULT_PALETTE): QuantizeScale<string> {
  let max = 0;
  for (const v of values) if (Number.isFinite(v) && v > max) max = v;
  if (max === 0) max = share ? 1 : palette.colours.length;
  if (share) max = Math.min(1, max);
  const s = quantizeScale([0, max], palette.colours, palette.colours.length);
  return share && s.domain()[1] > 1 ? quantizeScale([0, 1], palette.colours) : s;
}

/**
 * The colours of a map's values: one per stage reached when the map has categories (a
 * comune map), else equal classes of the values (colourScale).
 */
export function mapScale(
  d: { stages: readonly unknown[] | null; values: ReadonlyMap<string, { value: number }>; metric: { share: boolean } },
  palette: Palette = DEFAULT_PALETTE,
): (value: number) => string | undefined {
  if (d.stages) {
    const colours = stageColours(d.stages.length, palette);
    return (v) => colours[v];
  }
  return colourScale(
    [...d.values.values()].map((v) => v.value),
    d.metric.share,
    palette,
  );
}

export interface LegendItem {
  colour: string;
  from: number;
  to: number;
}

/** The classes of a scale, lowest first, for a legend. */
export function legendItems(scale: QuantizeScale<string>): LegendItem[] {
  const [lo, hi] = scale.domain();
  const cuts = [lo, ...scale.thresholds(), hi];
  return scale.range().map((colour, i) => ({ colour, from: cuts[i]!, to: cuts[i + 1]! }));
}
