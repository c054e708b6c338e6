import type { MapGeometry } from './types.js';

/**
 * What every element's first load may know of the regional map: its credit and its box.
 * The shapes and their join to ISTAT codes live in region-shapes.ts, a chunk of their own.
 */

/** Attribution the licence asks for; the map shows it under the drawing (its words: the map's `regionsCredit`). */
export const REGIONS_CREDIT = {
  href: 'https://creativecommons.org/licenses/by/4.0/',
};

/**
 * The package's drawing box, known before its ~48 KB of path data arrive: what the
 * element sizes its loading skeleton with. A test checks it against the package.
 */
export const REGIONS_VIEWBOX: readonly [number, number, number, number] = [0, 0, 610, 793];

let cached: Promise<MapGeometry> | undefined;

/**
 * The regional map, in ISTAT code order. The path data is imported on first use (so
 * that maps of other levels, and every element's first load, go without it) and built
 * once per page; a failed load is tried again next time.
 */
export function regionGeometry(): Promise<MapGeometry> {
  cached ??= import('./region-shapes.js').then(
    (m) => m.regionShapes(),
    (e: unknown) => {
      cached = undefined;
      throw e;
    },
  );
  return cached;
}
