/**
 * piccoli-dashboard: importing this module registers every element.
 * @example
 * <script type="module" src="/piccoli/piccoli.js"></script>
 * <piccoli-progress></piccoli-progress>
 */
export * from './data/index.js';
export * from './events/index.js';
export { PiccoliProgress } from './components/piccoli-progress/piccoli-progress.js';
export { PiccoliMap } from './components/piccoli-map/piccoli-map.js';
export { PiccoliSql } from './components/piccoli-sql/piccoli-sql.js';
export * from './components/piccoli-sql/events.js';
