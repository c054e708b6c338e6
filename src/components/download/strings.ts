import type { Lang } from '../../i18n/index.js';
import { PLACES_DE, PLACES_FR } from '../../i18n/places.js';
import { words, type Words } from '../../i18n/words.js';

/**
 * What the download menu and its files say, Italian first: loaded with the menu (never
 * in an element's first load). The trigger's one word is in trigger.ts, which the first
 * load carries. A language added here is added there too.
 */
const it = {
  csvExcel: 'Dati per Excel (CSV con ;)',
  csvPlain: 'Dati (CSV standard)',
  dataFile: (format: string) => `File dei dati letto (${format})`,
  svg: 'Immagine (SVG)',
  png: 'Immagine (PNG)',
  failed: (why: string) => `Download non riuscito: ${why}`,
  /** Words of the file names (without accents or spaces they are slugs). */
  names: { funnel: 'avanzamento', map: 'mappa', trend: 'andamento', excel: 'excel' },
  /** Column names of the CSV files. */
  columns: {
    programme: 'Programma',
    area: 'Area',
    areaCode: 'Codice area',
    code: 'Codice ISTAT',
    asOf: 'Dati al',
    date: 'Data',
    stage: 'Fase',
    ofPrevious: '% della fase precedente',
    ofEligible: '% degli ammissibili',
    percent: (what: string) => `${what} (%)`,
    basis: 'Base del dato',
    cited: 'Dato pubblicato citato',
    provenance: 'Provenienza',
    source: 'Fonte',
    file: 'File dei dati',
    level: { region: 'Regione', province: 'Provincia', comune: 'Comune' },
    value: 'Valore',
    reached: 'Raggiunto',
    eligible: 'Ammissibili',
    furthest: 'Fase raggiunta',
  },
  noStage: 'Nessuna fase avviata',
  italy: 'Italia',
  entities: { comune: 'Comuni', provincia: 'Province' },
  credit: 'Elaborazione con piccoli-dashboard',
  /** The funnel's drawing: its column heads. */
  heads: { stage: 'Fase', ofPrevious: '% fase prec.', ofEligible: '% ammissibili' },
  /** Names of areas that differ in this language (src/i18n/places.ts): none in Italian. */
  places: {} as Record<string, string>,
};

export type DownloadStrings = typeof it;

const en: DownloadStrings = {
  csvExcel: 'Data for Italian Excel (CSV with ;)',
  csvPlain: 'Data (plain CSV)',
  dataFile: (format: string) => `Data file read (${format})`,
  svg: 'Image (SVG)',
  png: 'Image (PNG)',
  failed: (why: string) => `Download failed: ${why}`,
  names: { funnel: 'progress', map: 'map', trend: 'trend', excel: 'excel' },
  columns: {
    programme: 'Programme',
    area: 'Area',
    areaCode: 'Area code',
    code: 'ISTAT code',
    asOf: 'Data as of',
    date: 'Date',
    stage: 'Stage',
    ofPrevious: '% of previous stage',
    ofEligible: '% of eligible',
    percent: (what: string) => `${what} (%)`,
    basis: 'Basis of the figure',
    cited: 'Published figure cited',
    provenance: 'Provenance',
    source: 'Source',
    file: 'Data file',
    level: { region: 'Region', province: 'Province', comune: 'Comune' },
    value: 'Value',
    reached: 'Reached',
    eligible: 'Eligible',
    furthest: 'Stage reached',
  },
  noStage: 'No stage started',
  italy: 'Italy',
  entities: { comune: 'Comuni', provincia: 'Provinces' },
  credit: 'Processed with piccoli-dashboard',
  heads: { stage: 'Stage', ofPrevious: '% of previous', ofEligible: '% of eligible' },
  places: {},
};

