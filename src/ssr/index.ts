/**
 * The element code as `piccoli-data snapshot` runs it in Node (data/scripts/snapshot.mjs):
 * the same elements, coordinator and cube evaluator as the browser's, compiled for Node
 * with Lit's own Node build (`lit` stays an import, shared with @lit-labs/ssr). Importing
 * this module defines the elements that have a static form. The bundled data is read from
 * disk by the caller; `bundledFiles` says where the build put it (file: URLs).
 */
import cubeUrl from 'asset:/data/programmes.cube.json';
import metaUrl from 'asset:/data/programmes-meta.json';
import eventsUrl from 'asset:/data/programmes.arrow';
import '../components/piccoli-progress/piccoli-progress.js';
import '../components/piccoli-map/piccoli-map.js';
import '../components/piccoli-trend/piccoli-trend.js';
import type { ProgrammeMeta } from '../data/bundled.js';
import { CubeBackend, warn, type LoadedCube } from '../query/backends/cube-backend.js';
import { Coordinator } from '../query/coordinator.js';
import { CubeIndex, checkCube } from '../query/cube-eval.js';
import type { CubeFile } from '../query/cube.js';
import { asDataError } from '../data/errors.js';
import { ERRORS, describeError, type ErrorDescription } from '../i18n/errors.js';
import type { Lang } from '../i18n/index.js';
import { loadWords } from '../i18n/words.js';
import { installMapServer } from './map.js';

export { invalidOption } from '../data/errors.js';
export { toLang } from '../controllers/lang.js';
export { styleProps } from '../styles/style-props.js';
export { requestKey } from '../query/coordinator.js';
// The trend's chart drawn on the server (Observable Plot into linkedom's DOM); a re-export, so
// that no bundler drops the module (package.json's sideEffects do not list it).
export { SNAPSHOT_CHART, simplePath } from './trend.js';

/** The elements a snapshot renders (those whose content is static once answered). */
export const SNAPSHOT_TAGS = ['piccoli-progress', 'piccoli-map', 'piccoli-trend'] as const;

/**
 * Attributes (or `name=value`) a snapshot does not render, and why: the element would show
 * more than the snapshot has (a site's file; the comparison, which a second request adds
 * after the funnel; the map's player), so the page would change when the library loads.
 */
export const NOT_PRE_RENDERED: Record<string, string> = {
  src: 'a snapshot renders the bundled data (a site file is read by the element in the browser)',
  compare: 'the comparison is not pre-rendered (the element adds it when the library loads)',
  geo: "a snapshot draws the bundled shapes (a site's boundary file is read by the element in the browser)",
  play: 'the player is not pre-rendered (its control and steps come with the library)',
  'level=comune': "a comune map draws a site's own boundaries (geo=), which a snapshot does not read",
};

// The map's SVG shim and the scheme colours its snapshot chooses tile labels for (tests).
export { SvgNode, svgDocument, schemePalette } from './map.js';

/** The files of the bundled data, where this build reads them (file: URLs). */
export const bundledFiles = { cube: cubeUrl, meta: metaUrl, events: eventsUrl };

// The map draws its SVG into a shim of its own and reads its shapes from disk (src/ssr/map.ts).
installMapServer();

/** The bundled data's cube, given as read from disk: the browser's CubeBackend, without fetch. */
class FileCubeBackend extends CubeBackend {
  private readonly _loaded: Promise<LoadedCube | null>;

  constructor(cube: unknown, cubeName: string, dataFile: string) {
    super();
    const problem = checkCube(cube);
    const c = cube as CubeFile;
    this._loaded = Promise.resolve(
      problem
        ? warn(cubeName, problem)
        : { index: new CubeIndex(c), dataUrl: dataFile, publisher: typeof c.source === 'string' ? c.source : null },
    );
  }

  /** Only the bundled data: a `src` file has no cube here (the coordinator then says no backend could answer). */
  override cube(src: string | null): Promise<LoadedCube | null> {
    return src ? Promise.resolve(null) : this._loaded;
  }
}

/**
 * A coordinator answering from the bundled data's cube and programme list, as read from
 * disk: the browser's Coordinator (default dates, provenance) with the browser's cube
 * evaluator, and no engine.
 * @param dataFile the data file named in answers (`programmes.arrow`)
 */
export function snapshotCoordinator(
  cube: unknown,
  meta: ProgrammeMeta[],
  dataFile: string,
  cubeName = 'programmes.cube.json',
): Coordinator {
  return new Coordinator([new FileCubeBackend(cube, cubeName, dataFile)], () => Promise.resolve(meta));
}

/** What the element would say about `error` (its error family, and its sentence in `lang`, whose words are loaded first). */
export async function describe(error: unknown, lang: Lang): Promise<ErrorDescription & { code: string; kind: string; message: string }> {
  await loadWords(ERRORS, lang);
  const e = asDataError(error);
  return { ...describeError(e, lang), code: e.code, kind: e.kind, message: e.message };
}
