import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { config } from './config.js';
import { memorySetting } from './configure.js';
import { parseDuckDBMessage } from './duckdb-errors.js';
import { PiccoliDataError, messageOf } from './errors.js';
import { quoteLiteral } from './sql/quote.js';

/*
 * The console's sandbox, in two parts.
 *
 * The engine (every query on it, the elements' too): after its own set-up it opens no
 * file and no URL except the files piccoli registers itself (under STAGING_DIR) and the
 * origins the site allows (configure({ console: { allowOrigins } })); it has a memory
 * limit; and its configuration is locked, so that no SQL can switch any of this back.
 *
 * The console's SQL: only statements that read. DuckDB decides, with its own parser:
 * its `query()` table function accepts exactly one SELECT statement (SELECT, FROM-first,
 * WITH … SELECT, VALUES, TABLE, DESCRIBE, SUMMARIZE, SHOW, PIVOT … IN, UNPIVOT) and
 * refuses anything else, several statements included. `EXPLAIN [ANALYZE]` of such a
 * statement is accepted too. A read-only check rather than a separate schema of views:
 * DuckDB-WASM has a single catalog that every element reads, and SQL that only reads
 * cannot change what they show, whatever tables it names. (`json_serialize_sql`, the
 * other parser-based test, needs the json extension, which DuckDB-WASM 1.32 does not
 * have built in.)
 */

/** Where piccoli registers the files it hands DuckDB: the one local path the engine may open. */
export const STAGING_DIR = 'piccoli-files/';

/**
 * The statements that lock the engine down, in order: allowed_directories can only be
 * set while external access is on, and nothing can be set once the configuration is
 * locked. Values are validated by configure() and quoted by the audited helper.
 */
export function lockdownStatements(): string[] {
  const allowed = [STAGING_DIR, ...allowedOriginPrefixes()].map(quoteLiteral).join(', ');
  return [
    `SET memory_limit = ${quoteLiteral(memorySetting())}`,
    `SET allowed_directories = [${allowed}]`,
    'SET enable_external_access = false',
    'SET lock_configuration = true',
  ];
}

/** What a refused statement was, for the sentence the reader gets. */
export type RefusedStatement = 'write' | 'extension' | 'setting' | 'several';

/** The error for SQL the console does not run. */
export function readOnlyError(statement: RefusedStatement): PiccoliDataError {
  const what = {
    write: 'only statements that read data (SELECT, FROM, WITH, VALUES, DESCRIBE, SUMMARIZE, SHOW, EXPLAIN, PIVOT) are run',
    extension: 'extensions cannot be installed or loaded from the console',
    setting: 'the engine settings cannot be changed from the console',
    several: 'one statement at a time is run; select the one to run',
  }[statement];
  return new PiccoliDataError('query', `The console reads data and cannot change it: ${what}.`, undefined, {
    kind: 'read-only',
    params: { statement },
  });
}

/**
 * Refuse `sql` unless it only reads (see above). Resolves when DuckDB accepts it as one
 * SELECT; errors of a statement that does read (a missing column) are left for the run
 * itself, which reports them with their position.
 */
export async function checkReadOnly(conn: AsyncDuckDBConnection, sql: string): Promise<void> {
  const target = explained(sql);
  let stmt;
  try {
    // DESCRIBE binds the statement without running it; the text is a bound parameter.
    stmt = await conn.prepare('DESCRIBE SELECT * FROM query(?)');
    await stmt.query(target);
    return;
  } catch (e) {
    const { text } = parseDuckDBMessage(messageOf(e));
    if (/Expected a single SELECT statement/i.test(text)) throw readOnlyError(classify(sql));
    if (!/^Parser Error/i.test(text)) return; // reads, but fails: the run says where
  } finally {
    stmt?.close().catch(() => undefined);
  }
  // A syntax error: preparing the text (which never runs it) gives DuckDB's own message
  // and position. Should it prepare after all, refuse it.
  let prepared;
  try {
    prepared = await conn.prepare(sql);
  } catch (e) {
    // DuckDB-WASM 1.32 repeats the LINE/caret context of a prepared statement's error.
    throw new Error(messageOf(e).replace(/(\n\nLINE \d+:[\s\S]*?)\1$/, '$1'), { cause: e });
  }
  await prepared.close().catch(() => undefined);
  throw readOnlyError(classify(sql));
}

/** The statement under `EXPLAIN [ANALYZE]` (with or without options), else the text itself. */
function explained(sql: string): string {
  // Options are `(name value, …)`; `(SELECT …)` is a statement, not options. Whatever
  // this gets wrong can only refuse: the text must still parse as one SELECT.
  const m =
    /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*EXPLAIN\b\s*(?:\((?!\s*(?:SELECT|FROM|WITH|VALUES|TABLE|PIVOT|UNPIVOT|DESCRIBE|SUMMARIZE|SHOW)\b)[^()]*\)\s*)?(?:ANALY[SZ]E\b)?/i.exec(
      sql,
    );
  return m ? sql.slice(m[0].length) : sql;
}

/**
 * Which sentence a refused text gets: from the first words of its statements. Only the
 * message depends on this; whether the text runs is DuckDB's decision (checkReadOnly).
 */
export function classify(sql: string): RefusedStatement {
  const heads = statements(sql).map((s) => s.replace(/\s+/g, ' ').trim().toUpperCase().slice(0, 200));
  if (heads.some((h) => /^(INSTALL|LOAD|FORCE|UPDATE EXTENSIONS)\b/.test(h) || /^(SET|RESET)\b.*EXTENSION/.test(h))) return 'extension';
  if (heads.length > 1) return 'several';
  if (heads.some((h) => /^(SET|RESET)\b/.test(h))) return 'setting';
  return 'write';
}

/** The statements of a text, comments removed, split at semicolons outside quotes. */
export function statements(sql: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    const two = sql.slice(i, i + 2);
    if (two === '--') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end;
      cur += ' ';
    } else if (two === '/*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 1;
      cur += ' ';
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === c && sql[j + 1] !== c)) j += sql[j] === c ? 2 : 1;
      cur += sql.slice(i, j + 1);
      i = j;
    } else if (c === ';') {
      if (cur.trim()) out.push(cur);
      cur = '';
    } else {
      cur += c;
    }
  }
  if (cur.trim()) out.push(cur);
  return out;
}

/**
 * The allowed origins as DuckDB's `allowed_directories` prefixes: `https://host[:port]/`.
 * The final slash matters: 'https://dati.example.it' alone would also admit
 * 'https://dati.example.it.other.host/'.
 */
export function allowedOriginPrefixes(): string[] {
  return (config().console?.allowOrigins ?? []).map((o) => `${new URL(o).origin}/`);
}
