// One <piccoli-map level="region"> and ?n= <piccoli-progress> elements (no
// ignore-selection, so they follow the map's selection), all on the bundled data, loaded
// through dist/autoloader.js as an embed would. Each progress element has its own date (and
// every other one the compact view), so a click changes different numbers in each. The
// numbers every element must show for a region are computed beforehand through the
// library's own `funnelQuery` on the shared engine, on the events table this page loads
// into it (the elements themselves answer from the cube and start no engine). The runner
// then clicks regions for real (bench/pages/repaint.js times it).
import { installRepaint } from './repaint.js';

export const DATES = ['2021-10-31', '2021-07-31', '2022-01-31', '2022-04-30', '2022-12-31'];
export const REGIONS = ['08', '09']; // Emilia-Romagna, Toscana

const n = Number(new URLSearchParams(location.search).get('n') ?? 1);
const map = document.querySelector('piccoli-map');
const side = document.getElementById('side');
const els = [];
for (let i = 0; i < n; i++) {
  const el = document.createElement('piccoli-progress');
  el.setAttribute('as-of', DATES[i % DATES.length]);
  el.setAttribute('view', i % 2 ? 'compact' : 'full');
  side.append(el);
  els.push(el);
}
__benchMark('script-start');
const sleep = (t) => new Promise((r) => setTimeout(r, t));
async function until(cond, what, timeoutMs = 120000) {
  const t0 = performance.now();
  for (;;) {
    const v = cond();
    if (v) return v;
    if (performance.now() - t0 > timeoutMs) throw new Error(`timeout waiting for ${what}`);
    await sleep(20);
  }
}

try {
  await import('/dist/autoloader.js');
  const area = (code) => map.shadowRoot?.querySelector(`.area[data-code="${code}"]`) ?? null;
  const areas = () => [...(map.shadowRoot?.querySelectorAll('.area[data-code]') ?? [])];
  await until(() => {
    const alert = map.shadowRoot?.querySelector('[role="alert"]');
    if (alert) throw new Error(`<piccoli-map> shows an error: ${alert.textContent.trim()}`);
    return areas().length > 0 && areas().every((a) => a.getAttribute('fill')) && area(REGIONS[0]);
  }, 'the map');
  __benchMark('map-rendered');
  await until(() => els.every((el) => Array.isArray(__benchProgressCounts(el))), 'the progress elements\' first numbers');
  // What the elements needed by themselves, before the bench imports the data layer and
  // starts an engine for its own check below: the engines they started (on the bundled
  // data the coordinator answers them from the cube: none), the JavaScript they fetched,
  // and which backend each figure says answered it.
  const elementEngines = window[Symbol.for('piccoli-dashboard.engine')]?.instancesStarted ?? 0;
  const elementJs = performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname).filter((p) => p.endsWith('.js'));
  const backends = [map, ...els].map((el) => el.shadowRoot?.querySelector('figure[data-backend]')?.getAttribute('data-backend') ?? null);
  const lib = await import('/dist/data.js'); // the engine API lives in the data entry
  // Expected numbers: the library's funnel SQL on the engine, for each date and region.
  const engine = lib.getEngine();
  await lib.loadEvents();
  const expect = new Map();
  for (const code of [null, ...REGIONS]) {
    const perDate = [];
    for (const asOf of DATES) {
      const q = lib.funnelQuery(lib.EVENTS_TABLE, { programme: 'piccoli', asOf, ...(code ? { regionCode: code } : {}) });
      const t = await engine.query(q.sql, q.params);
      perDate.push(t.toArray().map((r) => Number(r.n)));
    }
    expect.set(code, perDate);
  }
  const expected = (code) => els.map((_, i) => expect.get(code)[i % DATES.length]);
  const adapter = {
    area,
    counts: () => els.map((el) => __benchProgressCounts(el)),
    pressed: () => areas().filter((a) => a.getAttribute('aria-pressed') === 'true').map((a) => a.getAttribute('data-code')),
    fills: () => areas().map((a) => a.getAttribute('fill')).join(' '),
    caption: () => map.shadowRoot?.querySelector('figcaption .sub')?.textContent.trim() ?? '',
    setAsOf: (d) => map.setAttribute('as-of', d),
    roots: () => [map.shadowRoot, ...els.map((el) => el.shadowRoot)],
    expected,
  };
  // Everything rendered with the Italy numbers before the first click.
  const italy = expected(null);
  await until(() => adapter.counts().every((c, i) => Array.isArray(c) && italy[i].every((v, j) => c[j] === v)), 'the progress elements');
  __benchMark('all-rendered');
  installRepaint(adapter);
  window.__bench.engines = elementEngines;
  window.__bench.expected = Object.fromEntries([...expect].map(([k, v]) => [k ?? 'italy', v]));
  window.__bench.js = elementJs;
  window.__bench.backends = backends;
  window.__bench.ready = true;
} catch (e) {
  window.__bench.error = String(e && e.message ? e.message : e);
  window.__bench.ready = true;
}
