/**
 * The tile grid's measures, known before its layout loads: what a map's loading skeleton
 * is sized with (no element's first load needs the layout code in tiles.ts).
 */

/** Side of a tile and the gap between tiles, in SVG units. */
export const TILE = 40;
export const TILE_GAP = 2;
/** Columns and rows of data/province-tiles.json (a test checks them against the file). */
export const TILE_GRID = { columns: 13, rows: 15 } as const;
