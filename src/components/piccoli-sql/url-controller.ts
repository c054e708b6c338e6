import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readQueryFromUrl, writeQueryToUrl } from './url-state.js';

/** What the URL controller reads of its element. */
export interface UrlStateHost extends ReactiveControllerHost {
  /** Leave the URL alone. */
  noUrl: boolean;
  /** Hash parameter holding the query. */
  urlParam: string;
  /** The editor's text. */
  value: string;
  hasUpdated: boolean;
}

/**
 * Keeps the console's query in the page URL's hash (url-state.ts): reads it at start
 * and when the reader goes back or forward, writes it when a query runs and, a moment
 * after typing stops, while editing. `replaceState`, not `pushState`: typing must not
 * fill the back button's history.
 */
export class UrlController implements ReactiveController {
  private _timer?: ReturnType<typeof setTimeout>;
  private readonly _onHashChange = () => this._fromUrl();

  constructor(private readonly host: UrlStateHost) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this._onHashChange);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this._onHashChange);
    clearTimeout(this._timer);
  }

  /** The query in the URL, or null (also when the element keeps out of the URL). */
  read(): string | null {
    return this.host.noUrl ? null : readQueryFromUrl(location.href, this.host.urlParam);
  }

  /** Write the text to the URL a quarter of a second after the last change. */
  queueWrite(): void {
    if (this.host.noUrl) return;
    clearTimeout(this._timer);
    this._timer = setTimeout(() => this.write(), 250);
  }

  /** Write the text to the URL now. */
  write(): void {
    if (this.host.noUrl) return;
    const next = writeQueryToUrl(location.href, this.host.value, this.host.urlParam);
    if (next !== location.href) history.replaceState(history.state, '', next);
  }

  private _fromUrl(): void {
    if (!this.host.hasUpdated) return;
    const sql = this.read();
    if (sql !== null && sql !== this.host.value) this.host.value = sql;
  }
}
