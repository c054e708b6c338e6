import type { PiccoliDataError } from '../data/errors.js';
import type { Lang } from './index.js';

/**
 * What an element tells a reader when its data cannot be shown: one sentence in the
 * reader's language naming the file and the cause. The data layer's own (English,
 * technical) message goes under "details" for whoever has to fix it.
 */
export function describeError(e: PiccoliDataError, lang: Lang): { text: string; detail?: string; retry: boolean } {
  const src = e.source ? shortUrl(e.source) : lang === 'it' ? 'i dati' : 'the data';
  const status = /answered (\d{3})/.exec(e.message)?.[1];
  const shape = e.code === 'schema' && /one row per stage/.test(e.message);
  const it: Record<string, string> = {
    http: `Il file ${src} non è stato caricato: il server ha risposto ${status ?? 'con un errore'}.`,
    network: `Il file ${src} non è raggiungibile (rete assente o richiesta bloccata).`,
    timeout: `Il server ha smesso di inviare ${src}. Riprovare più tardi.`,
    empty: `Il file ${src} è vuoto.`,
    format: `Il file ${src} non è nel formato atteso.`,
    corrupt: `Il file ${src} è danneggiato o incompleto.`,
    schema: shape
      ? `Il file ${src} non ha una riga per ogni fase raggiunta da ciascun ente (vedere data/SCHEMA.md).`
      : `Il file ${src} non ha le colonne di un programma (vedere data/SCHEMA.md).`,
    'missing-table': `Una tabella richiesta non è stata caricata.`,
    extension: `Il motore DuckDB non ha potuto caricare una sua estensione.`,
    engine: `Il motore dei dati si è interrotto. Riprovare.`,
    query: `L'interrogazione dei dati non è riuscita.`,
  };
  const en: Record<string, string> = {
    http: `${src} could not be loaded: the server answered ${status ?? 'with an error'}.`,
    network: `${src} cannot be reached (offline, or the request was blocked).`,
    timeout: `The server stopped sending ${src}. Try again later.`,
    empty: `${src} is empty.`,
    format: `${src} is not in the expected format.`,
    corrupt: `${src} is damaged or incomplete.`,
    schema: shape
      ? `${src} does not have one row per stage reached by each entity (see data/SCHEMA.md).`
      : `${src} does not have the columns of a programme file (see data/SCHEMA.md).`,
    'missing-table': `A table that was needed has not been loaded.`,
    extension: `The DuckDB engine could not load one of its extensions.`,
    engine: `The data engine stopped. Try again.`,
    query: `The data query failed.`,
  };
  const text = (lang === 'it' ? it : en)[e.code];
  // Option errors are already written for the reader, in their language.
  if (!text) return { text: e.message, retry: false };
  return { text, detail: e.message, retry: ['http', 'network', 'timeout', 'engine'].includes(e.code) };
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
