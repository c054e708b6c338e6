import type { StageInfo } from './types.js';

/** A stage id as a metric attribute names it: `needs_analysis` -> `needs-analysis`. */
export const toAttr = (stage: string): string => stage.replaceAll('_', '-').toLowerCase();

/** Every metric a programme offers, shares of eligible first, then counts, in stage order. */
export function metricNames(stages: readonly StageInfo[]): string[] {
  const later = stages.filter((s) => s.order > 0);
  return [...later.map((s) => `${toAttr(s.stage)}-share`), ...stages.map((s) => toAttr(s.stage))];
}
