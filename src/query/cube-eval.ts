import { reachedBy } from '../data/sql/definition.js';
import { dayNumber, isoDay, type CubeFile } from './cube.js';
import { enclosing, pickEntity, resolveArea, resolveProgramme, resolveStage, type ProvinceEntry } from './resolve.js';
import type {
  AreasRequest,
  CountedArea,
  CountedStage,
  EnclosingArea,
  FunnelRequest,
  FunnelScope,
  ProgrammeInfo,
  StageInfo,
  TrendRequest,
  TrendSeries,
} from './types.js';

/** Checked before the cube is read: loaded with the evaluator. */
export { checkCube } from './cube-check.js';

/**
 * Answers from a cube, with no engine: the funnel and the area metric by the one
 * definition of src/data/sql/definition.ts, counted over each entity's stage days. Pure
 * (no fetch, no DOM); the parity test holds it to the SQL builders' numbers.
 */

interface Entity {
  code: string;
  name: string;
  province: string;
  region: string;
  /** Day numbers (since 1970) of each stage reached, in stage order. */
  days: number[];
  /** Bit n set: the row of stage n is simulated; -1: the file does not say. */
  simulated: number;
}

interface ProgrammeIndex {
  info: Omit<ProgrammeInfo, 'meta'>;
  entities: Entity[];
  provinces: ProvinceEntry[];
}

type FunnelBody = { programme: ProgrammeInfo; asOf: string; scope: FunnelScope; within: EnclosingArea[]; stages: CountedStage[] };
type TrendBody = { programme: ProgrammeInfo; asOf: string; scope: FunnelScope; within: EnclosingArea[]; series: TrendSeries[] };
type AreasBody = { programme: ProgrammeInfo; asOf: string; level: AreasRequest['level']; stage: StageInfo; rows: CountedArea[] };

export class CubeIndex {
  private readonly _programmes = new Map<string, ProgrammeIndex>();
  private _allProvinces?: ProvinceEntry[];

  constructor(private readonly cube: CubeFile) {}

  /** Programme ids in the cube, sorted. */
  get programmeIds(): string[] {
    return Object.keys(this.cube.programmes).sort();
  }

  private _programme(id: string): ProgrammeIndex {
    let p = this._programmes.get(id);
    if (p) return p;
    const raw = this.cube.programmes[id]!;
    const epoch = dayNumber(raw.epoch);
    const provinceOf = (code: string, own?: string) => own ?? (code.length === 6 ? code.slice(0, 3) : code);
    let first = Infinity;
    let last = -Infinity;
    const entities = raw.entities.map(([code, name, days, simulated, province]): Entity => {
      const abs = days.map((d) => epoch + d);
      for (const d of abs) {
        if (d < first) first = d;
        if (d > last) last = d;
      }
      const prov = provinceOf(code, province);
      return { code, name, province: prov, region: this.cube.provinces[prov]?.[2] ?? '', days: abs, simulated };
    });
    const used = new Set(entities.map((e) => e.province));
    const provinces = this.allProvinces.filter((p) => used.has(p.code));
    const stages = raw.stages.map((stage, order) => ({ stage, order }));
    p = {
      info: { id, stages, firstDate: isoDay(first), lastDate: isoDay(last) },
      entities,
      provinces,
    };
    this._programmes.set(id, p);
    return p;
  }

  /** Every province of the file, by code. */
  get allProvinces(): ProvinceEntry[] {
    this._allProvinces ??= Object.keys(this.cube.provinces)
      .sort()
      .map((code): ProvinceEntry => {
        const [sigla, name, regionCode, regionName] = this.cube.provinces[code]!;
        return { code, sigla: sigla || null, name, regionCode, regionName };
      });
    return this._allProvinces;
  }

  /** The programme a request means, with its index (throws unknown-programme). */
  programme(requested: string | null): ProgrammeIndex {
    return this._programme(resolveProgramme(this.programmeIds, requested));
  }

  /** The entities a funnel's or a trend's area holds, the scope it names, and the areas it lies in. */
  private _area(
    p: ProgrammeIndex,
    req: FunnelRequest | TrendRequest,
  ): { keep: (e: Entity) => boolean; scope: FunnelScope; within: EnclosingArea[] } {
    if (req.comune) {
      const hit = pickEntity(p.entities, req.comune, this.allProvinces);
      const scope: FunnelScope = { level: 'entity', code: hit.code, name: hit.name || hit.code };
      return { keep: (e) => e.code === hit.code, scope, within: enclosing(scope, this.allProvinces, hit.province) };
    }
    const area = resolveArea(this.allProvinces, p.provinces, req.region, req.province);
    const keep = area.provinceCode
      ? (e: Entity) => e.province === area.provinceCode
      : area.regionCode
        ? (e: Entity) => e.region === area.regionCode
        : () => true;
    return { keep, scope: area.scope, within: enclosing(area.scope, this.allProvinces) };
  }

