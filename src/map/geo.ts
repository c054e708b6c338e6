import { geoArea, geoIdentity, geoMercator, geoPath, type GeoProjection } from 'd3';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import type { MapGeometry, MapLevel, MapShape } from './types.js';

/**
 * A site's own boundary file (GeoJSON or TopoJSON) turned into map shapes: features are
 * joined to the data by the ISTAT code in one property, and drawn with d3-geo through a
 * projection fitted to them. Problems a site can make are reported by kind, so the
 * element can say which one in the reader's language.
 */
export type GeoProblem =
  | { kind: 'not-json' }
  | { kind: 'not-geo' }
  | { kind: 'no-features' }
  | { kind: 'no-key'; key: string; available: string[] }
  | { kind: 'no-match'; key: string; sample: string[] };

export class GeoError extends Error {
  override readonly name = 'GeoError';
  constructor(
    readonly problem: GeoProblem,
    detail?: string,
  ) {
    super(detail ?? problem.kind);
  }
}

/** Width of the drawing box; the height follows the features' shape. */
export const GEO_WIDTH = 600;
const CODE_DIGITS: Record<MapLevel, number> = { region: 2, province: 3, comune: 6 };

/** 8 -> "08" for a region, 33001 -> "033001" for a comune; other text is kept as is. */
export function normaliseCode(raw: unknown, level: MapLevel): string | null {
  if (raw === null || raw === undefined) return null;
  const s = String(raw).trim();
  if (s === '') return null;
  return /^\d+$/.test(s) ? s.padStart(CODE_DIGITS[level], '0') : s;
}

/**
 * Parse the text of a boundary file (GeoJSON, or TopoJSON's first object) into its
 * polygon features. Throws a `GeoError` saying what is wrong.
 */
export function parseGeo(text: string): Feature[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new GeoError({ kind: 'not-json' }, e instanceof Error ? e.message : String(e));
  }
  const o = (isTopology(json) ? topologyFeatures(json) : json) as Partial<FeatureCollection> & Partial<Feature>;
  let features: Feature[];
  if (o && o.type === 'FeatureCollection' && Array.isArray(o.features)) features = o.features;
  else if (o && o.type === 'Feature') features = [o as Feature];
  else throw new GeoError({ kind: 'not-geo' });
  features = features.filter((f) => f && f.type === 'Feature' && f.geometry && /Polygon$/.test(f.geometry.type));
  if (!features.length) throw new GeoError({ kind: 'no-features' });
  // Checked here, not where d3 would stumble on them, so that the reader hears "not GeoJSON".
  const bad = features.findIndex((f) => !wellFormed(f.geometry));
  if (bad >= 0) throw new GeoError({ kind: 'not-geo' }, `polygon feature ${bad} has malformed coordinates`);
  return features;
}

function isTopology(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && (x as { type?: unknown }).type === 'Topology';
}

/**
 * The first object of a topology as GeoJSON, by topojson-client. The client trusts its
 * input (a missing arc ends in a TypeError deep inside it), so the outline is checked
 * first and anything it throws still becomes a `not-geo` problem.
 */
