// The one element of bench/pages/progress.html (<piccoli-progress as-of="2021-10-31">) or
// bench/pages/trend.html (<piccoli-trend as-of="2021-10-31">), as written in the page's
// markup. Query parameters set its attributes before the library upgrades it: ?src=… (a
// data file), ?comune=… (one comune). ?expect=a,b,… are the counts it must show (the
// runner computes them from the data file; default: the national funnel on that day).
// Done when they are on screen: the funnel's count cells, or the trend's lines drawn and
// its reading of the day (bench/pages/probe.js).
const params = new URLSearchParams(location.search);
const EXPECTED = params.get('expect')?.split(',').map(Number) ?? [5490, 612, 568, 485]; // eligible, engaged, needs analysed, plan submitted
const el = document.querySelector('piccoli-progress, piccoli-trend');
const tag = el.localName;
const counts = tag === 'piccoli-trend' ? __benchTrendCounts : __benchProgressCounts;
for (const name of ['src', 'comune']) if (params.get(name)) el.setAttribute(name, params.get(name));

__benchMark('script-start');
// The element upgrades (connectedCallback) synchronously inside customElements.define.
const define = customElements.define.bind(customElements);
customElements.define = (name, ctor, options) => {
  if (name === tag) __benchMark('connect');
  define(name, ctor, options);
};
// The engine's worker, seen from outside (marks engine-worker, engine-wasm-loaded,
// engine-instantiated; __bench.engineWorkers counts the workers started).
__benchWatchEngine();
/** Which backend answered, and when the resources that matter for the engine path arrived. */
const atDone = () => ({
  backend: el.shadowRoot?.querySelector('figure[data-backend]')?.getAttribute('data-backend') ?? null,
  shown: counts(el) ? 'numbers' : 'message',
  engineWorkers: window.__bench.engineWorkers,
  resources: performance
    .getEntriesByType('resource')
    .filter((r) => /\.worker\.js|engine-libs-|duckdb-answer-|\/engine-|\.cube\.json|\.(parquet|arrow)$/.test(r.name))
    .map((r) => ({ path: new URL(r.name).pathname, start: r.startTime, end: r.responseEnd, bytes: r.transferSize })),
});
__benchWatch(() => counts(el), EXPECTED, 120000, atDone);
await import('/dist/autoloader.js');
__benchMark('library-evaluated');
