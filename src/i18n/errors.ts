import type { PiccoliDataError, PiccoliErrorParams } from '../data/errors.js';
import { localeOf, type Lang } from './index.js';
import { words, type Words } from './words.js';

/**
 * The one describer: what an element tells a reader when its data cannot be shown, from
 * the error's kind and params, in the reader's language, at render time. No element
 * writes its own error sentences and nothing here reads the English message, which goes
 * under "details" for whoever has to fix the page.
 */
export interface ErrorDescription {
  text: string;
  /** The data layer's technical message, for a "details" disclosure. */
  detail?: string;
  /** Whether trying again can help (network, server, engine). */
  retry: boolean;
}

export interface Params {
  /** The file named, shortened; or the words that stand for the data (`data`: "i dati"). */
  src: string;
  /** "Il file x" / "Il file dei dati": the subject of most sentences (`file`). */
  file: string;
  value: string;
  status: string;
  available: string;
  key: string;
  sample: string;
  missing: string;
  /** The places a name matches, each with what tells it apart: "Samone (TO, 001235), Samone (TN, 022165)". */
  matches: string;
  /** The engine's memory limit as DuckDB writes it ("976,5 MiB"). */
  limit: string;
  /** One of the engine's own files (duckdb-eh.wasm). */
  asset: string;
  /** A number of seconds, or of bytes ("1,5 kB"), written in the reader's language. */
  seconds: string;
  bytes: string;
  /** A line number of a file, and what that line holds. */
  line: string;
}

