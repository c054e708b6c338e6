import { config, consoleLimits } from '../../data/config.js';
import type { QueryRequest, RequestOptions } from '../types.js';
import type { Backend, BackendAnswer, SqlOptions, SqlResult } from './backend.js';

/**
 * Answers through the page's one DuckDB-WASM engine: for a file without a cube, or a
 * question the cube cannot answer. Everything heavy (the engine, the loaders, DuckDB's
 * own JavaScript) is imported only when a request gets here: the engine's worker first,
 * then the two imports together so that no lazy chunk waits for another.
 */
export class DuckDBBackend implements Backend {
  readonly name = 'duckdb';

  async answer(req: QueryRequest, opts: RequestOptions): Promise<BackendAnswer> {
    // The wasm starts compiling as soon as the small boot module arrives; the engine's
    // JavaScript (kept out of the elements' first load: most pages never need the engine)
    // is fetched once the worker exists, not before: ~600 KB of it would hold up the
    // worker's start on the page's thread, and nothing needs it before the wasm is compiled.
    await import('../../data/engine-boot.js').then(
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

  /**
   * The analyst's SQL (the console's) on the shared engine, in its sandbox: only
   * statements that read, streamed up to the site's caps and time limit
   * (configure({ console })). An export (`onBatch`) streams every row, within the time limit.
   */
  async sql(text: string, opts: SqlOptions): Promise<SqlResult> {
    const { getEngine } = await import('../../data/engine.js');
    const { timeoutMs, maxRows, maxBytes } = consoleLimits();
    return getEngine().queryBounded(text, { signal: opts.signal, readOnly: true, timeoutMs, maxRows, maxBytes, onBatch: opts.onBatch });
  }
}
