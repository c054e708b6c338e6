import * as Plot from '@observablehq/plot';
import { css, html, type TemplateResult } from 'lit';
import { formatDate, formatInteger, formatPercent, inLang, localeOf, type Lang } from '../../i18n/index.js';
import type { Milestone } from '../../data/bundled.js';
import type { TrendAnswer } from '../../query/types.js';
import type { TrendPoint, TrendTable } from './trend-data.js';
import type { Strings } from './strings.js';
import { compareCells, compareHeads, compareMarks, type TrendCompared } from './trend-compare.js';

export { compareLegend, compareTrends, comparedReading, type TrendCompared } from './trend-compare.js';

/**
 * The trend's drawing and its table, loaded beside the data (never in the element's first
 * load): Observable Plot draws each stage's count (or share of eligible) as a step line,
 * the published figures as labelled points, and the programme's milestones as labelled
 * rules. A pure view: an answer, its table and options in, nodes out.
 */

/**
 * Stage colours, by stage order: CSS variables (trendViewStyles), so that the drawn chart
 * follows the colour scheme (and paper) without being drawn again.
 */
export const STAGE_COLOURS = Array.from({ length: 7 }, (_, i) => `var(--_s${i})`);

/**
 * The chart's colours per scheme, adopted by the element with this module. Stage lines:
 * each at least 4.5:1 on its scheme's background (non-text contrast needs 3:1); the last
 * is the text colour. Plot's axes and grid draw in currentColor (the element's text).
 */
export const trendViewStyles = css`
  :host {
    --_s0: #5c6f82;
    --_s1: #0066cc;
    --_s2: #00693e;
    --_s3: #8a4b00;
    --_s4: #6b2c91;
    --_s5: #a61919;
    --_s6: var(--_text);
  }
  @media screen and (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_s0: #a3b2c2;
      --_s1: #6aaefc;
      --_s2: #4fcf8e;
      --_s3: #f0a24f;
      --_s4: #c9a3f5;
      --_s5: #ff8f8f;
    }
  }
  @media screen {
    :host([theme='dark']) {
      --_s0: #a3b2c2;
      --_s1: #6aaefc;
      --_s2: #4fcf8e;
      --_s3: #f0a24f;
      --_s4: #c9a3f5;
      --_s5: #ff8f8f;
    }
  }
`;

export interface TrendDrawOptions {
  width: number;
  height: number;
  lang: Lang;
  metric: 'count' | 'share';
  /** Stage labels, by stage order. */
  labels: string[];
  milestones: Milestone[];
  ariaLabel: string;
  /** The published figures of the area. */
  published: TrendPoint[];
  /** Entities eligible by a day. */
  eligibleAt: (iso: string) => number;
  /** Areas compared (`compare`): their shares drawn as dashed or dotted lines. */
  compared?: TrendCompared[];
  /** The document to draw with: a server-side one in Node (`piccoli-data snapshot`); the page's by default. */
  document?: Document;
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Ticks of a time axis in the reader's language: years, months, or days as they fall. */
function dateTickFormat(locale: string): (d: Date) => string {
  const year = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric' });
  const month = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'short', year: 'numeric' });
  const dayOf = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
  return (d) => (d.getUTCDate() !== 1 ? dayOf.format(d) : d.getUTCMonth() === 0 ? year.format(d) : month.format(d));
}

/** The short name of a source: up to its first comma ("ANCI Campania"). */
export const shortSource = (s: string) => s.split(',')[0]!.trim();

/** The days the chart spans: the data's, the milestones', and the chosen day. */
export function trendDomain(a: TrendAnswer, milestones: Milestone[]): [string, string] {
  const all = [a.programme.firstDate, a.programme.lastDate, a.asOf, ...milestones.map((m) => m.date)].filter(Boolean).sort();
  return [all[0]!, all.at(-1)!];
}

/**
 * The chart, and where a day falls on it (px from the SVG's left), for the cursor the
 * element draws over it.
 */
