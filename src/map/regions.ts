import type { MapGeometry } from './types.js';

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

/** Attribution the licence asks for; the map shows it under the drawing. */
export const REGIONS_CREDIT = {
  text: 'Confini regionali: MapSVG (mapsvg.com), CC BY 4.0, tramite @svg-maps/italy',
  textEn: 'Region shapes: MapSVG (mapsvg.com), CC BY 4.0, via @svg-maps/italy',
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
