import { scaleBand, scaleLinear, scaleUtc, line as d3line } from 'd3';
import { html, svg, type TemplateResult } from 'lit';
import { chartData, type ChartChoice } from './chart.js';
import type { ResultTableLike } from './export.js';

/**
 * The quick chart as Lit SVG: horizontal bars by label, a line over time, or dots.
 * Loaded with import() by <piccoli-sql> when the chart tab opens, so no other bundle
 * carries it. Text goes through Lit bindings: labels from data never become markup.
 *
 * Observable Plot was the first choice; its one CommonJS dependency (interval-tree-1d,
 * for Plot.dodge) does not build without @rollup/plugin-commonjs, which the build lacks.
 */
export function renderChartSvg(
  t: ResultTableLike,
  choice: ChartChoice,
  opts: { width: number; lang: 'it' | 'en' },
): TemplateResult {
  const locale = opts.lang === 'it' ? 'it-IT' : 'en-GB';
  const num = (d: number) => d.toLocaleString(locale, { maximumFractionDigits: 2 });
  const width = Math.max(320, opts.width);
  const data = chartData(t, choice);
  const title = `${choice.y} / ${choice.x}`;
  if (choice.kind === 'bar') {
    const bars = data
      .map((d) => ({ label: String(d.y), value: Number(d.x) }))
      .sort((a, b) => b.value - a.value)
      .slice(0, 60);
    const left = 200;
    const height = bars.length * 22 + 40;
    const x = scaleLinear()
      .domain([Math.min(0, ...bars.map((b) => b.value)), Math.max(0, ...bars.map((b) => b.value))])
      .nice()
      .range([left, width - 16]);
    const y = scaleBand()
      .domain(bars.map((_, i) => `${i}`))
      .range([24, height - 16])
      .padding(0.15);
    return html`<svg class="chart-svg" role="img" aria-label=${title} width=${width} height=${height} viewBox="0 0 ${width} ${height}">
      ${x.ticks(6).map(
        (v) => svg`<line x1=${x(v)} x2=${x(v)} y1="20" y2=${height - 16} class="grid"></line>
          <text x=${x(v)} y="14" text-anchor="middle" class="tick">${num(v)}</text>`,
      )}
      ${bars.map(
        (b, i) => svg`<rect x=${Math.min(x(0), x(b.value))} y=${y(`${i}`)!} width=${Math.abs(x(b.value) - x(0))} height=${y.bandwidth()} class="bar"><title>${b.label}: ${num(b.value)}</title></rect>
          <text x=${left - 6} y=${y(`${i}`)! + y.bandwidth() / 2} dy="0.32em" text-anchor="end" class="label">${truncate(b.label, 30)}</text>`,
      )}
      <text x=${width - 16} y=${height - 2} text-anchor="end" class="axis-label">${choice.x}</text>
    </svg>`;
  }
  const height = 320;
  const m = { top: 16, right: 16, bottom: 36, left: 64 };
  const temporal = data.length > 0 && data[0]!.x instanceof Date;
  const xv = (d: { x: unknown }) => (temporal ? (d.x as Date) : Number(d.x));
  const xs = data.map((d) => Number(xv(d)));
  const ys = data.map((d) => Number(d.y));
  const xDomain = [Math.min(...xs), Math.max(...xs)];
  const x = temporal
    ? scaleUtc().domain(xDomain.map((v) => new Date(v))).range([m.left, width - m.right])
    : scaleLinear().domain(xDomain).nice().range([m.left, width - m.right]);
  const y = scaleLinear()
    .domain([Math.min(0, ...ys), Math.max(0, ...ys)])
    .nice()
    .range([height - m.bottom, m.top]);
  const sx = (v: number) => (x as (v: number | Date) => number)(temporal ? new Date(v) : v);
  const xTicks = temporal
    ? (x as ReturnType<typeof scaleUtc>).ticks(6).map((d) => ({ v: d.getTime(), label: d.toISOString().slice(0, 10) }))
    : (x as ReturnType<typeof scaleLinear>).ticks(6).map((v) => ({ v, label: num(v) }));
  const points = data.map((d) => [sx(Number(xv(d))), y(Number(d.y))] as [number, number]);
  if (choice.kind === 'line') points.sort((a, b) => a[0] - b[0]);
  return html`<svg class="chart-svg" role="img" aria-label=${title} width=${width} height=${height} viewBox="0 0 ${width} ${height}">
    ${y.ticks(6).map(
      (v) => svg`<line x1=${m.left} x2=${width - m.right} y1=${y(v)} y2=${y(v)} class="grid"></line>
        <text x=${m.left - 6} y=${y(v)} dy="0.32em" text-anchor="end" class="tick">${num(v)}</text>`,
    )}
    ${xTicks.map(
      (t) => svg`<text x=${sx(t.v)} y=${height - m.bottom + 16} text-anchor="middle" class="tick">${t.label}</text>`,
    )}
    ${choice.kind === 'line'
      ? svg`<path class="line" d=${d3line()(points) ?? ''}></path>`
      : points.map(([px, py]) => svg`<circle class="dot" cx=${px} cy=${py} r="2.5"></circle>`)}
    <text x=${width - m.right} y=${height - 4} text-anchor="end" class="axis-label">${choice.x}</text>
    <text x=${m.left} y="10" class="axis-label">${choice.y}</text>
  </svg>`;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
