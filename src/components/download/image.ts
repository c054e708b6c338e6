/**
 * A chart or map as a file of its own: the drawing with its title and lines of context
 * above (area, date, provenance), its legend, and its source lines below, fonts and
 * colours written in (no page stylesheet reaches a file), as SVG, or painted on a canvas
 * at twice its size as PNG. Shared by the elements' download menu and the console's chart.
 */

/** One line of text in the file, wrapped to the picture's width. */
export interface PictureLine {
  text: string;
  /** CSS colour; the picture's text colour when left out. */
  colour?: string;
  /** Font size in px (default 12). */
  size?: number;
  weight?: number;
}

/** One entry of a legend: a colour and what it stands for. */
export interface LegendItem {
  colour: string;
  text: string;
}

/** What a picture file holds, top to bottom. */
export interface Picture {
  /** The drawing, self-contained (selfContained(), or drawn for the file). */
  drawing: SVGSVGElement;
  /** Its size in the file, in px. */
  width: number;
  height: number;
  title: PictureLine;
  /** Under the title: area, date, provenance. */
  head?: PictureLine[];
  legend?: LegendItem[];
  /** Under the drawing: source, credits. */
  foot?: PictureLine[];
  /** Text and background colours, and the font family (as CSS gives them). */
  colour: string;
  background: string;
  font: string;
}

const NS = 'http://www.w3.org/2000/svg';
const PAD = 16;

