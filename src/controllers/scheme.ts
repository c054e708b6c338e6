import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Updates its host when its colour scheme may have changed: the reader's system scheme,
 * the host's `theme` attribute, or the page going to paper and back. CSS follows all
 * three by itself; this is for colours an element writes as values (the map's fills and
 * its labels' colours, read from its computed style), which must then be read again.
 *
 * @example this._scheme ??= new SchemeController(this);
 */
export class SchemeController implements ReactiveController {
  private readonly _queries = ['(prefers-color-scheme: dark)', 'print'].map((q) => matchMedia(q));
  private readonly _changed = () => this._host.requestUpdate();
  private readonly _attribute = new MutationObserver(this._changed);

  constructor(private readonly _host: ReactiveControllerHost & Element) {
    _host.addController(this);
  }

  hostConnected(): void {
    for (const q of this._queries) q.addEventListener('change', this._changed);
    this._attribute.observe(this._host, { attributeFilter: ['theme'] });
  }

  hostDisconnected(): void {
    for (const q of this._queries) q.removeEventListener('change', this._changed);
    this._attribute.disconnect();
  }
}
