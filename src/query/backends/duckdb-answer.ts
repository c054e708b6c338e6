import { getEngine, EngineProgressEvent, type SqlParam } from '../../data/engine.js';
import { loadEventsChecking } from '../../data/programme-data.js';
import { areaMetricQuery, stagesQuery } from '../../data/sql/map.js';
import { cubeProvincesQuery } from '../../data/sql/cube.js';
import {
  areasQuery,
  entityQuery,
  funnelQuery,
  lastDateQuery,
  programmesQuery,
  trendQuery,
  type BuiltQuery,
} from '../../data/sql/funnel.js';
import type { QueryRequest, RequestOptions } from '../types.js';
import type { BackendAnswer } from './backend.js';
import { answerFromSql, type AnswerQueries } from './sql-answer.js';

/**
 * The engine path of the DuckDB backend (loaded on demand): load the file into the
 * shared engine (once per page), then run the library's SQL builders with every value
 * bound as a parameter. Names are resolved by the same functions as the cube's.
 */

type Row = Record<string, unknown>;

async function rows({ sql, params }: BuiltQuery, signal?: AbortSignal): Promise<Row[]> {
  const t = await getEngine().query(sql, params as SqlParam[], { signal, whole: true });
  return t.toArray().map((r) => r.toJSON() as Row);
}

/** The DuckDB builders for a loaded table. */
function duckdbQueries(table: string): AnswerQueries<BuiltQuery> {
  return {
    programmes: () => programmesQuery(table),
    provinces: () => cubeProvincesQuery(table),
    stages: (id) => stagesQuery(table, id),
    areas: (id) => areasQuery(table, id),
    lastDate: (id) => lastDateQuery(table, id),
    entities: (id, v) => entityQuery(table, id, v),
    funnel: (f, p) => funnelQuery(table, f, p),
    trend: (f, p) => trendQuery(table, f, p),
    areaMetric: (f, n, p) => areaMetricQuery(table, f, n, p),
  };
}

export async function answerWithEngine(req: QueryRequest, opts: RequestOptions): Promise<BackendAnswer> {
  const { signal, onProgress } = opts;
  const engine = getEngine();
  // The engine's own start (a large wasm download the first time) is reported like a file's.
  const onEngine = (e: Event) => {
    const p = e as EngineProgressEvent;
    if (p.phase === 'engine') onProgress?.({ phase: 'engine', source: p.source, loaded: p.loaded, total: p.total });
  };
  engine.addEventListener('progress', onEngine);
  let loaded: Awaited<ReturnType<typeof loadEventsChecking>>;
  try {
    const src = req.src;
    loaded = await loadEventsChecking(src, {
      signal,
      onProgress: (p) => onProgress?.({ phase: 'source', source: p.source, loaded: p.loaded, total: p.total }),
      inUse: src ? () => shownOnPage(src) : undefined,
    });
  } finally {
    engine.removeEventListener('progress', onEngine);
  }
  try {
    // The answer's questions queue behind the file's shape check; the check's error, when
    // there is one, is the one reported (the answer's counts hold only for that shape).
    const answering = answerLoaded(req, loaded, signal);
    answering.catch(() => undefined); // awaited below
    await loaded.shape;
    return await answering;
  } finally {
    loaded.release(); // the table may go once no element shows its file (engine.ts)
  }
}

/**
 * Whether an element on the page still shows the file `url` (its `src`), open shadow
 * roots included: the engine keeps that file's table while one does. Asked only when
 * the engine considers dropping a table.
 */
function shownOnPage(url: string): boolean {
  const roots: ParentNode[] = [document];
  for (let i = 0; i < roots.length; i++) {
    for (const el of roots[i]!.querySelectorAll('*')) {
      const src = el.localName.startsWith('piccoli-') ? el.getAttribute('src') : null;
      if (src && resolved(src) === url) return true;
      if (el.shadowRoot) roots.push(el.shadowRoot);
    }
  }
  return false;
}

function resolved(src: string): string | undefined {
  try {
    return new URL(src, document.baseURI).href;
  } catch {
    return undefined;
  }
}

function answerLoaded(
  req: QueryRequest,
  { table, info: source, url }: Awaited<ReturnType<typeof loadEventsChecking>>,
  signal: AbortSignal | undefined,
): Promise<BackendAnswer> {
  const columns = new Set(source.columns.map((x) => x.name));
  return answerFromSql(
    req,
    { key: source, queries: duckdbQueries(table), rows, columns: () => Promise.resolve(columns), backend: 'duckdb', source: url },
    signal,
  );
}
