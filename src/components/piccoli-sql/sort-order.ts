/**
 * The row order of the results table when sorted by one column: a click sorts
 * ascending, a second descending, a third restores DuckDB's order. NULLs last either
 * way; equal values keep their order; BIGINT, DECIMAL and timestamps compare exactly;
 * text in Italian collation with numbers read as numbers. Pure: no DOM, no Lit.
 *
 * Fast on large results (a million rows in a few tens of milliseconds for numbers): each
 * row's value becomes an unsigned key of 32-bit words that orders like the value (IEEE
 * doubles with their sign folded, two's complement with its sign bit flipped, text as the
 * rank of its distinct value in the collation), and the row indexes are radix-sorted on
 * the keys, 16 bits a pass, least significant first, which keeps ties in their order.
 */
import { T, isValid, type ArrowDataLike, type ArrowVectorLike } from './format/arrow.js';
import { valueText } from './format/cell.js';
import { sortKey, type SortKey } from './format/kind.js';

/** A sorted column and its direction: 1 ascending, -1 descending. */
export interface SortState {
  column: number;
  dir: 1 | -1;
}

const collator = new Intl.Collator('it', { numeric: true });

/** The sort after a click on `column`: ascending, then descending, then none. */
export function nextSort(prev: SortState | undefined, column: number): SortState | undefined {
  if (prev?.column !== column) return { column, dir: 1 };
  return prev.dir === 1 ? { column, dir: -1 } : undefined;
}

/** Ascending or descending, NULLs last either way; bigints and numbers compare as numbers. */
export function compareKeys(a: SortKey, b: SortKey, dir: 1 | -1): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'string' || typeof b === 'string') return dir * collator.compare(String(a), String(b));
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) ? (Number.isNaN(b) ? 0 : dir) : -dir;
  return a < b ? -dir : a > b ? dir : 0;
}

/** Each row's key: `words` unsigned 32-bit words a row, least significant first; `valid` 0 for NULL. */
interface Keys {
  words: number;
  key: Uint32Array;
  valid: Uint8Array;
}

/**
 * Row indexes of a column of `rows` rows in sorted order; equal keys keep their order.
 *
 * @example
 * sortOrder(table.getChildAt(0), table.numRows, -1) // Uint32Array [2, 0, 1] for 5, 1, 9
 */
export function sortOrder(v: ArrowVectorLike, rows: number, dir: 1 | -1): Uint32Array {
  const keys = columnKeys(v, rows);
  if (!keys) return compareSort(v, rows, dir);
  const { words, key, valid } = keys;
  let n = 0;
  let idx = new Uint32Array(rows);
  for (let r = 0; r < rows; r++) if (valid[r]) idx[n++] = r;
  const nulls = rows - n;
  // Descending: the complement of every key orders the other way, and ties stay in order.
  if (dir === -1) for (let k = 0; k < key.length; k++) key[k] = ~key[k]! >>> 0;
  let tmp = new Uint32Array(rows);
  const count = new Uint32Array(65_537);
  for (let w = 0; w < words; w++) {
    for (const shift of [0, 16]) {
      count.fill(0);
      for (let i = 0; i < n; i++) count[((key[idx[i]! * words + w]! >>> shift) & 0xffff) + 1]!++;
      // Every key has the same digit here: the pass would change nothing.
      if (n === 0 || count.includes(n)) continue;
      for (let d = 1; d <= 65_536; d++) count[d]! += count[d - 1]!;
      for (let i = 0; i < n; i++) {
        const r = idx[i]!;
        tmp[count[(key[r * words + w]! >>> shift) & 0xffff]!++] = r;
      }
      [idx, tmp] = [tmp, idx];
    }
  }
  // NULLs last, in their order.
  for (let r = 0, k = n; k < n + nulls; r++) if (!valid[r]) idx[k++] = r;
  return idx;
}

