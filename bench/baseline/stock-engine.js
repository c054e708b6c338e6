// Stock DuckDB-WASM for the scaling baseline: one instance, one long-lived connection,
// SQL sent as text with its values written in (how DuckDB-WASM's own examples query).
// Bundled by bench/run.mjs into bench/.out/stock-engine.js.
import * as duckdb from '@duckdb/duckdb-wasm';

export async function startStock() {
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: '/node_modules/@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm', mainWorker: '/node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js' },
    eh: { mainModule: '/node_modules/@duckdb/duckdb-wasm/dist/duckdb-eh.wasm', mainWorker: '/node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js' },
  });
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(bundle.mainWorker));
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  const conn = await db.connect();
  return { query: (sql) => conn.query(sql), db };
}
