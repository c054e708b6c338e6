import { PLACES_DE } from '../../i18n/places.js';
import type { Strings } from './strings.js';

/** Everything <piccoli-trend> says, in German. */
export default {
  loading: 'Daten werden geladen…',
  loadingBytes: (pct: string) => `Daten werden geladen: ${pct}`,
  startingEngine: (pct: string) => (pct ? `Daten-Engine wird gestartet: ${pct}` : 'Daten-Engine wird gestartet…'),
  italy: 'Italien',
  // Südtirol: the Autonome Provinz Bozen – Südtirol, by its official German name.
  province: (n: string) => (n === 'Südtirol' ? 'Autonome Provinz Bozen – Südtirol' : n.startsWith('Valle d') ? n : `Provinz ${n}`),
  asOf: (d: string) => `Stand: ${d}`,
  trendOf: (what: string) => `Verlauf: ${what}`,
  counts: 'Körperschaften je Phase',
  shares: 'Anteil der Berechtigten je Phase',
  chartLabel: (title: string, area: string) =>
    `${title}, ${area}: Verlauf. Mit den Pfeiltasten links und rechts durch die Daten blättern, mit Pos1 und Ende zum ersten und letzten.`,
  at: (date: string) => `Am ${date}`,
  ofEligible: (n: string, of: string) => `${n} von ${of}`,
  showTable: 'Datentabelle anzeigen',
  hideTable: 'Datentabelle ausblenden',
  tableCaption: (title: string, area: string) => `${title}, ${area}: Körperschaften je Phase an jedem Tag, an dem sich eine Zahl ändert`,
  date: 'Datum',
  published: 'Veröffentlichte Zahlen',
  publishedItem: (stage: string, n: string, date: string, source: string) => `${stage}: ${n} am ${date} (Quelle: ${source})`,
  milestones: 'Etappen des Programms',
  notActive: (where: string) => `Das Programm ist ${where} nicht aktiv.`,
  inItaly: 'in Italien',
  inProvince: (n: string) => (n === 'Südtirol' || n.startsWith('Valle d') ? `in ${n}` : `in der Provinz ${n}`),
  inArea: (n: string) => `in ${n}`,
  backToOwn: 'Auswahl ignorieren und das eigene Gebiet dieses Feldes zeigen',
  errorTitle: 'Der Verlauf kann nicht angezeigt werden',
  cancel: 'Abbrechen',
  cancelled: 'Laden abgebrochen.',
  retry: 'Erneut versuchen',
  places: PLACES_DE,
} satisfies Strings;
