/**
 * Typed errors of the data layer. Every failure a user can cause (a bad URL, a file
 * that is not what it claims, a failing query) becomes a `PiccoliDataError` whose
 * message names the source and the cause, in words an editor can act on.
 */

/** What went wrong, for code that wants to react (retry, show a hint) rather than read. */
export type PiccoliErrorCode =
  | 'http' // the server answered with an error status
  | 'network' // no answer at all (offline, DNS, CORS)
  | 'timeout' // the server stopped sending
  | 'empty' // zero bytes
  | 'format' // the bytes are not the format the name or option says
  | 'corrupt' // the right format, but truncated or damaged
  | 'schema' // readable, but the columns are not the expected ones
  | 'missing-table' // a query names a table that was never loaded
  | 'extension' // DuckDB-WASM could not fetch one of its extensions
  | 'engine' // the engine could not start, or its worker died
  | 'query' // DuckDB rejected the SQL
  | 'aborted' // superseded or cancelled by the caller
  | 'invalid-option'; // an attribute or option value we cannot use

/**
 * What exactly went wrong, finer than the code: the describer (src/i18n/errors.ts) turns
 * a kind and its params into words in the reader's language. Defaults to the code.
 */
export type PiccoliErrorKind =
  | PiccoliErrorCode
  | 'shape' // a stage-events file whose entities skip or repeat stages (params: entity, programme, problem)
  | 'unknown-programme' // params: value
  | 'unknown-region' // params: value
  | 'unknown-province' // params: value
  | 'unknown-comune' // params: value
  | 'unknown-metric' // params: value, available (string[])
  | 'bad-date' // params: value
  | 'bad-view' // params: value
  | 'bad-level' // params: value
  | 'need-key' // a map with `geo` but no `key`
  | 'geo' // a boundary file the map cannot use (params: problem, key, available, sample)
  | 'stale-cube'; // a cube file that does not describe its data file

/** Parameters of an error: plain, serialisable values only. */
export type PiccoliErrorParams = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;

export class PiccoliDataError extends Error {
  override readonly name = 'PiccoliDataError';
  /** For a failed query: DuckDB's 0-based character offset of the error in the SQL. */
  position?: number;
  /** What went wrong, for the describer: the code, or a finer kind. */
  readonly kind: PiccoliErrorKind;
  /** Values the describer needs (a status, the value given, the choices there were). */
  readonly params: PiccoliErrorParams;
  constructor(
    readonly code: PiccoliErrorCode,
    /** English, technical: for developers and the "details" disclosure. */
    message: string,
    /** The source (URL or table name) the error is about, when there is one. */
    readonly source?: string,
    options?: { cause?: unknown; kind?: PiccoliErrorKind; params?: PiccoliErrorParams },
  ) {
    super(message, options);
    this.kind = options?.kind ?? code;
    this.params = options?.params ?? {};
  }
}

/**
 * An attribute or option value that cannot be used: a typed error whose message (for
 * developers) names the attribute and the value, Plot's `invalid ${name}: ${value}`.
 */
export function invalidOption(
  kind: PiccoliErrorKind,
  params: PiccoliErrorParams & { value?: string },
  what: string = kind,
): PiccoliDataError {
  const value = params.value === undefined ? '' : `: ${JSON.stringify(String(params.value).slice(0, 80))}`;
  return new PiccoliDataError('invalid-option', `invalid ${what}${value}`, undefined, { kind, params });
}

/**
 * DuckDB-WASM 1.32 reports query errors as JSON in the message:
 * {"exception_type":"Parser","exception_message":"syntax error ...","position":"28"}.
 * This gives DuckDB's usual text ("Parser Error: ...") and the offset.
 */
export function parseDuckDBMessage(message: string): { text: string; position?: number } {
  const trimmed = message.trim();
  if (trimmed.startsWith('{')) {
    try {
      const j = JSON.parse(trimmed) as Record<string, unknown>;
      if (typeof j.exception_message === 'string') {
        const type = typeof j.exception_type === 'string' ? `${j.exception_type} Error: ` : '';
        const pos = Number(j.position);
        return { text: `${type}${j.exception_message}`, position: Number.isInteger(pos) && pos >= 0 ? pos : undefined };
      }
    } catch {
      // not JSON after all
    }
  }
  return { text: message };
}

