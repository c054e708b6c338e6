import type { ProgrammeMeta, PublishedFigure } from '../data/bundled.js';
import type { BackendAnswer } from './backends/backend.js';
import { basisOf } from './provenance.js';
import type { AreaLevel, FunnelScope, PublishedCite, QueryAnswer } from './types.js';

/**
 * The coordinator's part of provenance, run on every answer: it says for each figure
 * whether it equals a total the programme published (and cites it), rests on published
 * rows only, or on simulated ones (./provenance.ts), and who the data comes from. Not in
 * any element's first load: the coordinator imports it beside the first request's data.
 * Pure: no fetch, no DOM.
 */

/** The published figures of a programme that describe one day of one area an element shows. */
function figuresAt(meta: ProgrammeMeta | undefined, asOf: string, level: 'italy' | AreaLevel, area: string | null): PublishedFigure[] {
  return (meta?.published_figures ?? []).filter(
    (f) => f.as_of === asOf && (f.level ?? 'italy') === level && (level === 'italy' || f.area === area),
  );
}

function citeOf(f: PublishedFigure, meta: ProgrammeMeta): PublishedCite {
  return {
    source: f.source || meta.operator || meta.programme,
    asOf: f.as_of!,
    ...(f.published_on ? { publishedOn: f.published_on } : {}),
  };
}

function scopeLevel(scope: FunnelScope): ['italy' | AreaLevel, string | null] {
  if (scope.level === 'italy') return ['italy', null];
  if (scope.level === 'entity') return ['comune', scope.code];
  return [scope.level, scope.code];
}

/**
 * The last day a programme published figures for (an area or Italy), or null: what a
 * view of the bundled data shows when the page names no date.
 */
export function latestPublishedDate(meta: ProgrammeMeta | undefined): string | null {
  let latest: string | null = null;
  for (const f of meta?.published_figures ?? []) {
    if (f.as_of && f.level !== 'other' && (!latest || f.as_of > latest)) latest = f.as_of;
  }
  return latest;
}

/**
 * A backend's answer with who its data comes from and what each figure rests on.
 * Published figures are cited only for the library's bundled data, the data they were
 * checked against when it was built; a site's file names its own source, or none.
 */
export function withProvenance(raw: BackendAnswer, meta: ProgrammeMeta | undefined, bundled: boolean): QueryAnswer {
  const { publisher, ...answer } = raw;
  const programme = meta ? { ...answer.programme, meta } : answer.programme;
  const origin = bundled
    ? { data: 'bundled' as const, publisher: meta?.operator ?? null }
    : { data: 'site' as const, publisher: publisher?.trim() || null };
  const cite = (level: 'italy' | AreaLevel, area: string | null, stage: string, n: number): PublishedCite | null => {
    if (!bundled || !meta) return null;
    const f = figuresAt(meta, answer.asOf, level, area).find((x) => x.stage === stage && x.count === n);
    return f ? citeOf(f, meta) : null;
  };
  // A trend's published figures are read by the element from the programme's metadata (trend-data.ts).
  if (answer.kind === 'trend') return { ...answer, programme, origin };
  if (answer.kind === 'funnel') {
    const [level, area] = scopeLevel(answer.scope);
    const stages = answer.stages.map((s) => ({ ...s, basis: basisOf(s.n, s.simulated, cite(level, area, s.stage, s.n)) }));
    return { ...answer, programme, origin, stages };
  }
  const rows = answer.rows.map((r) => ({
    ...r,
    basis: basisOf(r.reached, r.simulated, cite(answer.level, r.code, answer.stage.stage, r.reached)),
  }));
  return { ...answer, programme, origin, rows };
}
