import comuniArrow from 'asset:/data/comuni.arrow';
import { defaultEventsUrl } from './bundled.js';
import { bundledDataUrl } from './config.js';
import { getEngine, type LoadOptions } from './engine.js';
import { PiccoliDataError } from './errors.js';
import type { LoadedSource } from './sources.js';
import { eventsShapeQuery } from './sql/funnel.js';

export { fetchMeta, defaultEventsUrl, type ProgrammeMeta } from './bundled.js';

/**
 * The programme data shipped beside the bundle (dist/data/, built by `npm run data`;
 * schema in data/SCHEMA.md) and how elements get it into the shared engine. Elements
 * that name the same file share one table and one download.
 */

/** Table name of the bundled stage-events file in the engine. */
export const EVENTS_TABLE = 'programme_events';
export const COMUNI_TABLE = 'comuni';

/**
 * Load a stage-events file (the bundled one when `src` is empty) and return its table
 * name: a fixed name for the bundled file, one derived from the URL otherwise, so two
 * elements with the same `src` share the table.
 *
 * A site's file (`src`) is held until `release()` is called, then may be dropped by the
 * engine once no element shows it (`opts.inUse`) and newer files were loaded after it
 * (engine.ts, MAX_IDLE_SOURCES): a page that shows one file after another keeps only the
 * last few. Call `release()` when the queries on the table are done.
 */
export async function loadEvents(
  src?: string | null,
  opts?: LoadOptions,
): Promise<{ table: string; info: LoadedSource; url: string; release: () => void }> {
  const { shape, ...loaded } = await loadEventsChecking(src, opts);
  try {
    await shape;
    return loaded;
  } catch (e) {
    loaded.release();
    throw e;
  }
}

/**
 * loadEvents(), resolving as soon as the table is loaded and its columns checked: its
 * shape (one row per stage from 0 up, for every entity) is still being checked, by
 * `shape`, which a caller awaits before it uses any result (whose counts hold only for
 * that shape). Questions sent meanwhile queue in the engine's worker right behind the
 * check instead of waiting for its answer to come back to the page.
 */
export async function loadEventsChecking(
  src?: string | null,
  opts?: LoadOptions,
): Promise<{ table: string; info: LoadedSource; url: string; release: () => void; shape: Promise<void> }> {
  const url = src ? new URL(src, document.baseURI).href : defaultEventsUrl();
  const table = src ? eventsTable(url) : EVENTS_TABLE;
  const engine = getEngine();
  const release = src ? engine.hold(table) : () => undefined;
  try {
    const info = await engine.load({ name: table, url }, { ...opts, droppable: !!src });
    checkEventsSchema(info, url);
    const shape = checkEventsShape(table, info, url);
    shape.catch(() => undefined); // the caller awaits it
    return { table, info, url, release, shape };
  } catch (e) {
    release();
    throw e;
  }
}

/** The engine's table for a site's stage-events file (`src`, resolved against the page). */
export function eventsTable(src: string): string {
  return `events_${hash(new URL(src, document.baseURI).href)}`;
}

const shapeChecks = new WeakMap<LoadedSource, Promise<void>>();

/** Once per loaded file: the counts in funnel and map queries hold only for this shape. */
function checkEventsShape(table: string, info: LoadedSource, url: string): Promise<void> {
  let check = shapeChecks.get(info);
  if (!check) {
    const { sql, params } = eventsShapeQuery(table);
    check = getEngine()
      .query(sql, params, { whole: true })
      .then((t) => {
        const bad = t.toArray()[0]?.toJSON() as
          { programme: string; entity_code: string; n: number; stages: number; first: number; last: number } | undefined;
        if (!bad) return;
        const what =
          bad.n !== bad.stages ? 'has the same stage twice' : bad.first !== 0 ? 'has no stage 0 (eligible) row' : 'skips a stage';
        throw new PiccoliDataError(
          'schema',
          `${url}: entity ${bad.entity_code} of programme ${bad.programme} ${what}; every entity needs one row per stage from 0 up (data/SCHEMA.md; npx piccoli-data import checks a file).`,
          url,
          { kind: 'shape', params: { entity: bad.entity_code, programme: bad.programme } },
        );
      });
    shapeChecks.set(info, check);
  }
  return check;
}

/** The bundled registry of comuni (dist/data/comuni.arrow) as the engine's table `comuni`. */
export async function loadComuni(opts?: LoadOptions): Promise<string> {
  await getEngine().load({ name: COMUNI_TABLE, url: bundledDataUrl(comuniArrow) }, opts);
  return COMUNI_TABLE;
}

/** Columns every stage-events file must have, with the type families DuckDB must see. */
export const EVENTS_COLUMNS: Record<string, RegExp> = {
  programme: /VARCHAR/,
  entity_code: /VARCHAR/,
  province_code: /VARCHAR/,
  region_code: /VARCHAR/,
  stage: /VARCHAR/,
  stage_order: /INT/,
  date: /DATE|TIMESTAMP/,
};

function checkEventsSchema(info: LoadedSource, url: string): void {
  const have = new Map(info.columns.map((c) => [c.name, c.type]));
  const missing = Object.keys(EVENTS_COLUMNS).filter((c) => !have.has(c));
  if (missing.length) {
    throw new PiccoliDataError(
      'schema',
      `${url} is not a programme stage-events file: it lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`,
      url,
      { params: { missing } },
    );
  }
  const wrong = Object.entries(EVENTS_COLUMNS).filter(([c, re]) => !re.test(have.get(c)!));
  if (wrong.length) {
    throw new PiccoliDataError(
      'schema',
      `${url}: ${wrong.map(([c]) => `column ${c} has type ${have.get(c)}`).join('; ')}; see data/SCHEMA.md.`,
      url,
      { params: { wrongTypes: wrong.map(([c]) => c) } },
    );
  }
}

/** FNV-1a, 32 bits, hex: short stable table names from URLs. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
