import type { MapGeometry, MapShape } from './types.js';

/**
 * The provincial tile-grid map: every province an equal square, placed roughly where it
 * lies. The layout is data (data/province-tiles.json, documented in
 * data/PROVINCE-TILES.md); this turns it into shapes.
 */
export interface TileLayout {
  columns: number;
  rows: number;
  tiles: { code: string; sigla: string; col: number; row: number }[];
}

import { TILE, TILE_GAP } from './tile-grid.js';

export { TILE, TILE_GAP, TILE_GRID } from './tile-grid.js';

/** Check a layout and turn it into shapes; throws naming the first problem. */
export function tileGeometry(layout: TileLayout): MapGeometry {
  if (!layout || !Array.isArray(layout.tiles) || !(layout.columns > 0) || !(layout.rows > 0)) {
    throw new Error('province tiles: expected { columns, rows, tiles: [...] }');
  }
  const seen = new Set<string>();
  const step = TILE + TILE_GAP;
  const shapes: MapShape[] = layout.tiles.map((t) => {
    const cell = `${t.col},${t.row}`;
    if (!/^\d{3}$/.test(t.code)) throw new Error(`province tiles: bad code ${JSON.stringify(t.code)}`);
    if (seen.has(t.code) || seen.has(cell)) throw new Error(`province tiles: ${t.code} repeats a code or cell (${cell})`);
    if (!(t.col >= 0 && t.col < layout.columns && t.row >= 0 && t.row < layout.rows)) {
      throw new Error(`province tiles: ${t.code} lies outside the grid`);
    }
    seen.add(t.code).add(cell);
    const x = t.col * step + TILE_GAP / 2;
    const y = t.row * step + TILE_GAP / 2;
    return { code: t.code, name: t.sigla, kind: 'tile', x, y, size: TILE, label: t.sigla, centre: [x + TILE / 2, y + TILE / 2] };
  });
  shapes.sort((a, b) => a.code.localeCompare(b.code));
  return { level: 'province', viewBox: [0, 0, layout.columns * step, layout.rows * step], shapes };
}
