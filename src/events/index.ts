/**
 * Typed events of piccoli elements. All are prefixed `piccoli-`, bubble, and cross
 * shadow roots (composed), so a page can listen on document.
 */

export interface LoadProgressDetail {
  source: string;
  loaded: number;
  total?: number;
}

/** A source or the engine is downloading: `loaded` of `total` bytes. */
export class PiccoliLoadProgressEvent extends Event {
  static readonly eventName = 'piccoli-load-progress';
  constructor(readonly detail: LoadProgressDetail) {
    super(PiccoliLoadProgressEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * An element could not show its data: `code` is the family (http, schema, invalid-option
 * ...), `kind` what exactly (unknown-province ...), `message` the technical English text
 * (the element shows the reader a sentence in their language).
 */
export class PiccoliErrorEvent extends Event {
  static readonly eventName = 'piccoli-error';
  constructor(readonly detail: { code: string; kind: string; message: string; source?: string }) {
    super(PiccoliErrorEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'piccoli-load-progress': PiccoliLoadProgressEvent;
    'piccoli-error': PiccoliErrorEvent;
  }
}
export * from './stage-select.js';
export * from './area-select.js';