export function drawTrend(a: TrendAnswer, t: TrendTable, o: TrendDrawOptions): { svg: SVGSVGElement; x: (iso: string) => number } {
  const locale = localeOf(o.lang);
  const share = o.metric === 'share';
  const [from, to] = trendDomain(a, o.milestones);
  const value = (row: number[], order: number) => (share ? row[order]! / (row[0] || NaN) : row[order]!);
  const shown = a.series.filter((s) => !share || s.order > 0);
  // Each stage from nobody at the start to its count by the end of the span, in steps.
  const points = shown.flatMap((s) => {
    const rows = [{ date: shift(from, -1), row: new Array<number>(a.series.length).fill(0) }]
      .concat(t.dates.map((d, i) => ({ date: d, row: t.counts[i]! })))
      .concat([{ date: to, row: t.counts.at(-1) ?? new Array<number>(a.series.length).fill(0) }]);
    return rows.map((r) => ({ x: day(r.date), y: value(r.row, s.order), stage: o.labels[s.order]! }));
  });
  const published = o.published
    .map((p) => {
      const order = a.series.find((s) => s.stage === p.stage)?.order ?? -1;
      const eligible = o.eligibleAt(p.date);
      return { ...p, order, x: day(p.date), y: share ? p.count / (eligible || NaN) : p.count };
    })
    .filter((p) => p.order >= 0 && (!share || p.order > 0))
    .sort((a, b) => b.y - a.y);
  // Figures of one day (612, 568, 485 at 31 October 2021) are close: their labels are
  // stacked one line apart from the highest point down, instead of over one another.
  const top = new Map<string, number>();
  const rank = published.map((p) => {
    const seen = top.get(p.date);
    top.set(p.date, seen === undefined ? 0 : seen + 1);
    return top.get(p.date)!;
  });
  const labelled = published.map((p, i) => ({ ...p, rank: rank[i]!, top: published.find((q) => q.date === p.date)!.y }));
  const fmt = (v: number) => (share ? formatPercent(v, o.lang) : formatInteger(v, o.lang));
  const milestones = o.milestones.map((m) => ({ ...m, x: day(m.date), label: inLang(m, 'label', o.lang) }));
  const svg = Plot.plot({
    document: o.document,
    width: Math.max(280, Math.round(o.width)),
    height: Math.max(120, Math.round(o.height)),
    marginTop: 28,
    marginRight: 24,
    marginLeft: share ? 48 : 56,
    ariaLabel: o.ariaLabel,
    style: { fontSize: '12px', fontFamily: 'inherit', overflow: 'visible' },
    x: { type: 'utc', domain: [day(shift(from, -1)), day(to)], tickFormat: dateTickFormat(locale), ticks: 5, label: null },
    y: {
      grid: true,
      nice: true,
      label: null,
      ...(share ? { domain: [0, 1], tickFormat: (v: number) => formatPercent(v, o.lang).replace(/[,.]0(?=\s?%)/, '') } : {}),
      ...(share ? {} : { tickFormat: (v: number) => formatInteger(v, o.lang) }),
    },
    color: { domain: a.series.map((s) => o.labels[s.order]!), range: STAGE_COLOURS },
    marks: [
      Plot.ruleY([0], { ariaHidden: 'true' }),
      Plot.ruleX(milestones, { x: 'x', stroke: 'var(--_muted)', strokeDasharray: '4,3', className: 'milestone-rule' }),
      Plot.text(milestones, {
        x: 'x',
        text: 'label',
        frameAnchor: 'top',
        dy: -20,
        dx: 3,
        textAnchor: 'start',
        lineAnchor: 'top',
        fill: 'var(--_text)',
        className: 'milestone',
      }),
      ...compareMarks(o.compared, o.labels, day(shift(from, -1)), day(to)),
      Plot.line(points, { x: 'x', y: 'y', z: 'stage', stroke: 'stage', curve: 'step-after', strokeWidth: 2 }),
      Plot.dot(published, {
        x: 'x',
        y: 'y',
        r: 4.5,
        fill: 'var(--_bg)',
        stroke: (p: (typeof published)[number]) => o.labels[p.order],
        strokeWidth: 2,
        title: (p: (typeof published)[number]) => `${o.labels[p.order]}: ${fmt(p.y)}, ${p.cite.source}`,
      }),
      ...[...new Set(rank)].map((r) =>
        Plot.text(
          labelled.filter((p) => p.rank === r),
          {
            x: 'x',
            y: 'top',
            text: (p: (typeof labelled)[number]) => `${fmt(p.y)} · ${shortSource(p.cite.source)}`,
            dx: 8,
            dy: r * 14 - 8,
            textAnchor: 'start',
            fill: 'var(--_text)',
            stroke: 'var(--_bg)',
            strokeWidth: 3,
            className: 'published',
          },
        ),
      ),
    ],
  }) as SVGSVGElement & { scale(name: 'x'): { apply(v: Date): number } };
  for (const g of svg.querySelectorAll('g[aria-label]:not([role])')) g.setAttribute('role', 'group');
  // Plot's <style> is refused by a strict CSP; the element's styles hold what it needs.
  for (const s of svg.querySelectorAll('style')) s.remove();
  const xs = svg.scale('x');
  return { svg, x: (iso) => xs.apply(day(iso)) };
}

/** The table alternative: one row per day a count changes; the chosen day marked. */
export function trendTableView(
  a: TrendAnswer,
  t: TrendTable,
  o: {
    lang: Lang;
    metric: 'count' | 'share';
    labels: string[];
    cursor: string;
    caption: string;
    dateHead: string;
    /** Areas compared: a column each beside each stage's, with the words that name them. */
    compared?: TrendCompared[];
    t?: Strings;
  },
): TemplateResult {
  const share = o.metric === 'share';
  const shown = a.series.filter((s) => !share || s.order > 0);
  let current = -1;
  for (let i = 0; i < t.dates.length && t.dates[i]! <= o.cursor; i++) current = i;
  return html`<table part="table">
    <caption class="visually-hidden">${o.caption}</caption>
    <thead>
      <tr>
        <th scope="col">${o.dateHead}</th>
        ${shown.map((s) => html`<th scope="col">${o.labels[s.order]}</th>${o.t && compareHeads(o.compared, o.labels[s.order]!, o.t)}`)}
      </tr>
    </thead>
    <tbody>
      ${t.dates.map(
        (d, i) => html`<tr data-date=${d} aria-current=${i === current ? 'date' : 'false'}>
          <th scope="row">${formatDate(d, o.lang)}</th>
          ${shown.map((s) => {
            const row = t.counts[i]!;
            return html`<td>${share ? formatPercent(row[s.order]! / (row[0] || NaN), o.lang) : formatInteger(row[s.order]!, o.lang)}</td>${compareCells(o.compared, d, s.order, o.lang)}`;
          })}
        </tr>`,
      )}
    </tbody>
  </table>`;
}
