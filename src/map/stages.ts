import type { Coordinator } from '../query/coordinator.js';
import type { AreasAnswer, AreasRequest, Basis, StageInfo } from '../query/types.js';
import type { Palette } from './palette.js';

/**
 * A comune map's categories: the furthest stage each comune reached by the date. A comune
 * counts one entity, so a share of it can only be 0 or 100 %; its stage says more. Found
 * with one areas request per stage (the coordinator answers each from the cube when there
 * is one), so neither the requests nor the backends need a new kind.
 */
export interface FurthestStages {
  /** Each area's furthest stage order (0: eligible, no stage reached). */
  order: Map<string, number>;
  /** What each area's furthest stage rests on (the basis of that stage's count). */
  bases: Map<string, Basis>;
  /** The programme's stages, in order. */
  stages: StageInfo[];
}

/**
 * Ask the areas of every stage after the first, in parallel, and keep for each area the
 * last stage it reached. `first` is the answer already in hand (the metric's stage).
 */
export async function furthestStages(
  coordinator: Coordinator,
  req: AreasRequest,
  first: AreasAnswer,
  signal?: AbortSignal,
): Promise<FurthestStages> {
  const stages = [...first.programme.stages].sort((a, b) => a.order - b.order);
  const answers = await Promise.all(
    stages.map((s) =>
      s.order === 0 ? null : s.stage === first.stage.stage ? first : coordinator.request({ ...req, stage: s.stage }, { signal }),
    ),
  );
  const order = new Map<string, number>();
  const bases = new Map<string, Basis>();
  for (const r of first.rows) {
    order.set(r.code, 0);
    bases.set(r.code, r.basis);
  }
  answers.forEach((a, i) => {
    for (const r of a?.rows ?? []) {
      if (r.reached > 0 && order.has(r.code)) {
        order.set(r.code, stages[i]!.order);
        bases.set(r.code, r.basis);
      }
    }
  });
  return { order, bases, stages };
}

/**
 * One colour per stage, lightest for "eligible, nothing yet" and darkest for the last
 * stage, spread over the palette's classes when the programme has fewer stages.
 */
export function stageColours(count: number, palette: Palette): string[] {
  const c = palette.colours;
  if (count <= 1) return [c[0]!];
  return Array.from({ length: count }, (_, i) => c[Math.round((i * (c.length - 1)) / (count - 1))]!);
}
