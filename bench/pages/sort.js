// <piccoli-sql> showing a 1M-row result; the runner clicks a column's header button with
// a real mouse click (puppeteer) and this page times click -> the first rows on screen in
// the new order. The console (src/components/piccoli-sql/results-table.ts) sorts on a
// click: ascending, then descending, then its own order again. Its result rows are
// `tbody tr.row` (first cell the row number, then one cell per column) in a virtualised
// table in the console's shadow root; the header buttons are `thead th button`, the
// column's name in `.col-name`, and the sorted header has aria-sort.
//
// The rows on screen are checked against an order computed here, apart from the library:
// the same SQL through `engine.query`, each column's first K rows picked by a plain
// comparison (numbers and ISO days as numbers and text, text with
// Intl.Collator('it', { numeric: true }), the console's collation), ties in the result's
// order, NULLs last (there are none), identified by the `i` column. Baseline, in the
// same page: the same query re-run in DuckDB with ORDER BY, bounded as the console runs
// it (`engine.queryBounded`), the Arrow result back in the page.
const params = new URLSearchParams(location.search);
const ROWS = Number(params.get('rows') ?? 1_000_000);
const K = 12; // rows checked at the top of the table
/** The sorted columns: a number, text with few distinct values, text all distinct, a date. */
const COLUMNS = [
  { name: 'n', kind: 'number (BIGINT, 1 000 000 distinct values)' },
  { name: 'label', kind: 'text, 5 000 distinct values' },
  { name: 'name', kind: 'text, every value distinct' },
  { name: 'day', kind: 'date, 1 000 distinct values' },
];
// `name` is 'voce ' and a permutation of 0..ROWS-1 (7919 is prime, so coprime with ROWS
// = 10^k): every value distinct, in no order.
const SQL = `SELECT range AS i, (hash(range) % 1000000)::BIGINT - 500000 AS n, 'riga ' || (hash(range * 3) % 5000) AS label,
  'voce ' || (range * 7919 % ${ROWS}) AS name, DATE '2020-01-01' + (hash(range * 7) % 1000)::INTEGER AS day
  FROM range(${ROWS})`;

/** querySelectorAll through open shadow roots. */
function deepAll(root, selector, out = []) {
  if (root.shadowRoot) deepAll(root.shadowRoot, selector, out);
  out.push(...root.querySelectorAll(selector));
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) deepAll(el.shadowRoot, selector, out);
  return out;
}

/** The first K row ids of `values` in order `dir` (1 ascending, -1 descending), ties by id. */
function firstIds(values, ids, dir, compare) {
  const top = []; // [value, id], best first
  for (let r = 0; r < values.length; r++) {
    const v = values[r];
    if (top.length === K) {
      const c = dir * compare(v, top[K - 1][0]);
      if (c > 0 || (c === 0 && ids[r] > top[K - 1][1])) continue;
    }
    let at = top.length;
    while (at > 0) {
      const c = dir * compare(v, top[at - 1][0]);
      if (c > 0 || (c === 0 && ids[r] > top[at - 1][1])) break;
      at--;
    }
    top.splice(at, 0, [v, ids[r]]);
    if (top.length > K) top.pop();
  }
  return top.map((x) => x[1]);
}

