import type { Lang } from '../../i18n/index.js';

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
};

/** The menu's words by language. */
export const DOWNLOAD_STRINGS: Readonly<Record<string, DownloadStrings>> = { it, en };

/** The menu's words in `lang`; Italian for a language they are not written in. */
export function downloadStrings(lang: Lang): DownloadStrings {
  return DOWNLOAD_STRINGS[lang] ?? it;
}
