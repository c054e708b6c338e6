import type { CSSResult } from 'lit';
import type { MapView } from './render.js';

/**
 * What a map needs where `piccoli-data snapshot` draws it, in Node: set by
 * src/ssr/map.ts. The map's code reads it only in `isServer` branches, which a browser's
 * build drops (and this module with them).
 */
export const server = {} as {
  /** Makes the SVG's nodes (a shim of createElementNS, setAttribute, append, textContent). */
  document: Pick<Document, 'createElementNS'>;
  /** A bundled data file (a file: URL), as JSON. */
  readJson: (url: string) => Promise<unknown>;
  /** The element's style as the map reads its colours: each `--_x` is `var(--_x)`, so the drawing's colours stay CSS. */
  style: Pick<CSSStyleDeclaration, 'getPropertyValue'>;
  /** The drawn map as markup a server render writes, and the rules of its colours, given to `adopt`. */
  markup: (view: MapView, adopt: (css: CSSResult) => void) => unknown;
};
