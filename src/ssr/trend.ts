/**
 * The trend's chart in a snapshot (`piccoli-data snapshot '<piccoli-trend …>'`), in Node
 * only: Observable Plot draws the element's own chart (trend-view.ts, the code the browser
 * runs) into a server-side DOM (linkedom), and the element's template renders it as markup.
 *
 * There is no layout on the server, so the chart is drawn at the size the chart box has at
 * the default font size and `--piccoli-trend-height` (22rem) with one line of legend, and
 * it scales to the box the page gives it (its viewBox, 100% wide and high, uniformly): with
 * JavaScript off the reader sees the same lines, milestones, points, labels and axes as the
 * live element draws. When the library loads, the element draws the chart again at its
 * box's real size, in the same frame as it removes the snapshot's nodes.
 *
 * Plot writes the SVG's font and overflow as a `style` attribute, which a strict
 * Content-Security-Policy refuses: each becomes a rule of the snapshot's <style>, allowed by
 * its hash (`--csp`), keyed by a marker attribute. The cursor on the chosen day, which the
 * element places over the chart once it has measured it, is a line of the SVG here.
 */
import { parseHTML } from 'linkedom';
import { unsafeCSS } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { PiccoliTrend } from '../components/piccoli-trend/piccoli-trend.js';

/**
 * The chart's size in a snapshot (CSS px at 16px per rem): 22rem high less the legend's
 * line (0.75em × 1.4) and the reading's two lines (0.875em × 2.8, and its margin).
 */
export const SNAPSHOT_CHART = { width: 640, height: 292 };

const SVG_NS = 'http://www.w3.org/2000/svg';
/** The cursor's foot, as the element's `.cursor` (bottom: 1.5rem) leaves the axis' labels clear. */
const CURSOR_FOOT = 24;

PiccoliTrend.serverChart = (draw, cursor, adopt) => {
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  const { width, height } = SNAPSHOT_CHART;
  const { svg, x } = draw(document as unknown as Document, width, height);
  const at = x(cursor);
  if (Number.isFinite(at)) {
    const line = document.createElementNS(SVG_NS, 'line');
    for (const [k, v] of Object.entries({
      part: 'cursor',
      'data-date': cursor,
      x1: at.toFixed(1),
      x2: at.toFixed(1),
      y1: '0',
      y2: String(height - CURSOR_FOOT),
      stroke: 'var(--_text)',
      'stroke-width': '2',
      'aria-hidden': 'true',
    }))
      line.setAttribute(k, v);
    svg.append(line);
  }
  for (const path of svg.querySelectorAll('path[d]')) path.setAttribute('d', simplePath(path.getAttribute('d')!));
  const rules = ['.plot svg{width:100%;height:100%}'];
  for (const el of [svg, ...svg.querySelectorAll('[style]')]) {
    const style = el.getAttribute('style');
    if (!style) continue;
    el.removeAttribute('style');
    el.setAttribute('data-piccoli-c', String(rules.length));
    rules.push(`.plot [data-piccoli-c="${rules.length}"]{${style.replace(/[{}<>\\]/g, '')}}`);
  }
  adopt(unsafeCSS(rules.join('')));
  return unsafeHTML(svg.outerHTML);
};

/**
 * A polyline's path (`M x,y L x,y …`) without the points that lie inside a horizontal or
 * vertical run (a stage's step line has a point on every day any stage changes): the same
 * drawing in a fraction of the bytes. Any other path is returned as it is.
 */
export function simplePath(d: string): string {
  if (!/^M[-\d.e]+,[-\d.e]+(?:L[-\d.e]+,[-\d.e]+)*$/.test(d)) return d;
  const out: [string, string][] = [];
  for (const m of d.matchAll(/([-\d.e]+),([-\d.e]+)/g)) {
    const p: [string, string] = [m[1]!, m[2]!];
    const b = out.at(-1);
    if (b && b[0] === p[0] && b[1] === p[1]) continue;
    const a = out.at(-2);
    const along = (i: 0 | 1) =>
      a![1 - i] === b![1 - i] && b![1 - i] === p[1 - i] && (Number(b![i]) - Number(a![i])) * (Number(p[i]) - Number(b![i])) >= 0;
    if (a && (along(0) || along(1))) out[out.length - 1] = p;
    else out.push(p);
  }
  return `M${out.map((p) => p.join(',')).join('L')}`;
}
