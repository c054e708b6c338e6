/*
 * What a reader's eyes get from an element: every visible text's colour against what is
 * drawn behind it, as WCAG 2 contrast ratios, read from Chromium's computed styles (HTML
 * and SVG text alike; a map tile's label against its tile's fill).
 */

export type RGBA = [number, number, number, number];

/** A computed colour (rgb(), rgba(), color(srgb …) as color-mix() gives, #hex) as 0–255 and alpha. */
export function parseColour(c: string): RGBA {
  const s = c.trim();
  const hex = /^#([0-9a-f]{6})$/i.exec(s)?.[1];
  if (hex) return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)).concat(1) as RGBA;
  const srgb = /^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.e-]+))?\)$/.exec(s);
  if (srgb) return [+srgb[1]! * 255, +srgb[2]! * 255, +srgb[3]! * 255, srgb[4] === undefined ? 1 : +srgb[4]];
  const rgb = /^rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:[,/] ?([\d.]+))?\)$/.exec(s);
  if (rgb) return [+rgb[1]!, +rgb[2]!, +rgb[3]!, rgb[4] === undefined ? 1 : +rgb[4]];
  if (s === 'transparent' || s === 'none') return [0, 0, 0, 0];
  throw new Error(`unreadable colour: ${c}`);
}

/** `top` painted over the opaque `bottom`. */
function over(top: RGBA, bottom: RGBA): RGBA {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i]! * a + bottom[i]! * (1 - a)).concat(1) as RGBA;
}

function luminance([r, g, b]: RGBA): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio of two opaque colours. */
export function ratio(a: RGBA | string, b: RGBA | string): number {
  const [x, y] = [a, b].map((c) => luminance(typeof c === 'string' ? parseColour(c) : c));
  return (Math.max(x!, y!) + 0.05) / (Math.min(x!, y!) + 0.05);
}

/** The element's parent across shadow boundaries. */
function parentOf(e: Element): Element | null {
  return e.parentElement ?? ((e.getRootNode() as ShadowRoot).host || null);
}

/** The opaque colour behind an element: its and its ancestors' backgrounds, over white. */
export function backgroundBehind(el: Element): RGBA {
  const layers: RGBA[] = [];
  for (let e: Element | null = el; e; e = parentOf(e)) {
    const c = parseColour(getComputedStyle(e).backgroundColor);
    if (c[3] > 0) layers.push(c);
    if (c[3] >= 1) break;
  }
  return layers.reverse().reduce((acc, l) => over(l, acc), [255, 255, 255, 1] as RGBA);
}

export interface TextContrast {
  text: string;
  ratio: number;
  colour: RGBA;
  background: RGBA;
}

/** The fills a map tile's label sits on: the tile around its centre (both hatching colours for no data). */
function tileFillsUnder(text: SVGTextElement): RGBA[] | null {
  if (!text.closest('g.labels')) return null;
  const t = text.getBBox();
  const [x, y] = [t.x + t.width / 2, t.y + t.height / 2];
  const svg = text.ownerSVGElement!;
  const area = [...svg.querySelectorAll<SVGGraphicsElement>('.area')].find((a) => {
    const b = a.getBBox();
    return x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height;
  });
  if (!area) throw new Error(`no tile under the label ${text.textContent}`);
  const fill = getComputedStyle(area).fill;
  if (!fill.startsWith('url(')) return [parseColour(fill)];
  const id = /#([^")]+)/.exec(fill)![1]!;
  const pattern = (text.getRootNode() as ShadowRoot).getElementById(id)!;
  return [
    parseColour(getComputedStyle(pattern.querySelector('rect')!).fill),
    parseColour(getComputedStyle(pattern.querySelector('line')!).stroke),
  ];
}

/**
 * Every visible text in `root` (an element's shadow root): its colour and the colour
 * behind it. Skipped: text screen readers get but nobody sees (.visually-hidden, .sr-only,
 * closed <details>, SVG <title>), and disabled controls (WCAG 1.4.3 exempts them).
 */
export function textContrasts(root: ShadowRoot): TextContrast[] {
  const out: TextContrast[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent!.trim();
    const parent = n.parentElement;
    if (!text || !parent) continue;
    if (parent.closest('.visually-hidden, .sr-only, title, style, script, :disabled')) continue;
    if (!parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    const box = range.getBoundingClientRect();
    if (box.width < 2 || box.height < 2) continue;
    const style = getComputedStyle(parent);
    const svg = parent instanceof SVGElement;
    const raw = parseColour(svg ? style.fill : style.color);
    const fills = svg ? tileFillsUnder(parent as unknown as SVGTextElement) : null;
    const backs = fills ?? [backgroundBehind(parent)];
    for (const background of backs) {
      const colour = over(raw, background);
      out.push({ text: text.slice(0, 40), ratio: ratio(colour, background), colour, background });
    }
  }
  return out;
}

/** The texts under `min`:1, one line each (empty: every text reads). */
export function lowContrast(root: ShadowRoot, min = 4.5): string[] {
  const fmt = (c: RGBA) => `rgb(${c.slice(0, 3).map(Math.round).join(',')})`;
  return textContrasts(root)
    .filter((t) => t.ratio < min)
    .map((t) => `«${t.text}» ${t.ratio.toFixed(2)}:1 (${fmt(t.colour)} on ${fmt(t.background)})`);
}
