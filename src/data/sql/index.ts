/**
 * The SQL builders: pure functions from a table name and plain values to `{ sql, params }`
 * (values always bound as parameters). The browser engine, the Node data scripts and the
 * benchmarks all run these same strings (dist/sql.js, `piccoli-dashboard/sql`).
 */
export * from './definition.js';
export * from './funnel.js';
export * from './map.js';
export * from './cube.js';
export { quoteIdent, quoteLiteral, checkTableName } from './quote.js';
