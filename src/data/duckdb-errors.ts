import { PiccoliDataError, messageOf } from './errors.js';

/*
 * DuckDB-WASM's own errors turned into typed ones: engine code only (every element's
 * first load does without these patterns).
 */

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
  const sandboxed = sandboxError(raw, position, source, e);
  if (sandboxed) return sandboxed;
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

/**
 * What the locked-down engine refuses (src/data/sandbox.ts): a file or URL outside the
 * allowed ones, an extension, more memory than its limit.
 */
function sandboxError(raw: string, position: number | undefined, source: string | undefined, cause: unknown): PiccoliDataError | undefined {
  const file = /^Permission Error: Cannot access file "([^"]*)"/i.exec(raw);
  if (file) {
    const err = new PiccoliDataError('query', raw, source, { cause, kind: 'access-denied', params: { value: file[1] } });
    err.position = position;
    return err;
  }
  if (/^Permission Error: Loading external extensions is disabled/i.test(raw)) {
    return new PiccoliDataError('query', raw, source, { cause, kind: 'read-only', params: { statement: 'extension' } });
  }
  if (/^Out of Memory Error/i.test(raw)) {
    const limit = /\/\s*([\d.]+ \w+) used\)/.exec(raw)?.[1] ?? '';
    return new PiccoliDataError('query', raw, source, { cause, kind: 'out-of-memory', params: { limit } });
  }
  return undefined;
}

/** The first line of a message, bounded: what an error shows of a library's text. */
export function firstLine(s: string): string {
  const line = s.split('\n')[0]!.trim();
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
