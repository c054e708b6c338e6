import type { Table } from 'apache-arrow';
import { PiccoliDataError, abortError, messageOf, type PiccoliErrorKind } from '../errors.js';
import type { ConnectorSettings } from './connector.js';

/**
 * The connector's HTTP client: one POST per query to ClickHouse's HTTP interface, with a
 * query id, read as Arrow (src/data/clickhouse/arrow.ts). What the server can do is asked,
 * not assumed, once per page (`capabilities`): its version and time zone, whether it
 * writes ArrowStream (else JSONCompact, which every version has), whether the user may
 * change settings (a `readonly = 1` user may not, and every setting sent would be
 * refused), and which of the settings used here it knows.
 *
 * Bounds: with settings allowed, the server stops a query at `max_execution_time` and
 * a console result at `max_result_rows` (`result_overflow_mode = 'break'`). Always, the
 * client stops waiting at the same time limit and stops reading past the byte cap; a
 * query the client gives up on (a cancel, the time limit, an element leaving) is killed
 * on the server (`KILL QUERY` by its id; readonly users may kill their own), and newer
 * servers also cancel it when the connection closes
 * (`cancel_http_readonly_queries_on_client_close`).
 */

export interface Capabilities {
  version: string;
  timeZone: string;
  /** The server writes ArrowStream. */
  arrow: boolean;
  /** The user may send settings with a query (`readonly` is not 1). */
  settings: boolean;
  /** Which of the optional settings the server knows. */
  known: ReadonlySet<string>;
}

export interface ChQueryOptions {
  signal?: AbortSignal;
  timeoutMs: number;
  /** Keep at most this many rows (the server stops after about this many, when it may). */
  maxRows?: number;
  /** Read at most this many bytes of the answer. */
  maxBytes?: number;
  /**
   * Read the answer as JSONCompact even where the server writes Arrow: its header names
   * ClickHouse's own types (Date, DateTime, Enum, Decimal), which an ArrowStream from
   * ClickHouse writes as plain integers. For the console's SQL, whose columns are anyone's.
   */
  exactTypes?: boolean;
}

export interface ChResult {
  table: Table;
  /** The server stopped at `maxRows` (result_overflow_mode = break): more rows may exist. */
  capped: boolean;
}

const OPTIONAL_SETTINGS = [
  'cancel_http_readonly_queries_on_client_close',
  'output_format_arrow_string_as_string',
  'output_format_arrow_low_cardinality_as_dictionary',
] as const;

/** Error codes of ClickHouse (src/Common/ErrorCodes.cpp) and what a reader is told. */
const CODES: Record<number, { kind: PiccoliErrorKind; what?: string }> = {
  16: { kind: 'unknown-name', what: 'column' }, // NO_SUCH_COLUMN_IN_TABLE
  47: { kind: 'unknown-name', what: 'column' }, // UNKNOWN_IDENTIFIER
  60: { kind: 'unknown-name', what: 'table' }, // UNKNOWN_TABLE
  81: { kind: 'unknown-name', what: 'database' }, // UNKNOWN_DATABASE
  159: { kind: 'query-timeout' }, // TIMEOUT_EXCEEDED
  164: { kind: 'read-only' }, // READONLY
  192: { kind: 'remote-auth' }, // UNKNOWN_USER
  193: { kind: 'remote-auth' }, // WRONG_PASSWORD
  194: { kind: 'remote-auth' }, // REQUIRED_PASSWORD
  195: { kind: 'remote-auth' }, // IP_ADDRESS_NOT_ALLOWED
  201: { kind: 'remote-quota' }, // QUOTA_EXPIRED (QUOTA_EXCEEDED)
  202: { kind: 'remote-quota' }, // TOO_MANY_SIMULTANEOUS_QUERIES
  497: { kind: 'read-only' }, // ACCESS_DENIED
  516: { kind: 'remote-auth' }, // AUTHENTICATION_FAILED
};

