import type { RecordBatch, Table } from 'apache-arrow';
import type { TableInfo } from '../../components/piccoli-sql/schema.js';
import type {
  AreasAnswer,
  CountedArea,
  CountedStage,
  FunnelAnswer,
  QueryAnswer,
  QueryRequest,
  RequestOptions,
  TrendAnswer,
} from '../types.js';

/**
 * An answer as a backend gives it: the counts and how many of their rows are simulated.
 * The coordinator adds the programme's published description, who the data comes from,
 * and what each figure rests on (src/query/with-provenance.ts).
 */
export type BackendAnswer =
  | (Omit<FunnelAnswer, 'origin' | 'stages'> & { stages: CountedStage[]; publisher?: string | null })
  | (Omit<AreasAnswer, 'origin' | 'rows'> & { rows: CountedArea[]; publisher?: string | null })
  | (Omit<TrendAnswer, 'origin'> & { publisher?: string | null });

/**
 * One way of answering requests. `answer` resolves to null when this backend cannot
 * answer the request at all (no cube for the file, a filter it does not hold): the
 * coordinator then asks the next one. A request it understands but refuses (an unknown
 * province) is an error, not a null: the next backend would refuse it too.
 */
export interface Backend {
  readonly name: QueryAnswer['backend'];
  /** `publisher` in the answer: the source a site's file names (its cube's `source`), when the backend knows it. */
  answer(req: QueryRequest, opts: RequestOptions): Promise<BackendAnswer | null>;
  /** Start what answering `req` will need (a download) without answering yet; must not start the engine. */
  prepare?(req: QueryRequest): void;
  /**
   * Run an analyst's SQL (the console), when this backend is a database: the whole
   * table, or its first rows and how many there were (SqlResult).
   */
  sql?(text: string, opts: SqlOptions): Promise<Table | SqlResult>;
  /**
   * The tables the console shows and completes, when the backend lists them itself (a
   * remote engine's catalogue); without it the console asks DuckDB's information_schema.
   */
  schema?(opts?: RequestOptions): Promise<TableInfo[]>;
}

/** An analyst's SQL result that may be only its first rows (the console's caps). */
export interface SqlResult {
  table: Table;
  /** Every row is in `table`. */
  complete: boolean;
  /** Rows produced before the read stopped: the result's size when `exact`, else a lower bound. */
  rowsRead: number;
  exact: boolean;
  /** The cap that stopped the read. */
  stoppedBy?: 'rows' | 'bytes';
}

export interface SqlOptions extends RequestOptions {
  /** Every batch goes here, none is kept, no cap applies (an export to a file). */
  onBatch?: (batch: RecordBatch) => void | Promise<void>;
}