try {
  const { getEngine, configure } = await import('/dist/data.js');
  // The console keeps 100 000 rows by default: this result has ROWS.
  configure({ console: { maxRows: 2 * ROWS, maxBytes: 1024 * 2 ** 20, timeoutMs: 300_000 } });
  const engine = getEngine();
  // The oracle: every column's first rows, both ways, computed before any click (and then
  // dropped, so that the page holds what a console page holds: the heap's size counts in
  // the sort's garbage collections).
  const expected = {};
  let firstRows;
  {
    const oracle = await engine.query(`SELECT i, n, label, name, strftime(day, '%Y-%m-%d') AS day FROM (${SQL})`);
    const ids = Array.from(oracle.getChild('i'), Number);
    const collator = new Intl.Collator('it', { numeric: true });
    const byNumber = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
    for (const { name } of COLUMNS) {
      const values = name === 'n' ? Array.from(oracle.getChild(name), Number) : Array.from(oracle.getChild(name), String);
      const compare = name === 'label' || name === 'name' ? collator.compare : byNumber;
      expected[name] = { 1: firstIds(values, ids, 1, compare), '-1': firstIds(values, ids, -1, compare) };
    }
    firstRows = ids.slice(0, K).join();
  }
  window.__bench.expected = expected;
  await import('/dist/piccoli-sql.js');
  const el = document.createElement('piccoli-sql');
  el.setAttribute('no-bundled-data', '');
  el.setAttribute('no-url', '');
  document.getElementById('host').append(el);
  await el.updateComplete;
  const t0 = performance.now();
  await el.run(SQL);
  const shownIds = () =>
    deepAll(el, 'tbody tr.row')
      .slice(0, K)
      .map((tr) => Number(tr.cells[1]?.textContent.replace(/[^0-9-]/g, '')));
  const header = (name) => deepAll(el, 'thead th').find((th) => th.querySelector('.col-name')?.textContent.replace(/[▲▼]/g, '').trim() === name);
  for (let i = 0; i < 600 && shownIds().join() !== firstRows; i++) {
    const alert = deepAll(el, '[role="alert"]')[0];
    if (alert && alert.textContent.trim()) throw new Error(`<piccoli-sql> shows an error: ${alert.textContent.trim()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  if (shownIds().join() !== firstRows) throw new Error(`the console did not show the result: first ids ${shownIds().join()}`);
  window.__bench.runMs = performance.now() - t0;

  window.__sort = {
    columns: COLUMNS,
    /** The centre of a column's header button, in viewport coordinates, after scrolling it into view. */
    point(name) {
      const button = header(name)?.querySelector('button');
      if (!button) return { error: `no header button for column ${name}` };
      button.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const r = button.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const hit = button.getRootNode().elementFromPoint(x, y);
      if (!hit || !button.contains(hit)) return { error: `the header button of ${name} is covered at (${x}, ${y})` };
      return { x, y };
    },
    /** Arm: the next click on the column's header; done when the first rows are in order `dir`. */
    arm(name, dir, timeoutMs = 60_000) {
      const want = expected[name][dir].join();
      const sortWord = dir === 1 ? 'ascending' : 'descending';
      const button = header(name).querySelector('button');
      const done = () => header(name)?.getAttribute('aria-sort') === sortWord && shownIds().join() === want;
      this.pending = new Promise((resolve) => {
        let t0 = null;
        let domAt = null;
        const mo = new MutationObserver(() => {
          if (t0 !== null && domAt === null && done()) domAt = performance.now();
        });
        mo.observe(el.shadowRoot, { subtree: true, childList: true, attributes: true, characterData: true });
        button.addEventListener('click', () => (t0 = performance.now()), { capture: true, once: true });
        const started = performance.now();
        const tick = () => {
          const now = performance.now();
          if (t0 !== null && done()) {
            mo.disconnect();
            return resolve({ frame: now - t0, dom: (domAt ?? now) - t0 });
          }
          if (now - started > timeoutMs) {
            mo.disconnect();
            return resolve({ error: t0 === null ? 'the click never arrived' : `timeout; first ids ${shownIds().join()}, want ${want}` });
          }
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    },
    pending: null,
    /** The baseline: the same query re-run in DuckDB sorted by the column, all rows back in the page. */
    async engineSort(name, dir) {
      const t0 = performance.now();
      const r = await engine.queryBounded(`SELECT * FROM (${SQL}) ORDER BY ${name} ${dir === 1 ? 'ASC' : 'DESC'} NULLS LAST`, { maxRows: 2 * ROWS });
      const ms = performance.now() - t0;
      return { ms, rows: r.table.numRows };
    },
  };
  window.__bench.ready = true;
} catch (e) {
  window.__bench.error = `sort not measurable: ${e && e.message ? e.message : e}`;
}
