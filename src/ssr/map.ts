/**
 * The map in a snapshot (`piccoli-data snapshot '<piccoli-map …>'`), in Node only: the
 * element's own drawing code (src/map/render.ts: renderMap, paintMap) draws into a small
 * SVG shim of the few DOM calls it makes (createElementNS, setAttribute, getAttribute,
 * removeAttribute, append, textContent), and the element's template writes the drawing as
 * markup, every attribute value and text escaped here.
 *
 * The colours stay CSS, as the live element's come from CSS: the map reads its palette from
 * the element's style, which here answers each `--_x` with `var(--_x)`. So each area's
 * fill is its class's custom property (`--_m1` … `--_m5`, `--_nodata`, from the site's
 * `--piccoli-map-color-*` or the scheme's defaults), written as a rule of the snapshot's
 * <style> keyed by a marker attribute, never a `style` attribute (a strict CSP allows the
 * rules by their hash). A tile's label takes the text or the background colour, whichever
 * reads on its fill: chosen here for each scheme's default colours (light, and dark when
 * the reader's system or `theme` asks), as the element chooses for the colours it reads.
 *
 * With JavaScript off the areas are pictures with their names and numbers (role img),
 * not buttons: nothing would answer a press. The element, when it loads, draws its own
 * interactive map in their place.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { unsafeCSS, type CSSResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { drawnStyles } from '../components/piccoli-map/drawn.styles.js';
import { labelColour, type Palette } from '../map/palette.js';
import type { MapView } from '../map/render.js';
import { server } from '../map/server.js';
import { theme } from '../styles/theme.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Element and attribute names the shim accepts (the drawing code's own, never data). */
const NAME = /^[a-z][a-z0-9:-]*$/i;

/** One SVG element: what the map's drawing code calls, and its markup. */
export class SvgNode {
  readonly attributes = new Map<string, string>();
  children: SvgNode[] = [];
  parent: SvgNode | null = null;
  /** The element's own text (textContent set), before its children. */
  ownText = '';

  constructor(readonly tagName: string) {
    if (!NAME.test(tagName)) throw new Error(`SVG shim: bad element name ${JSON.stringify(tagName)}`);
  }

  setAttribute(name: string, value: unknown): void {
    if (!NAME.test(name)) throw new Error(`SVG shim: bad attribute name ${JSON.stringify(name)}`);
    this.attributes.set(name, String(value));
  }

  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }

  hasAttribute(name: string): boolean {
    return this.attributes.has(name);
  }

  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }

  append(...nodes: SvgNode[]): void {
    for (const n of nodes) {
      if (!(n instanceof SvgNode)) throw new Error('SVG shim: only elements can be appended');
      n.remove();
      n.parent = this;
      this.children.push(n);
    }
  }

  remove(): void {
    if (this.parent) this.parent.children = this.parent.children.filter((c) => c !== this);
    this.parent = null;
  }

  get textContent(): string {
    return this.ownText + this.children.map((c) => c.textContent).join('');
  }

  set textContent(value: string | null) {
    for (const c of this.children) c.parent = null;
    this.children = [];
    this.ownText = value ?? '';
  }

  /** The element as markup: attribute values and text escaped. */
  get outerHTML(): string {
    return serialize(this, (n) => [...n.attributes]);
  }
}

/** The shim's document: SVG elements only. */
export const svgDocument = {
  createElementNS(ns: string, name: string): SvgNode {
    if (ns !== SVG_NS) throw new Error(`SVG shim: only SVG elements (${ns} ${name})`);
    return new SvgNode(name);
  },
};

