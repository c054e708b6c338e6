import * as Plot from '@observablehq/plot';
import { chartData, type ChartChoice } from './chart.js';
import type { ResultTableLike } from './export.js';
import { localeOf, type Lang } from '../../i18n/index.js';

/** At most this many bars: more are unreadable; the caption says when some are left out. */
export const CHART_MAX_BARS = 60;

/** The words the chart needs, in the console's language (from strings.ts). */
export interface ChartText {
  /** Figure caption: what is plotted, from the column names and the number of points. */
  caption: (choice: ChartChoice, points: string, shownBars?: string) => string;
  /** Accessible name of the SVG. */
  label: (choice: ChartChoice) => string;
}

export interface ChartOptions {
  width: number;
  lang: Lang;
  text: ChartText;
  /** Colour of bars, line and dots (a CSS colour; may be a var() with a fallback). */
  color?: string;
  document?: Document;
}

/**
 * The quick chart of a result, drawn by Observable Plot: horizontal bars of a number by a
 * label (sorted, largest first), a line of a number over dates, or dots of two columns.
 * A pure view: an Arrow table and options in, a `<figure>` (SVG plus caption) out.
 * Loaded by <piccoli-sql> with import() when the chart tab opens, so Plot is fetched only
 * then and no element's first load carries it.
 *
 * Bars are horizontal (barX) rather than Plot.barY: the labels are Italian place and
 * stage names, which read across a row but not when rotated under a column.
 *
 * @example
 * const fig = renderChart(table, { kind: 'bar', x: 'n', y: 'region_name' }, { width: 640, lang: 'it', text });
 */
export function renderChart(t: ResultTableLike, choice: ChartChoice, opts: ChartOptions): SVGSVGElement | HTMLElement {
  const locale = localeOf(opts.lang);
  // Grouped from four digits (1.000), as the console's tables and counts print numbers.
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: 'always' } as unknown as Intl.NumberFormatOptions);
  const fmtNumber = (d: unknown) => (typeof d === 'number' ? number.format(d) : String(d));
  const fmtDate = dateTickFormat(locale);
  const fmt = (d: unknown) => (d instanceof Date ? fmtDate(d) : fmtNumber(d));
  const color = opts.color ?? 'var(--_primary)';
  const width = Math.max(320, Math.round(opts.width));
  let data = chartData(t, choice);
  const common = {
    width,
    document: opts.document,
    ariaLabel: opts.text.label(choice),
    style: { fontSize: '12px', fontFamily: 'inherit', overflow: 'visible' },
  };

  if (choice.kind === 'bar') {
    // Biggest first; ties keep the query's order (Array.prototype.sort is stable).
    const bars = data
      .map((d) => ({ label: String(d.y), value: Number(d.x) }))
      .sort((a, b) => b.value - a.value)
      .slice(0, CHART_MAX_BARS);
    const longest = Math.max(0, ...bars.map((b) => Math.min(b.label.length, 30)));
    return withGroupRoles(
      Plot.plot({
        ...common,
        caption: opts.text.caption(choice, number.format(data.length), bars.length < data.length ? number.format(bars.length) : undefined),
        ariaDescription: bars
          .map((b) => `${b.label}: ${fmtNumber(b.value)}`)
          .join('; ')
          .slice(0, 1000),
        height: bars.length * 22 + 50,
        marginLeft: Math.min(220, 12 + longest * 6.5),
        marginRight: 24,
        x: { label: choice.x, grid: true, nice: true, tickFormat: fmtNumber },
        y: { label: choice.y, domain: bars.map((b) => b.label), tickFormat: (d: string) => truncate(d, 30) },
        marks: [
          Plot.barX(bars, {
            x: 'value',
            y: 'label',
            fill: color,
            title: (b: { label: string; value: number }) => `${b.label}: ${fmtNumber(b.value)}`,
          }),
          Plot.ruleX([0], { ariaHidden: 'true' }), // decorative baseline
        ],
      }),
    );
  }

  if (choice.kind === 'line') data = data.sort((a, b) => Number(a.x) - Number(b.x));
  const xNumber = typeof data[0]?.x === 'number';
  const yNumber = typeof data[0]?.y === 'number';
  return withGroupRoles(
    Plot.plot({
      ...common,
      caption: opts.text.caption(choice, number.format(data.length)),
      ariaDescription: describeRange(data, choice, fmt),
      height: 340,
      marginLeft: 64,
      marginBottom: 40,
      x: { label: choice.x, tickFormat: fmt, ...(xNumber ? { nice: true } : {}) },
      y: { label: choice.y, grid: true, tickFormat: fmt, ...(yNumber ? { nice: true, zero: choice.kind === 'line' } : {}) },
      marks: [
        choice.kind === 'line'
          ? Plot.lineY(data, { x: 'x', y: 'y', stroke: color, strokeWidth: 2 })
          : Plot.dot(data, { x: 'x', y: 'y', stroke: color, r: 2.5, title: (d: { x: unknown; y: unknown }) => `${fmt(d.x)}; ${fmt(d.y)}` }),
      ],
    }),
  );
}

/**
 * Plot names each mark's and axis's `<g>` with aria-label but gives it no role, and a
 * `<g>` without text is then "a label on nothing" to axe and to some screen readers
 * (observablehq/plot#1760). role="group" is what SVG-AAM maps a named `<g>` to anyway.
 */
function withGroupRoles<T extends Element>(node: T): T {
  for (const g of node.querySelectorAll('g[aria-label]:not([role])')) g.setAttribute('role', 'group');
  // Plot puts a <style> element in every chart, which a strict Content-Security-Policy
  // (style-src 'self') refuses with an error; taken out before the chart reaches the page,
  // its few rules are in the console's own styles (output-panel.styles.ts).
  for (const style of node.querySelectorAll('style')) style.remove();
  return node;
}

/** Ticks of a time axis in the reader's language: years, months, or days as they fall. */
export function dateTickFormat(locale: string): (d: Date) => string {
  const year = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric' });
  const month = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'short', year: 'numeric' });
  const day = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
  return (d) => {
    if (d.getUTCHours() || d.getUTCMinutes() || d.getUTCDate() !== 1) return day.format(d);
    return d.getUTCMonth() === 0 ? year.format(d) : month.format(d);
  };
}

/** "date: 1 gen 2021 – 31 ott 2021; n: 0 – 1.234": the gist of a line or scatter for a screen reader. */
function describeRange(data: { x: unknown; y: unknown }[], choice: ChartChoice, fmt: (d: unknown) => string): string {
  const range = (name: string, vs: unknown[]) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of vs) {
      if (typeof v !== 'number' && !(v instanceof Date)) continue;
      lo = Math.min(lo, Number(v));
      hi = Math.max(hi, Number(v));
    }
    if (lo > hi) return '';
    const asDate = vs[0] instanceof Date;
    return `${name}: ${fmt(asDate ? new Date(lo) : lo)} – ${fmt(asDate ? new Date(hi) : hi)}`;
  };
  return [
    range(
      choice.x,
      data.map((d) => d.x),
    ),
    range(
      choice.y,
      data.map((d) => d.y),
    ),
  ]
    .filter(Boolean)
    .join('; ');
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
