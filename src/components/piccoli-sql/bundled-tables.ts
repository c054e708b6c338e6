import stagesArrow from 'asset:/data/stages.arrow';
import choicesArrow from 'asset:/data/choices.arrow';
import programmesMetaArrow from 'asset:/data/programmes-meta.arrow';
import publishedFiguresArrow from 'asset:/data/published-figures.arrow';
import { bundledDataUrl } from '../../data/config.js';
import type { LoadOptions, PiccoliEngine } from '../../data/engine.js';
import { loadComuni, loadEvents } from '../../data/programme-data.js';

/** How loading the bundled tables went: the tables loaded, and each that failed with why. */
export interface BundledLoad {
  loaded: string[];
  failed: { table: string; error: unknown }[];
}

/**
 * Every bundled data file (data/SCHEMA.md) as a table of the shared engine, for the
 * analyst console: programme_events, comuni, stages, choices, programmes, published_figures.
 * They are read from the Arrow twins of the Parquet files (dist/data/*.arrow, same columns
 * and types), so the console fetches no Parquet reader unless an analyst reads a Parquet file.
 *
 * Each file loads on its own: one that fails leaves the others loaded, and is named in
 * `failed`. Never rejects. Calling again loads only what failed (the engine answers a
 * table already loaded from the same file with the same promise, and forgets a failed
 * load, so a retry fetches the file again). The engine is handed in so that the console
 * reaches it through one module (run-controller.ts); the events and comuni loaders use
 * the shared engine themselves.
 */
export async function loadBundledTables(engine: Pick<PiccoliEngine, 'load'>, opts?: LoadOptions): Promise<BundledLoad> {
  const loads: [string, () => Promise<unknown>][] = [
    ['programme_events', () => loadEvents(null, opts)],
    ['comuni', () => loadComuni(opts)],
    ['stages', () => engine.load({ name: 'stages', url: bundledDataUrl(stagesArrow) }, opts)],
    ['choices', () => engine.load({ name: 'choices', url: bundledDataUrl(choicesArrow) }, opts)],
    ['programmes', () => engine.load({ name: 'programmes', url: bundledDataUrl(programmesMetaArrow) }, opts)],
    ['published_figures', () => engine.load({ name: 'published_figures', url: bundledDataUrl(publishedFiguresArrow) }, opts)],
  ];
  const settled = await Promise.allSettled(loads.map(([, load]) => load()));
  const out: BundledLoad = { loaded: [], failed: [] };
  settled.forEach((s, i) => {
    const table = loads[i]![0];
    if (s.status === 'fulfilled') out.loaded.push(table);
    else out.failed.push({ table, error: s.reason });
  });
  return out;
}
