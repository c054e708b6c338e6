// ?n=1|5|20 <piccoli-progress> elements, each for another province; every fifth one (the
// first included) reads src= a copy of the Arrow data with no cube beside it (made by
// bench/run.mjs), so the coordinator must start the shared engine, and those elements
// share one table; the others answer from the bundled data's cube. (The bundled
// programmes.arrow would not do: it is the cube's twin, so the cube answers for it.)
// ?n=0 is the empty page (memory baseline).
// Done when every element shows its counts.
const PROVINCES = ['TO', 'CN', 'AL', 'BG', 'PV', 'TN', 'BS', 'CS', 'CO', 'AT', 'SA', 'UD', 'CR', 'AV', 'BZ', 'AQ', 'CH', 'VA', 'ME', 'SU'];
const n = Number(new URLSearchParams(location.search).get('n') ?? 1);
const grid = document.getElementById('grid');
const els = [];
for (let i = 0; i < n; i++) {
  const el = document.createElement('piccoli-progress');
  el.setAttribute('province', PROVINCES[i % PROVINCES.length]);
  el.setAttribute('as-of', '2021-10-31');
  el.setAttribute('view', 'full');
  if (i % 5 === 0) el.setAttribute('src', '/bench/.out/site-nocube/events.arrow');
  grid.append(el);
  els.push(el);
}
__benchMark('script-start');
if (n === 0) {
  __benchWatch(() => true, null);
} else {
  __benchWatch(() => {
    const all = els.map((el) => __benchProgressCounts(el));
    const bad = all.find((c) => c && c.error);
    if (bad) return bad;
    return all.every((c) => Array.isArray(c) && c[0] > 0);
  }, null);
  await import('/dist/autoloader.js');
  __benchMark('library-evaluated');
}
/** What the runner reads once the page is done. */
window.__benchEngine = () => {
  const engine = window[Symbol.for('piccoli-dashboard.engine')];
  const workers = performance
    .getEntriesByType('resource')
    .filter((e) => /duckdb-browser-[^/]*\.worker\.js/.test(e.name)).length;
  return {
    instancesStarted: engine ? engine.instancesStarted : 0,
    workerResources: workers,
    counts: els.map((el) => __benchProgressCounts(el)),
    jsHeapUsed: performance.memory ? performance.memory.usedJSHeapSize : null,
  };
};
