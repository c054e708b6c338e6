import { PLACES_FR } from '../../i18n/places.js';
import type { Strings } from './strings.js';

/** "de Piacenza", "d’Asti". */
const of = (n: string) => (/^[aeioué]/i.test(n) ? `d’${n}` : `de ${n}`);

/** Everything <piccoli-trend> says, in French. */
export default {
  loading: 'Chargement des données…',
  loadingBytes: (pct: string) => `Chargement des données\u00a0: ${pct}`,
  startingEngine: (pct: string) => (pct ? `Démarrage du moteur de données\u00a0: ${pct}` : 'Démarrage du moteur de données…'),
  italy: 'Italie',
  // The Vallée d'Aoste is a region with one province, named as the region.
  province: (n: string) => (n === "Vallée d'Aoste" ? n : `Province ${of(n)}`),
  asOf: (d: string) => `Données au ${d}`,
  trendOf: (what: string) => `Évolution dans le temps\u00a0: ${what}`,
  counts: 'collectivités par étape',
  shares: 'part des éligibles par étape',
  chartLabel: (title: string, area: string) =>
    `${title}, ${area}\u00a0: évolution dans le temps. Flèches gauche et droite pour parcourir les dates, Début et Fin pour la première et la dernière.`,
  at: (date: string) => `Au ${date}`,
  ofEligible: (n: string, of: string) => `${n} sur ${of}`,
  showTable: 'Afficher le tableau des données',
  hideTable: 'Masquer le tableau des données',
  tableCaption: (title: string, area: string) => `${title}, ${area}\u00a0: collectivités par étape à chaque date où un nombre change`,
  date: 'Date',
  published: 'Chiffres publiés',
  publishedItem: (stage: string, n: string, date: string, source: string) => `${stage}\u00a0: ${n} au ${date} (source\u00a0: ${source})`,
  milestones: 'Étapes clés du programme',
  notActive: (where: string) => `Le programme n’est pas actif ${where}.`,
  inItaly: 'en Italie',
  inProvince: (n: string) => (n === "Vallée d'Aoste" ? `en ${n}` : `dans la province ${of(n)}`),
  inArea: (n: string) => `en ${n}`,
  backToOwn: 'Ignorer la sélection et revenir à la zone de ce cadre',
  errorTitle: 'Impossible d’afficher l’évolution',
  cancel: 'Annuler',
  cancelled: 'Chargement annulé.',
  retry: 'Réessayer',
  places: PLACES_FR,
} satisfies Strings;
