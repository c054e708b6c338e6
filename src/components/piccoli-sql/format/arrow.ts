/**
 * The parts of apache-arrow the formatters read, duck-typed (two copies of apache-arrow
 * may coexist on a page), and the two readers every formatter needs: validity and the
 * chunk holding a row. Pure: no DOM, no Lit.
 */

/** The parts of an apache-arrow DataType the formatters read. */
export interface ArrowTypeLike {
  typeId: number;
  unit?: number;
  scale?: number;
  bitWidth?: number;
  isSigned?: boolean;
  precision?: number;
  timezone?: string | null;
  children?: { name: string; type: ArrowTypeLike }[];
  dictionary?: ArrowTypeLike;
  toString(): string;
}

/** The parts of an apache-arrow Data chunk the formatters read. */
export interface ArrowDataLike {
  type: ArrowTypeLike;
  length: number;
  offset: number;
  nullCount: number;
  values: ArrayLike<number | bigint> & { subarray?: unknown };
  valueOffsets?: Int32Array | BigInt64Array;
  children: ArrowDataLike[];
  dictionary?: { get(i: number): unknown };
  nullBitmap?: Uint8Array;
}

/** A column of a result: an apache-arrow Vector (its chunks). */
export interface ArrowVectorLike {
  type: ArrowTypeLike;
  length: number;
  data: readonly ArrowDataLike[];
}

/** apache-arrow Type enum values (stable across versions). */
export const T = {
  Null: 1,
  Int: 2,
  Float: 3,
  Binary: 4,
  Utf8: 5,
  Bool: 6,
  Decimal: 7,
  Date: 8,
  Time: 9,
  Timestamp: 10,
  Interval: 11,
  List: 12,
  Struct: 13,
  Union: 14,
  FixedSizeBinary: 15,
  FixedSizeList: 16,
  Map: 17,
  Duration: 18,
  LargeBinary: 19,
  LargeUtf8: 20,
  Dictionary: -1,
} as const;

/** Whether row `i` of a chunk holds a value (not SQL NULL). */
export function isValid(d: ArrowDataLike, i: number): boolean {
  if (d.type.typeId === T.Null) return false;
  const bm = d.nullBitmap;
  if (!bm || bm.length === 0 || d.nullCount === 0) return true;
  const j = d.offset + i;
  return ((bm[j >> 3]! >> (j & 7)) & 1) === 1;
}

/** The chunk and the index within it of row `row` of a column. */
export function locate(v: ArrowVectorLike, row: number): [ArrowDataLike, number] | undefined {
  let i = row;
  for (const d of v.data) {
    if (i < d.length) return [d, i];
    i -= d.length;
  }
  return undefined;
}
