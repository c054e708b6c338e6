/** What the map views draw: shapes keyed by ISTAT code, in one SVG coordinate box. */

export type MapLevel = 'region' | 'province' | 'comune';

export interface MapShape {
  /** ISTAT code: 2 digits (region), 3 (province) or 6 (comune). */
  code: string;
  /** Name to show when the data has none. */
  name: string;
  kind: 'path' | 'tile';
  /** SVG path data (kind 'path'). */
  d?: string;
  /** Top-left corner and side of a tile (kind 'tile'). */
  x?: number;
  y?: number;
  size?: number;
  /** Short text drawn on a tile (the province sigla). */
  label?: string;
  /** A point inside the shape: where arrows move focus from and to. */
  centre: [number, number];
}

export interface MapGeometry {
  level: MapLevel;
  viewBox: [number, number, number, number];
  shapes: MapShape[];
}

/** One area's numbers, as the metric query returns them. */
export interface AreaDatum {
  code: string;
  name: string;
  /** Entities eligible in the area (stage 0). */
  eligible: number;
  /** Entities that reached the metric's stage by the date. */
  reached: number;
  /** What is coloured: `reached`, or `reached / eligible` for a share. */
  value: number;
}
