import type { Lang } from '../../i18n/index.js';
import { words, type Words } from '../../i18n/words.js';

/** What the console says, in Italian: its first load carries no other language. */
const it = {
  editorLabel: 'Query SQL',
  run: 'Esegui',
  runHint: 'Ctrl+Invio (⌘+Invio su Mac); con una selezione esegue solo quella',
  cancel: 'Interrompi',
  examples: 'Esempi',
  chooseExample: 'Scegli un esempio…',
  history: 'Cronologia',
  noHistory: 'Nessuna query eseguita finora.',
  schema: 'Tabelle',
  schemaLoading: 'Caricamento dei dati…',
  insert: (name: string) => `Inserisci ${name} nella query`,
  columnsOf: (table: string) => `Colonne di ${table}`,
  running: 'Esecuzione in corso…',
  cancelled: 'Query interrotta.',
  resultSummary: (rows: string, ms: string) => `${rows} righe in ${ms} ms`,
  resultRow: (rows: string) => `${rows} riga`,
  errorAt: (line: number, col: number) => `riga ${line}, colonna ${col}`,
  loadError: 'Non è stato possibile caricare i dati di esempio:',
  editorError: "Non è stato possibile caricare l'editor; la query si può ancora eseguire:",
  fromLink: 'Query dal link caricata: premi Esegui (Ctrl+Invio) per eseguirla.',
  fromHistory: 'Query dalla cronologia caricata: premi Esegui (Ctrl+Invio) per eseguirla.',
  bundledFailed: (tables: string) => `Tabelle non caricate: ${tables} (si riprova alla prossima esecuzione)`,
};

export type Strings = typeof it;

/**
 * The console's words: Italian at hand; English, German and French fetched when a console
 * speaks them, each one file with the result panel's words too (output-strings.ts, whose
 * OUTPUT_STRINGS shares these fetches: the console's language, once here, is its panel's).
 */
export const STRINGS: Words<Strings> = {
  name: 'piccoli-sql',
  it,
  other: {
    en: () => import('./strings.en.js'),
    de: () => import('./strings.de.js'),
    fr: () => import('./strings.fr.js'),
  },
  got: {},
  loading: {},
};

/** The console's words in `lang`, once loaded (the console loads them before it shows its parts); Italian until then. */
export function consoleWords(lang: Lang): Strings {
  return words(STRINGS, lang) ?? it;
}
