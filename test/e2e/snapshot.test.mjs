// A snapshot (`piccoli-data snapshot`) pasted into a page, in headless Chromium, on dist/:
// with JavaScript off the numbers, labels, source and provenance are there, the same as
// the live element shows for the same tag; with JavaScript, the element takes over with
// no layout shift, no frame showing anything else, no console error, and then answers
// the reader. The page has a strict CSP allowing the snapshot's styles by the hashes the
// command prints (--csp). Needs `npm run build` first.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, promises as fs } from 'node:fs';
import { createServer } from 'node:http';
import { extname } from 'node:path';
import puppeteer from 'puppeteer-core';
import { fileFor } from '../../demo/serve.mjs';
import { snapshot } from '../../data/scripts/snapshot.mjs';

const root = new URL('../../', import.meta.url);
const shots = new URL('test-results/screenshots/', root);
const TAG = '<piccoli-progress province="PC" as-of="2021-10-31"></piccoli-progress>';
const TAG_EN = '<piccoli-progress lang="en" view="compact"></piccoli-progress>';
const TYPES = { '.js': 'text/javascript', '.json': 'application/json', '.arrow': 'application/vnd.apache.arrow.file', '.css': 'text/css' };

/** A page as a CMS makes it: the library's script, some text, the element(s), more text. */
const page = (body) => `<!doctype html>
<html lang="it"><head><meta charset="utf-8"><title>Snapshot</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<script type="module" src="/dist/autoloader.js"></script></head>
<body><main><h1>Notizie</h1><p>Il programma nella provincia di Piacenza:</p>
${body}
<p id="after">Testo dopo il riquadro.</p></main></body></html>`;

let server;
let browser;
let base;
let snap;
let snapEn;
const pages = new Map();

before(async () => {
  assert.ok(existsSync(new URL('dist/piccoli.js', root)), 'run `npm run build` first');
  mkdirSync(shots, { recursive: true });
  snap = await snapshot(TAG);
  snapEn = await snapshot(TAG_EN);
  const csp = [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    `style-src 'self' ${[...new Set([...snap.styleHashes, ...snapEn.styleHashes])].join(' ')}`,
    "img-src 'self' data:",
    "connect-src 'self'",
  ].join('; ');
  pages.set('/snapshot.html', page(`${snap.html}\n<div id="en">${snapEn.html}</div>`));
  pages.set('/live.html', page(`${TAG}\n<div id="en">${TAG_EN}</div>`));
  server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const headers = { 'content-security-policy': csp, 'cache-control': 'no-cache' };
    if (path === '/favicon.ico') return res.writeHead(204, headers).end();
    if (pages.has(path)) return res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(pages.get(path));
    const file = path.startsWith('/dist/') ? fileFor(path) : null;
    const body = file && (await fs.readFile(file).catch(() => null));
    if (!body) return res.writeHead(404, headers).end();
    res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok()));
});

/** A tab that records console errors, CSP refusals included. */
async function open({ javaScript = true } = {}) {
  const tab = await browser.newPage();
  await tab.setViewport({ width: 1024, height: 900 });
  await tab.setJavaScriptEnabled(javaScript);
  const errors = [];
  tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  tab.on('pageerror', (e) => errors.push(String(e)));
  return { tab, errors };
}

/** What a reader of one funnel sees: caption, stage labels, counts, shares, source, provenance, bar widths. */
function readFunnel(selector) {
  const el = document.querySelector(selector);
  const r = el.shadowRoot;
  const text = (q) => [...r.querySelectorAll(q)].map((n) => n.textContent.replace(/\s+/g, ' ').trim());
  const rect = (n) => n.getBoundingClientRect();
  return {
    defined: !!globalThis.customElements.get('piccoli-progress'),
    title: text('figcaption .title'),
    sub: text('figcaption .sub'),
    provenance: text('figcaption [part="provenance"]'),
    labels: text('.label'),
    counts: text('.count'),
    shares: text('td.share'),
    source: text('[part="source"]'),
    about: text('[part="about"] summary'),
    // Bars in the table's full view: widths as shares of the track.
    bars: [...r.querySelectorAll('.bar')].map((b) => Math.round((rect(b.firstElementChild).width / rect(b).width) * 1000) / 10),
    height: Math.round(rect(el).height),
  };
}

