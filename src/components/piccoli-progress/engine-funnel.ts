import { getEngine, type EngineProgressEvent } from '../../data/engine.js';
import { PiccoliDataError } from '../../data/errors.js';
import type { ProgrammeMeta } from '../../data/bundled.js';
import { loadEvents } from '../../data/programme-data.js';
import { areasQuery, entityQuery, funnelQuery, lastDateQuery, programmesQuery, type FunnelFilter } from '../../data/sql/funnel.js';
import { PiccoliLoadProgressEvent } from '../../events/index.js';
import { fillStages, resolveArea, type Funnel } from './funnel-model.js';
import { shown, type Strings } from './strings.js';

export interface EngineFunnelOptions {
  src?: string;
  programme?: string;
  comune?: string;
  asOf?: string;
  regionAttr?: string;
  provinceAttr?: string;
  /** Programme names and stage labels; awaited only once the data is in. */
  metas: Promise<ProgrammeMeta[]>;
  t: Strings;
  signal: AbortSignal;
  /** Where piccoli-load-progress events are dispatched. */
  target: EventTarget;
  onProgress: (p: { phase: 'engine' | 'source'; share: number } | null) => void;
}

/**
 * The funnel through the shared engine: for another file (`src`), one comune, or when
 * the summary is missing. Values from attributes are bound as parameters.
 */
export async function engineFunnel(o: EngineFunnelOptions): Promise<Funnel> {
  const { t, signal } = o;
  const bad = (msg: string) => new PiccoliDataError('invalid-option', msg);
  // The engine's own start (a large wasm download the first time) is reported like a file's.
  const engine = getEngine();
  const onEngine = (e: Event) => {
    const p = e as EngineProgressEvent;
    if (p.phase !== 'engine') return;
    o.onProgress(p.total ? { phase: 'engine', share: p.loaded / p.total } : null);
    o.target.dispatchEvent(new PiccoliLoadProgressEvent({ source: p.source, loaded: p.loaded, total: p.total }));
  };
  engine.addEventListener('progress', onEngine);
  let table: string;
  try {
    ({ table } = await loadEvents(o.src, {
      signal,
      onProgress: (p) => {
        o.onProgress(p.total ? { phase: 'source', share: p.loaded / p.total } : null);
        o.target.dispatchEvent(new PiccoliLoadProgressEvent(p));
      },
    }));
  } finally {
    engine.removeEventListener('progress', onEngine);
    o.onProgress(null);
  }
  const q = async ({ sql, params }: { sql: string; params: unknown[] }) =>
    (await engine.query(sql, params as never, { signal })).toArray().map((r) => r.toJSON() as Record<string, unknown>);
  const inFile = (await q(programmesQuery(table))).map((r) => String(r.programme));
  const programme = o.programme || (inFile.includes('piccoli') || inFile.length !== 1 ? 'piccoli' : inFile[0]!);
  if (!inFile.includes(programme)) throw bad(t.unknownProgramme(shown(programme)));
  const [metas, areaRows, last] = await Promise.all([
    o.metas,
    q(areasQuery(table, programme)),
    o.asOf ? Promise.resolve([]) : q(lastDateQuery(table, programme)),
  ]);
  const meta = metas.find((m) => m.programme === programme);
  const areas = areaRows.map((r) => ({
    province: {
      code: String(r.province_code),
      name: String(r.province_name ?? r.province_code),
      sigla: r.province_sigla ? String(r.province_sigla) : undefined,
      regionCode: String(r.region_code),
    },
    region: { code: String(r.region_code), name: String(r.region_name ?? r.region_code) },
  }));
  const area = resolveArea(areas, o.regionAttr, o.provinceAttr, t);
  let filter: FunnelFilter;
  let label: Funnel['area'] = area.label;
  const asOf = o.asOf || String(last[0]?.last ?? '');
  if (o.comune) {
    const found = await q(entityQuery(table, programme, o.comune.trim()));
    if (found.length !== 1) throw bad(t.unknownComune(shown(o.comune)));
    filter = { programme, asOf, entityCode: String(found[0]!.entity_code) };
    label = { kind: 'entity', name: String(found[0]!.entity_name ?? found[0]!.entity_code) };
  } else {
    filter = { programme, asOf, ...area.filter };
  }
  const rows = (await q(funnelQuery(table, filter))).map((r) => ({
    stage_order: Number(r.stage_order),
    stage: String(r.stage),
    n: Number(r.n),
  }));
  return { programme, meta, filter, area: label, via: 'engine', stages: fillStages(rows, meta) };
}
