import type { Table } from 'apache-arrow';
import { config } from '../../data/config.js';
import type { QueryRequest, RequestOptions } from '../types.js';
import type { Backend, BackendAnswer } from './backend.js';

/**
 * Answers through the page's one DuckDB-WASM engine: for a file without a cube, or a
 * question the cube cannot answer. Everything heavy (the engine, the loaders, DuckDB's
 * own JavaScript) is imported only when a request gets here, and the two imports start
 * together so that no lazy chunk waits for another.
 */
export class DuckDBBackend implements Backend {
  readonly name = 'duckdb';

  async answer(req: QueryRequest, opts: RequestOptions): Promise<BackendAnswer> {
    // The wasm starts compiling as soon as the small boot module arrives, while the
    // engine's JavaScript downloads (kept out of the elements' first load: most pages
    // never need the engine).
    void import('../../data/engine-boot.js').then(
      (m) => m.bootEngineEarly(),
      () => undefined, // the engine's own start reports the failure
    );
    const [{ answerWithEngine }] = await Promise.all([
      import('./duckdb-answer.js'),
      // The engine's own chunk, fetched beside ours rather than after it.
      config().duckdb ? null : import('@duckdb/duckdb-wasm').catch(() => null),
    ]);
    return answerWithEngine(req, opts);
  }

  /** The analyst's SQL on the shared engine, as it is (the console's own SQL). */
  async sql(text: string, opts: RequestOptions): Promise<Table> {
    const { getEngine } = await import('../../data/engine.js');
    return getEngine().query(text, [], { signal: opts.signal });
  }
}
