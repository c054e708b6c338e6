import type { FunnelScope, PublishedCite, TrendAnswer } from '../../query/types.js';

/**
 * A trend as rows: every day on which some stage's count changes, with the count of
 * each stage by that day (the last step on or before it). What the chart draws, the
 * table lists and the keyboard steps through. Pure.
 */
export interface TrendTable {
  /** YYYY-MM-DD, ascending. */
  dates: string[];
  /** counts[i][order]: entities that reached stage `order` by dates[i]. */
  counts: number[][];
}

export function trendTable(a: TrendAnswer): TrendTable {
  const dates = [...new Set(a.series.flatMap((s) => s.steps.map((x) => x.date)))].sort();
  const at = a.series.map(() => 0);
  const next = a.series.map(() => 0);
  const counts = dates.map((d) =>
    a.series.map((s, i) => {
      const steps = s.steps;
      while (next[i]! < steps.length && steps[next[i]!]!.date <= d) at[i] = steps[next[i]!++]!.n;
      return at[i]!;
    }),
  );
  return { dates, counts };
}

/** The counts by `date`: those of the last row on or before it (nobody before the first). */
export function countsAt(t: TrendTable, date: string, stages: number): number[] {
  let i = -1;
  for (let j = 0; j < t.dates.length && t.dates[j]! <= date; j++) i = j;
  return i < 0 ? new Array<number>(stages).fill(0) : t.counts[i]!;
}

/** The date a key moves the cursor to from `date`, or null for a key that does not move it. */
export function stepDate(t: TrendTable, date: string, key: string): string | null {
  const d = t.dates;
  if (!d.length) return null;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return d.find((x) => x > date) ?? d.at(-1)!;
    case 'ArrowLeft':
    case 'ArrowDown':
      return [...d].reverse().find((x) => x < date) ?? d[0]!;
    case 'Home':
      return d[0]!;
    case 'End':
      return d.at(-1)!;
    default:
      return null;
  }
}

/** A published figure of the trend's area, drawn as a labelled point. */
export interface TrendPoint {
  stage: string;
  date: string;
  count: number;
  cite: PublishedCite;
}

/**
 * The figures the programme published for the trend's area, on any day: for the
 * library's bundled data only, the data they were checked against (as a funnel cites them).
 */
export function publishedPoints(a: TrendAnswer): TrendPoint[] {
  const meta = a.programme.meta;
  if (a.origin.data !== 'bundled' || !meta) return [];
  const [level, area] = scopeKey(a.scope);
  return (meta.published_figures ?? [])
    .filter((f) => f.as_of && (f.level ?? 'italy') === level && (level === 'italy' || f.area === area))
    .map((f) => ({
      stage: f.stage,
      date: f.as_of!,
      count: f.count,
      cite: {
        source: f.source || meta.operator || meta.programme,
        asOf: f.as_of!,
        ...(f.published_on ? { publishedOn: f.published_on } : {}),
      },
    }));
}

function scopeKey(scope: FunnelScope): [string, string | null] {
  return scope.level === 'italy' ? ['italy', null] : [scope.level === 'entity' ? 'comune' : scope.level, scope.code];
}
