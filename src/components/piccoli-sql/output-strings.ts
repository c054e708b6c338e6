import type { ConsoleLang as Lang } from './strings.js';
import type { ChartChoice } from './chart.js';

/** What the result's tabs, table, chart and exports say (loaded with them, after the console's first paint). */
export const OUTPUT_STRINGS = {
  it: {
    noRows: 'La query non ha restituito righe.',
    table: 'Tabella',
    chart: 'Grafico',
    chartKind: 'Tipo di grafico',
    bar: 'Barre',
    line: 'Linea',
    dot: 'Punti',
    noChart: 'Nessun grafico adatto a queste colonne (serve almeno una colonna numerica).',
    chartLoading: 'Preparazione del grafico…',
    chartTruncated: (n: string) => `Il grafico mostra le prime ${n} righe.`,
    chartTitle: (c: ChartChoice) =>
      c.kind === 'bar' ? `${c.x} per ${c.y}` : c.kind === 'line' ? `${c.y} nel tempo` : `${c.y} rispetto a ${c.x}`,
    chartSource: (from: string) => `Fonte: ${from}. Elaborazione con piccoli-dashboard.`,
    bundledSource: (tables: string) => `dati dei programmi inclusi in piccoli-dashboard (${tables})`,
    querySource: 'query SQL della console',
    downloadSvg: 'Scarica il grafico (SVG)',
    downloadPng: 'Scarica il grafico (PNG)',
    chartLabel: (c: ChartChoice) =>
      c.kind === 'bar'
        ? `Grafico a barre di ${c.x} per ${c.y}`
        : c.kind === 'line'
          ? `Grafico a linea di ${c.y} nel tempo (${c.x})`
          : `Grafico a punti di ${c.y} rispetto a ${c.x}`,
    chartCaption: (c: ChartChoice, points: string, shownBars?: string) =>
      c.kind === 'bar'
        ? `${c.x} per ${c.y}: ${shownBars ? `le ${shownBars} barre più lunghe su ${points}` : `${points} barre`}, dalla più lunga.`
        : c.kind === 'line'
          ? `${c.y} nel tempo (${c.x}): ${points} punti.`
          : `${c.y} rispetto a ${c.x}: ${points} punti.`,
    exportCsvExcel: 'Scarica CSV per Excel (;)',
    exportCsv: 'Scarica CSV',
    exportArrow: 'Scarica Arrow',
    exportParquet: 'Scarica Parquet',
    copyTsv: 'Copia per foglio di calcolo',
    exportNote:
      "CSV e copia: le celle che iniziano con = + - @ (tranne i numeri) sono precedute da ' perché il foglio di calcolo non le esegua come formule.",
    copied: 'Copiato.',
    copyFailed: 'Copia non riuscita: il browser non lo consente.',
    sortBy: (c: string) => `Ordina per ${c}`,
    resultsLabel: 'Risultati',
    cellDetail: 'Valore completo',
    close: 'Chiudi',
    limited: (shown: string, read: string, exact: boolean, cap: string) =>
      `Mostrate ${shown} righe di ${exact ? '' : 'almeno '}${read}: la query è stata fermata per non appesantire la pagina (limite: ${cap}).`,
    capRows: (n: string) => `${n} righe`,
    saveFull: 'Salva tutte le righe (CSV)…',
    savingFull: 'Salvataggio di tutte le righe…',
    savedFull: (n: string) => `Salvate ${n} righe.`,
    exportsLimited: 'Le esportazioni comprendono solo le righe mostrate.',
  },
  en: {
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
    savingFull: 'Saving all rows…',
    savedFull: (n: string) => `${n} rows saved.`,
    exportsLimited: 'Exports hold only the rows shown.',
  },
} satisfies Record<Lang, Record<string, unknown>>;
