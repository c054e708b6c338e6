import stagesParquet from 'asset:/data/stages.parquet';
import choicesParquet from 'asset:/data/choices.parquet';
import programmesMetaParquet from 'asset:/data/programmes-meta.parquet';
import publishedFiguresParquet from 'asset:/data/published-figures.parquet';
import { bundledDataUrl } from '../../data/config.js';
import type { LoadOptions, PiccoliEngine } from '../../data/engine.js';
import { loadComuni, loadEvents } from '../../data/programme-data.js';

/**
 * Every bundled data file (data/SCHEMA.md) as a table of the shared engine, for the
 * analyst console: programme_events, comuni, stages, choices, programmes, published_figures.
 */
/**
 * Load all bundled tables into `engine`; resolves with their names. A failing file fails
 * the whole. The engine is handed in so that the console reaches it through one module
 * (run-controller.ts); the events and comuni loaders use the shared engine themselves.
 */
export async function loadBundledTables(engine: Pick<PiccoliEngine, 'load'>, opts?: LoadOptions): Promise<string[]> {
  const [events, comuni] = await Promise.all([
    loadEvents(null, opts).then((r) => r.table),
    loadComuni(opts),
    engine.load({ name: 'stages', url: bundledDataUrl(stagesParquet) }, opts),
    engine.load({ name: 'choices', url: bundledDataUrl(choicesParquet) }, opts),
    engine.load({ name: 'programmes', url: bundledDataUrl(programmesMetaParquet) }, opts),
    engine.load({ name: 'published_figures', url: bundledDataUrl(publishedFiguresParquet) }, opts),
  ]);
  return [events, comuni, 'stages', 'choices', 'programmes', 'published_figures'];
}
