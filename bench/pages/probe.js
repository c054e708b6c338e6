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
})();
