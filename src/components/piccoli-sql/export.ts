import type { ArrowVectorLike } from './format/arrow.js';
import { formatCell } from './format/cell.js';

/** The parts of an apache-arrow Table the exports read. */
export interface ResultTableLike {
  numRows: number;
  schema: { fields: { name: string }[] };
  getChildAt(i: number): ArrowVectorLike | null;
}

/**
 * An Arrow table seen through the parts the console reads. Recognised by its methods,
 * not `instanceof`: two copies of apache-arrow can live on one page.
 */
export function resultTable(t: unknown): ResultTableLike {
  const x = t as Partial<ResultTableLike> | null;
  if (!x || typeof x.getChildAt !== 'function' || typeof x.numRows !== 'number' || !x.schema) {
    throw new TypeError(`invalid result: ${String(t)} is not an Arrow table`);
  }
  return x as ResultTableLike;
}

/** Row indexes in display order (after a sort), or 0..n-1. */
export type RowOrder = ArrayLike<number> | undefined;

function columns(t: ResultTableLike): ArrowVectorLike[] {
  return t.schema.fields.map((_, i) => t.getChildAt(i)!);
}

/** A value a spreadsheet reads as a number: `-3`, `+1.5`, `-12,5`, `.5`, `1e-7`. */
const PLAIN_NUMBER = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)([eE][+-]?\d+)?$/;

/**
 * A cell or header that cannot start a formula when a spreadsheet opens the file (OWASP
 * "CSV injection"): text starting with `=`, `+`, `-`, `@`, a tab, a carriage return or a
 * line feed gets a leading `'`, which spreadsheets read as "this is text". Text that is
 * exactly a number (`-3`, `-12.5`, `-12,5`, `+1e-7`) stays as it is: a spreadsheet reads
 * it as that number and runs nothing. Anything else starting so gets the quote: numbers
 * in a formula (`-3+4`), and values of other types (a negative INTERVAL, `-inf`).
 *
 * @example
 * neutraliseCell('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 * neutraliseCell('-12.5')                  // '-12.5'
 * neutraliseCell('-3+4')                   // "'-3+4"
 */
export function neutraliseCell(s: string): string {
  return /^[=+\-@\t\r\n]/.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

/**
 * RFC 4180 CSV with a header, values as DuckDB prints them. NULL is an empty field; an
 * empty string is `""`, so that a reader that tells them apart (DuckDB with
 * `allow_quoted_nulls = false`) gets both back. Cells and headers that a spreadsheet
 * would run as a formula get a leading `'` (neutraliseCell): for an exact copy of the
 * values, export Arrow or Parquet.
 */
export function toCSV(t: ResultTableLike, order?: RowOrder): string {
  const cols = columns(t);
  const quote = (s: string) => (s === '' || /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const field = (s: string | null) => (s === null ? '' : quote(neutraliseCell(s)));
  const lines = [t.schema.fields.map((f) => field(f.name)).join(',')];
  const n = t.numRows;
  for (let k = 0; k < n; k++) {
    const r = order ? order[k]! : k;
    lines.push(cols.map((c) => field(formatCell(c, r))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Tab-separated text for pasting into a spreadsheet: one line per row, tabs and newlines
 * inside values become spaces (spreadsheets split on them), NULL an empty cell. Cells and
 * headers that would start a formula get a leading `'` (neutraliseCell), judged before
 * the tabs and newlines become spaces.
 */
export function toTSV(t: ResultTableLike, order?: RowOrder): string {
  const cols = columns(t);
  const field = (s: string | null) => (s === null ? '' : neutraliseCell(s).replace(/[\t\r\n]+/g, ' '));
  const lines = [t.schema.fields.map((f) => field(f.name)).join('\t')];
  for (let k = 0; k < t.numRows; k++) {
    const r = order ? order[k]! : k;
    lines.push(cols.map((c) => field(formatCell(c, r))).join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The result as an Arrow IPC file, exactly the types DuckDB returned. apache-arrow is
 * imported when asked for: the element's own bundle does not carry its writer.
 */
export async function toArrowIPC(t: unknown): Promise<Uint8Array> {
  const { tableToIPC } = await import('apache-arrow');
  return tableToIPC(t as Parameters<typeof tableToIPC>[0], 'file');
}

/** A file name for an export: piccoli-query-2021-10-31T12-00-00.csv */
export function exportFileName(ext: string, now = new Date()): string {
  return `piccoli-query-${now.toISOString().slice(0, 19).replaceAll(':', '-')}.${ext}`;
}

/** Offer bytes or text as a download (an object URL on a temporary link). */
export function download(data: BlobPart, type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The download formats of the console. */
export type ExportKind = 'csv' | 'arrow' | 'parquet';

/**
 * Offer a result as a file: CSV in the order shown (`order`), Arrow and Parquet with
 * exactly DuckDB's types.
 */
export async function saveResult(kind: ExportKind, t: unknown, order?: RowOrder): Promise<void> {
  if (kind === 'csv') {
    download(toCSV(resultTable(t), order), 'text/csv;charset=utf-8', exportFileName('csv'));
  } else if (kind === 'parquet') {
    // parquet-wasm (already shipped as the Parquet reader), loaded on first use.
    const { arrowToParquet } = await import('../../data/parquet.js');
    const bytes = await arrowToParquet(t);
    download(bytes as BlobPart, 'application/vnd.apache.parquet', exportFileName('parquet'));
  } else {
    download((await toArrowIPC(t)) as BlobPart, 'application/vnd.apache.arrow.file', exportFileName('arrow'));
  }
}
