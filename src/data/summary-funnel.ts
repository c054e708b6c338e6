import type { FunnelSummary } from './bundled.js';
import type { FunnelFilter } from './sql/funnel.js';

/**
 * The funnel computed from the precomputed summary (data/summary.json) instead of the
 * engine: the same numbers as `funnelQuery` (the tests compare both for every province),
 * without waiting for DuckDB-WASM to download. Returns null when the summary cannot
 * answer (a single entity is asked for, or the programme is not in it).
 */
export function funnelFromSummary(summary: FunnelSummary, f: FunnelFilter): { stage_order: number; stage: string; n: number }[] | null {
  const p = summary.programmes[f.programme];
  if (!p || f.entityCode) return null;
  const counts = new Array<number>(p.stages.length).fill(0);
  for (const [order, province, date, n] of p.rows) {
    if (date > f.asOf) continue; // ISO dates compare as strings
    if (f.provinceCode && province !== f.provinceCode) continue;
    if (f.regionCode && summary.provinces[province]?.region_code !== f.regionCode) continue;
    counts[order] = (counts[order] ?? 0) + n;
  }
  return counts.map((n, i) => ({ stage_order: i, stage: p.stages[i]!, n })).filter((s) => s.n > 0);
}

/** The last day in the summary for a programme. */
export function lastDateFromSummary(summary: FunnelSummary, programme: string): string | null {
  const p = summary.programmes[programme];
  if (!p) return null;
  let last = '';
  for (const r of p.rows) if (r[2] > last) last = r[2];
  return last || null;
}

/**
 * Per region or province: eligible entities (stage-0 rows, whatever their date) and
 * those that reached `stageOrder` by `asOf`, from the summary. The same numbers as
 * `areaMetricQuery` (the tests compare both), for a map that need not start the engine.
 * Null when the summary cannot answer.
 */
export function areaMetricFromSummary(
  summary: FunnelSummary,
  f: { programme: string; level: string; stageOrder: number; asOf: string },
): { code: string; name: string; eligible: number; reached: number }[] | null {
  const p = summary.programmes[f.programme];
  if (!p || (f.level !== 'region' && f.level !== 'province')) return null;
  const areas = new Map<string, { code: string; name: string; eligible: number; reached: number }>();
  for (const [order, province, date, n] of p.rows) {
    const info = summary.provinces[province];
    const code = f.level === 'province' ? province : info?.region_code;
    if (!code) continue;
    let a = areas.get(code);
    if (!a) {
      a = { code, name: (f.level === 'province' ? info?.name : info?.region_name) ?? code, eligible: 0, reached: 0 };
      areas.set(code, a);
    }
    if (order === 0) a.eligible += n;
    if (order === f.stageOrder && date <= f.asOf) a.reached += n;
  }
  return [...areas.values()].filter((a) => a.eligible > 0).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
