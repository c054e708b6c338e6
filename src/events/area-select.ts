/** Which area a map selected, or unselected. */
export interface AreaSelectDetail {
  level: 'region' | 'province' | 'comune';
  /** ISTAT code: 2 digits (region), 3 (province), 6 (comune). */
  code: string;
  name: string;
  /** False when the area was unselected (second click, or Escape). */
  selected: boolean;
}

/**
 * An area of a <piccoli-map> was selected or unselected (click, Enter, Space, Escape).
 * Regions and provinces also become the page's shared selection, which every piccoli
 * element follows; this event is for the page's own code.
 */
export class PiccoliAreaSelectEvent extends Event {
  static readonly eventName = 'piccoli-area-select';
  constructor(readonly detail: AreaSelectDetail) {
    super(PiccoliAreaSelectEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'piccoli-area-select': PiccoliAreaSelectEvent;
  }
}
