import type { FunnelFilter } from '../../data/sql/funnel.js';
import type { AreaMetricFilter } from '../../data/sql/map.js';
import { enclosing, pickEntity, resolveArea, resolveProgramme, resolveStage, type ProvinceEntry } from '../resolve.js';
import type { BackendName, EnclosingArea, FunnelScope, ProgrammeInfo, QueryRequest } from '../types.js';
import type { BackendAnswer } from './backend.js';

/**
 * How a database backend answers a request, whatever its SQL dialect: the same questions
 * (the programmes, their stages and provinces, the funnel, the area metric), asked with a
 * dialect's builders (DuckDB's in src/data/sql/funnel.ts and map.ts, ClickHouse's in
 * src/data/sql/clickhouse.ts), and the same resolution of names (src/query/resolve.ts).
 */

export type Row = Record<string, unknown>;

/** A dialect's builders for one table. `Q` is what its runner takes (SQL with parameters, or SQL). */
export interface AnswerQueries<Q> {
  programmes(): Q;
  provinces(): Q;
  stages(programme: string): Q;
  areas(programme: string): Q;
  lastDate(programme: string): Q;
  /** Entities a `comune` value may name: its code, or candidates the caller compares by name. */
  entities(programme: string, codeOrName: string): Q;
  funnel(f: FunnelFilter, hasProvenance: boolean): Q;
  /** Per stage and day, the entities that reached the stage that day (trendQuery, chTrendQuery). */
  trend(f: Omit<FunnelFilter, 'asOf'>, hasProvenance: boolean): Q;
  areaMetric(f: AreaMetricFilter, hasNames: boolean, hasProvenance: boolean): Q;
}

/** A table a backend can query: its builders, its runner, its columns. */
export interface SqlTable<Q> {
  /** Identity of the table's contents: what the catalogue is cached on. */
  key: object;
  queries: AnswerQueries<Q>;
  rows(q: Q, signal?: AbortSignal): Promise<Row[]>;
  columns(): Promise<ReadonlySet<string>>;
  backend: BackendName;
  /** What the answer names as its source (a file's URL, `clickhouse:db.table`). */
  source: string;
  publisher?: string | null;
  /**
   * Ask a named programme's stages, areas and days in the same round as the table's
   * programmes and provinces, before knowing the name is one: for a server where a round
   * trip costs more than a question that finds nothing (the answers for a name that is no
   * programme are dropped).
   */
  eager?: boolean;
  /**
   * When `queries` reads the programmes' stages, areas and days from a catalogue kept
   * apart from the rows, which may lag behind them (ClickHouse's materialised view):
   * builders that read the rows themselves. An answer whose rows hold a stage that the
   * catalogue does not list is computed again with the programme's stages, areas and days
   * asked with these, never drawn without it. (A name the catalogue does not know yet,
   * a programme, area or metric, is unknown: an error, not a number.)
   */
  exact?: Pick<AnswerQueries<Q>, 'stages' | 'areas' | 'lastDate'>;
}

interface Catalogue {
  programmes: string[];
  hasProvenance: boolean;
  columns: ReadonlySet<string>;
}

/** A programme's stages, first and last day, and provinces; `exact` when asked of the rows themselves. */
interface ProgrammeCatalogue {
  info: ProgrammeInfo;
  provinces: ProvinceEntry[];
  exact: boolean;
}

const catalogues = new WeakMap<object, Promise<Catalogue>>();
/** Every province of the table, asked only by an answer that needs them (an area's, a comune's). */
const tableProvinces = new WeakMap<object, Promise<ProvinceEntry[]>>();
/** The catalogues answered: with one, a programme's name is checked before any question. */
const known = new WeakMap<object, Catalogue>();
/** Per table, per programme, asked once (`exact`: of the rows themselves). */
const programmes = new WeakMap<object, Map<string, { asked: Promise<ProgrammeCatalogue>; exact: boolean }>>();

function catalogue<Q>(t: SqlTable<Q>): Promise<Catalogue> {
  let c = catalogues.get(t.key);
  if (!c) {
    c = Promise.all([t.rows(t.queries.programmes()), t.columns()]).then(([r, columns]) => ({
      programmes: r.map((x) => String(x.programme)),
      hasProvenance: columns.has('provenance'),
      columns,
    }));
    catalogues.set(t.key, c);
    c.then((x) => known.set(t.key, x)).catch(() => undefined);
    c.catch(() => catalogues.delete(t.key));
  }
  return c;
}

function provincesOf<Q>(t: SqlTable<Q>): Promise<ProvinceEntry[]> {
  let p = tableProvinces.get(t.key);
  if (!p) {
    p = t.rows(t.queries.provinces()).then((r) => r.map(toProvince));
    tableProvinces.set(t.key, p);
    p.catch(() => tableProvinces.get(t.key) === p && tableProvinces.delete(t.key));
  }
  return p;
}

function programmeInfos(key: object): Map<string, { asked: Promise<ProgrammeCatalogue>; exact: boolean }> {
  let m = programmes.get(key);
  if (!m) programmes.set(key, (m = new Map()));
  return m;
}

