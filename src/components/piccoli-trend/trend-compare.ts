import * as Plot from '@observablehq/plot';
import { html, type TemplateResult } from 'lit';
import { formatPercent, type Lang } from '../../i18n/index.js';
import type { Coordinator } from '../../query/coordinator.js';
import type { TrendAnswer, TrendRequest } from '../../query/types.js';
import { compareAnswers, comparedName, type Compared, type CompareToken } from '../compare.js';
import { styleProps } from '../../styles/style-props.js';
import type { Strings } from './strings.js';

/**
 * The trend's comparison (`compare="region italy"`): the share of eligible the areas
 * around the element's area reached in each stage over time, drawn as lines in the
 * stage's colour with the area's pattern (the element's own line is solid), listed in the
 * legend, read with the cursor and added to the table. Loaded with the chart (trend-view.ts).
 */

/**
 * A compared area's trend. (Read from its series here, not through trend-data.ts: a
 * value imported from the element's first-load module would split that module in two.)
 */
export type TrendCompared = Compared<TrendAnswer>;

/** Each compared area's line pattern (SVG dashes), and the legend's drawing of it. */
const DASH: Record<CompareToken, [svg: string, legend: string]> = {
  province: ['8,3', '0 8px,transparent 0 11px'],
  region: ['4,3', '0 4px,transparent 0 7px'],
  italy: ['1.5,3', '0 1.5px,transparent 0 4.5px'],
};

/** The trends of the areas `value` names around `own`'s (src/components/compare.ts). */
export function compareTrends(
  coordinator: Coordinator,
  ask: TrendRequest,
  own: TrendAnswer,
  value: string | null | undefined,
  signal: AbortSignal,
): Promise<TrendCompared[]> {
  return value ? compareAnswers(coordinator, ask, own, value, signal) : Promise.resolve([]);
}

/** The count of a stage by a day: its last step on or before it. */
function countAt(c: TrendCompared, order: number, date: string): number {
  let n = 0;
  for (const step of c.answer.series[order]?.steps ?? []) {
    if (step.date > date) break;
    n = step.n;
  }
  return n;
}

/** The share of its eligible a compared area had brought to a stage by a day. */
export function shareAt(c: TrendCompared, date: string, order: number): number {
  return countAt(c, order, date) / (countAt(c, 0, date) || NaN);
}

/** "; Emilia-Romagna 25,0 %; Italia 31,0 %": what the reading of a stage on a day adds. */
export function comparedReading(list: readonly TrendCompared[] | undefined, date: string, order: number, lang: Lang, t: Strings): string {
  return (list ?? []).map((c) => `; ${comparedName(c, t)} ${formatPercent(shareAt(c, date, order), lang)}`).join('');
}

/** The legend's line patterns: the element's own area solid, then each compared area's. */
export function compareLegend(list: readonly TrendCompared[] | undefined, own: string, t: Strings): TemplateResult[] {
  if (!list?.length) return [];
  const item = (token: string, c: string, name: string) =>
    html`<li class="line" data-compare=${token} ${styleProps({ '--c': c })}>${name}</li>`;
  return [
    item('own', 'var(--_text)', own),
    ...list.map((c) => item(c.token, `repeating-linear-gradient(90deg,var(--_text) ${DASH[c.token][1]})`, comparedName(c, t))),
  ];
}

/**
 * The chart's compared lines: per area and stage (but the eligible one), its share of
 * eligible from the day before `from` (nobody) to `to`, stepping on the days it changes;
 * coloured by the stage's label, as the element's own lines.
 */
export function compareMarks(list: readonly TrendCompared[] | undefined, labels: string[], from: Date, to: Date): Plot.Markish[] {
  return (list ?? []).map((c) => {
    const dates = [...new Set(c.answer.series.flatMap((s) => s.steps.map((x) => x.date)))].sort();
    const last = dates.at(-1) ?? '';
    const points = c.answer.series
      .filter((s) => s.order > 0)
      .flatMap((s) =>
        [{ x: from, y: NaN }]
          .concat(dates.map((d) => ({ x: new Date(`${d}T00:00:00Z`), y: shareAt(c, d, s.order) })))
          .concat([{ x: to, y: shareAt(c, last, s.order) }])
          .map((p) => ({ ...p, stage: labels[s.order]! })),
      );
    return Plot.line(points, {
      x: 'x',
      y: 'y',
      z: 'stage',
      stroke: 'stage',
      curve: 'step-after',
      strokeWidth: 1.5,
      strokeDasharray: DASH[c.token][0],
      className: `compare compare-${c.token}`,
    });
  });
}

/** The table's heads for one stage's compared columns: "Aderenti, Emilia-Romagna". */
export function compareHeads(list: readonly TrendCompared[] | undefined, label: string, t: Strings): TemplateResult[] {
  return (list ?? []).map((c) => html`<th scope="col" data-compare=${c.token}>${label}, ${comparedName(c, t)}</th>`);
}

/** The table's compared cells for one stage on one day. */
export function compareCells(list: readonly TrendCompared[] | undefined, date: string, order: number, lang: Lang): TemplateResult[] {
  return (list ?? []).map((c) => html`<td data-compare=${c.token}>${formatPercent(shareAt(c, date, order), lang)}</td>`);
}
