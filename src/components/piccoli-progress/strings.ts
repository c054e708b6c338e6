import type { Lang } from '../../i18n/index.js';

/** Everything <piccoli-progress> says, Italian first. */
export const STRINGS = {
  it: {
    loading: 'Caricamento dei dati…',
    loadingBytes: (pct: string) => `Caricamento dei dati: ${pct}`,
    startingEngine: (pct: string) => `Avvio del motore dei dati: ${pct}`,
    stage: 'Fase',
    entities: { comune: 'Comuni', provincia: 'Province' },
    ofPrevious: 'della fase precedente',
    ofEligible: 'degli ammissibili',
    ofPreviousShort: '% fase prec.',
    ofEligibleShort: '% ammissibili',
    asOf: (d: string) => `Dati al ${d}`,
    italy: 'Italia',
    province: (n: string) => `Provincia di ${n}`,
    region: (n: string) => n,
    tableCaption: (title: string, area: string, date: string) => `${title}, ${area}: avanzamento per fase, ${date}`,
    source: 'Fonte',
    simulated: 'Totali pubblicati; il dettaglio per ente è in parte simulato.',
    empty: (area: string, date: string) => `Nessun ente ha ancora aderito al programma in ${area} al ${date}.`,
    noEligible: (area: string) => `Il programma non riguarda enti in ${area}.`,
    errorTitle: 'Impossibile mostrare i dati',
    unknownProgramme: (v: string) => `Programma sconosciuto: «${v}».`,
    unknownProvince: (v: string) => `Provincia sconosciuta: «${v}» (usare la sigla, es. PC, o il codice ISTAT).`,
    unknownRegion: (v: string) => `Regione sconosciuta: «${v}» (usare il nome o il codice ISTAT).`,
    unknownComune: (v: string) => `Comune non presente nel programma: «${v}».`,
    badDate: (v: string) => `Data non valida in as-of: «${v}» (formato AAAA-MM-GG).`,
    badView: (v: string) => `Vista sconosciuta: «${v}» (full o compact).`,
    selectedHint: 'Selezionata',
    details: 'Dettagli tecnici',
    retry: 'Riprova',
  },
  en: {
    loading: 'Loading data…',
    loadingBytes: (pct: string) => `Loading data: ${pct}`,
    startingEngine: (pct: string) => `Starting the data engine: ${pct}`,
    stage: 'Stage',
    entities: { comune: 'Comuni', provincia: 'Provinces' },
    ofPrevious: 'of the previous stage',
    ofEligible: 'of all eligible',
    ofPreviousShort: '% of previous',
    ofEligibleShort: '% of eligible',
    asOf: (d: string) => `Data as of ${d}`,
    italy: 'Italy',
    province: (n: string) => `Province of ${n}`,
    region: (n: string) => n,
    tableCaption: (title: string, area: string, date: string) => `${title}, ${area}: progress by stage, ${date}`,
    source: 'Source',
    simulated: 'Totals are published; per-entity detail is partly simulated.',
    empty: (area: string, date: string) => `No entity had joined the programme in ${area} by ${date}.`,
    noEligible: (area: string) => `The programme has no eligible entity in ${area}.`,
    errorTitle: 'The data cannot be shown',
    unknownProgramme: (v: string) => `Unknown programme: “${v}”.`,
    unknownProvince: (v: string) => `Unknown province: “${v}” (use the sigla, e.g. PC, or the ISTAT code).`,
    unknownRegion: (v: string) => `Unknown region: “${v}” (use its name or ISTAT code).`,
    unknownComune: (v: string) => `Comune not in the programme: “${v}”.`,
    badDate: (v: string) => `Invalid date in as-of: “${v}” (format YYYY-MM-DD).`,
    badView: (v: string) => `Unknown view: “${v}” (full or compact).`,
    selectedHint: 'Selected',
    details: 'Technical details',
    retry: 'Try again',
  },
} satisfies Record<Lang, unknown>;

export type Strings = (typeof STRINGS)['it'];

/** Attribute values shown in messages: bounded, single line (they are rendered as text). */
export function shown(v: string): string {
  const one = v.replace(/\s+/g, ' ');
  return one.length > 60 ? `${one.slice(0, 60)}…` : one;
}
