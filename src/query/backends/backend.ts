import type { Table } from 'apache-arrow';
import type { QueryAnswer, QueryRequest, RequestOptions } from '../types.js';

/** An answer as a backend gives it: the coordinator adds the programme's published description. */
export type BackendAnswer = QueryAnswer;

/**
 * One way of answering requests. `answer` resolves to null when this backend cannot
 * answer the request at all (no cube for the file, a filter it does not hold): the
 * coordinator then asks the next one. A request it understands but refuses (an unknown
 * province) is an error, not a null: the next backend would refuse it too.
 */
export interface Backend {
  readonly name: QueryAnswer['backend'];
  answer(req: QueryRequest, opts: RequestOptions): Promise<BackendAnswer | null>;
  /** Run an analyst's SQL (the console), when this backend is a database. */
  sql?(text: string, opts: RequestOptions): Promise<Table>;
}
