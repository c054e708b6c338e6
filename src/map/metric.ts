/**
 * Map metrics are named after the programme's stages, so every programme gets its own:
 * `<stage>` counts the entities that reached the stage, `<stage>-share` divides by the
 * eligible ones. Stage ids use `_` in the data and `-` in attributes
 * (needs_analysis <-> needs-analysis).
 */
export interface Metric {
  /** The attribute value, normalised. */
  name: string;
  stage: string;
  stageOrder: number;
  share: boolean;
}

export interface StageInfo {
  stage: string;
  stage_order: number;
}

const toAttr = (stage: string) => stage.replaceAll('_', '-').toLowerCase();

/** Every metric a programme offers, counts then shares, in stage order. */
export function metricNames(stages: StageInfo[]): string[] {
  const later = stages.filter((s) => s.stage_order > 0);
  return [...later.map((s) => `${toAttr(s.stage)}-share`), ...stages.map((s) => toAttr(s.stage))];
}

/** The metric an attribute names, or null when the programme has no such stage. */
export function parseMetric(value: string, stages: StageInfo[]): Metric | null {
  const v = value.trim().toLowerCase().replaceAll('_', '-');
  const share = v.endsWith('-share');
  const id = share ? v.slice(0, -'-share'.length) : v;
  const s = stages.find((x) => toAttr(x.stage) === id);
  if (!s || (share && s.stage_order === 0)) return null; // eligible-share is always 100 %
  return { name: v, stage: s.stage, stageOrder: s.stage_order, share };
}