describe('a snapshot in the page', () => {
  it('with JavaScript off shows the numbers, labels, source and provenance the live element shows for the same tag', async () => {
    const off = await open({ javaScript: false });
    await off.tab.goto(`${base}/snapshot.html`, { waitUntil: 'load' });
    const still = await off.tab.evaluate(readFunnel, 'piccoli-progress');
    const stillEn = await off.tab.evaluate(readFunnel, '#en piccoli-progress');
    await off.tab.screenshot({ path: new URL('snapshot-no-js.png', shots).pathname, fullPage: true });
    assert.equal(still.defined, false, 'no script ran');
    assert.deepEqual(still.title, ['P.I.C.C.O.L.I.']);
    assert.deepEqual(still.sub, ['Provincia di Piacenza · Dati al 31 ottobre 2021']);
    assert.deepEqual(still.provenance, ['Dati in parte simulati']);
    assert.equal(still.labels[1], 'Progettazione partecipata');
    assert.deepEqual(still.source, ['Fonte: ANCI.']);
    assert.deepEqual(still.about, ['Da dove vengono questi numeri?']);
    assert.ok(still.bars[0] > 99 && still.bars[1] > 0 && still.bars[1] < still.bars[0], `bars drawn: ${still.bars}`);
    assert.deepEqual(stillEn.provenance, ['Published data']);
    assert.deepEqual(stillEn.source.length, 1);
    assert.match(stillEn.source[0], /^Source: ANCI\. Published figure: ANCI Campania/);
    assert.deepEqual(off.errors, [], "the snapshot's styles are allowed by their hashes");
    await off.tab.close();

    const live = await open();
    await live.tab.goto(`${base}/live.html`, { waitUntil: 'load' });
    await live.tab.waitForFunction(
      () => [...document.querySelectorAll('piccoli-progress')].every((e) => e.shadowRoot?.querySelector('figure[data-backend]')),
      { timeout: 30_000 },
    );
    const shown = await live.tab.evaluate(readFunnel, 'piccoli-progress');
    const shownEn = await live.tab.evaluate(readFunnel, '#en piccoli-progress');
    assert.deepEqual({ ...still, defined: true }, shown);
    assert.deepEqual({ ...stillEn, defined: true }, shownEn);
    assert.deepEqual(live.errors, []);
    await live.tab.close();
  });

  it('with JavaScript the element takes over: no layout shift, every frame shows the same, no console error, then it answers the reader', async () => {
    const { tab, errors } = await open();
    // From the first frame: layout shifts (CLS), and what each frame shows of each funnel.
    await tab.evaluateOnNewDocument(() => {
      globalThis.__cls = 0;
      globalThis.__shifts = 0;
      new PerformanceObserver((l) =>
        l.getEntries().forEach((e) => {
          globalThis.__shifts++;
          globalThis.__cls += e.hadRecentInput ? 0 : e.value;
        }),
      ).observe({ type: 'layout-shift', buffered: true });
      globalThis.__frames = [];
      const frame = () => {
        const els = [...document.querySelectorAll('piccoli-progress')];
        if (els.length === 2) {
          globalThis.__frames.push({
            defined: !!globalThis.customElements.get('piccoli-progress'),
            stale: els.some((e) => e.shadowRoot?.querySelector('script[type="application/json"]')),
            text: els.map((e) => e.shadowRoot?.querySelector('figure')?.textContent.replace(/\s+/g, ' ').trim() ?? ''),
          });
        }
        if (!globalThis.__stop) globalThis.requestAnimationFrame(frame);
      };
      globalThis.requestAnimationFrame(frame);
    });
    await tab.goto(`${base}/snapshot.html`, { waitUntil: 'load' });
    // Taken over (the snapshot's nodes gone), and the coordinator's own answer in.
    await tab.waitForFunction(
      () =>
        [...document.querySelectorAll('piccoli-progress')].every(
          (e) => !e.shadowRoot.querySelector('script') && e._funnel?.status === 2 && e._snapshot === undefined,
        ),
      { timeout: 30_000 },
    );
    // A few more frames after the answer.
    await tab.evaluate(
      () =>
        new Promise((ok) =>
          globalThis.requestAnimationFrame(() => globalThis.requestAnimationFrame(() => globalThis.requestAnimationFrame(ok))),
        ),
    );
    const { frames, cls, shifts } = await tab.evaluate(() => {
      globalThis.__stop = true;
      return { frames: globalThis.__frames, cls: globalThis.__cls, shifts: globalThis.__shifts };
    });
    assert.equal(cls, 0, 'CLS');
    assert.equal(shifts, 0, 'layout-shift entries');
    assert.ok(
      frames.some((f) => f.stale),
      'frames were seen before the element took over',
    );
    assert.ok(
      frames.some((f) => f.defined && !f.stale),
      'frames were seen after the element took over',
    );
    const first = frames[0].text;
    assert.ok(first[0].includes('Provincia di Piacenza') && first[1].includes('Italy'), first.join(' | '));
    for (const f of frames) assert.deepEqual(f.text, first, 'a frame showed something else than the snapshot');
    const after = await tab.evaluate(() =>
      [...document.querySelectorAll('piccoli-progress')].map((e) => ({
        figures: e.shadowRoot.querySelectorAll('figure').length,
        styles: e.shadowRoot.querySelectorAll('style, [data-piccoli-s]').length,
        sheets: e.shadowRoot.adoptedStyleSheets.length,
      })),
    );
    for (const a of after) {
      assert.equal(a.figures, 1, "the snapshot's nodes are gone");
      assert.equal(a.styles, 0, "its styles are the element's own (adopted)");
      assert.ok(a.sheets > 0);
    }
    await tab.screenshot({ path: new URL('snapshot-hydrated.png', shots).pathname, fullPage: true });

    // Interactive: a stage button shows what the stage counts and tells the page.
    const picked = await tab.evaluate(async () => {
      const el = document.querySelector('piccoli-progress');
      const chosen = new Promise((ok) => el.addEventListener('piccoli-stage-select', (e) => ok(e.detail), { once: true }));
      el.shadowRoot.querySelector('tr[data-stage="needs_analysis"] button.stage').click();
      const detail = await chosen;
      await el.updateComplete;
      return {
        detail: { stage: detail.stage, count: detail.count, selected: detail.selected },
        pressed: el.shadowRoot.querySelector('tr[data-stage="needs_analysis"] button.stage').getAttribute('aria-pressed'),
        definition: el.shadowRoot.querySelector('[part="definition"]').textContent.trim(),
      };
    });
    assert.deepEqual(picked.detail, { stage: 'needs_analysis', count: Number(snap.answer.stages[2].n), selected: true });
    assert.equal(picked.pressed, 'true');
    assert.match(picked.definition, /^Analisi dei fabbisogni completata: Il comune ha terminato/);
    assert.deepEqual(errors, []);
    await tab.close();
  });
});
