/**
 * What a map needs once its numbers are on their way: the shapes' loader, the drawing,
 * the colour scale, the tooltip's placement and the keyboard's roving focus. One chunk, fetched by <piccoli-map> at
 * the same time as its data (not before it, in the element's first load).
 */
export { loadGeometry } from './geometry.js';
export { paletteFromStyle } from './palette.js';
export { colourScale, legendItems, mapScale, paintMap, renderMap, type MapView } from './render.js';
export { furthestStages } from './stages.js';
export { tooltipPosition } from './tooltip.js';
export { RovingFocusController } from '../controllers/roving-focus.js';
export { SchemeController } from '../controllers/scheme.js';
export { PROVENANCE, provenanceView, provenanceViewStyles } from '../components/provenance.js';
export { STRINGS as MAP_STRINGS } from '../components/piccoli-map/strings.js';
export { drawnStyles } from '../components/piccoli-map/drawn.styles.js';
export { renderMapView } from './view.js';
export { MapPlayer } from './play.js';
