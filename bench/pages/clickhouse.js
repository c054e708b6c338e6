// One element on a large table of the synthetic programme `scala`, as a site would write
// the page. ?backend=clickhouse: the documented two lines of configuration (the
// connector to the two-shard cluster behind the bench server's same-origin /ch/ proxy,
// table ?table=, its catalogue ?catalogue= when given), then the element without `src`.
// ?backend=duckdb: the element with src=?src (a Parquet file of the same rows) read by
// DuckDB-WASM. ?view=progress:
// <piccoli-progress programme="scala">; ?view=map: <piccoli-map programme="scala"
// metric="engaged">. ?expect= is what it must show (JSON, computed by the runner on the
// cluster): progress, the counts per stage; map, { region code: [reached, eligible] }.
// Then the runner asks the next question on the same page through window.__benchNext.
const params = new URLSearchParams(location.search);
const view = params.get('view') ?? 'progress';
const backend = params.get('backend') ?? 'clickhouse';
const expected = JSON.parse(params.get('expect') ?? 'null');
const b = window.__bench;

__benchMark('script-start');
if (backend === 'clickhouse') {
  const { configure, clickhouseConnector } = await import('/dist/data.js');
  configure({
    connector: clickhouseConnector({
      url: '/ch/',
      database: 'piccoli',
      table: params.get('table') ?? 'scala_events',
      user: 'piccoli_reader',
      password: 'lettore-2026',
      // ?catalogue=: the table's catalogue (README, "The catalogue"); without it the first
      // question also asks the catalogue of the events.
      ...(params.get('catalogue') ? { catalogue: params.get('catalogue') } : {}),
      // Without the catalogue, the first question over 100M rows scans them several times;
      // on this 2-core machine, shared with the browser, one such query can pass the default 30 s.
      timeoutMs: 120_000,
    }),
  });
  __benchMark('configured');
}

// ?view=none: the same page without the element (the memory baseline).
const el = document.createElement(view === 'map' ? 'piccoli-map' : 'piccoli-progress');
el.setAttribute('programme', 'scala');
if (view === 'map') el.setAttribute('metric', 'engaged');
if (backend === 'duckdb') el.setAttribute('src', params.get('src'));
if (view !== 'none') document.querySelector('main').append(el);

// The element upgrades (connectedCallback) synchronously inside customElements.define.
const define = customElements.define.bind(customElements);
customElements.define = (name, ctor, options) => {
  if (name === el.localName) __benchMark('connect');
  define(name, ctor, options);
};

/**
 * What the map shows, from its table for screen readers: `{ code: [reached, eligible] }`
 * for every area with data; `{ error }` when it shows an error; null while it draws.
 */
function mapNumbers() {
  const root = el.shadowRoot;
  if (!root) return null;
  const alert = root.querySelector('[role="alert"]');
  if (alert) return { error: alert.textContent.trim() };
  const out = {};
  for (const tr of root.querySelectorAll('.visually-hidden tbody tr[data-code]')) {
    const td = tr.querySelectorAll('td');
    if (td.length === 3 && td[1].textContent.trim()) out[tr.dataset.code] = [1, 2].map((i) => Number(td[i].textContent.replace(/[^0-9]/g, '')));
  }
  return Object.keys(out).length ? out : null;
}

/** Whether what the element shows equals `want`; a short description of it otherwise. */
function shows(want) {
  if (view === 'progress') {
    const got = __benchProgressCounts(el);
    if (!Array.isArray(got)) return got;
    return got.length === want.length && want.every((v, i) => got[i] === v) ? true : `counts ${got.join(',')}`;
  }
  const got = mapNumbers();
  if (!got || got.error) return got;
  const codes = Object.keys(want);
  const same = Object.keys(got).length === codes.length && codes.every((c) => got[c] && got[c][0] === want[c][0] && got[c][1] === want[c][1]);
  return same ? true : `${Object.keys(got).length} areas, first ${JSON.stringify(Object.entries(got)[0])}`;
}

const atDone = () => ({
  backend: el.shadowRoot?.querySelector('figure[data-backend]')?.getAttribute('data-backend') ?? null,
  engines: window[Symbol.for('piccoli-dashboard.engine')]?.instancesStarted ?? 0,
});

/**
 * The next question on the same page: set `attrs` on the element, then wait for the
 * frame in which it shows `want`. Resolves to { ms, error } (ms from the attribute
 * change to that frame).
 */
window.__benchNext = (attrs, want, timeoutMs = 120000) =>
  new Promise((resolve) => {
    const t0 = performance.now();
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    let last = null;
    const tick = () => {
      let got;
      try {
        got = shows(want);
      } catch {
        got = null;
      }
      if (got === true) return resolve({ ms: performance.now() - t0, ...atDone() });
      if (got && got.error) return resolve({ error: String(got.error) });
      if (got) last = got;
      if (performance.now() - t0 > timeoutMs) return resolve({ error: `timeout; last seen ${JSON.stringify(last)}` });
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });

b.view = view;
b.backend = backend;
if (view !== 'none') __benchWatch(() => shows(expected), null, 180000, atDone);
await import('/dist/autoloader.js');
__benchMark('library-evaluated');
