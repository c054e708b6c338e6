import { invalidOption } from '../data/errors.js';
import { nameKey } from '../data/sql/funnel.js';
import { metricNames, toAttr } from './metrics.js';
import type { EnclosingArea, FunnelScope, StageInfo } from './types.js';

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
  /** Its province's ISTAT code, to tell it apart from a namesake elsewhere. */
  province?: string;
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
 * Names of one area that people and CMS editors use besides its official one, official
 * spelling first (the data may spell the official name either way, as with ISTAT's
 * "Reggio di Calabria" and the registry's "Reggio Calabria").
 */
const EVERYDAY_GROUPS: readonly (readonly string[])[] = [
  ["Reggio nell'Emilia", 'Reggio Emilia'],
  ['Reggio di Calabria', 'Reggio Calabria'],
  ['Pesaro e Urbino', 'Pesaro Urbino'],
  ['Monza e della Brianza', 'Monza e Brianza', 'Monza Brianza', 'Monza'],
  ['Massa-Carrara', 'Massa e Carrara'],
  ["Valle d'Aosta/Vallée d'Aoste", 'Aosta', 'Aoste', 'Aostatal'],
  // The names the German and French elements show (src/i18n/places.ts), and their everyday ones.
  ['Bolzano/Bozen', 'Südtirol', 'Alto Adige'],
  ['Trento', 'Trient'],
  ['Trentino-Alto Adige/Südtirol', 'Trentino-Südtirol'],
  ['Verbano-Cusio-Ossola', 'VCO'],
  ['Barletta-Andria-Trani', 'BAT'],
];

/** Each normalised name of a group, to the normalised names of its whole group. */
const EVERYDAY: ReadonlyMap<string, readonly string[]> = new Map(
  EVERYDAY_GROUPS.flatMap((g) => {
    const all = g.map(normName);
    return all.map((n) => [n, all] as const);
  }),
);

/**
 * Every normalised form `official` is known by: the whole name, each language of a
 * bilingual name ("Bolzano/Bozen"), and the everyday names of its group.
 */
function nameForms(official: string): string[] {
  const forms = new Set([normName(official), ...official.split('/').map(normName)]);
  for (const f of [...forms]) for (const n of EVERYDAY.get(f) ?? []) forms.add(n);
  forms.delete('');
  return [...forms];
}

/**
 * Whether `typed` names the area officially called `official`: the same letters and
 * digits in any case, accents, spaces, dashes or apostrophes (straight or curly); either
 * language of a bilingual name ("Bolzano", "Bozen", "Valle d'Aosta", "Trentino-Alto
 * Adige"); or an everyday name ("Reggio Emilia", "Pesaro-Urbino", "Aosta").
 */
export function sameName(official: string, typed: string): boolean {
  const t = normName(typed);
  return t !== '' && nameForms(official).includes(t);
}

/** The shortest start of a name that finds an area by itself ("Pesaro", "Massa"). */
const PREFIX_MIN = 4;

interface Area {
  code: string;
  name: string;
  /** How the area is shown among others a name matches: "Reggio Calabria (RC)". */
  label: string;
}

/**
 * The one area a name means: one whose name (in any of its forms) it is, else the one
 * whose name it starts with, from four letters on. A name two areas answer to is refused
 * listing both (`ambiguous-name`), never settled by a guess; none is `unknown-${what}`.
 */
function findByName<A extends Area>(areas: readonly A[], typed: string, what: 'region' | 'province'): A {
  const t = normName(typed);
  const forms = areas.map((a) => nameForms(a.name));
  let found = t ? areas.filter((_, i) => forms[i]!.includes(t)) : [];
  if (found.length === 0 && t.length >= PREFIX_MIN) found = areas.filter((_, i) => forms[i]!.some((f) => f.startsWith(t)));
  if (found.length === 1) return found[0]!;
  if (found.length > 1) throw ambiguous(typed, what, found);
  throw invalidOption(`unknown-${what}`, { value: typed }, what);
}

function ambiguous(value: string, what: 'region' | 'province' | 'comune', found: readonly { label: string }[]) {
  return invalidOption('ambiguous-name', { value, what, matches: found.map((a) => a.label) }, what);
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
    const p = code
      ? provinces.find((a) => a.code === code)
      : (provinces.find((a) => (a.sigla ?? '').toUpperCase() === v.toUpperCase()) ??
        findByName(
          provinces.map((a) => ({ ...a, label: `${a.name} (${a.sigla ?? a.code})` })),
          province,
          'province',
        ));
    if (!p) throw invalidOption('unknown-province', { value: province }, 'province');
    return { provinceCode: p.code, scope: { level: 'province', code: p.code, name: p.name } };
  }
  if (region) {
    const v = region.trim();
    const code = /^\d{1,2}$/.test(v) ? v.padStart(2, '0') : null;
    const regions = [...new Map(provinces.map((a) => [a.regionCode, a.regionName])).entries()].map(([c, name]) => ({
      code: c,
      name,
      label: `${name} (${c})`,
    }));
    const r = code ? regions.find((a) => a.code === code) : findByName(regions, region, 'region');
    if (!r) throw invalidOption('unknown-region', { value: region }, 'region');
    return { regionCode: r.code, scope: { level: 'region', code: r.code, name: r.name } };
  }
  if (programmeProvinces.length === 1) {
    const only = programmeProvinces[0]!;
    return { scope: { level: 'province', code: only.code, name: only.name } };
  }
  return { scope: { level: 'italy' } };
}

/**
 * The areas a funnel's area lies in, widest first (`FunnelAnswer.within`): a province's
 * region; a comune's region and province (its province code given, as the data holds it).
 * What a comparison asks the funnels of.
 */
export function enclosing(scope: FunnelScope, provinces: readonly ProvinceEntry[], entityProvince?: string): EnclosingArea[] {
  const code = scope.level === 'province' ? scope.code : scope.level === 'entity' ? entityProvince : undefined;
  const p = code === undefined ? undefined : provinces.find((x) => x.code === code);
  if (!p) return [];
  const region: EnclosingArea = { level: 'region', code: p.regionCode, name: p.regionName };
  return scope.level === 'entity' ? [region, { level: 'province', code: p.code, name: p.name }] : [region];
}

/**
 * The entity a `comune` value names: the one whose ISTAT code it is, or whose name it is
 * as `nameKey` compares them (case, accents, apostrophes, hyphens and spaces aside; what
 * `entityQuery` selects in SQL, so the cube and the engine pick alike). No match is
 * `unknown-comune`; a name comuni of two provinces share ("Samone", TO and TN) is
 * `ambiguous-name`, listing each with its province's sigla and its code, "Samone (TO,
 * 001235)", for the page to write the code.
 */
export function pickEntity<E extends EntityEntry>(candidates: readonly E[], value: string, provinces: readonly ProvinceEntry[] = []): E {
  const v = value.trim();
  const key = nameKey(v);
  const found = candidates.filter((e) => e.code === v || (key !== '' && nameKey(e.name) === key));
  if (found.length === 1) return found[0]!;
  if (found.length === 0) throw invalidOption('unknown-comune', { value }, 'comune');
  const sigla = new Map(provinces.map((p) => [p.code, p.sigla ?? p.name]));
  const labels = [...found]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((e) => {
      const where = e.province === undefined ? undefined : sigla.get(e.province);
      return { label: `${e.name} (${where ? `${where}, ` : ''}${e.code})` };
    });
  throw ambiguous(value, 'comune', labels);
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
