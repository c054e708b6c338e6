import type { Basis, PublishedCite, SimulatedCount } from './types.js';

/**
 * What the numbers of an answer rest on (data/README.md, "What a count means"): the
 * basis of one figure, and of figures taken together. The coordinator gives each figure
 * of an answer its basis (./with-provenance.ts, fetched beside the first answer's data);
 * elements summarise them. Pure: no fetch, no DOM.
 */

/** What the figures of one view rest on, taken together. */
export type Provenance = 'published' | 'partly-simulated' | 'simulated' | 'unknown';

/**
 * The basis of a count of `n` rows of which `simulated` are simulated (null: the file
 * does not say), citing a published figure it equals when there is one.
 * @example basisOf(612, 600, cite) // { kind: 'published-figure', cite }
 * @example basisOf(30, 0)          // { kind: 'published-rows' }
 */
export function basisOf(n: number, simulated: SimulatedCount, cite?: PublishedCite | null): Basis {
  if (cite) return { kind: 'published-figure', cite };
  if (n === 0) return { kind: 'none' };
  if (simulated === null) return { kind: 'unknown' };
  return simulated === 0 ? { kind: 'published-rows' } : { kind: 'simulated', simulated, of: n };
}

/**
 * The provenance of figures taken together: published when each rests on a published
 * total or on published rows, simulated when each rests on simulated rows only.
 * Counts of nobody do not count either way.
 * @example summarise([{ kind: 'published-rows' }, { kind: 'simulated', simulated: 5, of: 5 }]) // 'partly-simulated'
 */
export function summarise(bases: readonly Basis[]): Provenance {
  const some = bases.filter((b) => b.kind !== 'none');
  if (some.some((b) => b.kind === 'unknown')) return 'unknown';
  const published = some.filter((b) => b.kind === 'published-figure' || b.kind === 'published-rows').length;
  if (published === some.length) return 'published';
  const allSimulated = some.every((b) => b.kind === 'simulated' && b.simulated === b.of);
  return allSimulated ? 'simulated' : 'partly-simulated';
}
