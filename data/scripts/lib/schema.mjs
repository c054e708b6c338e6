// The stage-events table: one definition shared by the build (which writes
// it), the import tool (which validates and writes it) and the Arrow writer.
// data/SCHEMA.md documents the same columns for people.

/** Column names and DuckDB types of programmes.parquet, in file order. */
export const EVENT_COLUMNS = /** @type {const} */ ([
  ['programme', 'VARCHAR'],
  ['entity_code', 'VARCHAR'],
  ['entity_kind', 'VARCHAR'],
  ['entity_name', 'VARCHAR'],
  ['province_code', 'VARCHAR'],
  ['province_sigla', 'VARCHAR'],
  ['province_name', 'VARCHAR'],
  ['region_code', 'VARCHAR'],
  ['region_name', 'VARCHAR'],
  ['stage', 'VARCHAR'],
  ['stage_order', 'INTEGER'],
  ['date', 'DATE'],
  ['provenance', 'VARCHAR'],
]);

/** Columns an imported file must have; the rest are filled in from the registry. */
export const REQUIRED_IMPORT_COLUMNS = ['programme', 'entity_code', 'stage', 'stage_order', 'date'];

/** Columns an imported file may also have. */
export const OPTIONAL_IMPORT_COLUMNS = ['provenance', 'entity_kind'];

export const PROVENANCE = ['published', 'simulated'];
export const ENTITY_KINDS = ['comune', 'provincia'];

/** Row order of every events file: by programme, then down the funnel, then by place. */
export const EVENT_ORDER = 'programme, stage_order, entity_code';

/** SELECT list that puts columns in file order with their declared types. */
export const EVENT_SELECT = EVENT_COLUMNS.map(([name, type]) => `CAST("${name}" AS ${type}) AS "${name}"`).join(', ');

/** Parquet options used for every output file, as a list and in parentheses for COPY. */
export const PARQUET_OPTION_LIST = 'FORMAT parquet, COMPRESSION zstd';
export const PARQUET_OPTIONS = `(${PARQUET_OPTION_LIST})`;
