/**
 * The data layer of piccoli-dashboard: one shared DuckDB-WASM engine per page, sources
 * loaded into it by URL or from memory, and typed errors. No DOM rendering, no Lit.
 */
export { configure, config, type PiccoliConfig } from './config.js';
export { getEngine, PiccoliEngine, EngineProgressEvent, type QueryOptions, type LoadOptions, type SqlParam } from './engine.js';
export { isArrowTable, type SourceInput, type LoadedSource, type ArrowTableLike } from './sources.js';
export { PiccoliDataError, isAbortError, type PiccoliErrorCode } from './errors.js';
export type { LoadProgress } from './fetch.js';
export { detectFormat, formatFromName, type SourceFormat } from './sniff.js';
export { quoteIdent, quoteLiteral } from './sql/quote.js';
export {
  loadEvents,
  loadComuni,
  fetchSummary,
  fetchMeta,
  defaultEventsUrl,
  EVENTS_TABLE,
  COMUNI_TABLE,
  type FunnelSummary,
  type ProgrammeMeta,
} from './programme-data.js';
export { getSelectionStore, SelectionStore, SelectionChangeEvent, type AreaSelection, type AreaLevel } from '../state/selection.js';
export { funnelQuery, eventsShapeQuery, lastDateQuery, type FunnelFilter, type BuiltQuery } from './sql/funnel.js';
export { areaMetricQuery, type AreaMetricFilter } from './sql/map.js';