const escapeAttribute = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeText = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `node` as markup, with the attributes `attrs` gives for each element (names checked when set). */
export function serialize(node: SvgNode, attrs: (n: SvgNode) => [string, string][]): string {
  const a = attrs(node)
    .map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`)
    .join('');
  const inner = escapeText(node.ownText) + node.children.map((c) => serialize(c, attrs)).join('');
  return `<${node.tagName}${a}>${inner}</${node.tagName}>`;
}

/**
 * The default colours of a scheme, as the element's styles have them (the theme's `--_text`
 * and `--_bg`, the map's `--_m1` … and `--_nodata…`): light (`:host`) or dark (`theme='dark'`).
 */
export function schemePalette(dark: boolean): Palette {
  const values: Record<string, string> = {};
  for (const sheet of [theme, drawnStyles]) {
    const block = (dark ? /:host\(\[theme='dark'\]\)\s*\{([^}]*)\}/ : /(?:^|\})\s*:host\s*\{([^}]*)\}/).exec(sheet.cssText)?.[1] ?? '';
    for (const m of block.matchAll(/(--_[\w-]+)\s*:\s*var\(\s*--[\w-]+\s*,\s*([^)]+?)\s*\)/g)) values[m[1]!] = m[2]!;
  }
  const get = (name: string) => {
    const v = values[name];
    if (!v) throw new Error(`the ${dark ? 'dark' : 'light'} scheme has no default for ${name}`);
    return v;
  };
  return {
    colours: [1, 2, 3, 4, 5].map((i) => get(`--_m${i}`)),
    noData: get('--_nodata'),
    noDataLines: get('--_nodata-lines'),
    text: get('--_text'),
    background: get('--_bg'),
  };
}

/** A tile label's colour on `fills` in a scheme, as CSS: the text or background colour's property, or the black or white labelColour falls back to. */
function labelIn(p: Palette, fills: string[]): string {
  const c = labelColour(fills, p);
  return c === p.text ? 'var(--_text)' : c === p.background ? 'var(--_bg)' : c;
}

/**
 * The drawn map as the snapshot writes it (see the module's comment), and the rules of its
 * colours, given to `adopt` (they go into the snapshot's <style>).
 */
export function mapMarkup(view: MapView, adopt: (css: CSSResult) => void): unknown {
  const svg = view.svg as unknown as SvgNode;
  const light = schemePalette(false);
  const dark = schemePalette(true);
  const areas = [...view.areas.values()] as unknown as SvgNode[];
  const isArea = new Set(areas);
  // Each tile's label: the custom property of its fill's class, set per scheme below.
  const labelFill = new Map<SvgNode, string>();
  const labelVars = new Map<string, [string, string]>();
  for (const text of view.labels.values() as unknown as Iterable<SvgNode>) {
    const [x, y] = ['x', 'y'].map((k) => Number(text.getAttribute(k)));
    const tile = areas.find((a) => {
      const [ax, ay, w, h] = ['x', 'y', 'width', 'height'].map((k) => Number(a.getAttribute(k)));
      return x >= ax! && x <= ax! + w! && y >= ay! && y <= ay! + h!;
    });
    const fill = tile?.getAttribute('fill') ?? '';
    const cls = /^var\(--_m([1-5])\)$/.exec(fill)?.[1];
    const key = cls ? `m${cls}` : fill.startsWith('url(') ? 'nodata' : null;
    if (!key) continue;
    const on = (p: Palette) => (cls ? [p.colours[Number(cls) - 1]!] : [p.noData, p.noDataLines]);
    labelVars.set(key, [labelIn(light, on(light)), labelIn(dark, on(dark))]);
    labelFill.set(text, `var(--_label-${key})`);
  }
  // Colours that are custom properties become rules, one per distinct declaration.
  const rules = new Map<string, number>();
  const attrs = (n: SvgNode): [string, string][] => {
    const out: [string, string][] = [];
    const decls: string[] = [];
    for (const [k, v0] of n.attributes) {
      const v = k === 'fill' ? (labelFill.get(n) ?? v0) : v0;
      if (isArea.has(n) && (k === 'tabindex' || k === 'aria-pressed')) continue;
      if (isArea.has(n) && k === 'role') out.push([k, 'img']);
      else if ((k === 'fill' || k === 'stroke') && /^var\(--[\w-]+\)$/.test(v)) decls.push(`${k}:${v}`);
      else out.push([k, v]);
    }
    if (decls.length) {
      const decl = decls.join(';');
      if (!rules.has(decl)) rules.set(decl, rules.size);
      out.push(['data-piccoli-m', String(rules.get(decl))]);
    }
    return out;
  };
  const markup = serialize(svg, attrs);
  const vars = (i: 0 | 1) => [...labelVars].map(([k, v]) => `--_label-${k}:${v[i]}`).join(';');
  const css =
    [...rules].map(([decl, i]) => `[data-piccoli-m="${i}"]{${decl}}`).join('') +
    (labelVars.size
      ? `:host{${vars(0)}}@media screen and (prefers-color-scheme:dark){:host(:not([theme='light'])){${vars(1)}}}` +
        `@media screen{:host([theme='dark']){${vars(1)}}}`
      : '');
  adopt(unsafeCSS(css));
  return unsafeHTML(markup);
}

/** Install the map's Node side (src/map/server.ts). */
export function installMapServer(): void {
  Object.assign(server, {
    document: svgDocument as unknown as Pick<Document, 'createElementNS'>,
    readJson: async (url: string) => JSON.parse(await readFile(fileURLToPath(url), 'utf8')) as unknown,
    style: { getPropertyValue: (name: string) => `var(${name})` },
    markup: mapMarkup,
  });
}
