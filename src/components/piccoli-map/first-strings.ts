import type { Words } from '../../i18n/words.js';
import type { Strings } from './strings.js';

/** What <piccoli-map> says before it has data, in Italian (the rest comes with the drawing code, strings.ts). */
const it = {
  loading: 'Caricamento della mappa…',
  errorTitle: 'Impossibile mostrare la mappa',
  cancel: 'Annulla',
  cancelled: 'Caricamento annullato.',
  retry: 'Riprova',
};

export type FirstStrings = typeof it;
/** A language's whole table: one chunk per language holds both the first words and the drawn map's. */
export type MapWords = FirstStrings & Strings;

/**
 * The first words in English, German, French: from the language's one table, which the
 * drawing code's words (strings.ts) know how to fetch. The drawing code is fetched at once
 * anyway, beside the data; so the element's first load names no language file.
 */
const fromDrawing = (lang: string) => () =>
  import('../../map/drawing.js').then((m) => m.MAP_STRINGS.other[lang]!() as Promise<{ default: MapWords }>);

export const FIRST_STRINGS: Words<FirstStrings> = {
  name: 'piccoli-map',
  it,
  other: { en: fromDrawing('en'), de: fromDrawing('de'), fr: fromDrawing('fr') },
};
