import type { Words } from '../../i18n/words.js';

/** Everything <piccoli-trend> says, in Italian: its first load carries no other language. */
const it = {
  loading: 'Caricamento dei dati…',
  loadingBytes: (pct: string) => `Caricamento dei dati: ${pct}`,
  startingEngine: (pct: string) => (pct ? `Avvio del motore dei dati: ${pct}` : 'Avvio del motore dei dati…'),
  italy: 'Italia',
  province: (n: string) => `Provincia di ${n}`,
  asOf: (d: string) => `Dati al ${d}`,
  trendOf: (what: string) => `Andamento nel tempo: ${what}`,
  counts: 'numero di enti per fase',
  shares: 'quota degli ammissibili per fase',
  chartLabel: (title: string, area: string) =>
    `${title}, ${area}: andamento nel tempo. Usa le frecce sinistra e destra per scorrere le date, Inizio e Fine per la prima e l’ultima.`,
  at: (date: string) => `Al ${date}`,
  ofEligible: (n: string, of: string) => `${n} su ${of}`,
  showTable: 'Mostra la tabella dei dati',
  hideTable: 'Nascondi la tabella dei dati',
  tableCaption: (title: string, area: string) => `${title}, ${area}: enti per fase a ogni data in cui un conteggio cambia`,
  date: 'Data',
  published: 'Dati pubblicati',
  publishedItem: (stage: string, n: string, date: string, source: string) => `${stage}: ${n} al ${date} (fonte: ${source})`,
  milestones: 'Tappe del programma',
  notActive: (where: string) => `Il programma non è attivo ${where}.`,
  inItaly: 'in Italia',
  inProvince: (n: string) => `in provincia di ${n}`,
  inArea: (n: string) => `in ${n}`,
  backToOwn: 'Ignora la selezione e torna all’area di questo riquadro',
  errorTitle: 'Impossibile mostrare l’andamento',
  cancel: 'Annulla',
  cancelled: 'Caricamento annullato.',
  retry: 'Riprova',
  /** Names of areas that differ in this language (src/i18n/places.ts): none in Italian. */
  places: {} as Record<string, string>,
};

export type Strings = typeof it;

/** The trend's words: Italian at hand; English, German and French fetched when an element speaks them. */
export const STRINGS: Words<Strings> = {
  name: 'piccoli-trend',
  it,
  other: {
    en: () => import('./strings.en.js'),
    de: () => import('./strings.de.js'),
    fr: () => import('./strings.fr.js'),
  },
};