/** Make an SVG element with attributes. */
export function svgNode<K extends keyof SVGElementTagNameMap>(
  name: K,
  attrs: Record<string, string | number> = {},
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

let measurer: CanvasRenderingContext2D | null | undefined;
/** The width of `text` in px at this font (an estimate where no canvas can measure). */
function measure(text: string, size: number, weight: number, font: string): number {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * size * 0.55;
  measurer.font = `${weight} ${size}px ${font}`;
  return measurer.measureText(text).width;
}

/** `text` broken into lines of at most `width` px, at spaces. */
function wrap(text: string, width: number, size: number, weight: number, font: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next, size, weight, font) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The picture as a standalone SVG document: a background, the title (also its
 * `<title>`), the head lines, the legend, the drawing, the foot lines.
 */
export function pictureSvg(p: Picture): string {
  const width = Math.round(Math.max(p.width, 320) + 2 * PAD);
  const inner = width - 2 * PAD;
  const body: SVGElement[] = [];
  let y = PAD;
  const lines = (ls: readonly PictureLine[]) => {
    for (const l of ls) {
      const size = l.size ?? 12;
      const weight = l.weight ?? 400;
      for (const text of wrap(l.text, inner, size, weight, p.font)) {
        y += size * 1.3;
        body.push(
          svgNode(
            'text',
            { x: PAD, y: (y - size * 0.3).toFixed(1), 'font-size': size, 'font-weight': weight, fill: l.colour ?? p.colour },
            text,
          ),
        );
      }
    }
  };
  lines([{ size: 18, weight: 700, ...p.title }, ...(p.head ?? [])]);
  if (p.legend?.length) {
    y += 6;
    let x = PAD;
    let row = y;
    for (const item of p.legend) {
      const w = 18 + measure(item.text, 12, 400, p.font);
      if (x > PAD && x + w > width - PAD) {
        x = PAD;
        row += 18;
      }
      body.push(svgNode('rect', { x, y: row + 2, width: 12, height: 12, fill: item.colour, stroke: p.colour, 'stroke-width': 0.5 }));
      body.push(svgNode('text', { x: x + 18, y: row + 12, 'font-size': 12, fill: p.colour }, item.text));
      x += w + 16;
    }
    y = row + 18;
  }
  y += 8;
  const drawing = p.drawing;
  drawing.setAttribute('x', String(PAD + Math.max(0, (inner - p.width) / 2)));
  drawing.setAttribute('y', String(y));
  drawing.setAttribute('width', String(p.width));
  drawing.setAttribute('height', String(p.height));
  body.push(drawing);
  y += p.height + 8;
  lines((p.foot ?? []).map((l) => ({ size: 11, ...l })));
  const height = Math.round(y + PAD);
  const out = svgNode('svg', {
    xmlns: NS,
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    'font-family': p.font,
    'font-size': 12,
    fill: p.colour,
    role: 'img',
    'aria-label': p.title.text,
  });
  out.append(svgNode('title', {}, p.title.text), svgNode('rect', { width, height, fill: p.background }), ...body);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(out)}`;
}

/** Presentation properties written into a copy, inherited by children unless they differ. */
const INHERITED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-linejoin',
  'stroke-linecap',
  'stroke-dasharray',
  'paint-order',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
];
/** Not inherited: written where they differ from their initial value. */
const OWN: Record<string, string> = { opacity: '1', 'vector-effect': 'none' };

/**
 * A copy of a drawn SVG that looks the same with no stylesheet: each element's computed
 * colours, strokes and fonts (var() and classes resolved as the page has them) written
 * as attributes, classes, inline styles, `<style>` elements and what is not displayed
 * dropped, and nothing focusable left.
 */
export function selfContained(svg: SVGSVGElement): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [copy, ...copy.querySelectorAll('*')];
  const computed = new Map<Element, CSSStyleDeclaration>();
  const gone: Element[] = [];
  from.forEach((el, i) => {
    const out = to[i]!;
    const cs = getComputedStyle(el);
    computed.set(el, cs);
    if (cs.display === 'none' || el.localName === 'style') {
      gone.push(out);
      return;
    }
    const parent = el === svg ? undefined : computed.get(el.parentElement!);
    for (const prop of INHERITED) {
      const v = cs.getPropertyValue(prop);
      const own = out.getAttribute(prop);
      if (!v || (own?.startsWith('url(') && !v.startsWith('url('))) continue;
      if (own === null && parent?.getPropertyValue(prop) === v) continue;
      // A paint server in this drawing: its id, without the page's URL in front.
      out.setAttribute(prop, v.replace(/^url\("?[^#"]*#([^")]*)"?\)$/, 'url(#$1)'));
    }
    for (const [prop, initial] of Object.entries(OWN)) {
      const v = cs.getPropertyValue(prop);
      if (v && v !== initial) out.setAttribute(prop, v);
    }
    for (const a of ['class', 'style', 'tabindex']) out.removeAttribute(a);
  });
  for (const el of gone) el.remove();
  return copy;
}

/**
 * The colours and font an element shows its figure in, for a picture of it: its text
 * colour and font, and the first background behind it that is not transparent (through
 * shadow roots), else white.
 */
export function looksOf(el: Element): Pick<Picture, 'colour' | 'background' | 'font'> {
  const cs = getComputedStyle(el);
  let background = '#ffffff';
  for (let n: Element | null = el; n; n = n.parentElement ?? ((n.getRootNode() as ShadowRoot).host || null)) {
    const bg = getComputedStyle(n).backgroundColor;
    if (bg && bg !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(bg)) {
      background = bg;
      break;
    }
  }
  return { colour: cs.color, background, font: cs.fontFamily || 'sans-serif' };
}

/**
 * A picture of a drawn SVG: a self-contained copy at the size it is drawn, in the colours
 * and font of `style` (the element that shows it), with its texts.
 */
export function drawnPicture(svg: SVGSVGElement, style: Element, texts: Pick<Picture, 'title' | 'head' | 'legend' | 'foot'>): Picture {
  const box = svg.getBoundingClientRect();
  return { ...looksOf(style), ...texts, drawing: selfContained(svg), width: Math.round(box.width), height: Math.round(box.height) };
}

/**
 * The SVG file painted at `scale`× on a canvas, as PNG bytes. The file goes in as a
 * data: URL, which a page's `img-src 'self' data:` allows (a blob: URL it would refuse).
 */
export async function svgToPng(svgText: string, scale = 2): Promise<Blob> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(img.naturalWidth * scale);
  canvas.height = Math.round(img.naturalHeight * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0);
  return await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG not made'))), 'image/png'),
  );
}
