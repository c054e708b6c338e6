/**
 * Where a DuckDB error points. DuckDB's messages end with the offending line and a caret:
 *
 *     Parser Error: syntax error at or near "FORM"
 *
 *     LINE 2: SELECT * FORM t
 *                      ^
 *
 * Long lines are shown as a window with "..." on either side, so the caret's column is
 * mapped back onto the real line by finding the window in it.
 */
export interface ErrorPosition {
  /** 1-based line in the SQL that was run. */
  line: number;
  /** 1-based column. */
  column: number;
  /** 0-based offset into the SQL that was run. */
  offset: number;
}

/**
 * The line and column a DuckDB error message points at, in `sql`, or undefined.
 *
 * @example
 * errorPosition('Parser Error: x\n\nLINE 1: SELEC 1\n        ^', 'SELEC 1') // { line: 1, column: 1, offset: 0 }
 */
export function errorPosition(message: string, sql: string, position?: number): ErrorPosition | undefined {
  if (position !== undefined && position <= sql.length) {
    // DuckDB's own character offset (PiccoliDataError.position): exact, unlike the caret
    // in a shortened line.
    const before = sql.slice(0, position).split('\n');
    return { line: before.length, column: before.at(-1)!.length + 1, offset: position };
  }
  const m = /^LINE (\d+): (.*)\n( *)\^/m.exec(message);
  if (!m) return undefined;
  const line = Number(m[1]);
  const prefix = `LINE ${m[1]}: `.length;
  let shown = m[2]!;
  let caret = m[3]!.length - prefix;
  const lines = sql.split('\n');
  const real = lines[line - 1];
  if (real === undefined || caret < 0) return undefined;
  let start = 0;
  if (shown.startsWith('...')) {
    shown = shown.slice(3);
    caret -= 3;
    const probe = shown.endsWith('...') ? shown.slice(0, -3) : shown;
    const at = real.indexOf(probe);
    if (at < 0) return undefined;
    start = at;
  }
  const column = Math.min(start + caret, real.length) + 1;
  let offset = 0;
  for (let i = 0; i < line - 1; i++) offset += lines[i]!.length + 1;
  return { line, column, offset: offset + column - 1 };
}

/** The message without its LINE/caret tail (shown separately), trimmed. */
export function errorHeadline(message: string): string {
  return message.replace(/\n\s*LINE \d+:[\s\S]*$/, '').trim();
}

/** The LINE/caret tail of a message, if any. */
export function errorContext(message: string): string | undefined {
  const text = message;
  const at = text.search(/LINE \d+:/);
  return at < 0 ? undefined : text.slice(at).replace(/\n\s*$/, '');
}
