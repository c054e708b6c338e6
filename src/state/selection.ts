/**
 * The page's shared area selection: a map click selects a region or province and every
 * piccoli element in the same context follows it. The store reaches elements through
 * @lit/context (src/query/context.ts): one per page unless a site provides another.
 */
export type AreaLevel = 'region' | 'province';

export interface AreaSelection {
  level: AreaLevel;
  /** ISTAT code: 2 digits for a region, 3 for a province. */
  code: string;
  /** Display name, when the selecting element knows it. */
  name?: string;
}

/** Fired on the store when the selection changes; `selection` is null when cleared. */
export class SelectionChangeEvent extends Event {
  constructor(
    readonly selection: AreaSelection | null,
    /** The element that made the change (it need not react to its own event). */
    readonly origin: EventTarget | null,
  ) {
    super('change');
  }
}

export class SelectionStore extends EventTarget {
  private _current: AreaSelection | null = null;

  get current(): AreaSelection | null {
    return this._current;
  }

  /** Select an area, or clear with null. No event when nothing changes. */
  set(selection: AreaSelection | null, origin: EventTarget | null = null): void {
    const same =
      selection === this._current ||
      (selection && this._current && selection.level === this._current.level && selection.code === this._current.code);
    if (same) return;
    this._current = selection ? { ...selection } : null;
    this.dispatchEvent(new SelectionChangeEvent(this._current, origin));
  }
}
