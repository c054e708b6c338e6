import type { Lang } from '../../i18n/index.js';
import type { GeoProblem } from '../../map/geo.js';

/** Everything <piccoli-map> says, Italian first. */
export const STRINGS = {
  it: {
    loading: 'Caricamento della mappa…',
    errorTitle: 'Impossibile mostrare la mappa',
    noData: 'nessun dato',
    noDataLegend: 'Nessun dato',
    empty: 'Nessun dato per questo programma a questo livello.',
    byLevel: { region: 'per regione', province: 'per provincia', comune: 'per comune' },
    levelName: { region: 'Regione', province: 'Provincia', comune: 'Comune' },
    asOf: (d: string) => `Dati al ${d}`,
    entities: { comune: 'comuni', provincia: 'province' },
    shareOf: (stage: string, entities: string) => `${stage}: % dei ${entities} ammissibili`,
    countOf: (stage: string, entities: string) => `${stage}: numero di ${entities}`,
    ofEligible: (n: string, of: string, entities: string) => `${n} su ${of} ${entities} ammissibili`,
    mapLabel: (title: string) => `Mappa: ${title}. Frecce per spostarsi, Invio per selezionare, Esc per annullare.`,
    tableCaption: (title: string, date: string) => `${title}, ${date}`,
    reached: 'Raggiunto',
    eligible: 'Ammissibili',
    value: 'Valore',
    selected: 'selezionata',
    tiles: 'Mappa a tessere: una tessera per provincia, in posizione approssimativa.',
    geoCredit: (host: string) => `Confini: ${host}`,
    unknownProgramme: (v: string) => `Programma sconosciuto: «${v}».`,
    unknownMetric: (v: string, options: string) => `Metrica sconosciuta: «${v}» (disponibili: ${options}).`,
    badLevel: (v: string) => `Livello sconosciuto: «${v}» (region o province; comune solo con geo).`,
    badDate: (v: string) => `Data non valida in as-of: «${v}» (formato AAAA-MM-GG).`,
    needKey: 'Con l’attributo geo serve anche key: il nome della proprietà con il codice ISTAT.',
    geoNotJson: (url: string) => `Il file geo ${url} non è JSON valido.`,
    geoNotGeo: (url: string) => `Il file geo ${url} non è né GeoJSON né TopoJSON.`,
    geoNoFeatures: (url: string) => `Il file geo ${url} non contiene poligoni.`,
    geoNoKey: (key: string, available: string) =>
      `Nessun elemento del file geo ha la proprietà «${key}»${available ? ` (proprietà presenti: ${available})` : ''}.`,
    geoNoMatch: (key: string, sample: string) =>
      `Nessun codice della proprietà «${key}» corrisponde ai dati (es. ${sample}): controllare key e level.`,
  },
  en: {
    loading: 'Loading the map…',
    errorTitle: 'The map cannot be shown',
    noData: 'no data',
    noDataLegend: 'No data',
    empty: 'No data for this programme at this level.',
    byLevel: { region: 'by region', province: 'by province', comune: 'by comune' },
    levelName: { region: 'Region', province: 'Province', comune: 'Comune' },
    asOf: (d: string) => `Data as of ${d}`,
    entities: { comune: 'comuni', provincia: 'provinces' },
    shareOf: (stage: string, entities: string) => `${stage}: % of eligible ${entities}`,
    countOf: (stage: string, entities: string) => `${stage}: number of ${entities}`,
    ofEligible: (n: string, of: string, entities: string) => `${n} of ${of} eligible ${entities}`,
    mapLabel: (title: string) => `Map: ${title}. Arrow keys move, Enter selects, Escape clears.`,
    tableCaption: (title: string, date: string) => `${title}, ${date}`,
    reached: 'Reached',
    eligible: 'Eligible',
    value: 'Value',
    selected: 'selected',
    tiles: 'Tile map: one tile per province, placed roughly where it lies.',
    geoCredit: (host: string) => `Boundaries: ${host}`,
    unknownProgramme: (v: string) => `Unknown programme: “${v}”.`,
    unknownMetric: (v: string, options: string) => `Unknown metric: “${v}” (available: ${options}).`,
    badLevel: (v: string) => `Unknown level: “${v}” (region or province; comune only with geo).`,
    badDate: (v: string) => `Invalid date in as-of: “${v}” (format YYYY-MM-DD).`,
    needKey: 'The geo attribute needs key too: the name of the property holding the ISTAT code.',
    geoNotJson: (url: string) => `The geo file ${url} is not valid JSON.`,
    geoNotGeo: (url: string) => `The geo file ${url} is neither GeoJSON nor TopoJSON.`,
    geoNoFeatures: (url: string) => `The geo file ${url} contains no polygons.`,
    geoNoKey: (key: string, available: string) =>
      `No feature of the geo file has the property “${key}”${available ? ` (properties present: ${available})` : ''}.`,
    geoNoMatch: (key: string, sample: string) => `No code in the property “${key}” matches the data (e.g. ${sample}): check key and level.`,
  },
} satisfies Record<Lang, unknown>;

export type Strings = (typeof STRINGS)['it'];

/** Attribute values shown in messages: bounded, single line (rendered as text). */
export function shown(v: string): string {
  const one = v.replace(/\s+/g, ' ');
  return one.length > 80 ? `${one.slice(0, 80)}…` : one;
}

/** What is wrong with a boundary file, in the reader's language; `file` as the page named it. */
export function geoProblemText(t: Strings, p: GeoProblem, file: string): string {
  switch (p.kind) {
    case 'not-json':
      return t.geoNotJson(file);
    case 'not-geo':
      return t.geoNotGeo(file);
    case 'no-features':
      return t.geoNoFeatures(file);
    case 'no-key':
      return t.geoNoKey(shown(p.key), p.available.join(', '));
    case 'no-match':
      return t.geoNoMatch(shown(p.key), p.sample.join(', '));
  }
}
