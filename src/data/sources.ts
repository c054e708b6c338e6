import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
import { firstLine } from './duckdb-errors.js';
import { PiccoliDataError, abortError, messageOf } from './errors.js';
import { fetchBytes, type FetchOptions } from './fetch.js';
import { parquetModule } from './parquet.js';
import { checkUtf8, formatFromName, resolveFormat, type SourceFormat } from './sniff.js';
import { STAGING_DIR } from './sandbox.js';
import { quoteIdent, quoteLiteral } from './sql/quote.js';

/**
 * An Arrow table from any copy of apache-arrow: recognised by its shape, not by
 * `instanceof`, since a page can hold two copies of the library.
 */
export interface ArrowTableLike {
  readonly schema: { fields: readonly { name: string }[] };
  readonly numRows: number;
  readonly batches: readonly unknown[];
}

export function isArrowTable(x: unknown): x is ArrowTableLike {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as ArrowTableLike).numRows === 'number' &&
    Array.isArray((x as ArrowTableLike).batches) &&
    Array.isArray((x as ArrowTableLike).schema?.fields)
  );
}

/** What to load, and under which table name. */
export interface SourceInput {
  /** Table name in the engine: letters, digits, underscore. */
  name: string;
  /** A file to fetch: Parquet, Arrow IPC (file or stream) or CSV. */
  url?: string | URL;
  /** Or an Arrow table already in memory. */
  table?: ArrowTableLike;
  /** The format, when the URL's extension does not say (e.g. /api/export?id=3). */
  format?: SourceFormat;
}

export interface LoadedSource {
  name: string;
  format: SourceFormat | 'arrow-table';
  rows: number;
  columns: { name: string; type: string }[];
  bytes: number;
  /** Which reader produced the table. */
  reader: 'duckdb' | 'parquet-wasm' | 'apache-arrow';
}

/**
 * A source made ready for insertion, without the engine: downloaded, checked, and, where
 * a JavaScript reader does the work, already decoded to an Arrow IPC stream. This runs
 * while DuckDB-WASM is still compiling, so a cold page pays for the slower of the two,
 * not their sum.
 */
export type PreparedSource =
  | { kind: 'ipc'; source: string; ipc: Uint8Array; format: SourceFormat | 'arrow-table'; reader: LoadedSource['reader']; bytes: number }
  | { kind: 'file'; source: string; file: Uint8Array; format: 'parquet' | 'csv'; bytes: number };

interface PrepareOptions extends FetchOptions {
  /** Decode Parquet with parquet-wasm here (false: DuckDB's own reader will). */
  decodeParquet: boolean;
}

/** Fetch, check and, where it is done in JavaScript, decode `input`. No engine needed. */
export async function prepareSource(input: SourceInput, opts: PrepareOptions): Promise<PreparedSource> {
  if (input.table !== undefined) {
    if (!isArrowTable(input.table)) {
      throw new PiccoliDataError('format', `${input.name}: the value given is not an Arrow table.`, input.name);
    }
    const { tableToIPC } = await import('apache-arrow');
    const ipc = tableToIPC(input.table as unknown as Parameters<typeof tableToIPC>[0], 'stream');
    return { kind: 'ipc', source: input.name, ipc, format: 'arrow-table', reader: 'apache-arrow', bytes: ipc.byteLength };
  }
  if (input.url === undefined || String(input.url) === '') {
    throw new PiccoliDataError('invalid-option', `${input.name}: give a url or a table to load.`, input.name);
  }
  const url = new URL(String(input.url), document.baseURI).href;
  const expected = input.format ?? formatFromName(url);
  const bytes = await fetchBytes(url, opts);
  if (opts.signal?.aborted) throw abortError(url);
  const format = resolveFormat(bytes, url, expected);
  if (format === 'csv') checkUtf8(bytes, url);
  const size = bytes.byteLength;
  if (format === 'arrow') {
    return { kind: 'ipc', source: url, ipc: await arrowToIPCStream(bytes, url), format, reader: 'apache-arrow', bytes: size };
  }
  if (format === 'parquet' && opts.decodeParquet) {
    return { kind: 'ipc', source: url, ipc: await parquetToIPC(bytes, url), format, reader: 'parquet-wasm', bytes: size };
  }
  return { kind: 'file', source: url, file: bytes, format, bytes: size };
}

/** A fetched Parquet file, decoded by parquet-wasm after all. */
export async function decodeParquet(src: PreparedSource): Promise<PreparedSource> {
  if (src.kind !== 'file' || src.format !== 'parquet') return src;
  return {
    kind: 'ipc',
    source: src.source,
    ipc: await parquetToIPC(src.file, src.source),
    format: 'parquet',
    reader: 'parquet-wasm',
    bytes: src.bytes,
  };
}

