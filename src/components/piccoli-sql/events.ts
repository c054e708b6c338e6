/** What a <piccoli-sql> run was: the SQL, how many rows, how long it took. */
export interface QueryRunDetail {
  sql: string;
  rows: number;
  columns: string[];
  elapsedMs: number;
}

/** A query of the console finished; detail has the SQL, row count and elapsed time. */
export class PiccoliQueryRunEvent extends Event {
  static readonly eventName = 'piccoli-query-run';
  constructor(readonly detail: QueryRunDetail) {
    super(PiccoliQueryRunEvent.eventName, { bubbles: true, composed: true });
  }
}

export interface QueryErrorDetail {
  sql: string;
  /** PiccoliDataError code ('query', 'missing-table', 'engine', ...). */
  code: string;
  message: string;
  /** Where in `sql` DuckDB says the error is, when it says. */
  line?: number;
  column?: number;
}

/** A query of the console failed; the console shows the message and keeps working. */
export class PiccoliQueryErrorEvent extends Event {
  static readonly eventName = 'piccoli-query-error';
  constructor(readonly detail: QueryErrorDetail) {
    super(PiccoliQueryErrorEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'piccoli-query-run': PiccoliQueryRunEvent;
    'piccoli-query-error': PiccoliQueryErrorEvent;
  }
}
