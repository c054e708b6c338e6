import { formatInteger, formatPercent, placeName, type Lang } from '../../i18n/index.js';
import type { Basis, FunnelAnswer } from '../../query/types.js';
import { markOf } from '../provenance.js';
import { numberText } from './csv.js';
import { dataFile, figureText, programmeName, stageName, textOf } from './figure.js';
import { looksOf, svgNode } from './image.js';
import type { DownloadStrings } from './strings.js';
import type { Downloads, FunnelShown } from './types.js';

/** The published figure a count equals, as the CSV names it: who, and the day it describes. */
export function citedOf(b: Basis): string | null {
  return b.kind === 'published-figure' ? `${b.cite.source}, ${b.cite.asOf}` : null;
}

/** A funnel's rows: per stage, the count, the share of the previous stage and of the eligible. */
function stageRows(a: FunnelAnswer, lang: Lang) {
  const eligible = a.stages[0]?.n ?? 0;
  return a.stages.map((st, i) => ({
    st,
    label: stageName(st.stage, a.programme.meta, lang),
    prev: i === 0 ? null : st.n / (a.stages[i - 1]!.n || NaN),
    elig: st.n / eligible,
  }));
}

/**
 * The funnel's files: a row per stage with the count and the two shares the funnel shows,
 * each with what it rests on (then the same rows for each compared area, `compare=`, as
 * the funnel's table shows them); and a picture drawn from the same answer (the funnel's
 * bars are HTML, so the file draws its own, in the funnel's colours).
 */
export function funnelDownloads(root: ShadowRoot, a: FunnelShown, lang: Lang, s: DownloadStrings): Downloads {
  const c = s.columns;
  const meta = a.programme.meta;
  const areaOf = (x: FunnelAnswer) => (x.scope.level === 'italy' ? s.italy : placeName(s, x.scope.name));
  const area = areaOf(a);
  const rows = stageRows(a, lang);
  return {
    name: [a.programme.id, s.names.funnel, area, a.asOf],
    file: dataFile(a.source),
    table: () => {
      const programme = programmeName(a.programme.id, meta, lang);
      const provenance = textOf(root.querySelector('[part=provenance]'));
      const source = a.origin.publisher ?? textOf(root.querySelector('[part=source]'));
      return {
        header: [
          c.programme,
          c.area,
          c.asOf,
          c.stage,
          s.entities[meta?.entity_kind ?? 'comune'],
          c.ofPrevious,
          c.ofEligible,
          c.basis,
          c.cited,
          c.provenance,
          c.source,
          c.file,
        ],
        numeric: [false, false, false, false, true, true, true],
        rows: [a, ...(a.compared ?? [])].flatMap((x) =>
          stageRows(x, lang).map((r) => [
            programme,
            areaOf(x),
            x.asOf,
            r.label,
            numberText(r.st.n),
            r.prev === null ? null : numberText(r.prev * 100, 1),
            numberText(r.elig * 100, 1),
            markOf(r.st.basis, lang),
            citedOf(r.st.basis),
            provenance,
            x === a ? source : (x.origin.publisher ?? source),
            x.source,
          ]),
        ),
      };
    },
    picture: () => {
      const looks = looksOf(root.host);
      const host = getComputedStyle(root.host);
      const bar = root.querySelector('[part=bar]');
      const fill = bar?.firstElementChild
        ? getComputedStyle(bar.firstElementChild).backgroundColor
        : host.getPropertyValue('--_primary').trim() || '#0066cc';
      const track = bar ? getComputedStyle(bar).backgroundColor : host.getPropertyValue('--_track').trim() || '#e6eef7';
      const muted = getComputedStyle(root.querySelector('[part=caption] .sub') ?? root.host).color;
      // Marks on the figures when they do not all rest on the same kind of data, as the funnel shows them.
      const marks = new Set(a.stages.map((st) => markOf(st.basis, lang)).filter((m) => m !== null));
      const width = 560;
      const head = 22;
      const rowHeight = 38;
      const height = head + rows.length * rowHeight;
      const cols = [0.7, 0.85, 1].map((f) => Math.round(width * f));
      const barWidth = width * 0.52;
      const text = (x: number, y: number, t: string, o: Record<string, string | number> = {}) =>
        svgNode('text', { x, y, 'font-size': 12, fill: looks.colour, ...o }, t);
      const svg = svgNode('svg', { viewBox: `0 0 ${width} ${height}`, 'font-family': looks.font });
      const h = { 'font-size': 11, fill: muted, 'text-anchor': 'end' };
      svg.append(
        text(0, 14, s.heads.stage, { ...h, 'text-anchor': 'start' }),
        text(cols[0]!, 14, s.entities[meta?.entity_kind ?? 'comune'], h),
        text(cols[1]!, 14, s.heads.ofPrevious, h),
        text(cols[2]!, 14, s.heads.ofEligible, h),
      );
      rows.forEach((r, i) => {
        const y = head + i * rowHeight;
        const mark = marks.size > 1 ? markOf(r.st.basis, lang) : null;
        svg.append(
          svgNode('line', { x1: 0, x2: width, y1: y, y2: y, stroke: track }),
          text(0, y + 16, r.label, { 'font-size': 13 }),
          svgNode('rect', { x: 0, y: y + 23, width: barWidth, height: 6, rx: 2, fill: track }),
          svgNode('rect', { x: 0, y: y + 23, width: (barWidth * Math.min(1, r.elig || 0)).toFixed(1), height: 6, rx: 2, fill }),
          text(cols[0]!, y + 17, formatInteger(r.st.n, lang), { 'font-size': 15, 'font-weight': 700, 'text-anchor': 'end' }),
          text(cols[1]!, y + 17, r.prev === null ? '' : formatPercent(r.prev, lang), { fill: muted, 'text-anchor': 'end' }),
          text(cols[2]!, y + 17, formatPercent(r.elig, lang), { fill: muted, 'text-anchor': 'end' }),
        );
        if (mark) svg.append(text(cols[0]!, y + 30, mark, { 'font-size': 9, fill: muted, 'text-anchor': 'end' }));
      });
      return { ...looks, ...figureText(root, s), drawing: svg, width, height };
    },
  };
}
