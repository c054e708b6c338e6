import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

/**
 * TopoJSON -> GeoJSON, only what a choropleth needs: quantized or plain arcs, points,
 * lines, polygons, their Multi- forms and geometry collections. Written here instead of
 * depending on topojson-client for one function (~100 lines, tested against hand-made
 * topologies); switch to `topojson-client`'s `feature()` if it is ever added.
 */

type Arc = number[][];
interface TopoGeometry {
  type: string | null;
  id?: string | number;
  properties?: Record<string, unknown>;
  arcs?: unknown;
  coordinates?: unknown;
  geometries?: TopoGeometry[];
}
export interface Topology {
  type: 'Topology';
  objects: Record<string, TopoGeometry>;
  arcs: Arc[];
  transform?: { scale: [number, number]; translate: [number, number] };
}

export function isTopology(x: unknown): x is Topology {
  return typeof x === 'object' && x !== null && (x as { type?: unknown }).type === 'Topology';
}

/**
 * The features of one object of a topology (the first when `name` is not given).
 * Throws an Error whose message says what is malformed.
 * @example topologyToFeatures(topo, 'comuni').features.length
 */
export function topologyToFeatures(topo: Topology, name?: string): FeatureCollection {
  const objects = topo.objects && typeof topo.objects === 'object' ? topo.objects : {};
  const key = name ?? Object.keys(objects)[0];
  const object = key === undefined ? undefined : objects[key];
  if (!object) throw new Error(name ? `the topology has no object named ${name}` : 'the topology has no objects');
  if (!Array.isArray(topo.arcs)) throw new Error('the topology has no arcs array');
  const arcs = decodeArcs(topo);

  const arcPoints = (i: number): Position[] => {
    const a = arcs[i < 0 ? ~i : i];
    if (!a) throw new Error(`arc ${i} does not exist`);
    return i < 0 ? [...a].reverse() : a;
  };
  /** Join arcs end to start, dropping each joined arc's first point (it repeats the last). */
  const line = (ids: unknown): Position[] => {
    if (!Array.isArray(ids)) throw new Error('a geometry has malformed arcs');
    const out: Position[] = [];
    ids.forEach((id, k) => {
      const pts = arcPoints(Number(id));
      out.push(...(k === 0 ? pts : pts.slice(1)));
    });
    return out;
  };
  const ring = (ids: unknown): Position[] => {
    const r = line(ids);
    if (r.length && (r[0]![0] !== r[r.length - 1]![0] || r[0]![1] !== r[r.length - 1]![1])) r.push([...r[0]!]);
    return r;
  };
  const list = (x: unknown): unknown[] => {
    if (!Array.isArray(x)) throw new Error('a geometry has malformed arcs');
    return x;
  };
  const point = (p: unknown): Position => transformPoint(topo, p);

  const geometry = (g: TopoGeometry): Geometry | null => {
    switch (g.type) {
      case null:
      case undefined:
        return null;
      case 'Point':
        return { type: 'Point', coordinates: point(g.coordinates) };
      case 'MultiPoint':
        return { type: 'MultiPoint', coordinates: list(g.coordinates).map(point) };
      case 'LineString':
        return { type: 'LineString', coordinates: line(g.arcs) };
      case 'MultiLineString':
        return { type: 'MultiLineString', coordinates: list(g.arcs).map(line) };
      case 'Polygon':
        return { type: 'Polygon', coordinates: list(g.arcs).map(ring) };
      case 'MultiPolygon':
        return { type: 'MultiPolygon', coordinates: list(g.arcs).map((p) => list(p).map(ring)) };
      case 'GeometryCollection':
        return { type: 'GeometryCollection', geometries: (g.geometries ?? []).map(geometry).filter((x): x is Geometry => x !== null) };
      default:
        throw new Error(`unknown geometry type ${String(g.type)}`);
    }
  };
  const feature = (g: TopoGeometry): Feature => ({
    type: 'Feature',
    ...(g.id !== undefined ? { id: g.id } : {}),
    properties: g.properties ?? {},
    geometry: geometry(g) as Geometry,
  });

  const features = object.type === 'GeometryCollection' ? (object.geometries ?? []).map(feature) : [feature(object)];
  return { type: 'FeatureCollection', features };
}

/** Arcs as absolute positions: quantized arcs are delta-encoded, then scaled. */
function decodeArcs(topo: Topology): Position[][] {
  const t = topo.transform;
  return topo.arcs.map((arc) => {
    if (!Array.isArray(arc)) throw new Error('an arc is not an array of positions');
    let x = 0;
    let y = 0;
    return arc.map((p) => {
      if (!Array.isArray(p) || p.length < 2) throw new Error('an arc has a malformed position');
      if (!t) return [Number(p[0]), Number(p[1])];
      x += Number(p[0]);
      y += Number(p[1]);
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
    });
  });
}

/** Point coordinates are quantized but not delta-encoded. */
function transformPoint(topo: Topology, p: unknown): Position {
  if (!Array.isArray(p) || p.length < 2) throw new Error('a point has malformed coordinates');
  const t = topo.transform;
  const [x, y] = [Number(p[0]), Number(p[1])];
  return t ? [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]] : [x, y];
}
