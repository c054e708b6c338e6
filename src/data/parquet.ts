import { parquetWasmUrl } from './engine-assets.js';
import { PiccoliDataError, messageOf } from './errors.js';

/*
 * parquet-wasm, loaded once per page and only when Parquet is read or written without
 * DuckDB's extension (DuckDB-WASM 1.32 fetches that from a remote host).
 */
let ready: Promise<typeof import('parquet-wasm/esm')> | undefined;

export async function parquetModule(source?: string): Promise<typeof import('parquet-wasm/esm')> {
  ready ??= import('parquet-wasm/esm').then(async (m) => {
    await m.default({ module_or_path: wasmResponse(parquetWasmUrl()) });
    return m;
  });
  try {
    return await ready;
  } catch (e) {
    ready = undefined; // a later call may try again
    throw readerFailed(e, source);
  }
}

/**
 * The reader's wasm, shipped gzipped (dist/parquet/parquet_wasm_bg.wasm.gz: 1.6 MB for
 * 5 MB), inflated as it arrives so that the browser compiles it while it downloads. A
 * server that decoded it already (Content-Encoding: gzip) hands over the wasm itself,
 * recognised by its first bytes.
 */
async function wasmResponse(url: string): Promise<Response> {
  const r = await fetch(url, { credentials: 'same-origin' });
  // Worded as parquet-wasm's own loader words it (readerFailed reads the status back).
  if (!r.ok || !r.body) throw new Error(`failed to fetch Wasm: ${r.status} ${r.statusText} fetching '${url}'`);
  const reader = r.body.getReader();
  const first = await reader.read();
  const head = first.value;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      if (head) c.enqueue(head);
      if (first.done) c.close();
    },
    async pull(c) {
      const { done, value } = await reader.read();
      if (done) c.close();
      else c.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  const gzipped = !!head && head.length > 1 && head[0] === 0x1f && head[1] === 0x8b;
  // (DecompressionStream's writable side is typed for any BufferSource.)
  const inflate = new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>;
  return new Response(gzipped ? body.pipeThrough(inflate) : body, {
    headers: { 'content-type': 'application/wasm' },
  });
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
