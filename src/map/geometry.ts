import tilesJson from 'asset:/data/province-tiles.json';
import { isServer } from 'lit';
import { bundledDataUrl } from '../data/config.js';
import { PiccoliDataError, invalidOption, messageOf } from '../data/errors.js';
import { regionGeometry } from './regions.js';
import { server } from './server.js';
import { tileGeometry, type TileLayout } from './tiles.js';
import type { MapGeometry, MapLevel } from './types.js';

/**
 * Where a map's shapes come from: the bundled region shapes, the province tile grid, or
 * a site's own boundary file. No Lit and no words for readers here: a failure is a
 * `PiccoliDataError` whose kind and params say what went wrong, and the element words it.
 */

/** What `loadGeometry` needs: the level, and a site's boundary file with its code property. */
export interface GeometryRequest {
  level: MapLevel;
  /** A GeoJSON or TopoJSON file (URL, relative to the page) instead of the bundled shapes. */
  geo?: string;
  /** The feature property of `geo` that holds each area's ISTAT code. */
  key?: string;
  /** Aborts the download of `geo` (the bundled shapes are shared, so never aborted). */
  signal?: AbortSignal;
}

/** Shared by every map of the page; forgotten when it fails, so the next map tries again. */
let tilesPromise: Promise<MapGeometry> | undefined;

/**
 * The shapes of a map. Regions and the tile grid are loaded once per page; a site's file
 * is fetched for each request (it may have changed). Fails with a `PiccoliDataError`:
 * code `http` (or what `fetchBytes` reports) when the shapes cannot be fetched, code
 * `format` and kind `geo` when a site's file is unusable, with params `problem` (a
 * `GeoProblem` kind), `file` (the `geo` given), and `key`, `available` or `sample` as the
 * problem has them; src/i18n/errors.ts words them.
 *
 * @example
 * const g = await loadGeometry({ level: 'comune', geo: '/geo/comuni.topojson', key: 'PRO_COM_T' });
 */
export async function loadGeometry({ level, geo, key, signal }: GeometryRequest): Promise<MapGeometry> {
  if (geo) {
    if (!key) throw invalidOption('need-key', {});
    return siteGeometry(geo, key, level, signal);
  }
  if (level === 'region') {
    return regionGeometry().catch((e: unknown) => {
      throw new PiccoliDataError('http', `The region shapes could not be loaded: ${messageOf(e)}`, undefined, { cause: e });
    });
  }
  if (level === 'province') return provinceTiles();
  throw invalidOption('bad-level', { value: level });
}

function provinceTiles(): Promise<MapGeometry> {
  // In Node (a snapshot) the file is read from disk, where the build put it.
  const url = isServer ? tilesJson : bundledDataUrl(tilesJson);
  tilesPromise ??= (
    isServer
      ? (server.readJson(url) as Promise<TileLayout>)
      : fetch(url).then((r) => {
          if (!r.ok) throw new Error(`HTTP ${r.status}`);
          return r.json() as Promise<TileLayout>;
        })
  )
    .then(tileGeometry)
    .catch((e: unknown) => {
      tilesPromise = undefined;
      throw new PiccoliDataError('http', `The province tile layout could not be loaded: ${messageOf(e)}`, url, { cause: e });
    });
  return tilesPromise;
}

async function siteGeometry(geo: string, key: string, level: MapLevel, signal?: AbortSignal): Promise<MapGeometry> {
  const url = new URL(geo, document.baseURI).href;
  // d3-geo's projections and topojson-client are only for a site's own boundaries:
  // fetched with the file, in no element's first load.
  const [bytes, { GeoError, geoGeometry, parseGeo }] = await Promise.all([
    import('../data/fetch.js').then(({ fetchBytes }) => fetchBytes(url, { signal })),
    import('./geo.js'),
  ]);
  try {
    return geoGeometry(parseGeo(new TextDecoder().decode(bytes)), key, level);
  } catch (e) {
    if (!(e instanceof GeoError)) throw e;
    const { kind: problem, ...detail } = e.problem;
    throw new PiccoliDataError('format', `The geo file ${url} cannot be drawn: ${problem} (${e.message})`, url, {
      cause: e,
      kind: 'geo',
      params: { problem, file: geo, ...detail },
    });
  }
}
