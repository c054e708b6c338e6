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
  | 'remote' // a remote engine (the ClickHouse connector) refused or could not answer
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
  | 'ambiguous-name' // a name several places answer to (params: value, what: 'region' | 'province' | 'comune', matches: string[])
  | 'unknown-metric' // params: value, available (string[])
  | 'bad-date' // params: value
  | 'bad-view' // params: value
  | 'bad-level' // params: value
  | 'need-key' // a map with `geo` but no `key`
  | 'geo' // a boundary file the map cannot use (params: problem, key, available, sample)
  | 'stale-cube' // a cube file that does not describe its data file
  | 'engine-download' // the engine's wasm or worker did not arrive whole (params: asset, problem: 'http' | 'incomplete' | 'unavailable' | 'stalled' | 'slow', status)
  | 'engine-unresponsive' // the engine's worker did not answer its health check (params: seconds)
  | 'slow-download' // a server sending too slowly to finish (params: bytes, seconds)
  | 'not-utf8' // a CSV file in another encoding than UTF-8 (params: line, sample: the field as Windows-1252 reads it)
  | 'read-only' // SQL the console does not run (params: statement: 'write' | 'extension' | 'setting' | 'several')
  | 'access-denied' // a file or URL the engine may not open (params: value)
  | 'query-timeout' // a console query stopped at the site's time limit (params: seconds)
  | 'out-of-memory' // a query that needed more than the engine's memory limit (params: limit, as DuckDB writes it)
  | 'remote-unreachable' // the remote engine did not answer (params: status when a proxy answered for it)
  | 'remote-auth' // the remote engine refused the connector's user or password
  | 'remote-quota' // the remote engine's quota for the connector's user is used up
  | 'remote-too-large' // a result larger than the console keeps, from a server that cannot stop it (params: bytes)
  | 'unknown-name'; // a table, column or database the remote engine does not have (params: value, what: 'table' | 'column' | 'database')

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
