import { PLACES_DE } from '../../i18n/places.js';
import type { Strings } from './strings.js';

/** Everything <piccoli-progress> says, in German. */
export default {
  loading: 'Daten werden geladen…',
  loadingBytes: (pct: string) => `Daten werden geladen: ${pct}`,
  startingEngine: (pct: string) => (pct ? `Daten-Engine wird gestartet: ${pct}` : 'Daten-Engine wird gestartet…'),
  stage: 'Phase',
  entities: { comune: 'Gemeinden', provincia: 'Provinzen' },
  ofPrevious: 'der vorherigen Phase',
  ofEligible: 'aller Berechtigten',
  ofPreviousShort: '% vorh. Phase',
  ofEligibleShort: '% Berechtigte',
  asOf: (d: string) => `Stand: ${d}`,
  italy: 'Italien',
  // Südtirol: the Autonome Provinz Bozen – Südtirol, by its official German name.
  province: (n: string) => (n === 'Südtirol' ? 'Autonome Provinz Bozen – Südtirol' : n.startsWith('Valle d') ? n : `Provinz ${n}`),
  region: (n: string) => n,
  tableCaption: (title: string, area: string, date: string) => `${title}, ${area}: Fortschritt nach Phase, ${date}`,
  notStarted: (start: string) => `Das Programm begann am ${start}: An diesem Tag nahm noch keine Körperschaft daran teil.`,
  empty: (area: string, date: string) => `${area}: Am ${date} war noch keine Körperschaft dem Programm beigetreten.`,
  notActive: (inArea: string) => `Das Programm ist ${inArea} nicht aktiv.`,
  inItaly: 'in Italien',
  inProvince: (n: string) => (n === 'Südtirol' || n.startsWith('Valle d') ? `in ${n}` : `in der Provinz ${n}`),
  inRegion: (n: string) => `in ${n}`,
  forEntity: (n: string) => `für ${n}`,
  backToOwn: 'Auswahl ignorieren und das eigene Gebiet dieses Feldes zeigen',
  errorTitle: 'Die Daten können nicht angezeigt werden',
  cancel: 'Abbrechen',
  cancelled: 'Laden abgebrochen.',
  retry: 'Erneut versuchen',
  compared: (date: string) => `Vergleich, Anteil der Berechtigten am ${date}:`,
  compareFailed: 'Der Vergleich ist nicht verfügbar.',
  places: PLACES_DE,
} satisfies Strings;
