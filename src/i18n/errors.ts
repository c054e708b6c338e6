import type { PiccoliDataError, PiccoliErrorParams } from '../data/errors.js';
import type { Lang } from './index.js';

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

type Texts = Record<string, (p: Params) => string>;
interface Params {
  /** The file named, shortened; or, in Italian, the words that stand for it ("il file dei dati"). */
  src: string;
  /** "Il file x" / "Il file dei dati": the subject of most Italian sentences. */
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

const IT: Texts = {
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
};

const EN: Texts = {
  http: (p) => `${p.src} could not be loaded: the server answered ${p.status || 'with an error'}.`,
  network: (p) => `${p.src} cannot be reached (offline, or the request was blocked).`,
  timeout: (p) => `The server stopped sending ${p.src}. Try again later.`,
  empty: (p) => `${p.src} is empty.`,
  format: (p) => `${p.src} is not in the expected format.`,
  corrupt: (p) => `${p.src} is damaged or incomplete.`,
  schema: (p) =>
    `${p.src} does not have the columns of a programme file${p.missing ? ` (missing: ${p.missing})` : ''} (see data/SCHEMA.md).`,
  shape: (p) => `${p.src} does not have one row per stage reached by each entity (see data/SCHEMA.md).`,
  'missing-table': () => `A table that was needed has not been loaded.`,
  extension: () => `The DuckDB engine could not load one of its extensions.`,
  engine: () => `The data engine stopped. Try again.`,
  query: () => `The data query failed.`,
  aborted: () => `Cancelled.`,
  'stale-cube': (p) => `The summary of ${p.src} does not match the file.`,
  'read-only': () =>
    'The console reads data: it cannot change it. Only queries are run (SELECT, FROM, WITH, VALUES, DESCRIBE, SUMMARIZE, SHOW, EXPLAIN, PIVOT).',
  'read-only:extension': () => 'The console reads data: it cannot install or load DuckDB extensions.',
  'read-only:setting': () => 'The console reads data: it cannot change the engine’s settings.',
  'read-only:several': () => 'The console runs one statement at a time: select the one to run.',
  'access-denied': (p) => `The console cannot open “${p.value}”: this site does not allow it.`,
  'query-timeout': (p) =>
    `The query was stopped after ${p.seconds} ${p.seconds === '1' ? 'second' : 'seconds'}, the longest this site allows.`,
  'out-of-memory': (p) =>
    `The query needs more memory than is available${p.limit ? ` (${p.limit})` : ''} and was stopped: try filtering or aggregating the data.`,
  'remote-unreachable': (p) => `The data server does not answer${p.status ? ` (status ${p.status})` : ''}. Try again later.`,
  'remote-auth': () => 'The data server refused access: the user or password the site configured is not valid.',
  'remote-quota': () => 'This site has used up the queries the data server allows for now. Try again later.',
  'remote-too-large': (p) => `The result is larger than ${p.bytes}, the most the console keeps: add LIMIT or aggregate the data.`,
  'read-only:remote': () => 'The data server only accepts reads: the query tries to change data or settings.',
  'unknown-name:table': (p) => `The table “${p.value}” does not exist on the data server.`,
  'unknown-name:column': (p) => `The column “${p.value}” does not exist on the data server.`,
  'unknown-name:database': (p) => `The database “${p.value}” does not exist on the data server.`,
  'unknown-name': (p) => `“${p.value}” does not exist on the data server.`,
  'engine-download:http': (p) => `The data engine did not start: the server answered ${p.status} for ${p.asset}. Try again.`,
  'engine-download:incomplete': (p) => `The data engine did not start: ${p.asset} arrived incomplete or damaged. Try again.`,
  'engine-download:stalled': (p) => `The data engine did not start: the server stopped sending ${p.asset}. Try again.`,
  'engine-download:slow': (p) => `The data engine did not start: the server sends ${p.asset} too slowly. Try again.`,
  'engine-download': (p) => `The data engine did not start: ${p.asset} cannot be reached. Try again.`,
  'engine-unresponsive': (p) => `The data engine did not answer for ${p.seconds} seconds and was stopped. Try again.`,
  'slow-download': (p) => `The server sends ${p.src} too slowly (${p.bytes} in ${p.seconds} seconds). Try again later.`,
  'not-utf8': (p) =>
    `${p.src} is not UTF-8 (line ${p.line}: “${p.sample}”): save it as “CSV UTF-8” (in Excel: Save As, CSV UTF-8) and load it again.`,
  'invalid-option': (p) => `Invalid value: “${p.value}”.`,
  'unknown-programme': (p) => `Unknown programme: “${p.value}”.`,
  'unknown-region': (p) => `Unknown region: “${p.value}” (use its name or ISTAT code).`,
  'unknown-province': (p) => `Unknown province: “${p.value}” (use the sigla, e.g. PC, the name or the ISTAT code).`,
  'unknown-comune': (p) => `Comune not in the programme: “${p.value}”.`,
  'ambiguous-name:region': (p) => `“${p.value}” names more than one region: ${p.matches}. Write the full name or the ISTAT code.`,
  'ambiguous-name:province': (p) => `“${p.value}” names more than one province: ${p.matches}. Write the sigla or the ISTAT code.`,
  'ambiguous-name:comune': (p) => `“${p.value}” names more than one comune: ${p.matches}. Write the ISTAT code.`,
  'ambiguous-name': (p) => `“${p.value}” names more than one place: ${p.matches}. Write the ISTAT code.`,
  'unknown-metric': (p) => `Unknown metric: “${p.value}” (available: ${p.available}).`,
  'bad-date': (p) => `Invalid date in as-of: “${p.value}” (format YYYY-MM-DD).`,
  'bad-view': (p) => `Unknown view: “${p.value}” (full or compact).`,
  'bad-level': (p) => `Unknown level: “${p.value}” (region or province; comune only with geo).`,
  'need-key': () => 'The geo attribute needs key too: the name of the property holding the ISTAT code.',
  'geo:not-json': (p) => `The geo file ${p.src} is not valid JSON.`,
  'geo:not-geo': (p) => `The geo file ${p.src} is neither GeoJSON nor TopoJSON.`,
  'geo:no-features': (p) => `The geo file ${p.src} contains no polygons.`,
  'geo:no-key': (p) =>
    `No feature of the geo file has the property “${p.key}”${p.available ? ` (properties present: ${p.available})` : ''}.`,
  'geo:no-match': (p) => `No code in the property “${p.key}” matches the data (e.g. ${p.sample}): check key and level.`,
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

export function describeError(e: Pick<PiccoliDataError, 'kind' | 'params' | 'message' | 'source'>, lang: Lang): ErrorDescription {
  const p = params(e.params, e.source, lang);
  const texts = lang === 'it' ? IT : EN;
  const text = (texts[textKey(e)] ?? texts.query!)(p);
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

function params(raw: PiccoliErrorParams, source: string | undefined, lang: Lang): Params {
  const named = source || (raw.url ? String(raw.url) : '');
  const str = (v: unknown) => (Array.isArray(v) ? v.join(', ') : v === undefined || v === null ? '' : String(v));
  return {
    src: named ? shortUrl(named) : lang === 'it' ? 'i dati' : 'the data',
    file: named ? `Il file ${shortUrl(named)}` : 'Il file dei dati',
    value: shown(str(raw.value)),
    status: str(raw.status),
    available: shown(str(raw.available), 200),
    key: shown(str(raw.key)),
    sample: shown(str(raw.sample)),
    missing: str(raw.missing),
    matches: shown(str(raw.matches), 200),
    limit: lang === 'it' ? str(raw.limit).replace('.', ',') : str(raw.limit),
    asset: shown(str(raw.asset)),
    seconds: typeof raw.seconds === 'number' ? raw.seconds.toLocaleString(locale(lang)) : str(raw.seconds),
    bytes: typeof raw.bytes === 'number' ? byteSize(raw.bytes, lang) : str(raw.bytes),
    line: typeof raw.line === 'number' ? raw.line.toLocaleString(locale(lang)) : str(raw.line),
  };
}

function locale(lang: Lang): string {
  return lang === 'it' ? 'it-IT' : 'en-GB';
}

/** 15 byte, 1,5 kB, 34 MB: a size as a reader says it. */
function byteSize(n: number, lang: Lang): string {
  if (n < 1000) return `${n.toLocaleString(locale(lang))} ${lang === 'it' || n === 1 ? 'byte' : 'bytes'}`;
  const [v, unit] = n < 1e6 ? [n / 1e3, 'kB'] : n < 1e9 ? [n / 1e6, 'MB'] : [n / 1e9, 'GB'];
  return `${v.toLocaleString(locale(lang), { maximumFractionDigits: v < 10 ? 1 : 0 })} ${unit}`;
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
