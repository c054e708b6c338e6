/**
 * The data layer of piccoli-dashboard: one shared DuckDB-WASM engine per page, sources
 * loaded into it by URL or from memory, and typed errors. No DOM rendering, no Lit.
 */
export { config, type PiccoliConfig } from './config.js';
export { configure } from './configure.js';
export { clickhouseConnector, type ClickHouseConnectorOptions, type Connector } from './clickhouse/connector.js';
export { getEngine, PiccoliEngine, EngineProgressEvent, type QueryOptions, type LoadOptions, type SqlParam } from './engine.js';
export { isArrowTable, type SourceInput, type LoadedSource, type ArrowTableLike } from './sources.js';
export { PiccoliDataError, isAbortError, type PiccoliErrorCode } from './errors.js';
export type { LoadProgress } from './fetch.js';
export { detectFormat, formatFromName, type SourceFormat } from './sniff.js';
export { quoteIdent, quoteLiteral } from './sql/quote.js';
export { loadEvents, loadComuni, fetchMeta, defaultEventsUrl, EVENTS_TABLE, COMUNI_TABLE, type ProgrammeMeta } from './programme-data.js';
export { SelectionStore, SelectionChangeEvent, type AreaSelection, type AreaLevel } from '../state/selection.js';
export { funnelQuery, eventsShapeQuery, lastDateQuery, type FunnelFilter, type BuiltQuery } from './sql/funnel.js';
export { areaMetricQuery, type AreaMetricFilter } from './sql/map.js';
export { cubeEntitiesQuery } from './sql/cube.js';
export { Coordinator, requestKey } from '../query/coordinator.js';
export type { Backend, BackendAnswer } from '../query/backends/backend.js';
export { CubeBackend } from '../query/backends/cube-backend.js';
export { DuckDBBackend } from '../query/backends/duckdb-backend.js';
export { chFunnelQuery, chAreaMetricQuery, chTrendQuery } from './sql/clickhouse.js';
export { coordinatorContext, selectionContext, langContext, pageCoordinator, pageSelection, ensurePageContext } from '../query/context.js';
export type * from '../query/types.js';