const IT = {
  http: (p) => `${p.file} non è stato caricato: il server ha risposto ${p.status || 'con un errore'}.`,
  network: (p) => `${p.file} non è raggiungibile (rete assente o richiesta bloccata).`,
  timeout: (p) => `Il server ha smesso di inviare ${p.src}. Riprovare più tardi.`,
  empty: (p) => `${p.file} è vuoto.`,
  format: (p) => `${p.file} non è nel formato atteso.`,
  corrupt: (p) => `${p.file} è danneggiato o incompleto.`,
  schema: (p) => `${p.file} non ha le colonne di un programma${p.missing ? ` (mancano: ${p.missing})` : ''} (vedere data/SCHEMA.md).`,
  shape: (p) => `${p.file} non ha una riga per ogni fase raggiunta da ciascun ente (vedere data/SCHEMA.md).`,
  'missing-table': () => `Una tabella richiesta non è stata caricata.`,
  extension: () => `Il motore DuckDB non ha potuto caricare una sua estensione.`,
  engine: () => `Il motore dei dati si è interrotto. Riprovare.`,
  query: () => `L'interrogazione dei dati non è riuscita.`,
  aborted: () => `Operazione annullata.`,
  'stale-cube': (p) => `Il riepilogo dei dati ${p.src} non corrisponde al file.`,
  'read-only': () =>
    'La console legge i dati: non può modificarli. Sono ammesse solo interrogazioni (SELECT, FROM, WITH, VALUES, DESCRIBE, SUMMARIZE, SHOW, EXPLAIN, PIVOT).',
  'read-only:extension': () => 'La console legge i dati: non può installare né caricare estensioni di DuckDB.',
  'read-only:setting': () => 'La console legge i dati: non può cambiare le impostazioni del motore.',
  'read-only:several': () => 'La console esegue un’istruzione alla volta: selezionare quella da eseguire.',
  'access-denied': (p) => `La console non può aprire «${p.value}»: questo sito non lo consente.`,
  'query-timeout': (p) =>
    `La query è stata fermata dopo ${p.seconds} ${p.seconds === '1' ? 'secondo' : 'secondi'}, il tempo massimo consentito da questo sito.`,
  'out-of-memory': (p) =>
    `La query richiede più memoria di quella disponibile${p.limit ? ` (${p.limit})` : ''} ed è stata fermata: provare a filtrare o aggregare i dati.`,
  'remote-unreachable': (p) => `Il server dei dati non risponde${p.status ? ` (risposta ${p.status})` : ''}. Riprovare più tardi.`,
  'remote-auth': () => 'Il server dei dati ha rifiutato l’accesso: l’utente o la password configurati dal sito non sono validi.',
  'remote-quota': () => 'Questo sito ha esaurito per ora le interrogazioni consentite dal server dei dati. Riprovare più tardi.',
  'remote-too-large': (p) => `Il risultato supera ${p.bytes}, il massimo che la console conserva: aggiungere LIMIT o aggregare i dati.`,
  'read-only:remote': () => 'Il server dei dati accetta solo letture: la query tenta di modificare dati o impostazioni.',
  'unknown-name:table': (p) => `La tabella «${p.value}» non esiste sul server dei dati.`,
  'unknown-name:column': (p) => `La colonna «${p.value}» non esiste sul server dei dati.`,
  'unknown-name:database': (p) => `Il database «${p.value}» non esiste sul server dei dati.`,
  'unknown-name': (p) => `«${p.value}» non esiste sul server dei dati.`,
  'engine-download:http': (p) =>
    `Il motore dei dati non si è avviato: il server ha risposto ${p.status} per il file ${p.asset}. Riprovare.`,
  'engine-download:incomplete': (p) =>
    `Il motore dei dati non si è avviato: il file ${p.asset} è arrivato incompleto o danneggiato. Riprovare.`,
  'engine-download:stalled': (p) => `Il motore dei dati non si è avviato: il server ha smesso di inviare il file ${p.asset}. Riprovare.`,
  'engine-download:slow': (p) => `Il motore dei dati non si è avviato: il server invia il file ${p.asset} troppo lentamente. Riprovare.`,
  'engine-download': (p) => `Il motore dei dati non si è avviato: il file ${p.asset} non è raggiungibile. Riprovare.`,
  'engine-unresponsive': (p) => `Il motore dei dati non ha risposto per ${p.seconds} secondi ed è stato fermato. Riprovare.`,
  'slow-download': (p) => `Il server invia ${p.src} troppo lentamente (${p.bytes} in ${p.seconds} secondi). Riprovare più tardi.`,
  'not-utf8': (p) =>
    `${p.file} non è in UTF-8 (riga ${p.line}: «${p.sample}»): salvarlo come «CSV UTF-8» (in Excel: Salva con nome, CSV UTF-8) e caricarlo di nuovo.`,
  'invalid-option': (p) => `Valore non valido: «${p.value}».`,
  'unknown-programme': (p) => `Programma sconosciuto: «${p.value}».`,
  'unknown-region': (p) => `Regione sconosciuta: «${p.value}» (usare il nome o il codice ISTAT).`,
  'unknown-province': (p) => `Provincia sconosciuta: «${p.value}» (usare la sigla, es. PC, il nome o il codice ISTAT).`,
  'unknown-comune': (p) => `Comune non presente nel programma: «${p.value}».`,
  'ambiguous-name:region': (p) => `«${p.value}» indica più regioni: ${p.matches}. Scrivere il nome completo o il codice ISTAT.`,
  'ambiguous-name:province': (p) => `«${p.value}» indica più province: ${p.matches}. Scrivere la sigla o il codice ISTAT.`,
  'ambiguous-name:comune': (p) => `«${p.value}» indica più comuni: ${p.matches}. Scrivere il codice ISTAT.`,
  'ambiguous-name': (p) => `«${p.value}» indica più luoghi: ${p.matches}. Scrivere il codice ISTAT.`,
  'unknown-metric': (p) => `Metrica sconosciuta: «${p.value}» (disponibili: ${p.available}).`,
  'bad-date': (p) => `Data non valida in as-of: «${p.value}» (formato AAAA-MM-GG).`,
  'bad-view': (p) => `Vista sconosciuta: «${p.value}» (full o compact).`,
  'bad-level': (p) => `Livello sconosciuto: «${p.value}» (region o province; comune solo con geo).`,
  'need-key': () => 'Con l’attributo geo serve anche key: il nome della proprietà con il codice ISTAT.',
  'geo:not-json': (p) => `Il file geo ${p.src} non è JSON valido.`,
  'geo:not-geo': (p) => `Il file geo ${p.src} non è né GeoJSON né TopoJSON.`,
  'geo:no-features': (p) => `Il file geo ${p.src} non contiene poligoni.`,
  'geo:no-key': (p) =>
    `Nessun elemento del file geo ha la proprietà «${p.key}»${p.available ? ` (proprietà presenti: ${p.available})` : ''}.`,
  'geo:no-match': (p) => `Nessun codice della proprietà «${p.key}» corrisponde ai dati (es. ${p.sample}): controllare key e level.`,
} satisfies Record<string, (p: Params) => string>;

/** One sentence per kind of error (and per detail of some kinds), filled in from its params. */
export type ErrorTexts = Record<keyof typeof IT, (p: Params) => string>;

/** What an error message says, in one language. */
export interface ErrorWords {
  /** The disclosure of the technical message, and the retry button. */
  details: string;
  retry: string;
  /** What stands for the data when no file is named. */
  data: string;
  /** The subject of most sentences: the file named (shortened), or '' when none is. */
  file: (src: string) => string;
  /** Units of a size in bytes. */
  units: { byte: string; bytes: string; kB: string; MB: string; GB: string };
  text: ErrorTexts;
}

