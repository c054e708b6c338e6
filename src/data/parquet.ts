import { parquetWasmUrl } from './config.js';
import { PiccoliDataError, messageOf } from './errors.js';

/*
 * parquet-wasm, loaded once per page and only when Parquet is read or written without
 * DuckDB's extension (DuckDB-WASM 1.32 fetches that from a remote host).
 */
let ready: Promise<typeof import('parquet-wasm/esm')> | undefined;

export async function parquetModule(source?: string): Promise<typeof import('parquet-wasm/esm')> {
  ready ??= import('parquet-wasm/esm').then(async (m) => {
    await m.default({ module_or_path: parquetWasmUrl() });
    return m;
  });
  try {
    return await ready;
  } catch (e) {
    ready = undefined; // a later call may try again
    throw readerFailed(e, source);
  }
}

/** Why the Parquet reader's wasm did not start, as the engine's own download failures say it. */
function readerFailed(e: unknown, source: string | undefined): PiccoliDataError {
  const message = messageOf(e);
  const asset = parquetWasmUrl().split(/[?#]/)[0]!.split('/').pop()!;
  // parquet-wasm's loader: "failed to fetch Wasm: 503 Service Unavailable fetching '…'".
  const status = Number(/failed to fetch Wasm: (\d{3})/.exec(message)?.[1]) || undefined;
  const problem = status
    ? 'http'
    : e instanceof WebAssembly.CompileError
      ? 'incomplete'
      : e instanceof TypeError
        ? 'unavailable'
        : undefined;
  return new PiccoliDataError('engine', `The Parquet reader could not start: ${message}`, source, {
    cause: e,
    ...(problem ? { kind: 'engine-download', params: { asset, problem, status } } : {}),
  });
}

/**
 * An Arrow table (any copy of apache-arrow) as a Parquet file, ZSTD-compressed.
 * @example download(await arrowToParquet(result), 'application/vnd.apache.parquet', 'q.parquet')
 */
export async function arrowToParquet(table: unknown): Promise<Uint8Array> {
  const [{ tableToIPC }, pq] = await Promise.all([import('apache-arrow'), parquetModule()]);
  const ipc = tableToIPC(table as Parameters<typeof tableToIPC>[0], 'stream');
  const props = new pq.WriterPropertiesBuilder().setCompression(pq.Compression.ZSTD).build();
  return pq.writeParquet(pq.Table.fromIPCStream(ipc), props);
}
