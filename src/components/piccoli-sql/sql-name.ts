import { quoteIdent } from '../../data/sql/quote.js';

/** An identifier as typed into SQL: bare when it is a plain lower-case name, else quoted. */
export function sqlName(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : quoteIdent(name);
}
