import type { SimulatedCount } from './types.js';

/** What the rows behind some figures rest on: all published, partly or all simulated, or unstated. */
export type Provenance = 'published' | 'partly-simulated' | 'simulated' | 'unknown';

/**
 * The provenance of figures counted from `n` rows of which `simulated` are simulated each
 * (null: the file has no provenance column).
 * @example provenanceOf([{ n: 10, simulated: 3 }, { n: 5, simulated: 0 }]) // 'partly-simulated'
 */
export function provenanceOf(counts: readonly { n: number; simulated: SimulatedCount }[]): Provenance {
  if (counts.some((c) => c.simulated === null)) return 'unknown';
  const simulated = counts.reduce((s, c) => s + (c.simulated ?? 0), 0);
  const rows = counts.reduce((s, c) => s + c.n, 0);
  return simulated === 0 ? 'published' : simulated === rows ? 'simulated' : 'partly-simulated';
}
