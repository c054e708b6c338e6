/**
 * piccoli-dashboard's page API: `configure`, the event classes and `loadElement`.
 * Importing it also starts the autoloader, so one script tag still registers every
 * element, each loaded on first use; an embed that configures nothing needs only
 * dist/autoloader.js (src/autoload.ts).
 * @example
 * <script type="module">
 *   import { configure } from '/piccoli/piccoli.js';
 *   configure({ assetBase: '/static/piccoli/' });
 * </script>
 * <piccoli-progress></piccoli-progress>
 *
 * This entry stays small: page settings, events and the loader. The engine API is in
 * piccoli-dashboard/data (dist/data.js); the element classes are in the per-element
 * entries (piccoli-dashboard/piccoli-progress ...), and importing one defines it at once.
 */
export { configure } from './data/configure.js';
export type { PiccoliConfig } from './data/config.js';
export { PiccoliDataError, type PiccoliErrorCode } from './data/errors.js';
export * from './events/index.js';
export * from './components/piccoli-sql/events.js';
// Importing the autoloader starts it (dist/autoloader.js, the embeds' one script tag).
export { loadElement } from './autoload.js';
export type { PiccoliProgress } from './components/piccoli-progress/piccoli-progress.js';
export type { PiccoliMap } from './components/piccoli-map/piccoli-map.js';
export type { PiccoliSql } from './components/piccoli-sql/piccoli-sql.js';
export type { PiccoliTrend } from './components/piccoli-trend/piccoli-trend.js';
