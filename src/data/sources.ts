import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { parquetWasmUrl } from './config.js';
import { PiccoliDataError, abortError, messageOf } from './errors.js';
import { fetchBytes, type FetchOptions } from './fetch.js';
import { formatFromName, resolveFormat, type SourceFormat } from './sniff.js';
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

interface ReadOptions extends FetchOptions {
  /** The parquet extension is loaded: read Parquet with DuckDB itself. */
  parquetViaDuckDB?: boolean;
}

/** Fetch and decode `input` into the table `staging` of `db`. */
export async function readSource(
  db: AsyncDuckDB,
  conn: AsyncDuckDBConnection,
  staging: string,
  input: SourceInput,
  opts: ReadOptions,
): Promise<Omit<LoadedSource, 'name'>> {
  if (input.table !== undefined) {
    if (!isArrowTable(input.table)) {
      throw new PiccoliDataError('format', `${input.name}: the value given is not an Arrow table.`, input.name);
    }
    const { tableToIPC } = await import('apache-arrow');
    const ipc = tableToIPC(input.table as unknown as Parameters<typeof tableToIPC>[0], 'stream');
    await conn.insertArrowFromIPCStream(ipc, { name: staging, create: true });
    return { format: 'arrow-table', reader: 'apache-arrow', bytes: ipc.byteLength, ...(await describe(conn, staging)) };
  }
  if (input.url === undefined || String(input.url) === '') {
    throw new PiccoliDataError('invalid-option', `${input.name}: give a url or a table to load.`, input.name);
  }
  const url = new URL(String(input.url), document.baseURI).href;
  const expected = input.format ?? formatFromName(url);
  const bytes = await fetchBytes(url, opts);
  if (opts.signal?.aborted) throw abortError(url);
  const format = resolveFormat(bytes, url, expected);
  const size = bytes.byteLength;
  const fileName = `${staging}.${format}`;
  let reader: LoadedSource['reader'] = 'duckdb';
  try {
    if (format === 'parquet') {
      if (opts.parquetViaDuckDB) {
        await db.registerFileBuffer(fileName, bytes);
        try {
          await conn.query(`CREATE TABLE ${quoteIdent(staging)} AS SELECT * FROM read_parquet(${quoteLiteral(fileName)})`);
        } finally {
          await db.dropFile(fileName).catch(() => undefined);
        }
      } else {
        reader = 'parquet-wasm';
        const ipc = await parquetToIPC(bytes, url);
        await conn.insertArrowFromIPCStream(ipc, { name: staging, create: true });
      }
    } else if (format === 'arrow') {
      reader = 'apache-arrow';
      const ipc = await arrowToIPCStream(bytes, url);
      await conn.insertArrowFromIPCStream(ipc, { name: staging, create: true });
    } else {
      await db.registerFileBuffer(fileName, bytes);
      try {
        await conn.query(`CREATE TABLE ${quoteIdent(staging)} AS SELECT * FROM read_csv(${quoteLiteral(fileName)})`);
      } catch (e) {
        throw new PiccoliDataError('corrupt', `${url} is not a readable CSV file: ${firstLine(messageOf(e))}`, url, { cause: e });
      } finally {
        await db.dropFile(fileName).catch(() => undefined);
      }
    }
  } catch (e) {
    if (e instanceof PiccoliDataError) throw e;
    const raw = messageOf(e);
    // Extension failures are translated by the engine; everything else here is the file.
    if (/extension|table index is out of bounds/i.test(raw)) throw e;
    throw new PiccoliDataError('corrupt', `${url} could not be read as ${format}: ${firstLine(raw)}`, url, { cause: e });
  }
  return { format, reader, bytes: size, ...(await describe(conn, staging)) };
}

async function describe(conn: AsyncDuckDBConnection, table: string) {
  const cols = await conn.query(`DESCRIBE ${quoteIdent(table)}`);
  const count = await conn.query(`SELECT count(*)::DOUBLE AS n FROM ${quoteIdent(table)}`);
  return {
    rows: Number(count.getChild('n')?.get(0) ?? 0),
    columns: cols.toArray().map((r) => ({ name: String(r.column_name), type: String(r.column_type) })),
  };
}

let parquetReady: Promise<typeof import('parquet-wasm/esm')> | undefined;

/** The Parquet fallback: parquet-wasm decodes to Arrow IPC, which DuckDB-WASM inserts. */
async function parquetToIPC(bytes: Uint8Array, source: string): Promise<Uint8Array> {
  parquetReady ??= import('parquet-wasm/esm').then(async (m) => {
    await m.default({ module_or_path: parquetWasmUrl() });
    return m;
  });
  let mod: typeof import('parquet-wasm/esm');
  try {
    mod = await parquetReady;
  } catch (e) {
    parquetReady = undefined;
    throw new PiccoliDataError('engine', `The Parquet reader could not start: ${messageOf(e)}`, source, { cause: e });
  }
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

function firstLine(s: string): string {
  const line = String(s).split('\n')[0]!.trim();
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
