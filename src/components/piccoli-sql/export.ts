import { CSV_EXCEL_IT, CSV_PLAIN, neutraliseCell, writeCsv, type CsvFormat } from '../download/csv.js';
import { download } from '../download/file.js';
import { T, type ArrowVectorLike } from './format/arrow.js';
import { formatCell } from './format/cell.js';

export { neutraliseCell } from '../download/csv.js';
export { download } from '../download/file.js';

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

/** Arrow types whose values DuckDB prints as plain numbers (INTEGER, DOUBLE, DECIMAL …): written in the CSV's number style. */
const NUMERIC = new Set<number>([T.Int, T.Float, T.Decimal]);

/**
 * CSV with a header, values as DuckDB prints them (download/csv.ts `writeCsv`): RFC 4180
 * by default, or Italian Excel's (`CSV_EXCEL_IT`: `;`, decimal comma, BOM), where the
 * numeric columns are written 1.234,5 digit for digit. NULL is an empty field; an empty
 * string is `""`, so that a reader that tells them apart (DuckDB with
 * `allow_quoted_nulls = false`) gets both back. Cells and headers that a spreadsheet
 * would run as a formula get a leading `'` (neutraliseCell): for an exact copy of the
 * values, export Arrow or Parquet.
 */
export function toCSV(t: ResultTableLike, order?: RowOrder, format: CsvFormat = CSV_PLAIN): string {
  const cols = columns(t);
  function* rows(): Generator<(string | null)[]> {
    for (let k = 0; k < t.numRows; k++) {
      const r = order ? order[k]! : k;
      yield cols.map((c) => formatCell(c, r));
    }
  }
  return writeCsv(
    { header: t.schema.fields.map((f) => f.name), numeric: cols.map((c) => NUMERIC.has(c.type.typeId)), rows: rows() },
    format,
  );
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

/** A file name for an export: piccoli-query-2021-10-31T12-00-00.csv (`-excel` before the extension with that suffix). */
export function exportFileName(ext: string, now = new Date(), suffix = ''): string {
  return `piccoli-query-${now.toISOString().slice(0, 19).replaceAll(':', '-')}${suffix && `-${suffix}`}.${ext}`;
}

/** The download formats of the console: CSV (plain, or for Italian Excel), Arrow, Parquet. */
export type ExportKind = 'csv' | 'csv-excel' | 'arrow' | 'parquet';

/**
 * Offer a result as a file: CSV in the order shown (`order`), plain or for Italian Excel;
 * Arrow and Parquet with exactly DuckDB's types.
 */
export async function saveResult(kind: ExportKind, t: unknown, order?: RowOrder): Promise<void> {
  if (kind === 'csv') {
    download(toCSV(resultTable(t), order), 'text/csv;charset=utf-8', exportFileName('csv'));
  } else if (kind === 'csv-excel') {
    download(toCSV(resultTable(t), order, CSV_EXCEL_IT), 'text/csv;charset=utf-8', exportFileName('csv', new Date(), 'excel'));
  } else if (kind === 'parquet') {
    // parquet-wasm (already shipped as the Parquet reader), loaded on first use.
    const { arrowToParquet } = await import('../../data/parquet.js');
    const bytes = await arrowToParquet(t);
    download(bytes as BlobPart, 'application/vnd.apache.parquet', exportFileName('parquet'));
  } else {
    download((await toArrowIPC(t)) as BlobPart, 'application/vnd.apache.arrow.file', exportFileName('arrow'));
  }
}
