import type { Coordinator } from '../query/coordinator.js';
import type { FunnelAnswer, FunnelRequest, TrendAnswer, TrendRequest } from '../query/types.js';

/**
 * Comparisons (`compare="region italy"`): the same funnel or trend for the areas an
 * element's area lies in, asked through the coordinator like the element's own (so they
 * come from the cube first, are shared with other elements asking the same, and carry
 * their provenance). Loaded only by an element that has a `compare` attribute.
 */

/** What `compare` may name: the area's province (a comune's), its region, Italy. */
export type CompareToken = 'province' | 'region' | 'italy';

const TOKENS: readonly string[] = ['province', 'region', 'italy'];

/**
 * The tokens of a `compare` value, in its order, each once. Anything else is ignored
 * (a page's typo shows no comparison rather than an error).
 * @example compareTokens('italy Region foo italy') // ['italy', 'region']
 */
export function compareTokens(value: string | null | undefined): CompareToken[] {
  const words = String(value ?? '')
    .toLowerCase()
    .split(/[\s,]+/);
  return [...new Set(words.filter((w) => TOKENS.includes(w)))] as CompareToken[];
}

/** One compared area: what the token named, the area, and its answer. */
export interface Compared<A> {
  token: CompareToken;
  /** The region's or province's name; null for Italy. */
  name: string | null;
  answer: A;
}

/**
 * The answers for the areas `value` names around `own`'s area, at `own`'s day: a
 * province's region, a comune's province and region, Italy. A token naming no such area
 * (the region of a region, Italy for Italy) is skipped; so is everything when `ask` is
 * not a request (an element's attribute problem, which the element shows itself).
 */
export async function compareAnswers<A extends FunnelAnswer | TrendAnswer>(
  coordinator: Coordinator,
  ask: FunnelRequest | TrendRequest | { kind: 'invalid' },
  own: A,
  value: string | null | undefined,
  signal: AbortSignal,
): Promise<Compared<A>[]> {
  if (ask.kind === 'invalid') return [];
  type Area = { token: CompareToken; name: string | null; region: string | null; province: string | null };
  const areas = compareTokens(value).flatMap((token): Area[] => {
    if (token === 'italy') return own.scope.level === 'italy' ? [] : [{ token, name: null, region: null, province: null }];
    const a = own.within?.find((w) => w.level === token);
    return a ? [{ token, name: a.name, region: token === 'region' ? a.code : null, province: token === 'province' ? a.code : null }] : [];
  });
  const answers = await Promise.all(
    areas.map((a) => coordinator.request({ ...ask, asOf: own.asOf, region: a.region, province: a.province, comune: null }, { signal })),
  );
  return areas.map((a, i) => ({ token: a.token, name: a.name, answer: answers[i]! as A }));
}

/** How a compared area is named: its region's name, "Provincia di Piacenza", "Italia" (the element's words). */
export function comparedName(c: Compared<unknown>, t: { italy: string; province: (name: string) => string }): string {
  return c.name === null ? t.italy : c.token === 'province' ? t.province(c.name) : c.name;
}
