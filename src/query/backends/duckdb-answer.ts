import { getEngine, EngineProgressEvent, type SqlParam } from '../../data/engine.js';
import { loadEvents } from '../../data/programme-data.js';
import type { LoadedSource } from '../../data/sources.js';
import { areaMetricQuery, nameColumn, stagesQuery } from '../../data/sql/map.js';
import { cubeProvincesQuery } from '../../data/sql/cube.js';
import { areasQuery, entityQuery, funnelQuery, lastDateQuery, programmesQuery, type BuiltQuery } from '../../data/sql/funnel.js';
import { pickEntity, resolveArea, resolveProgramme, resolveStage, type ProvinceEntry } from '../resolve.js';
import type { FunnelScope, ProgrammeInfo, QueryRequest, RequestOptions } from '../types.js';
import type { BackendAnswer } from './backend.js';

/**
 * The engine path of the DuckDB backend (loaded on demand): load the file into the
 * shared engine (once per page), then run the library's SQL builders with every value
 * bound as a parameter. Names are resolved by the same functions as the cube's.
 */

interface Catalogue {
  programmes: string[];
  hasProvenance: boolean;
  columns: Set<string>;
  /** Every province of the file. */
  provinces: ProvinceEntry[];
  /** Per programme, asked once. */
  info: Map<string, Promise<{ info: ProgrammeInfo; provinces: ProvinceEntry[] }>>;
}

const catalogues = new WeakMap<LoadedSource, Promise<Catalogue>>();

type Row = Record<string, unknown>;

async function rows({ sql, params }: BuiltQuery, signal?: AbortSignal): Promise<Row[]> {
  const t = await getEngine().query(sql, params as SqlParam[], { signal, whole: true });
  return t.toArray().map((r) => r.toJSON() as Row);
}

function catalogue(table: string, info: LoadedSource): Promise<Catalogue> {
  let c = catalogues.get(info);
  if (!c) {
    c = Promise.all([rows(programmesQuery(table)), rows(cubeProvincesQuery(table))]).then(([r, p]) => {
      const columns = new Set(info.columns.map((x) => x.name));
      return {
        programmes: r.map((x) => String(x.programme)),
        hasProvenance: columns.has('provenance'),
        columns,
        provinces: p.map(toProvince),
        info: new Map(),
      };
    });
    catalogues.set(info, c);
    c.catch(() => catalogues.delete(info));
  }
  return c;
}

function programmeInfo(table: string, cat: Catalogue, id: string) {
  let p = cat.info.get(id);
  if (!p) {
    // Independent questions sent together: the worker answers them back to back.
    p = Promise.all([rows(stagesQuery(table, id)), rows(areasQuery(table, id)), rows(lastDateQuery(table, id))]).then(([st, ar, d]) => ({
      info: {
        id,
        stages: st.map((s) => ({ stage: String(s.stage), order: Number(s.stage_order) })),
        firstDate: String(d[0]?.first ?? ''),
        lastDate: String(d[0]?.last ?? ''),
      },
      provinces: ar.map(toProvince),
    }));
    cat.info.set(id, p);
    p.catch(() => cat.info.delete(id));
  }
  return p;
}

function toProvince(a: Row): ProvinceEntry {
  return {
    code: String(a.province_code),
    sigla: a.province_sigla == null ? null : String(a.province_sigla),
    name: String(a.province_name ?? a.province_code),
    regionCode: String(a.region_code),
    regionName: String(a.region_name ?? a.region_code),
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
  let loaded: Awaited<ReturnType<typeof loadEvents>>;
  try {
    const src = req.src;
    loaded = await loadEvents(src, {
      signal,
      onProgress: (p) => onProgress?.({ phase: 'source', source: p.source, loaded: p.loaded, total: p.total }),
      inUse: src ? () => shownOnPage(src) : undefined,
    });
  } finally {
    engine.removeEventListener('progress', onEngine);
  }
  try {
    return await answerLoaded(req, loaded, signal);
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

async function answerLoaded(
  req: QueryRequest,
  { table, info: source, url }: Awaited<ReturnType<typeof loadEvents>>,
  signal: AbortSignal | undefined,
): Promise<BackendAnswer> {
  const cat = await catalogue(table, source);
  const id = resolveProgramme(cat.programmes, req.programme);
  const { info, provinces } = await programmeInfo(table, cat, id);
  const asOf = req.asOf ?? info.lastDate;
  const base = { backend: 'duckdb' as const, source: url, programme: info, asOf };
  if (req.kind === 'areas') {
    const stage = resolveStage(info.stages, req.stage);
    const hasNames = cat.columns.has(nameColumn(req.level));
    const r = await rows(
      areaMetricQuery(table, { programme: id, level: req.level, stageOrder: stage.order, asOf }, hasNames, cat.hasProvenance),
      signal,
    );
    return {
      kind: 'areas',
      ...base,
      level: req.level,
      stage,
      rows: r.map((x) => ({
        code: String(x.code),
        name: x.name == null ? null : String(x.name),
        eligible: Number(x.eligible),
        reached: Number(x.reached),
        simulated: x.simulated == null ? null : Number(x.simulated),
      })),
    };
  }
  let filter: { regionCode?: string; provinceCode?: string; entityCode?: string };
  let scope: FunnelScope;
  if (req.comune) {
    const found = await rows(entityQuery(table, id, req.comune.trim()), signal);
    const hit = pickEntity(
      found.map((e) => ({ code: String(e.entity_code), name: String(e.entity_name ?? ''), province: String(e.province_code) })),
      req.comune,
      cat.provinces,
    );
    filter = { entityCode: hit.code };
    scope = { level: 'entity', code: hit.code, name: hit.name || hit.code };
  } else {
    const area = resolveArea(cat.provinces, provinces, req.region, req.province);
    filter = { regionCode: area.regionCode, provinceCode: area.provinceCode };
    scope = area.scope;
  }
  const r = await rows(funnelQuery(table, { programme: id, asOf, ...filter }, cat.hasProvenance), signal);
  const byOrder = new Map(r.map((x) => [Number(x.stage_order), x]));
  const stages = info.stages.map((s) => {
    const x = byOrder.get(s.order);
    return { ...s, n: x ? Number(x.n) : 0, simulated: !cat.hasProvenance ? null : x ? Number(x.simulated) : 0 };
  });
  return { kind: 'funnel', ...base, scope, stages };
}
