/**
 * LIST, STRUCT and MAP values as DuckDB prints them: `[a, b]`, `{'k': v}`, `{k=v}`, with
 * each inner value's text given by the caller (so this module needs no formatter of
 * its own and the cell formatter can recurse through it). Pure: no DOM, no Lit.
 */
import { T, type ArrowDataLike } from './arrow.js';

/** The text of an inner value, NULL spelled out and strings quoted as DuckDB does. */
export type InnerText = (d: ArrowDataLike, i: number) => string;

/** Whether a type id is one of the nested types this module prints. */
export function isNestedType(typeId: number): boolean {
  return typeId === T.List || typeId === T.FixedSizeList || typeId === T.Struct || typeId === T.Map;
}

/**
 * DuckDB (1.1+) quotes a string inside a nested value when it would otherwise be
 * ambiguous: empty, "null" in any case, leading or trailing space, or one of ,[]{}'"():=.
 * Struct keys are always quoted. Quoted strings escape ' and \ with a backslash.
 */
export function quoteNested(s: string, always: boolean): string {
  const needs = always || s.length === 0 || s.toLowerCase() === 'null' || /^\s|\s$/.test(s) || /[,[\]{}'"():=]/.test(s);
  return needs ? `'${s.replace(/[\\']/g, (c) => `\\${c}`)}'` : s;
}

/** Row `i` of a LIST, FIXED_SIZE_LIST, STRUCT or MAP chunk (valid, not NULL). */
export function formatNested(d: ArrowDataLike, i: number, inner: InnerText): string {
  switch (d.type.typeId) {
    case T.Struct: {
      const fields = d.type.children ?? [];
      return `{${fields.map((f, k) => `${quoteNested(f.name, true)}: ${inner(d.children[k]!, i)}`).join(', ')}}`;
    }
    case T.Map: {
      const [start, end] = listRange(d, i);
      const [keys, vals] = d.children[0]!.children as [ArrowDataLike, ArrowDataLike];
      const parts: string[] = [];
      for (let k = start; k < end; k++) parts.push(`${inner(keys, k)}=${inner(vals, k)}`);
      return `{${parts.join(', ')}}`;
    }
    default: {
      const [start, end] = listRange(d, i);
      const child = d.children[0]!;
      const parts: string[] = [];
      for (let k = start; k < end; k++) parts.push(inner(child, k));
      return `[${parts.join(', ')}]`;
    }
  }
}

/** The child rows of row `i` of a list or map chunk. */
function listRange(d: ArrowDataLike, i: number): [number, number] {
  if (d.type.typeId === T.FixedSizeList) {
    const size = (d.type as unknown as { listSize: number }).listSize;
    return [(d.offset + i) * size, (d.offset + i + 1) * size];
  }
  const o = d.valueOffsets!;
  return [Number(o[i]), Number(o[i + 1])];
}
