// The engine's files, apart from config.ts (which every element loads): only the engine
// and the Parquet reader, both loaded on demand, need their URLs.
//
// The wasm files ship gzipped only (rollup.config.mjs): 7.6 MB instead of 34 MB for
// DuckDB's, on any server. The engine's worker (engine-worker.js) and the Parquet reader
// inflate them as they arrive. Only DuckDB-WASM's exception-handling build ships: every
// browser the library supports runs it (README, "Browsers").
import duckdbEhWasm from 'asset:@duckdb/duckdb-wasm/dist/duckdb-eh.wasm.gz';
import duckdbEhWorker from 'asset:@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js';
import duckdbEhWorkerGz from 'asset:@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js.gz';
import engineWorker from 'asset:/src/data/engine-worker.js';
import parquetWasm from 'asset:parquet-wasm/esm/parquet_wasm_bg.wasm.gz';
import { resolveAsset } from './config.js';

/**
 * The engine's files: DuckDB's wasm (gzipped), DuckDB-WASM's worker script (gzipped, which
 * the page inflates, and plain, for pages that refuse blob workers), and the script that
 * starts it.
 */
export function engineAssets() {
  return {
    mainModule: resolveAsset(duckdbEhWasm, 'duckdb'),
    mainWorker: resolveAsset(duckdbEhWorker, 'duckdb'),
    mainWorkerGz: resolveAsset(duckdbEhWorkerGz, 'duckdb'),
    starter: resolveAsset(engineWorker, 'duckdb'),
  };
}

export function parquetWasmUrl(): string {
  return resolveAsset(parquetWasm, 'parquet');
}
