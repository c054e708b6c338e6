import type { ArrowVectorLike } from './format/arrow.js';
import { columnKind, plotValue, type ColumnKind } from './format/kind.js';
import type { ResultTableLike } from './export.js';

export type ChartKind = 'bar' | 'line' | 'dot';
export const CHART_KINDS: readonly ChartKind[] = ['bar', 'line', 'dot'];

export interface ChartChoice {
  kind: ChartKind;
  x: string;
  y: string;
}

interface Col {
  name: string;
  kind: ColumnKind;
}

const NUMERIC: ColumnKind[] = ['number', 'bigint', 'decimal'];

/**
 * A chart for a result, from its column types: a line over the first date column, bars
 * of the first numeric column by the first text column, dots for two numeric columns.
 * `prefer` switches the kind when the columns allow it. Undefined when nothing fits.
 *
 * @example
 * chooseChart([{ name: 'region_name', kind: 'text' }, { name: 'plans', kind: 'bigint' }])
 * // { kind: 'bar', x: 'plans', y: 'region_name' }
 */
export function chooseChart(cols: Col[], prefer?: ChartKind): ChartChoice | undefined {
  const numeric = cols.filter((c) => NUMERIC.includes(c.kind));
  const temporal = cols.find((c) => c.kind === 'temporal');
  const label = cols.find((c) => c.kind === 'text' || c.kind === 'boolean');
  const options: ChartChoice[] = [];
  if (temporal && numeric[0]) options.push({ kind: 'line', x: temporal.name, y: numeric[0].name });
  if (label && numeric[0]) options.push({ kind: 'bar', x: numeric[0].name, y: label.name });
  if (numeric.length >= 2) options.push({ kind: 'dot', x: numeric[0]!.name, y: numeric[1]!.name });
  else if (temporal && numeric[0]) options.push({ kind: 'dot', x: temporal.name, y: numeric[0].name });
  if (!options.length && temporal && label) options.push({ kind: 'dot', x: temporal.name, y: label.name });
  return options.find((o) => o.kind === prefer) ?? options[0];
}

/** Which kinds the columns allow (for the switcher). */
export function chartKinds(cols: Col[]): ChartKind[] {
  return CHART_KINDS.filter((k) => chooseChart(cols, k)?.kind === k);
}

export function resultColumns(t: ResultTableLike): Col[] {
  return t.schema.fields.map((f, i) => ({ name: f.name, kind: columnKind(t.getChildAt(i)!.type) }));
}

/** The chart draws at most this many rows; more says nothing a table would not. */
export const CHART_MAX_ROWS = 20_000;

/** The x/y pairs of a chart, NULLs left out, at most CHART_MAX_ROWS. */
export function chartData(
  t: ResultTableLike,
  choice: ChartChoice,
): { x: number | Date | string | boolean; y: number | Date | string | boolean }[] {
  const names = t.schema.fields.map((f) => f.name);
  const xs = t.getChildAt(names.indexOf(choice.x)) as ArrowVectorLike;
  const ys = t.getChildAt(names.indexOf(choice.y)) as ArrowVectorLike;
  const n = Math.min(t.numRows, CHART_MAX_ROWS);
  const data = [];
  for (let r = 0; r < n; r++) {
    const x = plotValue(xs, r);
    const y = plotValue(ys, r);
    if (x !== null && y !== null) data.push({ x, y });
  }
  return data;
}
