import type { Lang } from '../../i18n/index.js';

/**
 * Everything <piccoli-map> says once it has data, Italian first: loaded with the drawing
 * code (src/map/drawing.ts). What it says before (loading, errors) is in the element.
 */
export const STRINGS = {
  it: {
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
  },
  en: {
    noData: 'no data',
    noDataLegend: 'No data',
    empty: 'No data for this programme at this level.',
    byLevel: { region: 'by region', province: 'by province', comune: 'by comune' },
    levelName: { region: 'Region', province: 'Province', comune: 'Comune' },
    asOf: (d: string) => `Data as of ${d}`,
    entities: { comune: 'comuni', provincia: 'provinces' },
    shareOf: (stage: string, entities: string) => `${stage}: % of eligible ${entities}`,
    countOf: (stage: string, entities: string) => `${stage}: number of ${entities}`,
    furthest: (entities: string) => `Stage reached by the ${entities}`,
    noStage: 'No stage started',
    stage: 'Stage reached',
    ofEligible: (n: string, of: string, entities: string) => `${n} of ${of} eligible ${entities}`,
    mapLabel: (title: string) => `Map: ${title}. Arrow keys move, Enter selects, Escape clears.`,
    tableCaption: (title: string, date: string) => `${title}, ${date}`,
    reached: 'Reached',
    eligible: 'Eligible',
    value: 'Value',
    selected: 'selected',
    tiles: 'Tile map: one tile per province, placed roughly where it lies.',
    geoCredit: (host: string) => `Boundaries: ${host}`,
    clearSelection: (name: string) => `Clear the selection: ${name}`,
    notStarted: (start: string) => `The programme started on ${start}: on this date no entity took part in it yet.`,
  },
} satisfies Record<Lang, unknown>;

export type Strings = (typeof STRINGS)['it'];