/** `Code: 60, e.displayText() = DB::Exception: Table x doesn't exist., e.what() = …` (18.x) or `Code: 60. DB::Exception: … (UNKNOWN_TABLE) (version …)`. */
export function parseServerError(text: string): { code: number; message: string } | null {
  const m =
    /Code:\s*(\d+)[.,]\s*(?:e\.displayText\(\) = )?(?:DB::Exception: )?([\s\S]*?)(?:, e\.what\(\) = [\s\S]*|\s*\(version [^)]*\)\s*)?$/.exec(
      text.trim(),
    );
  return m ? { code: Number(m[1]), message: m[2]!.trim() } : null;
}

/** The name an unknown-name error is about, from the server's message. */
function nameIn(message: string): string {
  const m =
    /Table (\S+?)\.? doesn't exist/.exec(message) ??
    /Database (\S+?)\.? doesn't exist/.exec(message) ??
    /Unknown identifier: (\S+?)(?:,|\s|$)/.exec(message) ??
    /(?:Missing columns|There is no column)[^']*'([^']+)'/.exec(message) ??
    /'([^']+)'/.exec(message);
  return (m?.[1] ?? '').replace(/^`|`$/g, '');
}

/** What a server's error text (and status) means to a reader, as a typed error. */
export function serverError(status: number, text: string, source: string, timeoutSeconds: number): PiccoliDataError {
  const parsed = parseServerError(text);
  if (!parsed) {
    // No ClickHouse text: a proxy (or a gateway) answered for the server.
    if (status === 401 || status === 403) return remote('remote-auth', `${source}: HTTP ${status}`, source);
    if (status === 429) return remote('remote-quota', `${source}: HTTP ${status}`, source);
    return remote('remote-unreachable', `${source}: HTTP ${status} ${text.slice(0, 200)}`.trim(), source, { status });
  }
  const { code, message } = parsed;
  const known = CODES[code];
  const detail = `ClickHouse ${code}: ${message}`;
  if (!known) return new PiccoliDataError('query', detail, source, { params: { code } });
  if (known.kind === 'unknown-name') return remote('unknown-name', detail, source, { value: nameIn(message), what: known.what });
  if (known.kind === 'query-timeout') return remote('query-timeout', detail, source, { seconds: timeoutSeconds });
  if (known.kind === 'read-only') return remote('read-only', detail, source, { statement: 'remote' });
  return remote(known.kind, detail, source);
}

function remote(
  kind: PiccoliErrorKind,
  message: string,
  source: string,
  params: Record<string, string | number | undefined> = {},
): PiccoliDataError {
  return new PiccoliDataError('remote', message, source, { kind, params });
}

/**
 * A syntax error's place in the SQL, as the console marks it (PiccoliDataError.position, a
 * 0-based character offset): ClickHouse says "failed at position N", N counting bytes of
 * UTF-8 from 1.
 */
function withPosition(e: unknown, sql: string): unknown {
  const m = e instanceof PiccoliDataError && e.kind === 'query' ? /failed at position (\d+)/.exec(e.message) : null;
  if (m) {
    const bytes = new TextEncoder().encode(sql).subarray(0, Number(m[1]) - 1);
    (e as PiccoliDataError).position = new TextDecoder().decode(bytes).length;
  }
  return e;
}

let counter = 0;
function queryId(): string {
  const rnd = crypto.getRandomValues(new Uint32Array(2));
  return `piccoli-${Date.now().toString(36)}-${(counter++).toString(36)}-${rnd[0]!.toString(36)}${rnd[1]!.toString(36)}`;
}

export class ClickHouseClient {
  private _caps?: Promise<Capabilities>;
  /** Queries running now, by id: killed on the server when their caller gives up. */
  readonly running = new Set<string>();

  constructor(readonly settings: Readonly<ConnectorSettings>) {}

  /** What the server can do, asked once (a failure is not kept: the next query asks again). */
  capabilities(signal?: AbortSignal): Promise<Capabilities> {
    if (!this._caps) {
      this._caps = this._probe(signal);
      this._caps.catch(() => (this._caps = undefined));
    }
    return this._caps;
  }

  /** Run one statement and read its answer as Arrow. */
  async query(sql: string, opts: ChQueryOptions): Promise<ChResult> {
    const caps = await this.capabilities(opts.signal);
    const format = caps.arrow && !opts.exactTypes ? 'ArrowStream' : 'JSONCompact';
    const settings: Record<string, string> = {};
    if (caps.settings) {
      settings.max_execution_time = String(Math.max(1, Math.ceil(opts.timeoutMs / 1000)));
      settings.output_format_json_quote_64bit_integers = '1';
      if (opts.maxRows !== undefined) {
        settings.max_result_rows = String(opts.maxRows);
        settings.result_overflow_mode = 'break';
      }
      for (const s of OPTIONAL_SETTINGS)
        if (caps.known.has(s)) settings[s] = s === 'output_format_arrow_low_cardinality_as_dictionary' ? '0' : '1';
    }
    const res = await this._post(sql, { ...opts, format, settings }).catch((e: unknown) => {
      throw withPosition(e, sql);
    });
    const arrow = await import('./arrow.js');
    if (format === 'ArrowStream') {
      const bytes = await this._read(res, opts);
      const table = await arrow.tableFromArrowStream(bytes);
      return { table, capped: opts.maxRows !== undefined && table.numRows >= opts.maxRows };
    }
    const text = new TextDecoder().decode(await this._read(res, opts));
    let parsed: ReturnType<typeof arrow.tableFromJSONCompact>;
    try {
      parsed = arrow.tableFromJSONCompact(text, caps.timeZone);
    } catch (e) {
      // An error after the first bytes (the status was already 200) comes at the end of the body.
      if (e instanceof arrow.ClickHouseResultError && e.serverText) {
        throw serverError(500, e.serverText, this.label, Math.ceil(opts.timeoutMs / 1000));
      }
      throw new PiccoliDataError('remote', `The server's answer could not be read: ${messageOf(e)}`, this.label, {
        kind: 'query',
        cause: e,
      });
    }
    return { table: parsed.table, capped: opts.maxRows !== undefined && parsed.table.numRows >= opts.maxRows };
  }

  /** Stop a query on the server (best effort: the answer is not awaited by callers that have moved on). */
  async kill(id: string): Promise<void> {
    // The id is ours (letters, digits, '-'): written in the SQL as a checked literal.
    if (!/^[a-z0-9-]+$/.test(id)) return;
    try {
      const res = await this._fetch(`KILL QUERY WHERE query_id = '${id}' ASYNC`, { format: 'JSONCompact', settings: {} });
      await res.arrayBuffer();
    } catch {
      // The server is gone or refused: nothing more to stop.
    }
  }

  get label(): string {
    return `clickhouse:${this.settings.database}.${this.settings.table}`;
  }

  private async _probe(signal?: AbortSignal): Promise<Capabilities> {
    // One question: the server's own catalogues say what it has (system.formats since 18.x).
    const names = ['readonly', ...OPTIONAL_SETTINGS].map((n) => `'${n}'`).join(', ');
    const sql =
      `SELECT version() AS version, timezone() AS tz, ` +
      `(SELECT groupArray(name) FROM system.settings WHERE name IN (${names})) AS known, ` +
      `(SELECT any(value) FROM system.settings WHERE name = 'readonly') AS readonly, ` +
      `(SELECT count() FROM system.formats WHERE name = 'ArrowStream' AND is_output) AS arrow`;
    const res = await this._post(sql, { signal, timeoutMs: this.settings.timeoutMs, format: 'JSONCompact', settings: {} });
    const info = (await res.json()) as { data: unknown[][] };
    const [version, timeZone, known, readonly, arrow] = info.data[0] as [string, string, string[], string, string | number];
    return { version, timeZone: timeZone || 'UTC', arrow: Number(arrow) > 0, settings: readonly !== '1', known: new Set(known) };
  }

  /** POST the query; a non-2xx answer becomes a typed error. Gives up (and kills the query) at the time limit or the caller's abort. */
  private async _post(
    sql: string,
    opts: { signal?: AbortSignal; timeoutMs: number; format: string; settings: Record<string, string> },
  ): Promise<Response> {
    const id = queryId();
    const ctrl = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ctrl.abort();
    }, opts.timeoutMs + 2000); // the server's own limit first, when it may have one
    const onAbort = () => ctrl.abort();
    if (opts.signal?.aborted) throw abortError(this.label);
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    this.running.add(id);
    const done = () => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      this.running.delete(id);
    };
    let res: Response;
    try {
      res = await this._fetch(sql, { id, format: opts.format, settings: opts.settings, signal: ctrl.signal });
    } catch (e) {
      done();
      if (ctrl.signal.aborted) {
        void this.kill(id);
        if (timedOut)
          throw remote('query-timeout', `No answer within ${opts.timeoutMs} ms`, this.label, { seconds: Math.ceil(opts.timeoutMs / 1000) });
        throw abortError(this.label);
      }
      throw remote('remote-unreachable', `${this.settings.url}: ${messageOf(e)}`, this.label);
    }
    if (!res.ok) {
      const text = await res.text().catch(() => '');
      done();
      throw serverError(res.status, text, this.label, Math.ceil(opts.timeoutMs / 1000));
    }
    // The body is read by the caller: the timer and the abort stay armed until it is.
    const body = res.body;
    if (!body) {
      done();
      return res;
    }
    const reader = body.getReader();
    const label = this.label;
    const kill = () => void this.kill(id);
    const stream = new ReadableStream<Uint8Array>({
      async pull(c) {
        try {
          const { done: end, value } = await reader.read();
          if (end) {
            done();
            c.close();
          } else c.enqueue(value);
        } catch (e) {
          done();
          kill();
          c.error(
            timedOut
              ? remote('query-timeout', `No answer within ${opts.timeoutMs} ms`, label, { seconds: Math.ceil(opts.timeoutMs / 1000) })
              : ctrl.signal.aborted
                ? abortError(label)
                : remote('remote-unreachable', messageOf(e), label),
          );
        }
      },
      cancel(reason) {
        done();
        kill();
        return reader.cancel(reason);
      },
    });
    return new Response(stream, { status: res.status, headers: res.headers });
  }

  private _fetch(
    sql: string,
    o: { id?: string; format: string; settings: Record<string, string>; signal?: AbortSignal },
  ): Promise<Response> {
    const s = this.settings;
    const url = new URL(s.url);
    url.searchParams.set('database', s.database);
    url.searchParams.set('default_format', o.format);
    // The server buffers the answer, so that an error is a 4xx/5xx status rather than text
    // appended to a 200's body (a parameter of the HTTP interface: readonly users may send it).
    url.searchParams.set('wait_end_of_query', '1');
    if (o.id) url.searchParams.set('query_id', o.id);
    for (const [k, v] of Object.entries(o.settings)) url.searchParams.set(k, v);
    const headers: Record<string, string> = {};
    if (s.user !== undefined || s.password !== undefined) {
      if (url.origin === location.origin) {
        if (s.user !== undefined) headers['X-ClickHouse-User'] = s.user;
        if (s.password !== undefined) headers['X-ClickHouse-Key'] = s.password;
      } else {
        // Another origin: custom headers would make the browser send a preflight (OPTIONS),
        // which older servers answer 501. A plain POST with the credentials as parameters needs none.
        if (s.user !== undefined) url.searchParams.set('user', s.user);
        if (s.password !== undefined) url.searchParams.set('password', s.password);
      }
    }
    return fetch(url, {
      method: 'POST',
      body: sql,
      headers: { 'Content-Type': 'text/plain;charset=UTF-8', ...headers },
      signal: o.signal,
      credentials: 'omit',
    });
  }

  /** The whole body, up to maxBytes (past it: the query is stopped and the reader told). */
  private async _read(res: Response, opts: ChQueryOptions): Promise<Uint8Array> {
    const reader = res.body!.getReader();
    const parts: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (opts.maxBytes !== undefined && size > opts.maxBytes) {
        await reader.cancel();
        throw remote('remote-too-large', `The answer is larger than ${opts.maxBytes} bytes`, this.label, { bytes: opts.maxBytes });
      }
      parts.push(value);
    }
    const out = new Uint8Array(size);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.byteLength;
    }
    return out;
  }
}
