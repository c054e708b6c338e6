/**
 * The SQL type name of a result column, as the engine that ran the query calls it: the
 * server's own name when the field carries it (a ClickHouse connector puts it in the
 * field's metadata), else DuckDB's name read back from the Arrow type DuckDB-WASM
 * exports (VARCHAR for Utf8, BIGINT for Int64, DECIMAL(18,3), INTEGER[], STRUCT(…)).
 * Pure: no DOM, no Lit.
 */
import { T, type ArrowTypeLike } from './arrow.js';

/** Field metadata key of the server's type name: src/data/clickhouse/arrow.ts CLICKHOUSE_TYPE_KEY. */
export const SERVER_TYPE_KEY = 'clickhouse.type';

/** The parts of an apache-arrow Field read here. */
export interface FieldLike {
  type: ArrowTypeLike;
  metadata?: { get(key: string): string | undefined };
}

const INTS = ['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT'];
const UINTS = ['UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT'];
/** Arrow's TimeUnit (SECOND, MILLISECOND, MICROSECOND, NANOSECOND) -> DuckDB's TIMESTAMP types. */
const TIMESTAMPS = ['TIMESTAMP_S', 'TIMESTAMP_MS', 'TIMESTAMP', 'TIMESTAMP_NS'];

/** A struct or union member's name as DuckDB writes it: quoted unless a plain lower-case identifier. */
function member(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/**
 * DuckDB's name of the type DuckDB-WASM exports as Arrow type `t`.
 *
 * @example
 * duckdbTypeName(new Int64()) // 'BIGINT'
 * duckdbTypeName(new List(new Field('l', new Utf8()))) // 'VARCHAR[]'
 */
export function duckdbTypeName(t: ArrowTypeLike): string {
  const kids = t.children ?? [];
  switch (t.typeId) {
    case T.Null:
      return '"NULL"';
    case T.Int:
      return (t.isSigned === false ? UINTS : INTS)[Math.log2((t.bitWidth ?? 32) / 8)] ?? 'HUGEINT';
    case T.Float:
      // Arrow's Precision: 0 HALF, 1 SINGLE, 2 DOUBLE.
      return t.precision === 2 ? 'DOUBLE' : 'FLOAT';
    case T.Decimal:
      return `DECIMAL(${t.precision ?? 18},${t.scale ?? 0})`;
    case T.Utf8:
    case T.LargeUtf8:
      return 'VARCHAR';
    case T.Binary:
    case T.LargeBinary:
    case T.FixedSizeBinary:
      return 'BLOB';
    case T.Bool:
      return 'BOOLEAN';
    case T.Date:
      return 'DATE';
    case T.Time:
      return 'TIME';
    case T.Timestamp:
      return t.timezone ? 'TIMESTAMP WITH TIME ZONE' : (TIMESTAMPS[t.unit ?? 2] ?? 'TIMESTAMP');
    case T.Interval:
    case T.Duration:
      return 'INTERVAL';
    case T.List:
      return `${duckdbTypeName(kids[0]!.type)}[]`;
    case T.FixedSizeList:
      return `${duckdbTypeName(kids[0]!.type)}[${(t as { listSize?: number }).listSize ?? ''}]`;
    case T.Struct:
      return `STRUCT(${kids.map((c) => `${member(c.name)} ${duckdbTypeName(c.type)}`).join(', ')})`;
    case T.Union:
      return `UNION(${kids.map((c) => `${member(c.name)} ${duckdbTypeName(c.type)}`).join(', ')})`;
    case T.Map: {
      const [k, v] = kids[0]?.type.children ?? [];
      return k && v ? `MAP(${duckdbTypeName(k.type)}, ${duckdbTypeName(v.type)})` : 'MAP';
    }
    case T.Dictionary:
      // ENUM columns arrive as dictionaries of their labels: VARCHAR to whoever reads the Arrow.
      return t.dictionary ? duckdbTypeName(t.dictionary) : String(t);
    default:
      return String(t);
  }
}

/** The type name shown for a result column: the server's own, else DuckDB's. */
export function columnTypeName(f: FieldLike): string {
  return f.metadata?.get(SERVER_TYPE_KEY) ?? duckdbTypeName(f.type);
}