/** Keys of the column's values, or undefined for types sorted by comparison (intervals, lists…). */
function columnKeys(v: ArrowVectorLike, rows: number): Keys | undefined {
  const t = v.type;
  const id = t.typeId;
  const text =
    id === T.Utf8 ||
    id === T.LargeUtf8 ||
    (id === T.Dictionary && (t.dictionary?.typeId === T.Utf8 || t.dictionary?.typeId === T.LargeUtf8));
  const decimal = id === T.Decimal && (t.bitWidth ?? 128) % 32 === 0;
  const numeric =
    (id === T.Int ||
      (id === T.Float && t.precision !== 0) ||
      (id === T.Date && t.unit === 0) ||
      id === T.Time ||
      id === T.Timestamp ||
      id === T.Duration) &&
    v.data.every((d) => ArrayBuffer.isView(d.values));
  if (!text && !decimal && !numeric && id !== T.Bool) return undefined;
  const words = decimal ? (t.bitWidth ?? 128) / 32 : numeric ? 2 : 1;
  const key = new Uint32Array(rows * words);
  const valid = new Uint8Array(rows);
  const ranks = text ? textRanks(v) : undefined;
  const f64 = new Float64Array(1);
  const f32 = new Uint32Array(f64.buffer);
  let r = 0;
  for (const d of v.data) {
    const all = d.nullCount === 0;
    const vals = d.values;
    const wide = decimal || vals instanceof BigInt64Array || vals instanceof BigUint64Array;
    const view = vals as unknown as ArrayBufferView;
    const u32 = wide ? new Uint32Array(view.buffer, view.byteOffset, view.byteLength >> 2) : undefined;
    const signed = !(vals instanceof BigUint64Array);
    const codes = ranks && id === T.Dictionary ? ranks.codes.get(d) : undefined;
    for (let i = 0; i < d.length; i++, r++) {
      if (!all && !isValid(d, i)) continue;
      valid[r] = 1;
      const at = r * words;
      if (ranks) key[at] = codes ? codes[Number(vals[i])]! : ranks.rank.get(utf8At(d, i))!;
      else if (id === T.Bool) key[at] = valueText(d, i) === 'true' ? 1 : 0;
      else if (u32) {
        // Two's complement words, least significant first: flip the sign bit of the top one.
        for (let w = 0; w < words; w++) key[at + w] = u32[i * words + w]!;
        if (signed) key[at + words - 1] = (key[at + words - 1]! ^ 0x8000_0000) >>> 0;
      } else {
        const x = Number(vals[i]);
        f64[0] = x !== x ? NaN : x === 0 ? 0 : x; // one NaN, after +Infinity; -0 equal to 0
        const lo = f32[0]!;
        const hi = f32[1]!;
        // IEEE order: negatives have every bit reversed, positives only their sign.
        key[at] = hi >>> 31 ? ~lo >>> 0 : lo;
        key[at + 1] = hi >>> 31 ? ~hi >>> 0 : (hi | 0x8000_0000) >>> 0;
      }
    }
  }
  return { words, key, valid };
}

/**
 * Every distinct text of a column with its rank in the collation, and for a dictionary
 * column (ENUM) the rank of each of its chunks' codes: each distinct text is compared,
 * not each row.
 */
function textRanks(v: ArrowVectorLike): { rank: Map<string, number>; codes: Map<ArrowDataLike, Uint32Array> } {
  const distinct = new Map<string, number>();
  const labels = new Map<ArrowDataLike, string[]>();
  for (const d of v.data) {
    if (v.type.typeId === T.Dictionary) {
      const dict = d.dictionary as unknown as { length: number; get(i: number): unknown };
      const names: string[] = [];
      for (let c = 0; c < dict.length; c++) names.push(String(dict.get(c)));
      labels.set(d, names);
      for (const s of names) distinct.set(s, 0);
    } else for (let i = 0; i < d.length; i++) if (isValid(d, i)) distinct.set(utf8At(d, i), 0);
  }
  const sorted = [...distinct.keys()].sort(collator.compare);
  // Texts the collation calls equal share a rank, so that they keep their rows' order.
  for (let k = 0, rank = 0; k < sorted.length; k++) {
    if (k && collator.compare(sorted[k - 1]!, sorted[k]!) !== 0) rank = k;
    distinct.set(sorted[k]!, rank);
  }
  const codes = new Map<ArrowDataLike, Uint32Array>();
  for (const [d, names] of labels)
    codes.set(
      d,
      Uint32Array.from(names, (s) => distinct.get(s)!),
    );
  return { rank: distinct, codes };
}

const decoder = new TextDecoder();

/** Row `i` of a text chunk: short ASCII read byte by byte, faster than a decoder call each. */
function utf8At(d: ArrowDataLike, i: number): string {
  const o = d.valueOffsets!;
  const bytes = d.values as unknown as Uint8Array;
  const start = Number(o[i]);
  const end = Number(o[i + 1]);
  if (end - start <= 24) {
    let s = '';
    for (let k = start; k < end; k++) {
      const b = bytes[k]!;
      if (b > 127) return decoder.decode(bytes.subarray(start, end));
      s += String.fromCharCode(b);
    }
    return s;
  }
  return decoder.decode(bytes.subarray(start, end));
}

/** Any other type: each row's sort key, compared. */
function compareSort(v: ArrowVectorLike, rows: number, dir: 1 | -1): Uint32Array {
  const keys: SortKey[] = new Array(rows);
  for (let r = 0; r < rows; r++) keys[r] = sortKey(v, r);
  const order = new Uint32Array(rows);
  for (let r = 0; r < rows; r++) order[r] = r;
  return order.sort((a, b) => compareKeys(keys[a]!, keys[b]!, dir) || a - b);
}
