/**
 * The autoloader, dist/autoloader.js: the one script tag an embed needs. It registers
 * piccoli elements on demand: each element's code is fetched the first time its tag
 * appears in the document, so a page with one funnel loads the funnel's code only, not
 * the map's or the SQL console's. Like Shoelace's `shoelace-autoloader.js`, it is an
 * entry of its own, apart from the library's API (dist/piccoli.js: `configure`, the
 * event classes, `loadElement`), which imports it: a page that only shows elements does
 * not download the API's code (about 1.2 KB brotli), and a page that loads both gets one
 * autoloader. Elements created inside another component's shadow root are not seen:
 * import their module (`piccoli-dashboard/piccoli-progress` ...) there.
 *
 * @example
 * <script type="module" src="/piccoli/autoloader.js"></script>
 * <piccoli-progress province="PC"></piccoli-progress>
 */
const LOADERS: Record<string, () => Promise<unknown>> = {
  'piccoli-progress': () => import('./components/piccoli-progress/piccoli-progress.js'),
  'piccoli-map': () => import('./components/piccoli-map/piccoli-map.js'),
  'piccoli-sql': () => import('./components/piccoli-sql/piccoli-sql.js'),
  'piccoli-trend': () => import('./components/piccoli-trend/piccoli-trend.js'),
};

const started = new Map<string, Promise<unknown>>();

/** Load (once) the code of one element; resolves when it is defined. */
export function loadElement(tag: string): Promise<unknown> {
  const load = LOADERS[tag];
  if (!load) return Promise.reject(new TypeError(`unknown piccoli element: ${tag}`));
  let p = started.get(tag);
  if (!p) {
    p = load().catch((e: unknown) => {
      started.delete(tag); // a later insertion may try again (e.g. after a network blip)
      console.error(`piccoli-dashboard: the code of <${tag}> could not be loaded`, e);
    });
    started.set(tag, p);
  }
  return p;
}

function scan(root: ParentNode): void {
  for (const tag of Object.keys(LOADERS)) {
    if (started.has(tag)) continue;
    if ((root as Element).localName === tag || root.querySelector(tag)) void loadElement(tag);
  }
}

/** Load what the document uses now, and what it will use later. */
export function autoload(): void {
  scan(document);
  if (started.size === Object.keys(LOADERS).length) return;
  const observer = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === Node.ELEMENT_NODE) scan(n as Element);
    if (started.size === Object.keys(LOADERS).length) observer.disconnect();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}

autoload();
