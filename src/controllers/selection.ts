import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveElement } from 'lit';
import { selectionContext } from '../query/context.js';
import type { AreaSelection, SelectionStore } from '../state/selection.js';

/**
 * The page's area selection, for an element: follows the store it gets through
 * @lit/context (a map click anywhere in the same provider's scope) and updates the host
 * when it changes.
 */
export class SelectionController implements ReactiveController {
  private _store?: SelectionStore;
  private _dismissed: AreaSelection | null = null;
  private readonly _onChange = () => this.host.requestUpdate();

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
    new ContextConsumer(host, {
      context: selectionContext,
      subscribe: true,
      callback: (store) => {
        if (store === this._store) return;
        this._store?.removeEventListener('change', this._onChange);
        this._store = store;
        if (host.isConnected) store.addEventListener('change', this._onChange);
        host.requestUpdate();
      },
    });
  }

  hostConnected(): void {
    this._store?.addEventListener('change', this._onChange);
  }

  hostDisconnected(): void {
    this._store?.removeEventListener('change', this._onChange);
  }

  /** The page's selection this element follows: null when there is none, or this element set it aside. */
  get current(): AreaSelection | null {
    const c = this._store?.current ?? null;
    return c && c === this._dismissed ? null : c;
  }

  /**
   * Stop following the page's current selection, in this element only (its own area
   * shows again); the next selection made on the page is followed.
   */
  dismiss(): void {
    this._dismissed = this._store?.current ?? null;
    this.host.requestUpdate();
  }

  /** Select an area for the page (null clears); `origin` is the element that chose it. */
  set(selection: AreaSelection | null, origin: EventTarget | null = this.host): void {
    this._store?.set(selection, origin);
  }
}
