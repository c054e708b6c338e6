/**
 * The console's chart as a file of its own: the drawn SVG with its title above and its
 * source below, fonts and colours written in (no page stylesheet reaches a file), as SVG,
 * or painted on a canvas at twice its size as PNG. Loaded with the chart.
 */

/** A standalone SVG document of `svg` (as drawn in the page) with `title` and `source`. */
export function standaloneSvg(svg: SVGSVGElement, title: string, source: string): string {
  const NS = 'http://www.w3.org/2000/svg';
  const box = svg.viewBox.baseVal;
  const width = box?.width || svg.width.baseVal.value || 640;
  const height = box?.height || svg.height.baseVal.value || 400;
  const style = getComputedStyle(svg);
  const font = style.fontFamily || 'sans-serif';
  // The colours the reader sees (light or dark scheme): text, background, the marks'.
  const color = style.color || '#1a1a1a';
  const prop = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const top = 36;
  const bottom = 28;
  const out = document.createElementNS(NS, 'svg');
  out.setAttribute('xmlns', NS);
  const total = height + top + bottom;
  for (const [k, v] of [
    ['width', width],
    ['height', total],
    ['viewBox', `0 0 ${width} ${total}`],
    ['font-family', font],
    ['font-size', 12],
    ['fill', color],
    ['role', 'img'],
    ['aria-label', title],
  ] as const)
    out.setAttribute(k, String(v));
  const text = (y: number, content: string, size: number, weight = 400) => {
    const t = document.createElementNS(NS, 'text');
    t.setAttribute('x', '0');
    t.setAttribute('y', String(y));
    t.setAttribute('font-size', String(size));
    t.setAttribute('font-weight', String(weight));
    t.textContent = content;
    return t;
  };
  const name = document.createElementNS(NS, 'title');
  name.textContent = title;
  const bg = document.createElementNS(NS, 'rect');
  for (const [k, v] of [
    ['width', width],
    ['height', total],
    ['fill', prop('--_bg', 'white')],
  ] as const)
    bg.setAttribute(k, String(v));
  const chart = svg.cloneNode(true) as SVGSVGElement;
  chart.setAttribute('y', String(top));
  chart.setAttribute('width', String(width));
  chart.setAttribute('height', String(height));
  chart.removeAttribute('style');
  chart.removeAttribute('class');
  // The page's colours (a var() with its fallback) as the values they have here.
  const paint = prop('--_primary', '#0066CC');
  for (const el of chart.querySelectorAll('[fill^="var("],[stroke^="var("]'))
    for (const a of ['fill', 'stroke']) if (el.getAttribute(a)?.startsWith('var(')) el.setAttribute(a, paint);
  out.append(name, bg, text(22, title, 16, 600), chart, text(total - 10, source, 11));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(out)}`;
}

/** The standalone SVG painted at `scale`× on a canvas, as PNG bytes. */
export async function svgToPng(svgText: string, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
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
  } finally {
    URL.revokeObjectURL(url);
  }
}