const de: DownloadStrings = {
  csvExcel: 'Daten für Excel (CSV mit ;)',
  csvPlain: 'Daten (Standard-CSV)',
  dataFile: (format: string) => `Gelesene Datendatei (${format})`,
  svg: 'Bild (SVG)',
  png: 'Bild (PNG)',
  failed: (why: string) => `Download fehlgeschlagen: ${why}`,
  names: { funnel: 'fortschritt', map: 'karte', trend: 'verlauf', excel: 'excel' },
  columns: {
    programme: 'Programm',
    area: 'Gebiet',
    areaCode: 'Gebietscode',
    code: 'ISTAT-Code',
    asOf: 'Stand',
    date: 'Datum',
    stage: 'Phase',
    ofPrevious: '% der vorherigen Phase',
    ofEligible: '% der Berechtigten',
    percent: (what: string) => `${what} (%)`,
    basis: 'Grundlage der Zahl',
    cited: 'Zitierte veröffentlichte Zahl',
    provenance: 'Herkunft',
    source: 'Quelle',
    file: 'Datendatei',
    level: { region: 'Region', province: 'Provinz', comune: 'Gemeinde' },
    value: 'Wert',
    reached: 'Erreicht',
    eligible: 'Berechtigt',
    furthest: 'Erreichte Phase',
  },
  noStage: 'Keine Phase begonnen',
  italy: 'Italien',
  entities: { comune: 'Gemeinden', provincia: 'Provinzen' },
  credit: 'Erstellt mit piccoli-dashboard',
  heads: { stage: 'Phase', ofPrevious: '% vorh. Phase', ofEligible: '% Berechtigte' },
  places: PLACES_DE,
};

const fr: DownloadStrings = {
  csvExcel: 'Données pour Excel (CSV avec ;)',
  csvPlain: 'Données (CSV standard)',
  dataFile: (format: string) => `Fichier de données lu (${format})`,
  svg: 'Image (SVG)',
  png: 'Image (PNG)',
  failed: (why: string) => `Échec du téléchargement\u00a0: ${why}`,
  names: { funnel: 'avancement', map: 'carte', trend: 'evolution', excel: 'excel' },
  columns: {
    programme: 'Programme',
    area: 'Zone',
    areaCode: 'Code de la zone',
    code: 'Code ISTAT',
    asOf: 'Données au',
    date: 'Date',
    stage: 'Étape',
    ofPrevious: '% de l’étape précédente',
    ofEligible: '% des éligibles',
    percent: (what: string) => `${what} (%)`,
    basis: 'Base du chiffre',
    cited: 'Chiffre publié cité',
    provenance: 'Provenance',
    source: 'Source',
    file: 'Fichier de données',
    level: { region: 'Région', province: 'Province', comune: 'Commune' },
    value: 'Valeur',
    reached: 'Atteint',
    eligible: 'Éligibles',
    furthest: 'Étape atteinte',
  },
  noStage: 'Aucune étape commencée',
  italy: 'Italie',
  entities: { comune: 'Communes', provincia: 'Provinces' },
  credit: 'Réalisé avec piccoli-dashboard',
  heads: { stage: 'Étape', ofPrevious: '% étape préc.', ofEligible: '% éligibles' },
  places: PLACES_FR,
};

/** The menu's words by language. */
export const DOWNLOAD_STRINGS: Readonly<Record<string, DownloadStrings>> = { it, en, de, fr };

/**
 * The menu's words as the other parts' (src/i18n/words.ts): all four languages come with
 * the menu (it is fetched on a press, never in a first load), and a site's words for
 * `download` are laid over them, or make its own language.
 */
export const DOWNLOAD_WORDS: Words<DownloadStrings> = {
  name: 'download',
  it,
  other: { en: async () => ({ default: en }), de: async () => ({ default: de }), fr: async () => ({ default: fr }) },
  got: { en, de, fr },
};

/** The menu's words in `lang`; Italian for a language they are not written in. */
export function downloadStrings(lang: Lang): DownloadStrings {
  return words(DOWNLOAD_WORDS, lang) ?? it;
}
