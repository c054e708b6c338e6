/**
 * How wide the results table draws each column: text columns (and the other columns shown
 * as text: lists, structs, blobs) as wide as their longest value among a sample of rows,
 * measured in the cells' font, capped; the other kinds at a width their values fit; every
 * column at least as wide as its header's name and type.
 */
import type { ArrowVectorLike } from './format/arrow.js';
import { formatCell } from './format/cell.js';
import type { ColumnKind } from './format/kind.js';

/** No column is drawn wider: a longer value ends in «…» (a double click shows it whole). */
export const MAX_TEXT_WIDTH = 480;
/** Nor narrower than this. */
export const MIN_WIDTH = 72;
/** Rows measured: the first ones and as many spread over the rest. */
const SAMPLE = 200;
/** A cell's horizontal padding (0.5rem on each side) and border, in px at a 16 px rem. */
const PAD = 18;

/** Measures text in a font (a canvas's 2D context; a rough estimate where there is none). */
export type Measure = (text: string, font: string) => number;

export function canvasMeasure(): Measure {
  const ctx = document.createElement('canvas').getContext('2d');
  return (text, font) => {
    if (!ctx) return text.length * 8;
    ctx.font = font;
    return ctx.measureText(text).width;
  };
}

/** The rows measured of `n`: the first SAMPLE and SAMPLE spread evenly over the rest. */
export function sampleRows(n: number): number[] {
  const rows: number[] = [];
  for (let r = 0; r < Math.min(n, SAMPLE); r++) rows.push(r);
  if (n > SAMPLE) for (let k = 0; k < SAMPLE; k++) rows.push(SAMPLE + Math.floor((k * (n - SAMPLE)) / SAMPLE));
  return rows;
}

/** The fonts of the table: a cell's value, a header's name, a header's type (output-panel.styles.ts). */
export interface TableFonts {
  cell: string;
  name: string;
  type: string;
}

/** The fonts as the console's styles set them on `el` (its mono and body families, its rem). */
export function tableFonts(el: Element): TableFonts {
  const cs = getComputedStyle(el);
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const mono = cs.getPropertyValue('--_mono').trim() || 'monospace';
  const body = cs.fontFamily || 'sans-serif';
  return { cell: `${0.8125 * rem}px ${mono}`, name: `600 ${0.8125 * rem}px ${body}`, type: `${0.6875 * rem}px ${mono}` };
}

/**
 * Each column's width in px.
 *
 * @example
 * columnWidths(vectors, kinds, names, types, n, tableFonts(el), canvasMeasure()) // [212, 130, …]
 */
export function columnWidths(
  vectors: ArrowVectorLike[],
  kinds: ColumnKind[],
  names: string[],
  types: string[],
  rows: number,
  fonts: TableFonts,
  measure: Measure,
): number[] {
  const sample = sampleRows(rows);
  return vectors.map((v, c) => {
    const kind = kinds[c]!;
    const header = Math.max(measure(names[c]!, fonts.name) + 12, measure(types[c]!, fonts.type)) + PAD;
    let content: number;
    if (kind === 'text' || kind === 'other') {
      content = 0;
      for (const r of sample) {
        const text = formatCell(v, r);
        // NULL is a short mark; longer text than the cap can show need not be measured in full.
        content = Math.max(content, text === null ? 40 : measure(text.slice(0, 200), fonts.cell));
      }
      content += PAD;
    } else content = kind === 'temporal' ? 200 : kind === 'boolean' ? 72 : 130;
    return Math.round(Math.min(MAX_TEXT_WIDTH, Math.max(MIN_WIDTH, header, content)));
  });
}
