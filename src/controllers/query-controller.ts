import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAbortError, PiccoliDataError, messageOf } from '../data/errors.js';

export type QueryStatus = 'initial' | 'pending' | 'complete' | 'error';

/**
 * Runs an element's async data work so that a later run supersedes an earlier one: the
 * earlier is aborted (DuckDB interrupts it) and its result, should it arrive anyway, is
 * dropped. Errors become a readable `PiccoliDataError` on `error`; nothing is thrown into
 * the page. Shaped like @lit/task, which lacks supersede-with-abort of the engine query.
 */
export class QueryController<T> implements ReactiveController {
  status: QueryStatus = 'initial';
  value?: T;
  error?: PiccoliDataError;
  private _run = 0;
  private _abort?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly work: (signal: AbortSignal) => Promise<T>,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort();
  }

  /** Start (or restart) the work. Resolves when this run settles or is superseded. */
  async run(): Promise<void> {
    this._abort?.abort();
    const ctrl = (this._abort = new AbortController());
    const run = ++this._run;
    this.status = 'pending';
    this.host.requestUpdate();
    try {
      const value = await this.work(ctrl.signal);
      if (run !== this._run) return;
      this.value = value;
      this.error = undefined;
      this.status = 'complete';
    } catch (e) {
      if (run !== this._run || isAbortError(e)) return;
      this.error = e instanceof PiccoliDataError ? e : new PiccoliDataError('query', messageOf(e), undefined, { cause: e });
      this.status = 'error';
    }
    this.host.requestUpdate();
  }

  abort(): void {
    this._abort?.abort();
    this._run++;
  }
}
