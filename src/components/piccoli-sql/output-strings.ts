import type { Lang } from '../../i18n/index.js';
import { words, type Words } from '../../i18n/words.js';
import { STRINGS } from './strings.js';
import type { ChartChoice } from './chart.js';

/**
 * What the result's tabs, table, chart and exports say, and the engine's start, in Italian
 * (loaded with them, after the console's first paint).
 */
const it = {
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
  saveFullExcel: 'Salva tutte le righe (CSV per Excel)…',
  savingFull: 'Salvataggio di tutte le righe…',
  savedFull: (n: string) => `Salvate ${n} righe.`,
  exportsLimited: 'Le esportazioni comprendono solo le righe mostrate.',
  engineStarting: 'Avvio del motore dei dati…',
  engineDownload: (pct: string) => `Avvio del motore dei dati: ${pct}`,
};

export type OutputStrings = typeof it;

/**
 * The result panel's words: the other languages are in the console's language files
 * (strings.<lang>.ts), fetched once for both: this shares the console's fetches and
 * tables (STRINGS), so a console that speaks a language has its panel's words too.
 */
export const OUTPUT_STRINGS: Words<OutputStrings> = {
  name: 'piccoli-sql',
  it,
  // The language files hold both tables' keys (test/browser/i18n/languages.test.ts compares them).
  other: STRINGS.other as unknown as Words<OutputStrings>['other'],
  got: STRINGS.got as unknown as Words<OutputStrings>['got'],
  loading: STRINGS.loading,
};

/** The result panel's words in `lang`, once loaded (the console loads them with the panel); Italian until then. */
export function outputWords(lang: Lang): OutputStrings {
  return words(OUTPUT_STRINGS, lang) ?? it;
}