/** True for the error a superseded or cancelled operation ends with. */
export function isAbortError(e: unknown): boolean {
  return (e instanceof PiccoliDataError && e.code === 'aborted') || (e instanceof DOMException && e.name === 'AbortError');
}

export function abortError(source?: string): PiccoliDataError {
  return new PiccoliDataError('aborted', 'The operation was cancelled.', source);
}

/** Whatever was thrown, as a typed error (code 'query' for the unexpected). */
export function asDataError(e: unknown): PiccoliDataError {
  return e instanceof PiccoliDataError ? e : new PiccoliDataError('query', messageOf(e), undefined, { cause: e });
}

export function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

/**
 * Messages DuckDB-WASM gives when it tries to download an extension (parquet, json,
 * httpfs ...) from its extension host and cannot. The worst is a bare wasm trap,
 * "table index is out of bounds", which says nothing about extensions at all
 * (duckdb/duckdb-wasm#1658, #1707).
 */
const EXTENSION_SYMPTOMS = [
  /is not in the catalog, but it exists in the \w+ extension/i,
  /extension .* (could not be loaded|not found|failed|is not available)/i,
  /failed to (download|install|load) extension/i,
  /extensions\.duckdb\.org/i,
  /Catalog Error: .*(read_parquet|parquet_scan|read_json).* does not exist/i,
  /install(ing)? extension/i,
];

/**
 * A WebAssembly trap inside DuckDB-WASM. After one the instance's memory cannot be
 * trusted, so the engine is restarted. With 1.32 an extension that cannot be fetched
 * ends in such a trap: "table index is out of bounds" with autoinstall on,
 * "function signature mismatch" with it off (duckdb/duckdb-wasm#1658).
 */
export function isWasmTrap(e: unknown): boolean {
  return /table index is out of bounds|function signature mismatch|unreachable|memory access out of bounds|RuntimeError/i.test(
    messageOf(e),
  );
}

/** SQL that makes DuckDB reach for an extension it does not have built in. */
const NEEDS_EXTENSION = /\b(read_parquet|parquet_scan|parquet_metadata|parquet_schema|read_json\w*|INSTALL|LOAD)\b|\.parquet'|\.json'/i;

/** Translate a raw DuckDB error into a typed one; `source` names what was being read. */
export function translateDuckDBError(e: unknown, sql?: string, source?: string): PiccoliDataError {
  if (e instanceof PiccoliDataError) return e;
  const { text: raw, position } = parseDuckDBMessage(messageOf(e));
  const trap = isWasmTrap(raw);
  if (EXTENSION_SYMPTOMS.some((re) => re.test(raw)) || (trap && sql && NEEDS_EXTENSION.test(sql))) {
    const named =
      /(\w+)\.duckdb_extension/.exec(raw)?.[1] ?? /exists in the (\w+) extension/i.exec(raw)?.[1] ?? /extension "?(\w+)"?/i.exec(raw)?.[1];
    const ext = named ?? (/parquet/i.test(raw + (sql ?? '')) ? 'parquet' : /json/i.test(raw) ? 'json' : 'a required');
    return new PiccoliDataError(
      'extension',
      `DuckDB-WASM could not load the ${ext} extension: it fetches extensions from an extension ` +
        `host that this page cannot reach. Serve the extension yourself and set ` +
        `configure({ extensionRepository }), or let piccoli read Parquet with its built-in reader ` +
        `(the default). DuckDB said: ${firstLine(raw)}`,
      source,
      { cause: e },
    );
  }
  const missing = /Table with name (\S+) does not exist/i.exec(raw);
  if (missing) {
    return new PiccoliDataError(
      'missing-table',
      `There is no table named ${missing[1]} in the engine: load a source with that name first.`,
      missing[1],
      { cause: e },
    );
  }
  if (trap || /worker (was )?terminated/i.test(raw)) {
    return new PiccoliDataError('engine', `The DuckDB engine stopped (${firstLine(raw)}); it will restart on the next query.`, source, {
      cause: e,
    });
  }
  const err = new PiccoliDataError('query', raw, source, { cause: e });
  err.position = position;
  return err;
}

function firstLine(s: string): string {
  const line = s.split('\n')[0]!.trim();
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
