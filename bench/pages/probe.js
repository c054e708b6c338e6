// Loaded as a classic, blocking script at the top of every bench page, before anything
// else runs: it watches layout shifts from the first frame and exposes one `watch()` that
// polls on each animation frame (i.e. just before a paint) until the page shows the
// expected numbers. The runner reads everything from `window.__bench`.
(() => {
  const b = (window.__bench = { cls: 0, shifts: 0, shiftSources: [], done: false, error: null, marks: {} });
  /** A short name for the node a layout shift moved (what to fix). */
  const nodeName = (n) => {
    if (!n) return '(gone)';
    if (n.nodeType !== 1) return n.nodeName.toLowerCase();
    return n.localName + (n.id ? `#${n.id}` : '') + (n.classList && n.classList.length ? `.${[...n.classList].join('.')}` : '');
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (!e.hadRecentInput) {
          b.cls += e.value;
          b.shifts++;
          b.shiftSources.push({ at: Math.round(e.startTime), value: e.value, nodes: (e.sources || []).map((s) => nodeName(s.node)) });
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch (e) {
    b.cls = NaN; // layout-shift entries not supported
  }
  /** Mark a named moment (ms since navigation start). */
  window.__benchMark = (name) => {
    b.marks[name] = performance.now();
    performance.mark(name);
  };
  /**
   * Poll `check()` on every frame. It returns an array of numbers shown on screen, or
   * `{ error }`, or null while nothing is there; done when the array starts with
   * `expected` (or, with `expected` null, when `check()` returns true). `onDone()`, if
   * given, runs in that same frame and its result is kept as `__bench.atDone` (what the
   * page looked like when the numbers showed).
   */
  window.__benchWatch = (check, expected, timeoutMs = 120000, onDone = null) => {
    const t0 = performance.now();
    const tick = () => {
      let got;
      try {
        got = check();
      } catch (e) {
        got = null;
      }
      if (got && got.error) {
        b.error = String(got.error);
        b.done = true;
        return;
      }
      const ok = expected === null ? got === true : Array.isArray(got) && expected.every((v, i) => got[i] === v);
      if (ok) {
        b.numbersAt = performance.now();
        b.counts = got;
        // The JavaScript files the page fetched up to now (to price them against sizes).
        b.js = performance
          .getEntriesByType('resource')
          .map((r) => new URL(r.name).pathname)
          .filter((p) => p.endsWith('.js'));
        if (onDone) b.atDone = onDone();
        b.done = true;
        return;
      }
      if (got) b.lastSeen = got;
      if (performance.now() - t0 > timeoutMs) {
        b.error = `timeout; last seen ${JSON.stringify(b.lastSeen ?? null)}`;
        b.done = true;
        return;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  /**
   * Watch the library's engine from outside: count the engine workers the page creates
   * (`__bench.engineWorkers`) and mark when the first one starts (`engine-worker`), when it
   * reports the wasm fully downloaded (`engine-wasm-loaded`) and when it answers the
   * library's boot message (`engine-instantiated`: wasm compiled, DuckDB instantiated). The
   * worker runs src/data/engine-worker.js (dist/duckdb/engine-worker.js), started from a
   * same-origin blob (or, under a CSP that refuses blobs, from its URL): it is recognised by
   * its URL or by its name, the JSON that tells it where DuckDB-WASM's worker script and
   * wasm are. Its progress comes as INSTANTIATE_PROGRESS messages on the boot's request id
   * carrying `{ piccoli: { event: 'progress', loaded, total, last } }` (bytes on the wire;
   * older builds: DuckDB-WASM's own `{ bytesLoaded, bytesTotal }`). Only listened to:
   * nothing in the worker's traffic changes. Call before the library loads.
   */
  window.__benchWatchEngine = () => {
    const BOOT_MESSAGE_ID = 0x3fff_fff0; // src/data/engine-boot.ts
    const isEngine = (url, options) => /duckdb|engine-worker/.test(String(url)) || /duckdb|engine-worker/.test(String((options && options.name) || ''));
    const PageWorker = window.Worker;
    b.engineWorkers = 0;
    window.Worker = class extends PageWorker {
      constructor(url, options) {
        super(url, options);
        if (!isEngine(url, options)) return;
        b.engineWorkers++;
        if (b.marks['engine-worker'] === undefined) window.__benchMark('engine-worker');
        this.addEventListener('message', (e) => {
          if (!e.data || e.data.requestId !== BOOT_MESSAGE_ID) return;
          const p = e.data.data;
          if (e.data.type !== 'INSTANTIATE_PROGRESS') {
            if (b.marks['engine-instantiated'] === undefined) window.__benchMark('engine-instantiated');
            return;
          }
          const ours = p && p.piccoli;
          const loaded = ours ? ours.event === 'progress' && ours.last : p && p.bytesTotal > 0 && p.bytesLoaded >= p.bytesTotal;
          if (loaded && b.marks['engine-wasm-loaded'] === undefined) window.__benchMark('engine-wasm-loaded');
        });
      }
    };
  };
  /** Numbers in the count cells of a <piccoli-progress>, or its error message. */
  window.__benchProgressCounts = (el) => {
    const root = el && el.shadowRoot;
    if (!root) return null;
    const alert = root.querySelector('[role="alert"]');
    if (alert) return { error: alert.textContent.trim() };
    const cells = [...root.querySelectorAll('tbody td.count')];
    if (cells.length) return cells.map((c) => Number(c.textContent.replace(/[^0-9]/g, '')));
    return null;
  };
  /**
   * The counts a <piccoli-trend> reads out for its cursor's day, once its chart has drawn
   * its lines (Observable Plot's line mark: one path per stage), or its error message.
   */
  window.__benchTrendCounts = (el) => {
    const root = el && el.shadowRoot;
    if (!root) return null;
    const alert = root.querySelector('[role="alert"]');
    if (alert) return { error: alert.textContent.trim() };
    if (!root.querySelector('.plot svg g[aria-label="line"] path')) return null;
    const values = [...root.querySelectorAll('.readout span[data-stage] b')];
    return values.length ? values.map((v) => Number(v.textContent.replace(/[^0-9]/g, ''))) : null;
  };
})();
