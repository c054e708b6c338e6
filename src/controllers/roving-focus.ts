import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Roving focus (WAI-ARIA APG's "roving tabindex") for a group of items in an element's
 * shadow DOM: the group is one Tab stop, the arrow keys move between its items, Home and
 * End go to the first and last, Enter and Space activate, Escape calls back. Items are
 * whatever the host identifies them by (an ISTAT code, a stage id); the host says which
 * element stands for each, and where it lies when the arrows should follow geometry.
 */

/** An element that can take focus: HTML or SVG. */
export type Focusable = HTMLElement | SVGElement;

export interface RovingFocusOptions<T> {
  /** The items, in reading order: Home goes to the first, End to the last. */
  items(): readonly T[];
  /** The item an event's original target belongs to; undefined when it is none of them. */
  itemOf(target: Element): T | undefined;
  /** The element that takes focus for an item. */
  elementOf(item: T): Focusable | undefined;
  /**
   * Where an item lies (any units, y downwards). Given, an arrow goes to the nearest item
   * in its direction (a map); without it, Left and Up go to the previous item and Right
   * and Down to the next (a row of buttons), stopping at the ends.
   */
  centreOf?(item: T): readonly [number, number];
  /**
   * Enter or Space on an item. Without it the keys keep their default action (a native
   * button clicks itself).
   */
  onActivate?(item: T, event: KeyboardEvent): void;
  /** Escape on an item. */
  onEscape?(item: T, event: KeyboardEvent): void;
}

const ARROWS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/**
 * Listens to `keydown` and `focusin` on the host (they cross its shadow root), so the
 * host's template only has to set `tabindex` from `tabStop()`.
 *
 * @example
 * private readonly _roving = new RovingFocusController<string>(this, {
 *   items: () => this.stages.map((s) => s.id),
 *   itemOf: (el) => el.closest<HTMLElement>('button[data-stage]')?.dataset.stage,
 *   elementOf: (id) => this.renderRoot.querySelector<HTMLElement>(`button[data-stage="${id}"]`) ?? undefined,
 * });
 * // in render(): tabindex=${this._roving.tabStop() === s.id ? 0 : -1}
 */
export class RovingFocusController<T> implements ReactiveController {
  private _current: T | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: RovingFocusOptions<T>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this._onKeydown);
    this.host.addEventListener('focusin', this._onFocusIn);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this._onKeydown);
    this.host.removeEventListener('focusin', this._onFocusIn);
  }

  /**
   * The item holding the group's one Tab stop: the last one focused or set, while it is
   * still an item; else `fallback` (e.g. the selected item) if it is one; else the first.
   * Null when there are no items.
   */
  tabStop(fallback: T | null = null): T | null {
    const items = this.options.items();
    if (this._current !== null && !items.includes(this._current)) this._current = null;
    if (this._current !== null) return this._current;
    if (fallback !== null && items.includes(fallback)) return fallback;
    return items[0] ?? null;
  }

  /** Give the Tab stop to an item without focusing it (e.g. after a click on it). */
  setTabStop(item: T): void {
    if (this._current === item) return;
    this._current = item;
    this.host.requestUpdate();
  }

  /** Move the Tab stop to an item and focus it. */
  focus(item: T): void {
    const el = this.options.elementOf(item);
    if (!el) return;
    // The attributes change now, not at the next render: focus() needs them, and the
    // element that had the stop must leave the Tab order at once.
    for (const other of this.options.items()) {
      if (other !== item) this.options.elementOf(other)?.setAttribute('tabindex', '-1');
    }
    el.setAttribute('tabindex', '0');
    this.setTabStop(item);
    el.focus();
  }

  private readonly _onFocusIn = (e: FocusEvent): void => {
    const item = this._itemOf(e);
    if (item !== undefined) this.setTabStop(item);
  };

  private readonly _onKeydown = (e: KeyboardEvent): void => {
    const from = this._itemOf(e);
    if (from === undefined) return;
    const items = this.options.items();
    let next: T | null | undefined;
    const arrow = ARROWS[e.key];
    if (arrow) {
      e.preventDefault(); // no page scroll, even at the group's edge
      next = this._step(items, from, arrow);
    } else if (e.key === 'Home') next = items[0];
    else if (e.key === 'End') next = items[items.length - 1];
    else if (e.key === 'Enter' || e.key === ' ') {
      if (!this.options.onActivate) return;
      e.preventDefault(); // Space would scroll the page
      this.options.onActivate(from, e);
      return;
    } else if (e.key === 'Escape') {
      this.options.onEscape?.(from, e);
      return;
    }
    if (next !== null && next !== undefined) {
      e.preventDefault();
      this.focus(next);
    }
  };

  private _step(items: readonly T[], from: T, [dx, dy]: readonly [number, number]): T | null {
    const centreOf = this.options.centreOf;
    if (centreOf) return nearestInDirection(items, from, dx, dy, (item) => centreOf.call(this.options, item));
    const i = items.indexOf(from) + (dx + dy > 0 ? 1 : -1);
    return i >= 0 && i < items.length ? items[i]! : null;
  }

  /** The item the event started on: its path's first node, inside the host's shadow root. */
  private _itemOf(e: Event): T | undefined {
    const target = e.composedPath()[0];
    return target instanceof Element ? this.options.itemOf(target) : undefined;
  }
}

/**
 * The item whose centre lies best in direction (dx, dy) from `from`'s: ahead of it, and
 * nearest, sideways distance counting double. Null when nothing lies that way.
 *
 * @example
 * nearestInDirection(shapes, torino, 1, 0, (s) => s.centre) // the area east of Torino
 */
export function nearestInDirection<T>(
  items: readonly T[],
  from: T,
  dx: number,
  dy: number,
  centreOf: (item: T) => readonly [number, number],
): T | null {
  const [fx, fy] = centreOf(from);
  let best: T | null = null;
  let bestScore = Infinity;
  for (const item of items) {
    if (item === from) continue;
    const [x, y] = centreOf(item);
    const vx = x - fx;
    const vy = y - fy;
    const along = vx * dx + vy * dy;
    if (along <= 0) continue;
    const across = Math.abs(vx * dy - vy * dx);
    // Prefer items straight ahead: sideways distance counts more than distance ahead.
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = item;
    }
  }
  return best;
}
