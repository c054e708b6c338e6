// The demo site as a reader gets it: each page served by demo/serve.mjs (with its strict
// CSP) in headless Chromium, with no console error, no request to another host, and a
// screenshot kept in test-results/screenshots/. Needs `npm run build` first.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { fileFor } from '../../demo/serve.mjs';
import { closeAll, root, screenshot, startDemo } from './lib/browser.mjs';

const AXE = readFileSync(new URL('node_modules/axe-core/axe.min.js', root), 'utf8');

/** axe-core's WCAG 2.1 A/AA and best-practice rules on the page (shadow roots included). */
async function axeViolations(tab) {
  await tab.evaluate(AXE); // evaluated by the debugger protocol: the page's CSP does not apply
  return tab.evaluate(async () =>
    (await globalThis.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] })).violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    ),
  );
}

const PAGES = [
  { path: '/index.html', name: 'notizie', ready: 'piccoli-progress, piccoli-trend' },
  { path: '/console.html', name: 'console', ready: 'piccoli-sql' },
  { path: '/piacenza.html', name: 'piacenza', ready: 'piccoli-progress, piccoli-map' },
  { path: '/siena.html', name: 'siena', ready: 'piccoli-progress' },
  // The embed builder's live preview (demo/incorpora.js puts it in the page as it starts).
  { path: '/incorpora.html', name: 'incorpora', ready: 'piccoli-progress' },
];

let server;
let browser;
let base;

before(async () => {
  ({ server, base, browser } = await startDemo());
});

after(() => closeAll(browser, server));

