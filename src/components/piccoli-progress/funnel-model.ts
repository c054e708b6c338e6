import { PiccoliDataError } from '../../data/errors.js';
import type { FunnelSummary, ProgrammeMeta } from '../../data/bundled.js';
import type { FunnelFilter } from '../../data/sql/funnel.js';
import { shown, type Strings } from './strings.js';

/* What <piccoli-progress> computes, and the pure steps shared by its two paths
   (summary and engine). No Lit, no DuckDB. */

export interface Area {
  code: string;
  name: string;
  sigla?: string;
  regionCode?: string;
}

export interface StageCount {
  stage: string;
  order: number;
  n: number;
}

/** What a run computed: raw counts and names; formatting happens at render, per language. */
export interface Funnel {
  programme: string;
  meta?: ProgrammeMeta;
  filter: FunnelFilter;
  area: { kind: 'italy' } | { kind: 'region' | 'province'; name: string } | { kind: 'entity'; name: string };
  stages: StageCount[];
  via: 'summary' | 'engine';
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function validDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

export function summaryAreas(summary: FunnelSummary) {
  return Object.entries(summary.provinces).map(([code, p]) => ({
    province: { code, name: p.name, sigla: p.sigla, regionCode: p.region_code },
    region: { code: p.region_code, name: p.region_name },
  }));
}

/** Compare names the way people type them: no case, accents, spaces or dashes. */
function norm(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase();
}

export function resolveArea(
  areas: { province: Area; region: Area }[],
  region: string | undefined,
  province: string | undefined,
  t: Strings,
): { filter: Pick<FunnelFilter, 'regionCode' | 'provinceCode'>; label: Funnel['area'] } {
  if (province) {
    const v = province.trim();
    const code = /^\d{1,3}$/.test(v) ? v.padStart(3, '0') : null;
    const p = areas.find((a) =>
      code ? a.province.code === code : a.province.sigla?.toUpperCase() === v.toUpperCase() || norm(a.province.name) === norm(v),
    )?.province;
    if (!p) throw new PiccoliDataError('invalid-option', t.unknownProvince(shown(province)));
    return { filter: { provinceCode: p.code }, label: { kind: 'province', name: p.name } };
  }
  if (region) {
    const v = region.trim();
    const code = /^\d{1,2}$/.test(v) ? v.padStart(2, '0') : null;
    const r = areas.find((a) => (code ? a.region.code === code : norm(a.region.name) === norm(v)))?.region;
    if (!r) throw new PiccoliDataError('invalid-option', t.unknownRegion(shown(region)));
    return { filter: { regionCode: r.code }, label: { kind: 'region', name: r.name } };
  }
  return { filter: {}, label: { kind: 'italy' } };
}

export function areaLabel(a: Funnel['area'], t: Strings): string {
  if (a.kind === 'italy') return t.italy;
  if (a.kind === 'province') return t.province(a.name);
  return a.name;
}

/** Every stage of the programme in order, with 0 for stages nobody has reached yet. */
export function fillStages(rows: { stage_order: number; stage: string; n: number }[], meta?: ProgrammeMeta): StageCount[] {
  const byOrder = new Map(rows.map((r) => [r.stage_order, r]));
  const stages = meta?.stages.length
    ? [...meta.stages].sort((a, b) => a.stage_order - b.stage_order).map((s) => ({ stage: s.stage, order: s.stage_order }))
    : rows.map((r) => ({ stage: r.stage, order: r.stage_order }));
  return stages.map((s) => ({ ...s, n: byOrder.get(s.order)?.n ?? 0 }));
}
