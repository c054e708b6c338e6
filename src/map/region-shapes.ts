import italy from '@svg-maps/italy';
import { pathCentre } from './path-geometry.js';
import { REGION_IDS } from './regions.js';
import type { MapGeometry, MapShape } from './types.js';

/**
 * The region shapes themselves: @svg-maps/italy's ~48 KB of path data and the code that
 * reads it, in a chunk of their own that `regionGeometry()` imports when a regional map
 * is first drawn.
 */

/** The package's shape (its own types import a package that is not installed). */
interface SvgMap {
  viewBox: string;
  locations: { id: string; name: string; path: string }[];
}

/** The 20 regions joined to their ISTAT codes, in code order. */
export function regionShapes(): MapGeometry {
  const map = italy as unknown as SvgMap;
  const [x, y, w, h] = map.viewBox.split(/[\s,]+/).map(Number) as [number, number, number, number];
  const shapes: MapShape[] = map.locations.map((loc) => {
    const region = REGION_IDS[loc.id];
    if (!region) throw new Error(`@svg-maps/italy: unknown region id ${loc.id}`);
    return { code: region.code, name: region.name, kind: 'path', d: loc.path, centre: pathCentre(loc.path) };
  });
  shapes.sort((a, b) => a.code.localeCompare(b.code));
  return { level: 'region', viewBox: [x, y, w, h], shapes };
}