function get(path, headers = {}) {
  return new Promise((ok, fail) => {
    const req = request(`${base}${path}`, { headers }, (res) => {
      res.resume();
      res.on('end', () => ok(res));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('demo/serve.mjs', () => {
  it('serves dist/ and demo/ with the right types and the CSP', async () => {
    const html = await get('/');
    assert.equal(html.statusCode, 200);
    assert.match(html.headers['content-type'], /^text\/html/);
    assert.match(html.headers['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
    assert.match((await get('/dist/piccoli.js')).headers['content-type'], /^text\/javascript/);
    // The engine's wasm ships gzipped and is sent as it is, even to a browser that accepts
    // gzip: the page inflates it (src/data/engine-worker.js), not the HTTP layer.
    const wasm = await get('/dist/duckdb/duckdb-eh.wasm.gz', { 'accept-encoding': 'gzip' });
    assert.equal(wasm.statusCode, 200);
    assert.equal(wasm.headers['content-encoding'], undefined);
    assert.equal((await get('/dist/duckdb/duckdb-eh.wasm')).statusCode, 404);
    assert.equal((await get('/dist/data/programmes.parquet')).headers['content-type'], 'application/vnd.apache.parquet');
    assert.equal((await get('/dist/piccoli.js', { 'accept-encoding': 'gzip' })).headers['content-encoding'], 'gzip');
    assert.equal((await get('/nessuna-pagina.html')).statusCode, 404);
  });

  it('refuses paths that leave its roots', async () => {
    for (const p of ['/../package.json', '/dist/../../package.json', '/%2e%2e/package.json', '/dist/%2e%2e%2f%2e%2e%2fpackage.json']) {
      assert.equal(fileFor(p), null, p);
      const res = await get(p);
      assert.ok([403, 404].includes(res.statusCode), `${p}: ${res.statusCode}`);
    }
    assert.notEqual(fileFor('/dist/piccoli.js'), null);
  });
});

/**
 * Refuse every request the tab makes, its workers' included, to a host other than the
 * demo server's, and record it: the URLs land in the returned array.
 *
 * Done on the tab's own Fetch domain, through a CDP session of our own, rather than with
 * `page.setRequestInterception`. puppeteer-core 24 (the last line that runs on Node 20)
 * answers a request paused for a dedicated worker on the worker's session whenever the
 * worker's Network.requestWillBeSent comes after the tab's Fetch.requestPaused; the worker
 * has no Fetch domain ("'Fetch.continueRequest' wasn't found"), the error is swallowed, and
 * the request, the engine's wasm on the console page, waits forever. Here the request is
 * always answered on the session that paused it.
 */
async function guardRequests(tab) {
  const foreign = [];
  const cdp = await tab.createCDPSession();
  cdp.on('Fetch.requestPaused', ({ requestId, request }) => {
    const u = new URL(request.url);
    const away = ['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol) && u.host !== new URL(base).host;
    if (away) foreign.push(request.url);
    cdp
      .send(away ? 'Fetch.failRequest' : 'Fetch.continueRequest', away ? { requestId, errorReason: 'BlockedByClient' } : { requestId })
      .catch(() => undefined); // the tab closed meanwhile
  });
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*', requestStage: 'Request' }] });
  return foreign;
}

describe('the request guard (guardRequests)', () => {
  it("lets a worker's requests to the site through and refuses and records one to another host", async () => {
    const tab = await browser.newPage();
    const foreign = await guardRequests(tab);
    // The page's own CSP (connect-src 'self') would refuse the other host before the guard sees it.
    await tab.setBypassCSP(true);
    await tab.goto(`${base}/incorpora.html`, { waitUntil: 'load' });
    // Another host on the loopback: were the guard to let it through, nothing leaves the machine.
    const away = `http://127.0.0.2:${new URL(base).port}/dist/piccoli.js`;
    const answers = await tab.evaluate(async (away) => {
      const own = new URL('/dist/piccoli.js', globalThis.location.href).href;
      // A worker's request the guard never answers would wait forever: cut short, and named.
      const code = `const ask = (u) => Promise.race([
          fetch(u, { cache: 'no-store' }).then((r) => r.status, (e) => e.name),
          new Promise((ok) => setTimeout(() => ok('no answer in 10 s'), 10000)),
        ]);
        onmessage = async (e) => { const out = []; for (const u of e.data) out.push(await ask(u)); postMessage(out); };`;
      const worker = new globalThis.Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
      const out = await new Promise((ok) => {
        worker.onmessage = (e) => ok(e.data);
        worker.postMessage([...Array(20).fill(own), away]);
      });
      worker.terminate();
      return out;
    }, away);
    await tab.close();
    assert.deepEqual(answers, [...Array(20).fill(200), 'TypeError']);
    assert.deepEqual(foreign, [away]);
  });
});

/**
 * Open a demo page as a reader does: no request may leave the site (refused and recorded),
 * console errors are recorded, and the page's elements are given time to draw. `media`:
 * the reader's colour scheme and the medium, emulated from the start (one CDP call: two
 * puppeteer calls, emulateMediaFeatures then emulateMediaType, would clear each other).
 */
async function openPage(page, viewport, media = {}) {
  const tab = await browser.newPage();
  await tab.setViewport(viewport);
  await emulate(tab, media);
  const errors = [];
  tab.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  tab.on('pageerror', (e) => errors.push(String(e)));
  // Layout shifts as CLS counts them (no recent input), from the first paint on.
  await tab.evaluateOnNewDocument(() => {
    globalThis.__cls = 0;
    new PerformanceObserver((l) => l.getEntries().forEach((e) => (globalThis.__cls += e.hadRecentInput ? 0 : e.value))).observe({
      type: 'layout-shift',
      buffered: true,
    });
  });
  const foreign = await guardRequests(tab);
  const res = await tab.goto(`${base}${page.path}`, { waitUntil: 'load' });
  assert.equal(res.status(), 200);
  if (page.ready === 'piccoli-sql') {
    // The console loads every bundled table and runs its query (the 2021-10-31 funnel).
    await tab.waitForFunction(() => document.querySelector('piccoli-sql')?.shadowRoot?.querySelectorAll('tbody tr.row').length === 3, {
      timeout: 60_000,
    });
  } else if (page.ready) {
    // Give the elements (written in parallel) time to appear, upgrade and draw, if their code is there.
    await tab
      .waitForFunction(
        (tag) => {
          const els = [...document.querySelectorAll(tag)];
          return (
            els.length > 0 &&
            els.every(
              (el) => el.shadowRoot && el.shadowRoot.textContent.trim().length > 0 && !el.shadowRoot.querySelector('[aria-busy="true"]'),
            )
          );
        },
        { timeout: 30_000 },
        page.ready,
      )
      .catch(() => undefined);
  }
  await new Promise((r) => setTimeout(r, 500));
  return { tab, errors, foreign };
}

/**
 * The reader's colour scheme (`scheme`: light, dark) and medium (`type`: screen, print),
 * together, through a CDP session of the tab's own (its overrides last as long as it does).
 */
const sessions = new WeakMap();
async function emulate(tab, { scheme = 'light', type = 'screen' } = {}) {
  if (!sessions.has(tab)) sessions.set(tab, await tab.createCDPSession());
  await sessions.get(tab).send('Emulation.setEmulatedMedia', { media: type, features: [{ name: 'prefers-color-scheme', value: scheme }] });
}

/** Each element's host background, and whether its scheme is dark (a dark background). */
function elementSchemes(tab) {
  return tab.evaluate(() =>
    [...document.querySelectorAll('piccoli-progress, piccoli-map, piccoli-trend, piccoli-sql')].map((el) => {
      const style = document.defaultView.getComputedStyle(el);
      const [r, g, b] = style.backgroundColor.match(/\d+/g).map(Number);
      return { tag: el.localName, background: style.backgroundColor, dark: r + g + b < 150 };
    }),
  );
}

/**
 * How wide the page scrolls, and, when it is wider than `width`, the outermost elements
 * that stick out (shadow roots included) so that a failure names its cause.
 */
function horizontalOverflow(tab, width) {
  return tab.evaluate((width) => {
    const out = [];
    const walk = (root, path, parentOut) => {
      for (const el of root.children) {
        const r = el.getBoundingClientRect();
        const name = `${path}${el.localName}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
        const sticks = r.width > 0 && r.right > width + 0.5;
        if (sticks && !parentOut) out.push({ right: Math.round(r.right), text: `${name} (right edge at ${Math.round(r.right)} px)` });
        if (el.shadowRoot) walk(el.shadowRoot, `${name} >> `, sticks || parentOut);
        walk(el, `${name} > `, sticks || parentOut);
      }
    };
    walk(document, '', false);
    out.sort((a, b) => b.right - a.right); // the widest first
    return { scrollWidth: document.documentElement.scrollWidth, culprits: out.slice(0, 8).map((c) => c.text) };
  }, width);
}

describe("under a strict CSP (style-src 'self', no inline styles)", () => {
  it('the served CSP allows no inline style', async () => {
    const res = await get('/index.html');
    assert.match(res.headers['content-security-policy'], /style-src 'self'(;|$)/);
  });

  it("funnel bars have their width and the map's legend its colours, with no CSP violation", async () => {
    const { tab, errors } = await openPage(
      PAGES.find((p) => p.path === '/piacenza.html'),
      { width: 1280, height: 900 },
    );
    const seen = await tab.evaluate(() => {
      const progress = document.querySelector('piccoli-progress').shadowRoot;
      const map = document.querySelector('piccoli-map').shadowRoot;
      return {
        bars: [...progress.querySelectorAll('.bar > span')].map((b) => b.getBoundingClientRect().width),
        swatches: [...map.querySelectorAll('.legend .swatch:not(.nodata)')].map(
          (s) => document.defaultView.getComputedStyle(s).backgroundColor,
        ),
      };
    });
    await tab.close();
    assert.deepEqual(errors, [], 'console errors (a refused inline style is one)');
    assert.ok(seen.bars.length >= 3 && seen.bars[0] > 0, `bar widths: ${seen.bars}`);
    assert.equal(new Set(seen.swatches).size, seen.swatches.length, `five different swatch colours: ${seen.swatches}`);
    assert.ok(!seen.swatches.includes('rgba(0, 0, 0, 0)'), `no empty swatch: ${seen.swatches}`);
  });

  it("the console's results table and its chart draw, with no CSP violation", async () => {
    const { tab, errors } = await openPage(
      PAGES.find((p) => p.path === '/console.html'),
      { width: 1280, height: 900 },
    );
    const width = await tab.evaluate(
      () => document.querySelector('piccoli-sql').shadowRoot.querySelector('table').getBoundingClientRect().width,
    );
    await tab.evaluate(() => [...document.querySelector('piccoli-sql').shadowRoot.querySelectorAll('.tabs button')][1].click());
    await tab.waitForFunction(() => document.querySelector('piccoli-sql').shadowRoot.querySelector('.chart svg'), { timeout: 30_000 });
    await new Promise((r) => setTimeout(r, 300));
    await tab.close();
    assert.deepEqual(errors, [], 'console errors (a refused inline style is one)');
    assert.ok(width > 300, `results table width ${width}`);
  });
});

/** What paper shows of the funnel and the map: the bars' and fills' colours and sizes, and what stays off it. */
function onPaper(tab) {
  return tab.evaluate(() => {
    const progress = document.querySelector('piccoli-progress').shadowRoot;
    const map = document.querySelector('piccoli-map').shadowRoot;
    const style = (el) => document.defaultView.getComputedStyle(el);
    const fill = progress.querySelector('.bar > span');
    return {
      backgrounds: [...document.querySelectorAll('piccoli-progress, piccoli-map')].map((el) => style(el).backgroundColor),
      barColour: style(fill).backgroundColor,
      fillWidth: fill.getBoundingClientRect().width,
      areaFills: [...new Set([...map.querySelectorAll('.area')].map((a) => a.getAttribute('fill')))],
    };
  });
}

describe('on paper', () => {
  it('funnel bars and map fills print in colour, outlined for black and white; screen-only controls do not print', async () => {
    const { tab, errors } = await openPage(
      PAGES.find((p) => p.path === '/piacenza.html'),
      { width: 1280, height: 900 },
    );
    await tab.emulateMediaType('print');
    await screenshot(tab, 'piacenza-print.png');
    const seen = await tab.evaluate(() => {
      const progress = document.querySelector('piccoli-progress').shadowRoot;
      const map = document.querySelector('piccoli-map').shadowRoot;
      const style = (el) => document.defaultView.getComputedStyle(el);
      const bar = progress.querySelector('.bar');
      const fill = progress.querySelector('.bar > span');
      return {
        fillAdjust: style(fill).printColorAdjust,
        fillWidth: fill.getBoundingClientRect().width,
        barBorder: style(bar).borderTopWidth,
        areaAdjust: style(map.querySelector('.area')).printColorAdjust,
        swatchOutline: style(map.querySelector('.legend .swatch')).outlineStyle,
        about: style(progress.querySelector('.about')).display,
      };
    });
    await tab.close();
    assert.deepEqual(errors, []);
    assert.equal(seen.fillAdjust, 'exact');
    assert.ok(seen.fillWidth > 0, `bar fill width ${seen.fillWidth}`);
    assert.equal(seen.barBorder, '1px');
    assert.equal(seen.areaAdjust, 'exact');
    assert.equal(seen.swatchOutline, 'solid');
    assert.equal(seen.about, 'none');
  });

  it('a page read in the dark scheme prints in the light colours, with its bars and fills', async () => {
    const page = PAGES.find((p) => p.path === '/piacenza.html');
    const { tab, errors } = await openPage(page, { width: 1280, height: 900 }, { scheme: 'dark' });
    const screen = await onPaper(tab);
    assert.ok(
      (await elementSchemes(tab)).every((e) => e.dark),
      'dark on screen',
    );
    await emulate(tab, { scheme: 'dark', type: 'print' });
    // The map repaints its fills for paper (they are SVG attributes, read from its style).
    await tab.waitForFunction(
      (before) => {
        const map = document.querySelector('piccoli-map').shadowRoot;
        return [...map.querySelectorAll('.area')].every(
          (a) => !before.includes(a.getAttribute('fill')) || a.getAttribute('fill').startsWith('url'),
        );
      },
      { timeout: 10_000 },
      screen.areaFills,
    );
    const paper = await onPaper(tab);
    await screenshot(tab, 'piacenza-dark-print.png');
    await tab.close();
    assert.deepEqual(errors, []);
    assert.ok(paper.backgrounds.length >= 2, 'a funnel and a map');
    for (const b of paper.backgrounds) assert.equal(b, 'rgb(255, 255, 255)', 'light on paper');
    assert.equal(paper.barColour, 'rgb(0, 102, 204)', 'the light bars');
    assert.ok(paper.fillWidth > 0, `bar fill width ${paper.fillWidth}`);
    assert.notEqual(screen.barColour, paper.barColour);
    assert.ok(
      paper.areaFills.some((f) => ['#dcebfa', '#a6cbf2', '#5b9de3', '#0066cc', '#003d7a'].includes(f.toLowerCase())),
      `light fills on paper: ${paper.areaFills}`,
    );
  });
});

describe('in the dark scheme', () => {
  for (const page of PAGES) {
    it(`${page.path}: every element is dark, axe finds nothing, no console error`, async () => {
      const { tab, errors } = await openPage(page, { width: 1280, height: 900 }, { scheme: 'dark' });
      const schemes = await elementSchemes(tab);
      const violations = await axeViolations(tab);
      await screenshot(tab, `${page.name}-dark.png`);
      await tab.close();
      for (const e of schemes) assert.ok(e.dark, `${page.path} ${e.tag}: background ${e.background}`);
      assert.deepEqual(violations, [], 'axe');
      assert.deepEqual(errors, [], 'console errors');
    });
  }
});

describe('demo pages', () => {
  for (const page of PAGES) {
    it(`${page.path} loads with no console error, no request to another host, and no sideways scroll at 1280 px`, async () => {
      const { tab, errors, foreign } = await openPage(page, { width: 1280, height: 900 });
      if (page.ready === 'piccoli-sql') {
        const cells = await tab.evaluate(() =>
          [...document.querySelector('piccoli-sql').shadowRoot.querySelectorAll('tbody tr.row td:last-child')].map((td) => td.textContent),
        );
        assert.deepEqual(cells, ['612', '568', '485']);
      }
      // Every number says what it is: each funnel and map carries, in its caption, whether
      // its figures are published or simulated, and a simulated figure is never under a
      // "published" label.
      const labels = await tab.evaluate(() =>
        [...document.querySelectorAll('piccoli-progress, piccoli-map, piccoli-trend')].map((el) => ({
          tag: `${el.localName} ${[...el.attributes].map((a) => `${a.name}=${a.value}`).join(' ')}`,
          label: el.shadowRoot.querySelector('figcaption [part="provenance"]')?.textContent ?? null,
          marks: [...el.shadowRoot.querySelectorAll('.basis')].map((m) => m.textContent),
          message: el.shadowRoot.querySelector('[part="message"]')?.textContent.trim() ?? null,
        })),
      );
      for (const l of labels) {
        assert.ok(
          ['Dati pubblicati', 'Dati in parte simulati', 'Dati simulati a scopo illustrativo'].includes(l.label),
          `${page.path} ${l.tag}: caption label ${l.label} (message: ${l.message})`,
        );
        if (l.label === 'Dati pubblicati') assert.ok(!l.marks.some((m) => /simulat/.test(m)), `${page.path} ${l.tag}: ${l.marks}`);
      }
      const { scrollWidth, culprits } = await horizontalOverflow(tab, 1280);
      // Each page reserves its elements' space (demo.css): nothing moves as they draw.
      const cls = await tab.evaluate(() => globalThis.__cls);
      const violations = await axeViolations(tab);
      const skip = await tab.evaluate(() => {
        const a = document.querySelector('body > a.skip');
        return {
          first: document.querySelector('a[href], button, [tabindex="0"]') === a,
          text: a?.textContent,
          target: a && document.querySelector(a.getAttribute('href'))?.localName,
        };
      });
      await screenshot(tab, `${page.name}.png`);
      await tab.close();
      assert.deepEqual(violations, [], 'axe');
      assert.deepEqual(skip, { first: true, text: 'Vai al contenuto', target: 'main' }, 'skip link');
      assert.ok(cls <= 0.01, `${page.path}: CLS ${cls.toFixed(4)} at 1280 px`);
      assert.deepEqual(foreign, [], 'requests to other hosts');
      assert.deepEqual(errors, [], 'console errors');
      assert.ok(scrollWidth <= 1280, `${page.path} is ${scrollWidth} px wide at 1280 px: ${culprits.join('; ')}`);
    });

    it(`${page.path} does not scroll sideways on a 375 px phone`, async () => {
      // A phone: the layout viewport follows <meta name="viewport">, so a page wider than
      // the screen would be zoomed out or scroll sideways.
      const { tab, errors } = await openPage(page, { width: 375, height: 812, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
      const { scrollWidth, culprits } = await horizontalOverflow(tab, 375);
      const cls = await tab.evaluate(() => globalThis.__cls);
      const violations = await axeViolations(tab);
      // The province grid's tiles stay big enough to read and to tap (13 across the screen).
      const tile = await tab.evaluate(
        () => document.querySelector('piccoli-map')?.shadowRoot.querySelector('rect.area')?.getBoundingClientRect().width,
      );
      await screenshot(tab, `${page.name}-375.png`);
      await tab.close();
      assert.deepEqual(violations, [], 'axe');
      assert.ok(cls <= 0.01, `${page.path}: CLS ${cls.toFixed(4)} at 375 px`);
      if (tile !== undefined) assert.ok(tile >= 23, `province tiles ${tile} px wide at 375 px`);
      assert.deepEqual(errors, [], 'console errors');
      assert.ok(scrollWidth <= 375, `${page.path} is ${scrollWidth} px wide at 375 px: ${culprits.join('; ')}`);
    });
  }
});
