import type { OutputStrings } from './output-strings.js';
import type { ChartChoice } from './chart.js';
import type { Strings } from './strings.js';

/** Everything the console says, in English: its own words and its result panel's. */
export default {
  editorLabel: 'SQL query',
  run: 'Run',
  runHint: 'Ctrl+Enter (⌘+Enter on Mac); with a selection, runs only that',
  cancel: 'Cancel',
  examples: 'Examples',
  chooseExample: 'Choose an example…',
  history: 'History',
  noHistory: 'No queries run yet.',
  schema: 'Tables',
  schemaLoading: 'Loading data…',
  insert: (name: string) => `Insert ${name} into the query`,
  columnsOf: (table: string) => `Columns of ${table}`,
  running: 'Running…',
  cancelled: 'Query cancelled.',
  resultSummary: (rows: string, ms: string) => `${rows} rows in ${ms} ms`,
  resultRow: (rows: string) => `${rows} row`,
  errorAt: (line: number, col: number) => `line ${line}, column ${col}`,
  loadError: 'The sample data could not be loaded:',
  editorError: 'The editor could not be loaded; the query can still be run:',
  fromLink: 'Query from the link loaded: press Run (Ctrl+Enter) to run it.',
  fromHistory: 'Query from the history loaded: press Run (Ctrl+Enter) to run it.',
  bundledFailed: (tables: string) => `Tables not loaded: ${tables} (tried again at the next run)`,
  noRows: 'The query returned no rows.',
  table: 'Table',
  chart: 'Chart',
  chartKind: 'Chart type',
  bar: 'Bars',
  line: 'Line',
  dot: 'Dots',
  noChart: 'No chart fits these columns (at least one numeric column is needed).',
  chartLoading: 'Preparing the chart…',
  chartTruncated: (n: string) => `The chart shows the first ${n} rows.`,
  chartTitle: (c: ChartChoice) =>
    c.kind === 'bar' ? `${c.x} by ${c.y}` : c.kind === 'line' ? `${c.y} over time` : `${c.y} against ${c.x}`,
  chartSource: (from: string) => `Source: ${from}. Processed with piccoli-dashboard.`,
  bundledSource: (tables: string) => `programme data bundled with piccoli-dashboard (${tables})`,
  querySource: 'SQL query of the console',
  downloadSvg: 'Download the chart (SVG)',
  downloadPng: 'Download the chart (PNG)',
  chartLabel: (c: ChartChoice) =>
    c.kind === 'bar'
      ? `Bar chart of ${c.x} by ${c.y}`
      : c.kind === 'line'
        ? `Line chart of ${c.y} over time (${c.x})`
        : `Dot chart of ${c.y} against ${c.x}`,
  chartCaption: (c: ChartChoice, points: string, shownBars?: string) =>
    c.kind === 'bar'
      ? `${c.x} by ${c.y}: ${shownBars ? `the ${shownBars} longest of ${points} bars` : `${points} bars`}, longest first.`
      : c.kind === 'line'
        ? `${c.y} over time (${c.x}): ${points} points.`
        : `${c.y} against ${c.x}: ${points} points.`,
  exportCsvExcel: 'Download CSV for Italian Excel (;)',
  exportCsv: 'Download CSV',
  exportArrow: 'Download Arrow',
  exportParquet: 'Download Parquet',
  copyTsv: 'Copy for a spreadsheet',
  exportNote:
    "CSV and copy: cells starting with = + - @ (numbers aside) get a leading ' so that a spreadsheet does not run them as formulas.",
  copied: 'Copied.',
  copyFailed: 'Copy failed: the browser does not allow it.',
  sortBy: (c: string) => `Sort by ${c}`,
  resultsLabel: 'Results',
  cellDetail: 'Full value',
  close: 'Close',
  limited: (shown: string, read: string, exact: boolean, cap: string) =>
    `Showing ${shown} rows of ${exact ? '' : 'at least '}${read}: the query was stopped to keep the page responsive (limit: ${cap}).`,
  capRows: (n: string) => `${n} rows`,
  saveFull: 'Save all rows (CSV)…',
  saveFullExcel: 'Save all rows (CSV for Excel)…',
  savingFull: 'Saving all rows…',
  savedFull: (n: string) => `${n} rows saved.`,
  exportsLimited: 'Exports hold only the rows shown.',
  engineStarting: 'Starting the data engine…',
  engineDownload: (pct: string) => `Starting the data engine: ${pct}`,
} satisfies Strings & OutputStrings;