/** A programme's catalogue, asked once per table (`exact`: asked again of the rows, once, and kept). */
function programmeInfo<Q>(t: SqlTable<Q>, id: string, exact = false): Promise<ProgrammeCatalogue> {
  const infos = programmeInfos(t.key);
  const known = infos.get(id);
  if (known && (known.exact || !exact)) return known.asked;
  // Independent questions sent together (the engine answers them back to back; a server in parallel).
  const q = exact ? t.exact! : t.queries;
  const asked = Promise.all([t.rows(q.stages(id)), t.rows(q.areas(id)), t.rows(q.lastDate(id))]).then(([st, ar, d]) => ({
    info: {
      id,
      stages: st.map((s) => ({ stage: String(s.stage), order: Number(s.stage_order) })),
      firstDate: String(d[0]?.first ?? ''),
      lastDate: String(d[0]?.last ?? ''),
    },
    provinces: ar.map(toProvince),
    exact: exact || !t.exact,
  }));
  infos.set(id, { asked, exact });
  asked.catch(() => infos.get(id)?.asked === asked && infos.delete(id));
  return asked;
}

/**
 * Whether `got` came from a catalogue that lags behind the rows: it does not list a stage
 * that `rows` (the rows' own answer, with `stage_order`) hold. Then the programme's
 * catalogue is asked of the rows, for this answer and the next.
 */
function lags<Q>(t: SqlTable<Q>, got: ProgrammeCatalogue, rows: readonly Row[]): boolean {
  if (got.exact) return false;
  const known = new Set(got.info.stages.map((s) => s.order));
  if (rows.every((x) => known.has(Number(x.stage_order)))) return false;
  void programmeInfo(t, got.info.id, true);
  return true;
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

const nameColumns = { region: 'region_name', province: 'province_name', comune: 'entity_name' } as const;

/** Answer a funnel, trend or areas request from a table, with the table's dialect. */
export async function answerFromSql<Q>(req: QueryRequest, t: SqlTable<Q>, signal: AbortSignal | undefined): Promise<BackendAnswer> {
  // A named programme's own catalogue is asked in the same round as the table's (eager),
  // until the table's is known.
  const named = t.eager && req.programme && !known.has(t.key) ? req.programme : null;
  if (named) void programmeInfo(t, named);
  // The table's provinces in the same round when the answer will need them (a server's
  // always: a round trip costs it more than the question); a national funnel never does.
  const areaNamed = req.kind !== 'areas' && !!(req.comune || req.region || req.province);
  if (t.eager || areaNamed) provincesOf(t).catch(() => undefined); // awaited below
  const cat = await catalogue(t);
  let id: string;
  try {
    id = resolveProgramme(cat.programmes, req.programme);
  } catch (e) {
    if (named) programmeInfos(t.key).delete(named); // no programme: what was asked for it goes
    throw e;
  }
  const got = await programmeInfo(t, id);
  const { info, provinces } = got;
  const asOf = req.asOf ?? info.lastDate;
  const base = {
    backend: t.backend,
    source: t.source,
    programme: info,
    asOf,
    ...(t.publisher !== undefined && { publisher: t.publisher }),
  };
  if (req.kind === 'areas') {
    const stage = resolveStage(info.stages, req.stage);
    const hasNames = cat.columns.has(nameColumns[req.level]);
    const r = await t.rows(
      t.queries.areaMetric({ programme: id, level: req.level, stageOrder: stage.order, asOf }, hasNames, cat.hasProvenance),
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
  let within: EnclosingArea[];
  if (req.comune) {
    const found = await t.rows(t.queries.entities(id, req.comune.trim()), signal);
    const hit = pickEntity(
      found.map((e) => ({ code: String(e.entity_code), name: String(e.entity_name ?? ''), province: String(e.province_code) })),
      req.comune,
      await provincesOf(t),
    );
    filter = { entityCode: hit.code };
    scope = { level: 'entity', code: hit.code, name: hit.name || hit.code };
    within = enclosing(scope, await provincesOf(t), hit.province);
  } else {
    // Only an area named, or a programme of one province, needs the table's provinces.
    const all = areaNamed || provinces.length === 1 ? await provincesOf(t) : [];
    const area = resolveArea(all, provinces, req.region, req.province);
    filter = { regionCode: area.regionCode, provinceCode: area.provinceCode };
    scope = area.scope;
    within = enclosing(scope, all);
  }
  if (req.kind === 'trend') {
    const r = await t.rows(t.queries.trend({ programme: id, ...filter }, cat.hasProvenance), signal);
    if (lags(t, got, r)) return answerFromSql(req, t, signal);
    // Rows per stage and day, in that order: running sums give the count by each day.
    const series = info.stages.map((s) => {
      let n = 0;
      let simulated = 0;
      const steps = r
        .filter((x) => Number(x.stage_order) === s.order)
        .map((x) => {
          n += Number(x.n);
          simulated += Number(x.simulated ?? 0);
          return { date: String(x.date), n, simulated: cat.hasProvenance ? simulated : null };
        });
      return { ...s, steps };
    });
    return { kind: 'trend', ...base, scope, within, series };
  }
  const r = await t.rows(t.queries.funnel({ programme: id, asOf, ...filter }, cat.hasProvenance), signal);
  if (lags(t, got, r)) return answerFromSql(req, t, signal);
  const byOrder = new Map(r.map((x) => [Number(x.stage_order), x]));
  const stages = info.stages.map((s) => {
    const x = byOrder.get(s.order);
    return { ...s, n: x ? Number(x.n) : 0, simulated: !cat.hasProvenance ? null : x ? Number(x.simulated) : 0 };
  });
  return { kind: 'funnel', ...base, scope, within, stages };
}