  funnel(req: FunnelRequest): FunnelBody {
    const p = this.programme(req.programme);
    const asOf = req.asOf ?? p.info.lastDate;
    const day = dayNumber(asOf);
    const { keep, scope, within } = this._area(p, req);
    const n = new Array<number>(p.info.stages.length).fill(0);
    const simulated = new Array<number>(p.info.stages.length).fill(0);
    let unknown = false;
    for (const e of p.entities) {
      if (!keep(e)) continue;
      for (let s = 0; s < e.days.length; s++) {
        if (!reachedBy(e.days, s, day)) continue;
        n[s]!++;
        if (e.simulated < 0) unknown = true;
        else if (e.simulated & (1 << s)) simulated[s]!++;
      }
    }
    const stages = p.info.stages.map((s) => ({ ...s, n: n[s.order]!, simulated: unknown ? null : simulated[s.order]! }));
    return { programme: p.info, asOf, scope, within, stages };
  }

  /**
   * Per stage, the count by each day it changes: an entity counts for stage n from the
   * day of its stage-n row on (definition.ts), so the count by day d is the sum of the
   * entities whose stage-n day is on or before d.
   */
  trend(req: TrendRequest): TrendBody {
    const p = this.programme(req.programme);
    const { keep, scope, within } = this._area(p, req);
    const byStage = p.info.stages.map(() => new Map<number, [n: number, simulated: number]>());
    let unknown = false;
    for (const e of p.entities) {
      if (!keep(e)) continue;
      if (e.simulated < 0) unknown = true;
      for (let s = 0; s < e.days.length; s++) {
        const m = byStage[s];
        if (!m) continue;
        const c = m.get(e.days[s]!) ?? [0, 0];
        c[0]++;
        if (e.simulated > 0 && e.simulated & (1 << s)) c[1]++;
        m.set(e.days[s]!, c);
      }
    }
    const series = p.info.stages.map((st) => {
      let n = 0;
      let simulated = 0;
      const steps = [...byStage[st.order]!.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([day, c]) => {
          n += c[0];
          simulated += c[1];
          return { date: isoDay(day), n, simulated: unknown ? null : simulated };
        });
      return { ...st, steps };
    });
    return { programme: p.info, asOf: req.asOf ?? p.info.lastDate, scope, within, series };
  }

  areas(req: AreasRequest): AreasBody {
    const p = this.programme(req.programme);
    const stage = resolveStage(p.info.stages, req.stage);
    const asOf = req.asOf ?? p.info.lastDate;
    const day = dayNumber(asOf);
    const key: (e: Entity) => string =
      req.level === 'region' ? (e) => e.region : req.level === 'province' ? (e) => e.province : (e) => e.code;
    const rows = new Map<string, CountedArea & { unknown: boolean }>();
    for (const e of p.entities) {
      if (!reachedBy(e.days, 0, day)) continue; // not eligible yet at asOf
      const code = key(e);
      if (!code) continue;
      let r = rows.get(code);
      if (!r)
        rows.set(code, (r = { code, name: this._areaName(req.level, code, e), eligible: 0, reached: 0, simulated: 0, unknown: false }));
      r.eligible++;
      if (reachedBy(e.days, stage.order, day)) {
        r.reached++;
        if (e.simulated < 0) r.unknown = true;
        else if (e.simulated & (1 << stage.order)) r.simulated!++;
      }
    }
    const out = [...rows.values()]
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
      .map(({ unknown, ...r }) => ({ ...r, simulated: unknown ? null : r.simulated }));
    return { programme: p.info, asOf, level: req.level, stage, rows: out };
  }

  private _areaName(level: AreasRequest['level'], code: string, e: Entity): string | null {
    if (level === 'comune') return e.name || null;
    const p = level === 'province' ? this.cube.provinces[code] : Object.values(this.cube.provinces).find((x) => x[2] === code);
    return (level === 'province' ? p?.[1] : p?.[3]) ?? null;
  }
}
