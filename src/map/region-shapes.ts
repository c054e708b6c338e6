import italy from '@svg-maps/italy';
import { pathCentre } from './path-geometry.js';
import type { MapGeometry, MapShape } from './types.js';

/**
 * The region shapes themselves: @svg-maps/italy's ~48 KB of path data and the code that
 * reads it, in a chunk of their own that `regionGeometry()` imports when a regional map
 * is first drawn.
 */

/**
 * The 20 Italian regions as drawn by @svg-maps/italy (MapSVG, CC BY 4.0: pre-projected
 * SVG paths in a 610 x 793 box), joined to ISTAT region codes. The package names its
 * shapes in English with its own ids; the join below is explicit, one line per region,
 * so that a renamed id fails the tests instead of silently leaving a region grey.
 * Trentino-Alto Adige is one shape in the package (not the two autonomous provinces),
 * which matches ISTAT region 04.
 */
export const REGION_IDS: Readonly<Record<string, { code: string; name: string }>> = {
  piedmont: { code: '01', name: 'Piemonte' },
  'aosta-valley': { code: '02', name: "Valle d'Aosta/Vallée d'Aoste" },
  lombardy: { code: '03', name: 'Lombardia' },
  'trentino-south-tyrol': { code: '04', name: 'Trentino-Alto Adige/Südtirol' },
  veneto: { code: '05', name: 'Veneto' },
  'friuli-venezia-giulia': { code: '06', name: 'Friuli-Venezia Giulia' },
  liguria: { code: '07', name: 'Liguria' },
  'emilia-romagna': { code: '08', name: 'Emilia-Romagna' },
  tuscany: { code: '09', name: 'Toscana' },
  umbria: { code: '10', name: 'Umbria' },
  marche: { code: '11', name: 'Marche' },
  lazio: { code: '12', name: 'Lazio' },
  abruzzo: { code: '13', name: 'Abruzzo' },
  molise: { code: '14', name: 'Molise' },
  campania: { code: '15', name: 'Campania' },
  apulia: { code: '16', name: 'Puglia' },
  basilicata: { code: '17', name: 'Basilicata' },
  calabria: { code: '18', name: 'Calabria' },
  sicily: { code: '19', name: 'Sicilia' },
  sardinia: { code: '20', name: 'Sardegna' },
};

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
