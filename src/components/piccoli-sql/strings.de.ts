import type { OutputStrings } from './output-strings.js';
import type { ChartChoice } from './chart.js';
import type { Strings } from './strings.js';

/** Everything the console says, in German: its own words and its result panel's. */
export default {
  editorLabel: 'SQL-Abfrage',
  run: 'Ausführen',
  runHint: 'Strg+Eingabe (⌘+Eingabe auf dem Mac); mit einer Auswahl wird nur diese ausgeführt',
  cancel: 'Abbrechen',
  examples: 'Beispiele',
  chooseExample: 'Beispiel wählen…',
  history: 'Verlauf',
  noHistory: 'Noch keine Abfrage ausgeführt.',
  schema: 'Tabellen',
  schemaLoading: 'Daten werden geladen…',
  insert: (name: string) => `${name} in die Abfrage einfügen`,
  columnsOf: (table: string) => `Spalten von ${table}`,
  running: 'Wird ausgeführt…',
  cancelled: 'Abfrage abgebrochen.',
  resultSummary: (rows: string, ms: string) => `${rows} Zeilen in ${ms} ms`,
  resultRow: (rows: string) => `${rows} Zeile`,
  errorAt: (line: number, col: number) => `Zeile ${line}, Spalte ${col}`,
  loadError: 'Die Beispieldaten konnten nicht geladen werden:',
  editorError: 'Der Editor konnte nicht geladen werden; die Abfrage lässt sich trotzdem ausführen:',
  fromLink: 'Abfrage aus dem Link geladen: Ausführen drücken (Strg+Eingabe), um sie auszuführen.',
  fromHistory: 'Abfrage aus dem Verlauf geladen: Ausführen drücken (Strg+Eingabe), um sie auszuführen.',
  bundledFailed: (tables: string) => `Tabellen nicht geladen: ${tables} (bei der nächsten Ausführung erneut versucht)`,
  noRows: 'Die Abfrage hat keine Zeilen geliefert.',
  table: 'Tabelle',
  chart: 'Diagramm',
  chartKind: 'Diagrammtyp',
  bar: 'Balken',
  line: 'Linie',
  dot: 'Punkte',
  noChart: 'Kein Diagramm passt zu diesen Spalten (mindestens eine numerische Spalte ist nötig).',
  chartLoading: 'Diagramm wird vorbereitet…',
  chartTruncated: (n: string) => `Das Diagramm zeigt die ersten ${n} Zeilen.`,
  chartTitle: (c: ChartChoice) =>
    c.kind === 'bar' ? `${c.x} nach ${c.y}` : c.kind === 'line' ? `${c.y} im Zeitverlauf` : `${c.y} gegen ${c.x}`,
  chartSource: (from: string) => `Quelle: ${from}. Verarbeitet mit piccoli-dashboard.`,
  bundledSource: (tables: string) => `in piccoli-dashboard enthaltene Programmdaten (${tables})`,
  querySource: 'SQL-Abfrage der Konsole',
  downloadSvg: 'Diagramm herunterladen (SVG)',
  downloadPng: 'Diagramm herunterladen (PNG)',
  chartLabel: (c: ChartChoice) =>
    c.kind === 'bar'
      ? `Balkendiagramm von ${c.x} nach ${c.y}`
      : c.kind === 'line'
        ? `Liniendiagramm von ${c.y} im Zeitverlauf (${c.x})`
        : `Punktdiagramm von ${c.y} gegen ${c.x}`,
  chartCaption: (c: ChartChoice, points: string, shownBars?: string) =>
    c.kind === 'bar'
      ? `${c.x} nach ${c.y}: ${shownBars ? `die ${shownBars} längsten von ${points} Balken` : `${points} Balken`}, der längste zuerst.`
      : c.kind === 'line'
        ? `${c.y} im Zeitverlauf (${c.x}): ${points} Punkte.`
        : `${c.y} gegen ${c.x}: ${points} Punkte.`,
  exportCsvExcel: 'CSV für Excel herunterladen (;)',
  exportCsv: 'CSV herunterladen',
  exportArrow: 'Arrow herunterladen',
  exportParquet: 'Parquet herunterladen',
  copyTsv: 'Für eine Tabellenkalkulation kopieren',
  exportNote:
    "CSV und Kopie: Zellen, die mit = + - @ beginnen (außer Zahlen), erhalten ein vorangestelltes ', damit die Tabellenkalkulation sie nicht als Formeln ausführt.",
  copied: 'Kopiert.',
  copyFailed: 'Kopieren fehlgeschlagen: Der Browser erlaubt es nicht.',
  sortBy: (c: string) => `Nach ${c} sortieren`,
  resultsLabel: 'Ergebnisse',
  cellDetail: 'Vollständiger Wert',
  close: 'Schließen',
  limited: (shown: string, read: string, exact: boolean, cap: string) =>
    `${shown} von ${exact ? '' : 'mindestens '}${read} Zeilen angezeigt: Die Abfrage wurde angehalten, damit die Seite flüssig bleibt (Grenze: ${cap}).`,
  capRows: (n: string) => `${n} Zeilen`,
  saveFull: 'Alle Zeilen speichern (CSV)…',
  saveFullExcel: 'Alle Zeilen speichern (CSV für Excel)…',
  savingFull: 'Alle Zeilen werden gespeichert…',
  savedFull: (n: string) => `${n} Zeilen gespeichert.`,
  exportsLimited: 'Die Exporte enthalten nur die angezeigten Zeilen.',
  engineStarting: 'Daten-Engine wird gestartet…',
  engineDownload: (pct: string) => `Daten-Engine wird gestartet: ${pct}`,
} satisfies Strings & OutputStrings;
