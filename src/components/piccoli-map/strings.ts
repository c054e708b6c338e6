import type { Words } from '../../i18n/words.js';
import type { MapWords } from './first-strings.js';

/**
 * Everything <piccoli-map> says once it has data, in Italian: loaded with the drawing code
 * (src/map/drawing.ts). What it says before (loading, errors) is in first-strings.ts.
 */
const it = {
  noData: 'nessun dato',
  noDataLegend: 'Nessun dato',
  empty: 'Nessun dato per questo programma a questo livello.',
  byLevel: { region: 'per regione', province: 'per provincia', comune: 'per comune' },
  levelName: { region: 'Regione', province: 'Provincia', comune: 'Comune' },
  asOf: (d: string) => `Dati al ${d}`,
  entities: { comune: 'comuni', provincia: 'province' },
  shareOf: (stage: string, entities: string) => `${stage}: % dei ${entities} ammissibili`,
  countOf: (stage: string, entities: string) => `${stage}: numero di ${entities}`,
  furthest: (entities: string) => `Fase raggiunta dai ${entities}`,
  noStage: 'Nessuna fase avviata',
  stage: 'Fase raggiunta',
  ofEligible: (n: string, of: string, entities: string) => `${n} su ${of} ${entities} ammissibili`,
  mapLabel: (title: string) => `Mappa: ${title}. Frecce per spostarsi, Invio per selezionare, Esc per annullare.`,
  tableCaption: (title: string, date: string) => `${title}, ${date}`,
  reached: 'Raggiunto',
  eligible: 'Ammissibili',
  value: 'Valore',
  selected: 'selezionata',
  tiles: 'Mappa a tessere: una tessera per provincia, in posizione approssimativa.',
  geoCredit: (host: string) => `Confini: ${host}`,
  clearSelection: (name: string) => `Annulla la selezione: ${name}`,
  notStarted: (start: string) => `Il programma è iniziato il ${start}: a questa data nessun ente vi partecipava ancora.`,
  regionsCredit: 'Confini regionali: MapSVG (mapsvg.com), CC BY 4.0, tramite @svg-maps/italy',
  play: 'Riproduci',
  pause: 'Pausa',
  previous: 'Mese precedente',
  next: 'Mese successivo',
  playDate: 'Data mostrata sulla mappa',
  playGroup: 'La mappa nel tempo',
  /** Names of areas that differ in this language (src/i18n/places.ts): none in Italian. */
  places: {} as Record<string, string>,
};

export type Strings = typeof it;

/**
 * The drawn map's words: Italian here; English, German and French fetched when an element
 * speaks them, each one table with the first words too (first-strings.ts).
 */
export const STRINGS: Words<Strings> = {
  name: 'piccoli-map',
  it,
  other: {
    en: (): Promise<{ default: MapWords }> => import('./strings.en.js'),
    de: (): Promise<{ default: MapWords }> => import('./strings.de.js'),
    fr: (): Promise<{ default: MapWords }> => import('./strings.fr.js'),
  },
};
