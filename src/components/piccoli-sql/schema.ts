import type { Completion } from '@codemirror/autocomplete';
import type { SQLNamespace } from '@codemirror/lang-sql';
import { quoteIdent } from '../../data/sql/quote.js';

/** A table of the engine as the schema browser and the autocomplete see it. */
export interface TableInfo {
  name: string;
  rows: number | null;
  columns: { name: string; type: string }[];
}

/** Columns of every user table (the engine's staging tables left out). */
export const COLUMNS_SQL = `SELECT table_name, column_name, data_type
FROM information_schema.columns
WHERE table_schema = 'main' AND table_catalog = current_database() AND table_name NOT LIKE '\\_\\_piccoli%' ESCAPE '\\'
ORDER BY table_name, ordinal_position`;

/** One query counting the rows of each table; names are quoted through the audited helper. */
export function rowCountsSql(tables: readonly string[]): string {
  return tables.map((t, i) => `SELECT ${i}::INTEGER AS i, count(*)::BIGINT AS n FROM ${quoteIdent(t)}`).join('\nUNION ALL\n');
}

/** Rows of the columns query -> tables in order of appearance. */
export function groupColumns(rows: { table_name: string; column_name: string; data_type: string }[]): TableInfo[] {
  const byName = new Map<string, TableInfo>();
  for (const r of rows) {
    let t = byName.get(r.table_name);
    if (!t) byName.set(r.table_name, (t = { name: r.table_name, rows: null, columns: [] }));
    t.columns.push({ name: r.column_name, type: r.data_type });
  }
  return [...byName.values()];
}

export { sqlName } from './sql-name.js';

/** The `schema` option of @codemirror/lang-sql: tables and their columns, types as details. */
export function completionSchema(tables: readonly TableInfo[]): SQLNamespace {
  const ns: Record<string, Completion[]> = {};
  for (const t of tables) {
    ns[t.name] = t.columns.map((c) => ({ label: c.name, type: 'property', detail: c.type }));
  }
  return ns;
}