/** Insert a prepared source into the table `staging` of `db`. */
export async function insertSource(
  db: AsyncDuckDB,
  conn: AsyncDuckDBConnection,
  staging: string,
  src: PreparedSource,
): Promise<Omit<LoadedSource, 'name' | 'rows' | 'columns'>> {
  const url = src.source;
  try {
    if (src.kind === 'ipc') {
      await conn.insertArrowFromIPCStream(src.ipc, { name: staging, create: true });
      return { format: src.format, reader: src.reader, bytes: src.bytes };
    }
    // Under the one local path the locked-down engine may open (sandbox.ts).
    const fileName = `${STAGING_DIR}${staging}.${src.format}`;
    await db.registerFileBuffer(fileName, src.file);
    try {
      const from = src.format === 'parquet' ? `read_parquet(${quoteLiteral(fileName)})` : await csvReader(conn, fileName);
      await conn.query(`CREATE TABLE ${quoteIdent(staging)} AS SELECT * FROM ${from}`);
    } catch (e) {
      if (src.format === 'csv') {
        throw new PiccoliDataError('corrupt', `${url} is not a readable CSV file: ${firstLine(messageOf(e))}`, url, { cause: e });
      }
      throw e;
    } finally {
      await db.dropFile(fileName).catch(() => undefined);
    }
    return { format: src.format, reader: 'duckdb', bytes: src.bytes };
  } catch (e) {
    if (e instanceof PiccoliDataError) throw e;
    const raw = messageOf(e);
    // Extension failures and traps are the engine's to translate; the rest is the file.
    if (/extension|table index is out of bounds|function signature mismatch|RuntimeError/i.test(raw)) throw e;
    throw new PiccoliDataError('corrupt', `${url} could not be read as ${src.format}: ${firstLine(raw)}`, url, { cause: e });
  }
}

/** A code column: ISTAT codes and the like are text ("054", "108"), never numbers. */
const CODE_COLUMN = /(^|_)code$/i;

/**
 * DuckDB's CSV reader, with every code column (entity_code, province_code, region_code,
 * any *_code) read as text. Left to guess, DuckDB reads Umbria's region_code "10" or
 * Monza's province_code "108" as numbers, and "054001" loses its zero.
 */
async function csvReader(conn: AsyncDuckDBConnection, fileName: string): Promise<string> {
  const file = quoteLiteral(fileName);
  const columns = await conn.query(`DESCRIBE SELECT * FROM read_csv(${file})`);
  const codes = columns
    .toArray()
    .map((r) => String(r.column_name))
    .filter((c) => CODE_COLUMN.test(c));
  if (!codes.length) return `read_csv(${file})`;
  return `read_csv(${file}, types = {${codes.map((c) => `${quoteLiteral(c)}: 'VARCHAR'`).join(', ')}})`;
}

/** A table's columns, each with the table's row count (read by `described`): one query for both. */
export function describeSql(table: string): string {
  const t = quoteIdent(table);
  return `SELECT column_name, column_type, (SELECT count(*) FROM ${t})::DOUBLE AS n FROM (DESCRIBE ${t})`;
}

export function described(cols: Table): Pick<LoadedSource, 'rows' | 'columns'> {
  return {
    rows: Number(cols.getChild('n')?.get(0) ?? 0),
    columns: cols.toArray().map((r) => ({ name: String(r.column_name), type: String(r.column_type) })),
  };
}

/** The Parquet fallback: parquet-wasm decodes to Arrow IPC, which DuckDB-WASM inserts. */
async function parquetToIPC(bytes: Uint8Array, source: string): Promise<Uint8Array> {
  const mod = await parquetModule(source);
  try {
    // intoIPCStream consumes (and frees) the wasm-side table.
    return mod.readParquet(bytes).intoIPCStream();
  } catch (e) {
    throw new PiccoliDataError('corrupt', `${source} is a damaged Parquet file: ${firstLine(messageOf(e))}`, source, { cause: e });
  }
}

/** Arrow IPC file or stream -> stream (what insertArrowFromIPCStream takes). */
async function arrowToIPCStream(bytes: Uint8Array, source: string): Promise<Uint8Array> {
  const { tableFromIPC, tableToIPC } = await import('apache-arrow');
  try {
    const table = tableFromIPC(bytes);
    if (table.schema.fields.length === 0) throw new Error('no columns');
    return tableToIPC(table, 'stream');
  } catch (e) {
    throw new PiccoliDataError('corrupt', `${source} is a damaged Arrow file: ${firstLine(messageOf(e))}`, source, { cause: e });
  }
}
