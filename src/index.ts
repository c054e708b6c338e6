/**
 * piccoli-dashboard. One script tag registers every element, each loaded on first use:
 * @example
 * <script type="module" src="/piccoli/piccoli.js"></script>
 * <piccoli-progress></piccoli-progress>
 *
 * The classes are in the per-element entries (piccoli-dashboard/piccoli-progress ...);
 * importing one registers that element at once.
 */
import { autoload } from './autoload.js';

export * from './data/index.js';
export * from './events/index.js';
export * from './components/piccoli-sql/events.js';
export { loadElement } from './autoload.js';
export type { PiccoliProgress } from './components/piccoli-progress/piccoli-progress.js';
export type { PiccoliMap } from './components/piccoli-map/piccoli-map.js';
export type { PiccoliSql } from './components/piccoli-sql/piccoli-sql.js';

autoload();
