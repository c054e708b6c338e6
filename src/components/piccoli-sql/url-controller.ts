import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readQueryFromUrl, urlKey, writeQueryToUrl } from './url-state.js';

/** What the URL controller reads of its element. */
export interface UrlStateHost extends ReactiveControllerHost {
  /** Leave the URL alone. */
  noUrl: boolean;
  /** Hash parameter holding the query; empty: chosen from the id (url-state.ts `urlKey`). */
  urlParam: string;
  /** The element's id: its own hash key, so that two consoles on a page keep their queries apart. */
  id: string;
  /** The editor's text. */
  value: string;
  hasUpdated: boolean;
}

/**
 * Keeps the console's query in the page URL's hash (url-state.ts): reads it at start
 * and when the reader goes back or forward, writes it when a query runs and, a moment
 * after typing stops, while editing. `replaceState`, not `pushState`: typing must not
 * fill the back button's history. A query read from the URL is only handed to
 * `onLinked`, which puts it in the editor: a link never runs a query by itself.
 */
export class UrlController implements ReactiveController {
  private _timer?: ReturnType<typeof setTimeout>;
  private readonly _onHashChange = () => this._fromUrl();

  constructor(
    private readonly host: UrlStateHost,
    private readonly onLinked: (sql: string) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this._onHashChange);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this._onHashChange);
    clearTimeout(this._timer);
  }

  /** The hash key of this console's query. */
  get key(): string {
    return urlKey(this.host.urlParam, this.host.id);
  }

  /** The query in the URL, or null (also when the element keeps out of the URL). */
  read(): string | null {
    return this.host.noUrl ? null : readQueryFromUrl(location.href, this.key);
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
    const next = writeQueryToUrl(location.href, this.host.value, this.key);
    if (next !== location.href) history.replaceState(history.state, '', next);
  }

  private _fromUrl(): void {
    if (!this.host.hasUpdated) return;
    const sql = this.read();
    if (sql !== null && sql !== this.host.value) this.onLinked(sql);
  }
}
