import type { Coordinator } from '../../query/coordinator.js';
import { CSV_PLAIN, type CsvFormat } from '../download/csv.js';
import { exportFileName, resultTable, toCSV } from './export.js';

/** The File System Access API's picker (Chromium): a file the page writes as rows arrive. */
type SaveFilePicker = (options: {
  suggestedName?: string;
  types?: { description: string; accept: Record<string, string[]> }[];
}) => Promise<FileSystemFileHandle>;

function savePicker(): SaveFilePicker | undefined {
  const w = globalThis as unknown as { showSaveFilePicker?: SaveFilePicker };
  return typeof w.showSaveFilePicker === 'function' ? w.showSaveFilePicker.bind(globalThis) : undefined;
}

/**
 * Whether the browser lets the console write a whole result to a file batch by batch.
 * Elsewhere, exports hold only the rows the console keeps.
 */
export function canSaveFullResult(): boolean {
  return savePicker() !== undefined;
}

/**
 * Run `sql` again and write all its rows as CSV to a file the reader picks, batch by
 * batch as DuckDB produces them: the tab never holds more than one batch. The run has
 * the console's time limit. Resolves with the number of rows written; a cancelled
 * picker rejects with the browser's AbortError, and a failed run leaves no file behind.
 * `format`: plain CSV, or Italian Excel's (`CSV_EXCEL_IT`, whose byte order mark is
 * written once, at the start).
 */
export async function saveFullResult(
  coordinator: Coordinator,
  sql: string,
  signal?: AbortSignal,
  format: CsvFormat = CSV_PLAIN,
): Promise<number> {
  const picker = savePicker();
  if (!picker) throw new TypeError('showSaveFilePicker is not available in this browser');
  const suggestedName = exportFileName('csv', new Date(), format.bom ? 'excel' : '');
  const handle = await picker({ suggestedName, types: [{ description: 'CSV', accept: { 'text/csv': ['.csv'] } }] });
  const file = await handle.createWritable();
  const { Table } = await import('apache-arrow');
  const f = { ...format, bom: false };
  const csvOf = (t: unknown) => toCSV(resultTable(t), undefined, f);
  let rows = 0;
  let header: string | undefined;
  try {
    if (format.bom) await file.write('\ufeff');
    const { table } = await coordinator.sql(sql, {
      signal,
      onBatch: async (batch) => {
        const csv = csvOf(new Table(batch));
        // The header once, on the first batch.
        await file.write(header === undefined ? csv : csv.slice(header.length));
        header ??= csvOf(new Table(batch.schema));
        rows += batch.numRows;
      },
    });
    if (header === undefined) await file.write(csvOf(table)); // no rows: the header alone
    await file.close();
  } catch (e) {
    await file.abort().catch(() => undefined);
    throw e;
  }
  return rows;
}
