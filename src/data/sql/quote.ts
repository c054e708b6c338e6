/**
 * The one audited place where text becomes part of SQL. Values from attributes, URLs
 * or data are bound as prepared-statement parameters wherever DuckDB allows it; the
 * few places that need a name or literal inside the text (table names, CREATE TABLE
 * AS over a registered file) go through these two functions and nowhere else.
 */

const NUL = '\u0000';

/** Quote an identifier (table or column name) for DuckDB: "a""b". */
export function quoteIdent(name: string): string {
  if (typeof name !== 'string' || name.length === 0) {
    throw new TypeError(`invalid identifier: ${JSON.stringify(name)}`);
  }
  if (name.includes(NUL) || name.length > 255) {
    throw new TypeError(`invalid identifier: ${JSON.stringify(name.slice(0, 40))}`);
  }
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quote a string literal for DuckDB: 'it''s'. Prefer parameters; use this only where none fit. */
export function quoteLiteral(value: string): string {
  if (typeof value !== 'string') throw new TypeError(`invalid literal: ${String(value)}`);
  if (value.includes(NUL)) throw new TypeError('invalid literal: contains a NUL character');
  return `'${value.replaceAll("'", "''")}'`;
}

/** A table name a user may choose: letters, digits, underscore; not starting with a digit. */
export function checkTableName(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) {
    throw new TypeError(`invalid table name: ${JSON.stringify(name.slice(0, 80))} (use letters, digits and _)`);
  }
  return name;
}
