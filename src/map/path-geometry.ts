/**
 * Just enough SVG path reading for the region shapes: their path data uses only `m`, `M`,
 * `l`, `L`, `z` and `Z` (implicit line-tos after a move), which is all this accepts.
 */

/** The rings (closed outlines) of a path made of straight segments. */
export function pathRings(d: string): [number, number][][] {
  const tokens = d.match(/[a-zA-Z]|-?\d*\.?\d+(?:e[-+]?\d+)?/g) ?? [];
  const rings: [number, number][][] = [];
  let ring: [number, number][] | null = null;
  let cmd = 'M';
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  for (let i = 0; i < tokens.length;) {
    const t = tokens[i]!;
    if (/[a-zA-Z]/.test(t)) {
      cmd = t;
      i++;
      if (cmd === 'z' || cmd === 'Z') {
        x = startX;
        y = startY;
        ring = null;
      } else if (!'mMlL'.includes(cmd)) {
        throw new Error(`unsupported path command ${cmd}`);
      }
      continue;
    }
    const dx = Number(tokens[i]);
    const dy = Number(tokens[i + 1]);
    i += 2;
    const rel = cmd === 'm' || cmd === 'l';
    x = rel ? x + dx : dx;
    y = rel ? y + dy : dy;
    if (cmd === 'm' || cmd === 'M') {
      ring = [[x, y]];
      rings.push(ring);
      startX = x;
      startY = y;
      cmd = rel ? 'l' : 'L'; // pairs after a move are line-tos
    } else {
      if (!ring) rings.push((ring = [[startX, startY]]));
      ring.push([x, y]);
    }
  }
  return rings;
}

/** Signed area and centroid of a ring (shoelace formula). */
function ringStats(r: [number, number][]): { area: number; cx: number; cy: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const [x0, y0] = r[j]!;
    const [x1, y1] = r[i]!;
    const f = x0 * y1 - x1 * y0;
    a += f;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
  }
  return a === 0 ? { area: 0, cx: r[0]![0], cy: r[0]![1] } : { area: a / 2, cx: cx / (3 * a), cy: cy / (3 * a) };
}

/** The centroid of a path's largest ring: a point that keyboard moves use. */
export function pathCentre(d: string): [number, number] {
  let best = { area: -1, cx: 0, cy: 0 };
  for (const r of pathRings(d)) {
    const s = ringStats(r);
    if (Math.abs(s.area) > best.area) best = { ...s, area: Math.abs(s.area) };
  }
  return [best.cx, best.cy];
}
