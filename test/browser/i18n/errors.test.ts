import { expect } from '@open-wc/testing';
import { PiccoliDataError, invalidOption, type PiccoliErrorKind, type PiccoliErrorParams } from '../../../src/data/errors.js';
import { ERRORS, describeError, shown } from '../../../src/i18n/errors.js';
import { loadWords } from '../../../src/i18n/words.js';

// The English sentences are fetched on demand (src/i18n/words.ts).
before(() => loadWords(ERRORS, 'en'));

// What a reader is told when data cannot be shown (src/i18n/errors.ts), in both languages.

const SRC = `${location.origin}/data/eventi.parquet`;

interface Case {
  kind: PiccoliErrorKind;
  params?: PiccoliErrorParams;
  source?: string;
  it: string;
  en: string;
  retry?: boolean;
  /** Whether the technical message is offered as details. */
  detail: boolean;
}

const CASES: Case[] = [
  {
    kind: 'http',
    params: { status: 404 },
    source: SRC,
    it: 'Il file /data/eventi.parquet non è stato caricato: il server ha risposto 404.',
    en: '/data/eventi.parquet could not be loaded: the server answered 404.',
    retry: true,
    detail: true,
  },
  {
    kind: 'http',
    source: SRC,
    it: 'Il file /data/eventi.parquet non è stato caricato: il server ha risposto con un errore.',
    en: '/data/eventi.parquet could not be loaded: the server answered with an error.',
    retry: true,
    detail: true,
  },
  {
    kind: 'network',
    source: SRC,
    it: 'Il file /data/eventi.parquet non è raggiungibile (rete assente o richiesta bloccata).',
    en: '/data/eventi.parquet cannot be reached (offline, or the request was blocked).',
    retry: true,
    detail: true,
  },
  {
    kind: 'timeout',
    source: SRC,
    it: 'Il server ha smesso di inviare /data/eventi.parquet. Riprovare più tardi.',
    en: 'The server stopped sending /data/eventi.parquet. Try again later.',
    retry: true,
    detail: true,
  },
  { kind: 'empty', source: SRC, it: 'Il file /data/eventi.parquet è vuoto.', en: '/data/eventi.parquet is empty.', detail: true },
  {
    kind: 'format',
    source: SRC,
    it: 'Il file /data/eventi.parquet non è nel formato atteso.',
    en: '/data/eventi.parquet is not in the expected format.',
    detail: true,
  },
  {
    kind: 'corrupt',
    source: SRC,
    it: 'Il file /data/eventi.parquet è danneggiato o incompleto.',
    en: '/data/eventi.parquet is damaged or incomplete.',
    detail: true,
  },
  {
    kind: 'schema',
    params: { missing: ['stage', 'date'] },
    source: SRC,
    it: 'Il file /data/eventi.parquet non ha le colonne di un programma (mancano: stage, date) (vedere data/SCHEMA.md).',
    en: '/data/eventi.parquet does not have the columns of a programme file (missing: stage, date) (see data/SCHEMA.md).',
    detail: true,
  },
  {
    kind: 'schema',
    source: SRC,
    it: 'Il file /data/eventi.parquet non ha le colonne di un programma (vedere data/SCHEMA.md).',
    en: '/data/eventi.parquet does not have the columns of a programme file (see data/SCHEMA.md).',
    detail: true,
  },
  {
    kind: 'shape',
    params: { entity: '033005', programme: 'piccoli' },
    source: SRC,
    it: 'Il file /data/eventi.parquet non ha una riga per ogni fase raggiunta da ciascun ente (vedere data/SCHEMA.md).',
    en: '/data/eventi.parquet does not have one row per stage reached by each entity (see data/SCHEMA.md).',
    detail: true,
  },
  {
    kind: 'missing-table',
    it: 'Una tabella richiesta non è stata caricata.',
    en: 'A table that was needed has not been loaded.',
    detail: true,
  },
  {
    kind: 'extension',
    it: 'Il motore DuckDB non ha potuto caricare una sua estensione.',
    en: 'The DuckDB engine could not load one of its extensions.',
    detail: true,
  },
  {
    kind: 'engine',
    it: 'Il motore dei dati si è interrotto. Riprovare.',
    en: 'The data engine stopped. Try again.',
    retry: true,
    detail: true,
  },
  { kind: 'query', it: "L'interrogazione dei dati non è riuscita.", en: 'The data query failed.', detail: true },
  { kind: 'aborted', it: 'Operazione annullata.', en: 'Cancelled.', detail: true },
  {
    kind: 'stale-cube',
    params: { reason: 'malformed cube' },
    source: SRC,
    it: 'Il riepilogo dei dati /data/eventi.parquet non corrisponde al file.',
    en: 'The summary of /data/eventi.parquet does not match the file.',
    detail: true,
  },
  { kind: 'invalid-option', params: { value: 'x' }, it: 'Valore non valido: «x».', en: 'Invalid value: “x”.', detail: true },
  {
    kind: 'unknown-programme',
    params: { value: 'nessuno' },
    it: 'Programma sconosciuto: «nessuno».',
    en: 'Unknown programme: “nessuno”.',
    detail: false,
  },
  {
    kind: 'unknown-region',
    params: { value: 'Atlantide' },
    it: 'Regione sconosciuta: «Atlantide» (usare il nome o il codice ISTAT).',
    en: 'Unknown region: “Atlantide” (use its name or ISTAT code).',
    detail: false,
  },
  {
    kind: 'unknown-province',
    params: { value: 'ZZ' },
    it: 'Provincia sconosciuta: «ZZ» (usare la sigla, es. PC, il nome o il codice ISTAT).',
    en: 'Unknown province: “ZZ” (use the sigla, e.g. PC, the name or the ISTAT code).',
    detail: false,
  },
  {
    kind: 'unknown-comune',
    params: { value: 'Nessunluogo' },
    it: 'Comune non presente nel programma: «Nessunluogo».',
    en: 'Comune not in the programme: “Nessunluogo”.',
    detail: false,
  },
  {
    kind: 'ambiguous-name',
    params: { value: 'Reggio', what: 'province', matches: ["Reggio nell'Emilia (RE)", 'Reggio Calabria (RC)'] },
    it: "«Reggio» indica più province: Reggio nell'Emilia (RE), Reggio Calabria (RC). Scrivere la sigla o il codice ISTAT.",
    en: "“Reggio” names more than one province: Reggio nell'Emilia (RE), Reggio Calabria (RC). Write the sigla or the ISTAT code.",
    detail: false,
  },
  {
    kind: 'ambiguous-name',
    params: { value: 'Samone', what: 'comune', matches: ['Samone (TO, 001235)', 'Samone (TN, 022165)'] },
    it: '«Samone» indica più comuni: Samone (TO, 001235), Samone (TN, 022165). Scrivere il codice ISTAT.',
    en: '“Samone” names more than one comune: Samone (TO, 001235), Samone (TN, 022165). Write the ISTAT code.',
    detail: false,
  },
  {
    kind: 'ambiguous-name',
    params: { value: 'Campania', what: 'region', matches: ['Campania Nord (21)', 'Campania Sud (22)'] },
    it: '«Campania» indica più regioni: Campania Nord (21), Campania Sud (22). Scrivere il nome completo o il codice ISTAT.',
    en: '“Campania” names more than one region: Campania Nord (21), Campania Sud (22). Write the full name or the ISTAT code.',
    detail: false,
  },
  {
    kind: 'ambiguous-name',
    params: { value: 'X', what: 'planet', matches: ['X (1)', 'X (2)'] },
    it: '«X» indica più luoghi: X (1), X (2). Scrivere il codice ISTAT.',
    en: '“X” names more than one place: X (1), X (2). Write the ISTAT code.',
    detail: false,
  },
  {
    kind: 'unknown-metric',
    params: { value: 'signed', available: ['engaged-share', 'eligible', 'engaged'] },
    it: 'Metrica sconosciuta: «signed» (disponibili: engaged-share, eligible, engaged).',
    en: 'Unknown metric: “signed” (available: engaged-share, eligible, engaged).',
    detail: false,
  },
  {
    kind: 'bad-date',
    params: { value: '2021-02-30' },
    it: 'Data non valida in as-of: «2021-02-30» (formato AAAA-MM-GG).',
    en: 'Invalid date in as-of: “2021-02-30” (format YYYY-MM-DD).',
    detail: false,
  },
  {
    kind: 'bad-view',
    params: { value: 'tiny' },
    it: 'Vista sconosciuta: «tiny» (full o compact).',
    en: 'Unknown view: “tiny” (full or compact).',
    detail: false,
  },
  {
    kind: 'bad-level',
    params: { value: 'comune' },
    it: 'Livello sconosciuto: «comune» (region o province; comune solo con geo).',
    en: 'Unknown level: “comune” (region or province; comune only with geo).',
    detail: false,
  },
  {
    kind: 'need-key',
    it: 'Con l’attributo geo serve anche key: il nome della proprietà con il codice ISTAT.',
    en: 'The geo attribute needs key too: the name of the property holding the ISTAT code.',
    detail: false,
  },
  {
    kind: 'geo',
    params: { problem: 'not-json' },
    source: `${location.origin}/geo/prov.geojson`,
    it: 'Il file geo /geo/prov.geojson non è JSON valido.',
    en: 'The geo file /geo/prov.geojson is not valid JSON.',
    detail: true,
  },
  {
    kind: 'geo',
    params: { problem: 'not-geo' },
    source: `${location.origin}/geo/prov.geojson`,
    it: 'Il file geo /geo/prov.geojson non è né GeoJSON né TopoJSON.',
    en: 'The geo file /geo/prov.geojson is neither GeoJSON nor TopoJSON.',
    detail: true,
  },
  {
    kind: 'geo',
    params: { problem: 'no-features' },
    source: `${location.origin}/geo/prov.geojson`,
    it: 'Il file geo /geo/prov.geojson non contiene poligoni.',
    en: 'The geo file /geo/prov.geojson contains no polygons.',
    detail: true,
  },
  {
    kind: 'geo',
    params: { problem: 'no-key', key: 'COD_PROV', available: ['name', 'id'] },
    it: 'Nessun elemento del file geo ha la proprietà «COD_PROV» (proprietà presenti: name, id).',
    en: 'No feature of the geo file has the property “COD_PROV” (properties present: name, id).',
    detail: true,
  },
  {
    kind: 'geo',
    params: { problem: 'no-key', key: 'COD_PROV' },
    it: 'Nessun elemento del file geo ha la proprietà «COD_PROV».',
    en: 'No feature of the geo file has the property “COD_PROV”.',
    detail: true,
  },
  {
    kind: 'geo',
    params: { problem: 'no-match', key: 'COD_PROV', sample: '33, 34' },
    it: 'Nessun codice della proprietà «COD_PROV» corrisponde ai dati (es. 33, 34): controllare key e level.',
    en: 'No code in the property “COD_PROV” matches the data (e.g. 33, 34): check key and level.',
    detail: true,
  },
  {
    kind: 'engine-download',
    params: { asset: 'duckdb-eh.wasm', problem: 'http', status: 503 },
    it: 'Il motore dei dati non si è avviato: il server ha risposto 503 per il file duckdb-eh.wasm. Riprovare.',
    en: 'The data engine did not start: the server answered 503 for duckdb-eh.wasm. Try again.',
    retry: true,
    detail: true,
  },
  {
    kind: 'engine-download',
    params: { asset: 'duckdb-eh.wasm', problem: 'incomplete' },
    it: 'Il motore dei dati non si è avviato: il file duckdb-eh.wasm è arrivato incompleto o danneggiato. Riprovare.',
    en: 'The data engine did not start: duckdb-eh.wasm arrived incomplete or damaged. Try again.',
    retry: true,
    detail: true,
  },
  {
    kind: 'engine-download',
    params: { asset: 'duckdb-browser-eh.worker.js', problem: 'unavailable' },
    it: 'Il motore dei dati non si è avviato: il file duckdb-browser-eh.worker.js non è raggiungibile. Riprovare.',
    en: 'The data engine did not start: duckdb-browser-eh.worker.js cannot be reached. Try again.',
    retry: true,
    detail: true,
  },
  {
    kind: 'engine-download',
    params: { asset: 'duckdb-eh.wasm', problem: 'stalled' },
    it: 'Il motore dei dati non si è avviato: il server ha smesso di inviare il file duckdb-eh.wasm. Riprovare.',
    en: 'The data engine did not start: the server stopped sending duckdb-eh.wasm. Try again.',
    retry: true,
    detail: true,
  },
  {
    kind: 'engine-download',
    params: { asset: 'duckdb-eh.wasm', problem: 'slow' },
    it: 'Il motore dei dati non si è avviato: il server invia il file duckdb-eh.wasm troppo lentamente. Riprovare.',
    en: 'The data engine did not start: the server sends duckdb-eh.wasm too slowly. Try again.',
    retry: true,
    detail: true,
  },
  {
    kind: 'engine-unresponsive',
    params: { seconds: 60 },
    it: 'Il motore dei dati non ha risposto per 60 secondi ed è stato fermato. Riprovare.',
    en: 'The data engine did not answer for 60 seconds and was stopped. Try again.',
    retry: true,
    detail: true,
  },
  {
    kind: 'slow-download',
    params: { bytes: 1530, seconds: 61 },
    source: SRC,
    it: 'Il server invia /data/eventi.parquet troppo lentamente (1,5 kB in 61 secondi). Riprovare più tardi.',
    en: 'The server sends /data/eventi.parquet too slowly (1.5 kB in 61 seconds). Try again later.',
    retry: true,
    detail: true,
  },
  {
    kind: 'slow-download',
    params: { bytes: 12, seconds: 2 },
    source: SRC,
    it: 'Il server invia /data/eventi.parquet troppo lentamente (12 byte in 2 secondi). Riprovare più tardi.',
    en: 'The server sends /data/eventi.parquet too slowly (12 bytes in 2 seconds). Try again later.',
    retry: true,
    detail: true,
  },
  {
    kind: 'not-utf8',
    params: { line: 2, sample: '048014,Forlì' },
    source: SRC.replace('.parquet', '.csv'),
    it: 'Il file /data/eventi.csv non è in UTF-8 (riga 2: «048014,Forlì»): salvarlo come «CSV UTF-8» (in Excel: Salva con nome, CSV UTF-8) e caricarlo di nuovo.',
    en: '/data/eventi.csv is not UTF-8 (line 2: “048014,Forlì”): save it as “CSV UTF-8” (in Excel: Save As, CSV UTF-8) and load it again.',
    detail: true,
  },
  {
    kind: 'read-only',
    params: { statement: 'write' },
    it: 'La console legge i dati: non può modificarli. Sono ammesse solo interrogazioni (SELECT, FROM, WITH, VALUES, DESCRIBE, SUMMARIZE, SHOW, EXPLAIN, PIVOT).',
    en: 'The console reads data: it cannot change it. Only queries are run (SELECT, FROM, WITH, VALUES, DESCRIBE, SUMMARIZE, SHOW, EXPLAIN, PIVOT).',
    detail: false,
  },
  {
    kind: 'read-only',
    params: { statement: 'extension' },
    it: 'La console legge i dati: non può installare né caricare estensioni di DuckDB.',
    en: 'The console reads data: it cannot install or load DuckDB extensions.',
    detail: false,
  },
  {
    kind: 'read-only',
    params: { statement: 'setting' },
    it: 'La console legge i dati: non può cambiare le impostazioni del motore.',
    en: 'The console reads data: it cannot change the engine’s settings.',
    detail: false,
  },
  {
    kind: 'read-only',
    params: { statement: 'several' },
    it: 'La console esegue un’istruzione alla volta: selezionare quella da eseguire.',
    en: 'The console runs one statement at a time: select the one to run.',
    detail: false,
  },
  {
    kind: 'access-denied',
    params: { value: 'https://altro.example.org/dati.csv' },
    it: 'La console non può aprire «https://altro.example.org/dati.csv»: questo sito non lo consente.',
    en: 'The console cannot open “https://altro.example.org/dati.csv”: this site does not allow it.',
    detail: true,
  },
  {
    kind: 'query-timeout',
    params: { seconds: 60 },
    it: 'La query è stata fermata dopo 60 secondi, il tempo massimo consentito da questo sito.',
    en: 'The query was stopped after 60 seconds, the longest this site allows.',
    detail: true,
  },
  {
    kind: 'query-timeout',
    params: { seconds: 1 },
    it: 'La query è stata fermata dopo 1 secondo, il tempo massimo consentito da questo sito.',
    en: 'The query was stopped after 1 second, the longest this site allows.',
    detail: true,
  },
  {
    kind: 'query-timeout',
    params: { seconds: 2.5 },
    it: 'La query è stata fermata dopo 2,5 secondi, il tempo massimo consentito da questo sito.',
    en: 'The query was stopped after 2.5 seconds, the longest this site allows.',
    detail: true,
  },
  {
    kind: 'out-of-memory',
    params: { limit: '953.6 MiB' },
    it: 'La query richiede più memoria di quella disponibile (953,6 MiB) ed è stata fermata: provare a filtrare o aggregare i dati.',
    en: 'The query needs more memory than is available (953.6 MiB) and was stopped: try filtering or aggregating the data.',
    detail: true,
  },
];