function topologyFeatures(topo: Record<string, unknown>): unknown {
  const objects = topo.objects;
  const first = objects && typeof objects === 'object' ? Object.values(objects)[0] : undefined;
  if (!first || typeof first !== 'object') throw new GeoError({ kind: 'not-geo' }, 'the topology has no objects');
  if (!Array.isArray(topo.arcs)) throw new GeoError({ kind: 'not-geo' }, 'the topology has no arcs array');
  try {
    return feature(topo as unknown as Topology, first as GeometryObject);
  } catch (e) {
    throw new GeoError({ kind: 'not-geo' }, `malformed topology: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** A polygon's rings are lists of [x, y] positions of finite numbers. */
function wellFormed(g: Geometry): boolean {
  const position = (p: unknown) => Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);
  const ring = (r: unknown) => Array.isArray(r) && r.every(position);
  const polygon = (p: unknown) => Array.isArray(p) && p.every(ring);
  if (g.type === 'Polygon') return polygon(g.coordinates);
  return g.type === 'MultiPolygon' && Array.isArray(g.coordinates) && g.coordinates.every(polygon);
}

/**
 * Shapes of the features that carry `key`, fitted into a GEO_WIDTH-wide box. Longitude
 * and latitude get a Mercator projection; anything else (e.g. ISTAT's own UTM metres) is
 * planar and only flipped and scaled.
 */
export function geoGeometry(features: Feature[], key: string, level: MapLevel): MapGeometry {
  const keyed = features
    .map((f) => ({ f, code: normaliseCode(f.properties?.[key], level) }))
    .filter((x): x is { f: Feature; code: string } => x.code !== null);
  if (!keyed.length) {
    const available = [...new Set(features.flatMap((f) => Object.keys(f.properties ?? {})))].slice(0, 8);
    throw new GeoError({ kind: 'no-key', key, available });
  }
  const fc: FeatureCollection = { type: 'FeatureCollection', features: keyed.map((x) => x.f) };
  const spherical = isLonLat(fc);
  if (spherical) fc.features = fc.features.map(rewound);
  const base: GeoProjection = spherical ? geoMercator() : (geoIdentity().reflectY(true) as unknown as GeoProjection);
  // Fit once to learn the shape, then to a box of that shape.
  base.fitWidth(GEO_WIDTH, fc);
  const [[x0, y0], [x1, y1]] = geoPath(base).bounds(fc);
  const height = Math.max(60, Math.min(GEO_WIDTH * 2, Math.ceil(((y1 - y0) / Math.max(1e-9, x1 - x0)) * GEO_WIDTH)));
  base.fitExtent(
    [
      [4, 4],
      [GEO_WIDTH - 4, height - 4],
    ],
    fc,
  );
  const path = geoPath(base);
  const shapes: MapShape[] = fc.features.map((f, i) => {
    const code = keyed[i]!.code;
    const name = String(
      f.properties?.name ?? f.properties?.NAME ?? f.properties?.COMUNE ?? f.properties?.DEN_UTS ?? f.properties?.DEN_REG ?? code,
    );
    const c = path.centroid(f);
    return { code, name, kind: 'path', d: round(path(f) ?? ''), centre: [c[0] || 0, c[1] || 0] };
  });
  return { level, viewBox: [0, 0, GEO_WIDTH, height], shapes };
}

/** Every coordinate within longitude/latitude ranges. */
function isLonLat(fc: FeatureCollection): boolean {
  let ok = true;
  const visit = (p: Position) => {
    if (!(Math.abs(p[0]!) <= 180 && Math.abs(p[1]!) <= 90)) ok = false;
  };
  for (const f of fc.features) eachPosition(f.geometry, visit);
  return ok;
}

function eachPosition(g: Geometry, fn: (p: Position) => void): void {
  if (g.type === 'Polygon') g.coordinates.forEach((r) => r.forEach(fn));
  else if (g.type === 'MultiPolygon') g.coordinates.forEach((p) => p.forEach((r) => r.forEach(fn)));
}

/**
 * d3-geo takes the ring that winds clockwise as the outside, the opposite of RFC 7946
 * GeoJSON; a polygon read the other way covers the rest of the globe. Reverse such rings.
 */
function rewound(f: Feature): Feature {
  const fix = (rings: Position[][]): Position[][] =>
    geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI ? rings.map((r) => [...r].reverse()) : rings;
  const g = f.geometry;
  if (g.type === 'Polygon') return { ...f, geometry: { type: 'Polygon', coordinates: fix(g.coordinates) } };
  if (g.type === 'MultiPolygon') return { ...f, geometry: { type: 'MultiPolygon', coordinates: g.coordinates.map(fix) } };
  return f;
}

/** Two decimals are plenty in a 600-unit box and keep the markup small. */
function round(d: string): string {
  return d.replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100));
}