/** The error sentences: Italian here, the other languages fetched with the first error in them. */
export const ERRORS: Words<ErrorWords> = {
  name: 'errors',
  it: {
    details: 'Dettagli tecnici',
    retry: 'Riprova',
    data: 'i dati',
    file: (src) => (src ? `Il file ${src}` : 'Il file dei dati'),
    units: { byte: 'byte', bytes: 'byte', kB: 'kB', MB: 'MB', GB: 'GB' },
    text: IT,
  },
  other: {
    en: () => import('./errors.en.js'),
    de: () => import('./errors.de.js'),
    fr: () => import('./errors.fr.js'),
  },
};

const RETRY = new Set([
  'http',
  'network',
  'timeout',
  'engine',
  'engine-download',
  'engine-unresponsive',
  'slow-download',
  'remote-unreachable',
  'remote-quota',
]);
/** Kinds whose technical message adds nothing for anyone (the reader's sentence says it all). */
const NO_DETAIL = new Set([
  'need-key',
  'bad-date',
  'bad-view',
  'bad-level',
  'unknown-programme',
  'unknown-region',
  'unknown-province',
  'unknown-comune',
  'ambiguous-name',
  'unknown-metric',
  'read-only',
]);

/**
 * What to tell the reader about `e`, in `lang` once its words are loaded
 * (`loadWords(ERRORS, lang)`; Italian until then).
 */
export function describeError(e: Pick<PiccoliDataError, 'kind' | 'params' | 'message' | 'source'>, lang: Lang): ErrorDescription {
  const w = words(ERRORS, lang) ?? ERRORS.it;
  const p = params(e.params, e.source, lang, w);
  const text = (w.text[textKey(e) as keyof ErrorTexts] ?? w.text.query)(p);
  return { text, detail: NO_DETAIL.has(e.kind) ? undefined : e.message, retry: RETRY.has(e.kind) };
}

/** Which sentence: the kind's, or for some kinds the one for a param (geo's problem, the place an ambiguous name is of). */
function textKey(e: Pick<PiccoliDataError, 'kind' | 'params'>): string {
  if (e.kind === 'geo') return `geo:${String(e.params.problem)}`;
  const statement = `${e.kind}:${String(e.params.statement)}`;
  if (e.kind === 'read-only' && statement in IT) return statement;
  const problem = `${e.kind}:${String(e.params.problem)}`;
  if (e.kind === 'engine-download' && problem in IT) return problem;
  const what = `${e.kind}:${String(e.params.what)}`;
  return (e.kind === 'ambiguous-name' || e.kind === 'unknown-name') && what in IT ? what : e.kind;
}

function params(raw: PiccoliErrorParams, source: string | undefined, lang: Lang, w: ErrorWords): Params {
  const named = source ? shortUrl(source) : raw.url ? shortUrl(String(raw.url)) : '';
  const str = (v: unknown) => (Array.isArray(v) ? v.join(', ') : v === undefined || v === null ? '' : String(v));
  const locale = localeOf(lang);
  return {
    src: named || w.data,
    file: w.file(named),
    value: shown(str(raw.value)),
    status: str(raw.status),
    available: shown(str(raw.available), 200),
    key: shown(str(raw.key)),
    sample: shown(str(raw.sample)),
    missing: str(raw.missing),
    matches: shown(str(raw.matches), 200),
    // DuckDB writes 976.5 MiB: the decimal sign of the reader's language.
    limit: str(raw.limit).replace('.', (1.5).toLocaleString(locale)[1]!),
    asset: shown(str(raw.asset)),
    seconds: typeof raw.seconds === 'number' ? raw.seconds.toLocaleString(locale) : str(raw.seconds),
    bytes: typeof raw.bytes === 'number' ? byteSize(raw.bytes, locale, w.units) : str(raw.bytes),
    line: typeof raw.line === 'number' ? raw.line.toLocaleString(locale) : str(raw.line),
  };
}

/** 15 byte, 1,5 kB, 34 MB: a size as a reader says it. */
function byteSize(n: number, locale: string, u: ErrorWords['units']): string {
  if (n < 1000) return `${n.toLocaleString(locale)} ${n === 1 ? u.byte : u.bytes}`;
  const [v, unit] = n < 1e6 ? [n / 1e3, u.kB] : n < 1e9 ? [n / 1e6, u.MB] : [n / 1e9, u.GB];
  return `${v.toLocaleString(locale, { maximumFractionDigits: v < 10 ? 1 : 0 })} ${unit}`;
}

/** Values from a page shown in a message: bounded, on one line (they are rendered as text). */
export function shown(v: string, max = 60): string {
  const one = v.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max)}…` : one;
}

function shortUrl(s: string): string {
  try {
    const u = new URL(s, document.baseURI);
    const path = u.origin === location.origin ? u.pathname : u.href;
    return path.length > 80 ? `…${path.slice(-79)}` : path;
  } catch {
    return s.slice(0, 80);
  }
}
