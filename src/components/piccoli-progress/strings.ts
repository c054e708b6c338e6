import type { Words } from '../../i18n/words.js';

/** Everything <piccoli-progress> says, in Italian: its first load carries no other language. */
const it = {
  loading: 'Caricamento dei dati…',
  loadingBytes: (pct: string) => `Caricamento dei dati: ${pct}`,
  startingEngine: (pct: string) => (pct ? `Avvio del motore dei dati: ${pct}` : 'Avvio del motore dei dati…'),
  stage: 'Fase',
  entities: { comune: 'Comuni', provincia: 'Province' },
  ofPrevious: 'della fase precedente',
  ofEligible: 'degli ammissibili',
  ofPreviousShort: '% fase prec.',
  ofEligibleShort: '% ammissibili',
  asOf: (d: string) => `Dati al ${d}`,
  italy: 'Italia',
  province: (n: string) => `Provincia di ${n}`,
  region: (n: string) => n,
  tableCaption: (title: string, area: string, date: string) => `${title}, ${area}: avanzamento per fase, ${date}`,
  notStarted: (start: string) => `Il programma è iniziato il ${start}: a questa data nessun ente vi partecipava ancora.`,
  empty: (area: string, date: string) => `Nessun ente ha ancora aderito al programma in ${area} al ${date}.`,
  notActive: (inArea: string) => `Il programma non è attivo ${inArea}.`,
  inItaly: 'in Italia',
  inProvince: (n: string) => `in provincia di ${n}`,
  inRegion: (n: string) => `in ${n}`,
  forEntity: (n: string) => `per ${n}`,
  backToOwn: 'Ignora la selezione e torna all’area di questo riquadro',
  errorTitle: 'Impossibile mostrare i dati',
  cancel: 'Annulla',
  cancelled: 'Caricamento annullato.',
  retry: 'Riprova',
  compared: (date: string) => `Confronto, quota degli ammissibili al ${date}:`,
  compareFailed: 'Il confronto non è disponibile.',
  /** Names of areas that differ in this language (src/i18n/places.ts): none in Italian. */
  places: {} as Record<string, string>,
};

export type Strings = typeof it;

/** The funnel's words: Italian at hand; English, German and French fetched when an element speaks them. */
export const STRINGS: Words<Strings> = {
  name: 'piccoli-progress',
  it,
  other: {
    en: () => import('./strings.en.js'),
    de: () => import('./strings.de.js'),
    fr: () => import('./strings.fr.js'),
  },
};
