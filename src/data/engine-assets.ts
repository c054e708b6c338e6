// The Parquet reader's wasm, apart from config.ts (which every element loads): only the
// reader, loaded on demand, needs its URL. It ships gzipped only (rollup.config.mjs); the
// reader inflates it as it arrives. The engine's own files are named in engine-boot.ts,
// which needs them first (no chunk of their own to wait for before the worker starts).
import parquetWasm from 'asset:parquet-wasm/esm/parquet_wasm_bg.wasm.gz';
import { resolveAsset } from './config.js';

export function parquetWasmUrl(): string {
  return resolveAsset(parquetWasm, 'parquet');
}
