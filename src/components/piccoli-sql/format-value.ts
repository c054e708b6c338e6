/**
 * Arrow values from DuckDB-WASM as DuckDB prints them, and what each column is: one
 * entry point over the modules in format/ (arrow readers, numbers, temporal types,
 * nested values, cells, column kinds and sort keys).
 */
export * from './format/arrow.js';
export * from './format/cell.js';
export * from './format/kind.js';
export * from './format/nested.js';
export * from './format/number.js';
export * from './format/temporal.js';
