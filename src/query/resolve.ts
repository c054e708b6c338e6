import { invalidOption } from '../data/errors.js';
import { metricNames, toAttr } from './metrics.js';
import type { FunnelScope, StageInfo } from './types.js';

/**
 * Turning what a page wrote (`province="Piacenza"`, `region="08"`, `comune="Bobbio"`,
 * `metric="plan-submitted"`) into the codes of the data. Pure, and shared by every
 * backend, so the cube and the engine accept and refuse exactly the same values.
 */

export interface ProvinceEntry {
  code: string;
  sigla: string | null;
  name: string;
  regionCode: string;
  regionName: string;
}

export interface EntityEntry {
  code: string;
  name: string;
}

/** The programme a request means: the one named, else `piccoli`, else the file's only one. */
export function resolveProgramme(available: readonly string[], requested: string | null): string {
  const programme = requested || (available.includes('piccoli') || available.length !== 1 ? 'piccoli' : available[0]!);
  if (!available.includes(programme)) throw invalidOption('unknown-programme', { value: programme }, 'programme');
  return programme;
}

/** Compare names the way people type them: no case, accents, spaces or dashes. */
export function normName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase();
}

/**
 * Everyday names of areas whose official name reads otherwise (normalised as normName
 * does): what people and CMS editors type.
 */
const EVERYDAY_NAMES: Readonly<Record<string, string>> = {
  reggioemilia: "Reggio nell'Emilia",
  pesarourbino: 'Pesaro e Urbino',
  monza: 'Monza e della Brianza',
  monzabrianza: 'Monza e della Brianza',
  reggiocalabria: 'Reggio di Calabria',
};

/**
 * Whether `typed` names the area officially called `official`: the same letters and
 * digits in any case, accents, spaces, dashes or apostrophes (straight or curly); either
 * language of a bilingual name ("Bolzano", "Bozen", "Valle d'Aosta", "Trentino-Alto
 * Adige"); or an everyday name ("Reggio Emilia", "Pesaro-Urbino").
 */
export function sameName(official: string, typed: string): boolean {
  const t = normName(typed);
  if (!t) return false;
  if (official.split('/').some((part) => normName(part) === t) || normName(official) === t) return true;
  const everyday = EVERYDAY_NAMES[t];
  return everyday !== undefined && normName(everyday) === normName(official);
}

/**
 * The area filter of a funnel from its region and province values (the province wins):
 * a province by sigla, ISTAT code or name; a region by ISTAT code or name, among all the
 * provinces of the file (a province the programme does not reach is a funnel of nobody
 * eligible, not an unknown name). A programme of one province (Next Generation Siena) is
 * named by its province.
 */
export function resolveArea(
  provinces: readonly ProvinceEntry[],
  programmeProvinces: readonly ProvinceEntry[],
  region: string | null,
  province: string | null,
): { regionCode?: string; provinceCode?: string; scope: FunnelScope } {
  if (province) {
    const v = province.trim();
    const code = /^\d{1,3}$/.test(v) ? v.padStart(3, '0') : null;
    const p = provinces.find((a) => (code ? a.code === code : (a.sigla ?? '').toUpperCase() === v.toUpperCase() || sameName(a.name, v)));
    if (!p) throw invalidOption('unknown-province', { value: province }, 'province');
    return { provinceCode: p.code, scope: { level: 'province', code: p.code, name: p.name } };
  }
  if (region) {
    const v = region.trim();
    const code = /^\d{1,2}$/.test(v) ? v.padStart(2, '0') : null;
    const r = provinces.find((a) => (code ? a.regionCode === code : sameName(a.regionName, v)));
    if (!r) throw invalidOption('unknown-region', { value: region }, 'region');
    return { regionCode: r.regionCode, scope: { level: 'region', code: r.regionCode, name: r.regionName } };
  }
  if (programmeProvinces.length === 1) {
    const only = programmeProvinces[0]!;
    return { scope: { level: 'province', code: only.code, name: only.name } };
  }
  return { scope: { level: 'italy' } };
}

/**
 * The entity a `comune` value names, among candidates whose code equals it or whose name
 * equals it in any case (what `entityQuery` selects in SQL). Exactly one must match.
 */
export function pickEntity(candidates: readonly EntityEntry[], value: string): EntityEntry {
  const v = value.trim();
  const lower = v.toLowerCase();
  const found = candidates.filter((e) => e.code === v || e.name.toLowerCase() === lower);
  if (found.length !== 1) throw invalidOption('unknown-comune', { value }, 'comune');
  return found[0]!;
}

/** The stage a metric names (`plan-submitted` or `plan_submitted`), or an error listing the choices. */
export function resolveStage(stages: readonly StageInfo[], value: string): StageInfo {
  const id = toAttr(value.trim());
  const s = stages.find((x) => toAttr(x.stage) === id);
  if (!s) {
    throw invalidOption('unknown-metric', { value, available: metricNames(stages) }, 'metric');
  }
  return s;
}

export { metricNames };