describe('describeError', () => {
  it('says every kind in Italian and English, with its values filled in, and offers retry and details as it should', () => {
    for (const c of CASES) {
      const e = { kind: c.kind, params: c.params ?? {}, message: `technical: ${c.kind}`, source: c.source };
      const label = `${c.kind} ${JSON.stringify(c.params ?? {})}`;
      const detail = c.detail ? `technical: ${c.kind}` : undefined;
      expect(describeError(e, 'it'), label).to.deep.equal({ text: c.it, detail, retry: c.retry ?? false });
      expect(describeError(e, 'en'), label).to.deep.equal({ text: c.en, detail, retry: c.retry ?? false });
    }
  });

  it('names the data file by its path on this site, by its whole URL on another, or "the data" when there is none', () => {
    const e = (source?: string, params: PiccoliErrorParams = {}) => ({ kind: 'empty' as const, params, message: '', source });
    expect(describeError(e('https://example.org/dati/eventi.csv'), 'en').text).to.equal('https://example.org/dati/eventi.csv is empty.');
    expect(describeError(e(undefined, { url: `${location.origin}/x/y.arrow` }), 'en').text).to.equal('/x/y.arrow is empty.');
    expect(describeError(e(), 'en').text).to.equal('the data is empty.');
    const long = `${location.origin}/${'cartella/'.repeat(12)}eventi.parquet`;
    const text = describeError(e(long), 'en').text;
    expect(text).to.equal(`…${new URL(long).pathname.slice(-79)} is empty.`);
  });

  // With no source, the Italian sentences once read "Il file i dati è vuoto."
  it('says "the data" in Italian as a sentence can read when the error names no file', () => {
    for (const kind of ['empty', 'format', 'corrupt', 'http', 'network', 'schema'] as const) {
      const text = describeError({ kind, params: {}, message: '', source: undefined }, 'it').text;
      expect(text, kind).to.not.contain('Il file i dati');
      expect(text, kind).to.match(/^Il file dei dati /);
    }
  });

  it('shows a value from the page on one line, cut at 60 characters', () => {
    const value = `Reggio\nnell'Emilia\t${'x'.repeat(80)}`;
    const d = describeError(invalidOption('unknown-province', { value }, 'province'), 'it');
    const oneLine = `Reggio nell'Emilia ${'x'.repeat(80)}`.slice(0, 60);
    expect(d.text).to.equal(`Provincia sconosciuta: «${oneLine}…» (usare la sigla, es. PC, il nome o il codice ISTAT).`);
    expect(d.text).to.not.contain('\n');
  });

  it('cuts the list of available choices at 200 characters', () => {
    const available = Array.from({ length: 40 }, (_, i) => `stage-${i}`);
    const d = describeError(invalidOption('unknown-metric', { value: 'x', available }, 'metric'), 'en');
    expect(d.text).to.equal(`Unknown metric: “x” (available: ${available.join(', ').slice(0, 200)}…).`);
  });

  it('a kind it does not know reads as a failed query, with the technical message as details', () => {
    const e = new PiccoliDataError('query', 'Parser Error: syntax error at or near "SELEC"', undefined, {
      kind: 'geo',
      params: { problem: 'martian' },
    });
    expect(describeError(e, 'it')).to.deep.equal({
      text: "L'interrogazione dei dati non è riuscita.",
      detail: 'Parser Error: syntax error at or near "SELEC"',
      retry: false,
    });
  });
});

describe('shown', () => {
  it('puts a value on one line and bounds it', () => {
    expect(shown('a\n\n b\tc')).to.equal('a b c');
    expect(shown('x'.repeat(60))).to.equal('x'.repeat(60));
    expect(shown('x'.repeat(61))).to.equal(`${'x'.repeat(60)}…`);
    expect(shown('abcdef', 3)).to.equal('abc…');
  });
});
