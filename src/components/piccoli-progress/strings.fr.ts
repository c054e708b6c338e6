import { PLACES_FR } from '../../i18n/places.js';
import type { Strings } from './strings.js';

/** "de Piacenza", "d’Asti". */
const of = (n: string) => (/^[aeioué]/i.test(n) ? `d’${n}` : `de ${n}`);

/** Everything <piccoli-progress> says, in French. */
export default {
  loading: 'Chargement des données…',
  loadingBytes: (pct: string) => `Chargement des données\u00a0: ${pct}`,
  startingEngine: (pct: string) => (pct ? `Démarrage du moteur de données\u00a0: ${pct}` : 'Démarrage du moteur de données…'),
  stage: 'Étape',
  entities: { comune: 'Communes', provincia: 'Provinces' },
  ofPrevious: 'de l’étape précédente',
  ofEligible: 'de tous les éligibles',
  ofPreviousShort: '% étape préc.',
  ofEligibleShort: '% éligibles',
  asOf: (d: string) => `Données au ${d}`,
  italy: 'Italie',
  // The Vallée d'Aoste is a region with one province, named as the region.
  province: (n: string) => (n === "Vallée d'Aoste" ? n : `Province ${of(n)}`),
  region: (n: string) => n,
  tableCaption: (title: string, area: string, date: string) => `${title}, ${area}\u00a0: avancement par étape, ${date}`,
  notStarted: (start: string) => `Le programme a commencé le ${start}\u00a0: à cette date, aucune collectivité n’y participait encore.`,
  empty: (area: string, date: string) => `${area}\u00a0: aucune collectivité n’avait encore adhéré au programme au ${date}.`,
  notActive: (inArea: string) => `Le programme n’est pas actif ${inArea}.`,
  inItaly: 'en Italie',
  inProvince: (n: string) => (n === "Vallée d'Aoste" ? `en ${n}` : `dans la province ${of(n)}`),
  inRegion: (n: string) => `en ${n}`,
  forEntity: (n: string) => `pour ${n}`,
  backToOwn: 'Ignorer la sélection et revenir à la zone de ce cadre',
  errorTitle: 'Impossible d’afficher les données',
  cancel: 'Annuler',
  cancelled: 'Chargement annulé.',
  retry: 'Réessayer',
  compared: (date: string) => `Comparaison, part des éligibles au ${date}\u00a0:`,
  compareFailed: 'La comparaison n’est pas disponible.',
  places: PLACES_FR,
} satisfies Strings;
