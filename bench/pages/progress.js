// One <piccoli-progress as-of="2021-10-31"> as written in the page's markup. Query
// parameters set its attributes before the library upgrades it: ?src=… (a data file),
// ?comune=… (one comune). ?expect=a,b,… are the counts it must show (the runner computes
// them from the data file; default: the national funnel on that day).
const params = new URLSearchParams(location.search);
const EXPECTED = params.get('expect')?.split(',').map(Number) ?? [5490, 612, 568, 485]; // eligible, engaged, needs analysed, plan submitted
const el = document.querySelector('piccoli-progress');
for (const name of ['src', 'comune']) if (params.get(name)) el.setAttribute(name, params.get(name));

__benchMark('script-start');
// The element upgrades (connectedCallback) synchronously inside customElements.define.
const define = customElements.define.bind(customElements);
customElements.define = (name, ctor, options) => {
  if (name === 'piccoli-progress') __benchMark('connect');
  define(name, ctor, options);
};
// The engine's milestones, seen from outside: when its worker starts (the coordinator
// sent a request to DuckDB-WASM), when the worker reports the wasm fully downloaded (its
// INSTANTIATE_PROGRESS messages; the wasm is fetched inside the worker, so the page's
// resource timing does not see it) and when it answers the library's boot message
// (src/data/engine-boot.ts: wasm compiled, DuckDB instantiated). All only listened to;
// nothing in the worker's traffic changes.
const BOOT_MESSAGE_ID = 0x3fff_fff0;
const PageWorker = window.Worker;
window.Worker = class extends PageWorker {
  constructor(url, options) {
    super(url, options);
    if (!/duckdb/.test(String(url))) return;
    __benchMark('engine-worker');
    const marks = window.__bench.marks;
    this.addEventListener('message', (e) => {
      if (e.data?.requestId !== BOOT_MESSAGE_ID) return;
      const p = e.data.data;
      if (e.data.type !== 'INSTANTIATE_PROGRESS') {
        if (marks['engine-instantiated'] === undefined) __benchMark('engine-instantiated');
      } else if (p && p.bytesTotal > 0 && p.bytesLoaded >= p.bytesTotal && marks['engine-wasm-loaded'] === undefined) __benchMark('engine-wasm-loaded');
    });
  }
};
/** Which backend answered, and when the resources that matter for the engine path arrived. */
const atDone = () => ({
  backend: el.shadowRoot?.querySelector('figure[data-backend]')?.getAttribute('data-backend') ?? null,
  shown: el.shadowRoot?.querySelector('tbody td.count') ? 'table' : 'message',
  resources: performance
    .getEntriesByType('resource')
    .filter((r) => /\.worker\.js|engine-libs-|duckdb-answer-|\/engine-|\.cube\.json|\.(parquet|arrow)$/.test(r.name))
    .map((r) => ({ path: new URL(r.name).pathname, start: r.startTime, end: r.responseEnd, bytes: r.transferSize })),
});
__benchWatch(() => __benchProgressCounts(el), EXPECTED, 120000, atDone);
await import('/dist/piccoli.js');
__benchMark('library-evaluated');
