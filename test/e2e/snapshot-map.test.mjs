// A map's snapshot (`piccoli-data snapshot '<piccoli-map …>'`) pasted into a page, in
// headless Chromium, on dist/: with JavaScript off the drawing (each area's fill and name,
// the tiles' labels), caption, legend, source, provenance and credit are there, the same as
// the live element shows for the same tag, in the light and the dark scheme and with a
// site's own map colours; with JavaScript the element takes over with no layout shift, the
// same text, names and fills in every frame, no console error, and then the reader can
// select an area with a click or the keyboard. The page has a strict CSP allowing the
// snapshots' styles by the hashes the command prints (--csp). Needs `npm run build` first.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { snapshot } from '../../data/scripts/snapshot.mjs';
import { assertBuilt, closeAll, launchBrowser, openTab, screenshot } from './lib/browser.mjs';
import { assertTakenOver, cmsPage, framesSeen, startSnapshotServer, watchFrames } from './lib/snapshot-page.mjs';

/** Regions (the real shapes), the province tiles in English as counts, a dark one, one in the site's colours. */
const TAGS = {
  region: '<piccoli-map as-of="2021-10-31"></piccoli-map>',
  province: '<piccoli-map level="province" metric="plan-submitted" as-of="2021-10-31" lang="en"></piccoli-map>',
  dark: '<piccoli-map level="province" theme="dark" as-of="2021-10-31"></piccoli-map>',
  custom: '<piccoli-map level="province" class="site" as-of="2021-10-31"></piccoli-map>',
};
/** Hostile values of the attributes a snapshot writes on the tag: they must stay values. */
const HOSTILE_ID = '"><img src=x onerror=alert(1)>';
const HOSTILE = `<piccoli-map id='${HOSTILE_ID}' class="a&quot; onmouseover=&quot;x" level="province"></piccoli-map>`;
/** A site's own map colours (a stylesheet of its own, allowed by style-src 'self'). */
const SITE_CSS =
  'piccoli-map.site { --piccoli-map-color-5: #7a0000; --piccoli-map-color-1: #fff3c4; --piccoli-map-color-border: #333333; }';

const page = cmsPage({
  title: 'Snapshot della mappa',
  head: '<link rel="stylesheet" href="/site.css">\n',
  intro: 'Il programma nelle regioni:',
});

/** Each map in a box of its own, found by its key. */
const boxes = (html) =>
  Object.keys(TAGS)
    .map((k) => `<div id="${k}">${html[k]}</div>`)
    .join('\n');

let server;
let browser;
let base;
const snaps = {};
let hostile;
const pages = new Map();

before(async () => {
  assertBuilt();
  for (const [k, tag] of Object.entries(TAGS)) snaps[k] = await snapshot(tag);
  hostile = await snapshot(HOSTILE);
  pages.set('/snapshot.html', page(boxes(Object.fromEntries(Object.entries(snaps).map(([k, s]) => [k, s.html])))));
  pages.set('/live.html', page(boxes(TAGS)));
  pages.set('/hostile.html', page(`<div id="hostile">${hostile.html}</div>`));
  // A snapshot whose answer the element cannot draw (edited by hand, or from another version).
  const broken = snaps.region.html.replace(/(<script type="application\/json">)[\s\S]*?(<\/script>)/, '$1{"rows":"x"}$2');
  assert.notEqual(broken, snaps.region.html);
  pages.set('/broken.html', page(`<div id="region">${broken}</div>`));
  server = await startSnapshotServer({
    snapshots: [...Object.values(snaps), hostile],
    pages,
    files: { '/site.css': ['text/css', SITE_CSS] },
  });
  ({ base, browser } = await launchBrowser(server));
});

after(() => closeAll(browser, server));

/** A tab that records console errors (CSP refusals included) and dialogs. */
const open = (options) => openTab(browser, options);

/**
 * What a reader of each map sees: caption, the areas' names and painted fills, the tiles'
 * labels, legend, source, provenance, credit, sizes. The no-data hatching is a pattern of
 * the element's own id (pm1-nodata, pm2-nodata …): the id is left out.
 */
function readMaps() {
  const out = {};
  const fillOf = (n) => globalThis.getComputedStyle(n).fill.replace(/#pm\d+-/, '#pm-');
  for (const box of document.querySelectorAll('main > div[id]')) {
    const el = box.querySelector('piccoli-map');
    const r = el.shadowRoot;
    const text = (q) => [...r.querySelectorAll(q)].map((n) => n.textContent.replace(/\s+/g, ' ').trim());
    const rect = (n) => {
      const b = n.getBoundingClientRect();
      return [b.x, b.y, b.width, b.height].map((v) => Math.round(v * 10) / 10);
    };
    const areas = [...r.querySelectorAll('svg.map [data-code]')];
    const swatches = [...r.querySelectorAll('.legend .swatch')];
    out[box.id] = {
      defined: !!globalThis.customElements.get('piccoli-map'),
      title: text('figcaption .title'),
      sub: text('figcaption .sub'),
      provenance: text('figcaption [part="provenance"]'),
      mapLabel: r.querySelector('svg.map')?.getAttribute('aria-label'),
      areas: areas.map((a) => [a.getAttribute('data-code'), a.getAttribute('aria-label'), fillOf(a)]),
      border: areas[0] && globalThis.getComputedStyle(areas[0]).stroke,
      tiles: [...r.querySelectorAll('svg.map .labels text')].map((t) => [t.textContent, globalThis.getComputedStyle(t).fill]),
      legend: text('.legend li'),
      swatches: swatches.map((s) => globalThis.getComputedStyle(s).backgroundColor),
      source: text('[part="source"]'),
      about: text('[part="about"] summary'),
      credit: text('[part="credit"]'),
      table: text('.visually-hidden table tr'),
      box: rect(r.querySelector('.map-box')),
      svg: rect(r.querySelector('svg.map')),
      element: rect(el),
    };
  }
  return out;
}

describe("a map's snapshot in the page", () => {
  it('with JavaScript off shows the drawing, names, fills, labels, legend, source, provenance and credit the live element shows', async () => {
    for (const dark of [false, true]) {
      const off = await open({ javaScript: false, dark });
      await off.tab.goto(`${base}/snapshot.html`, { waitUntil: 'load' });
      const still = await off.tab.evaluate(readMaps);
      await screenshot(off.tab, `snapshot-map-no-js${dark ? '-dark' : ''}.png`);
      assert.deepEqual(off.errors, [], "the snapshots' styles are allowed by their hashes");
      await off.tab.close();

      const r = still.region;
      assert.equal(r.defined, false, 'no script ran');
      assert.deepEqual(r.title, ['P.I.C.C.O.L.I.']);
      assert.match(r.sub[0], /^Progettazione partecipata: % dei comuni ammissibili, per regione · Dati al 31 ottobre 2021$/);
      assert.deepEqual(r.provenance, ['Dati in parte simulati']);
      assert.equal(r.areas.length, 20);
      const piemonte = r.areas.find(([code]) => code === '01');
      assert.match(piemonte[1], /^Piemonte: 14,3\s%, 150 su 1\.046 comuni ammissibili$/);
      assert.ok(new Set(r.areas.map(([, , fill]) => fill)).size >= 3, `the regions are coloured by class: ${r.areas.map((a) => a[2])}`);
      assert.ok(r.svg[2] > 300 && r.svg[3] > 300, `the drawing has its size: ${r.svg}`);
      assert.equal(r.legend.length, 6);
      assert.match(r.legend.at(-1), /nessun dato/i);
      assert.match(r.source[0], /^Fonte: ANCI\./);
      assert.deepEqual(r.about, ['Da dove vengono questi numeri?']);
      assert.match(r.credit[0], /CC BY 4\.0/);
      const p = still.province;
      assert.match(p.sub[0], /^Intervention plan submitted: number of comuni, by province · Data as of 31 October 2021$/);
      assert.equal(p.tiles.length, 107);
      assert.ok(
        p.tiles.some(([sigla]) => sigla === 'PC'),
        'tile labels',
      );
      // A tile's label reads on its fill: dark text on the light classes, white on the dark ones.
      assert.ok(new Set(p.tiles.map(([, fill]) => fill)).size === 2, `labels in two tones: ${[...new Set(p.tiles.map((t) => t[1]))]}`);
      // The dark theme's own classes, and the site's colours.
      assert.notDeepEqual(
        still.dark.areas.map((a) => a[2]),
        still.region.areas.map((a) => a[2]),
      );
      assert.ok(
        still.custom.areas.some(([, , fill]) => fill === 'rgb(122, 0, 0)'),
        "the site's --piccoli-map-color-5",
      );
      assert.equal(still.custom.border, 'rgb(51, 51, 51)');
      assert.ok(still.custom.swatches.includes('rgb(255, 243, 196)'), `the legend takes the site's colour too: ${still.custom.swatches}`);

      const live = await open({ dark });
      await live.tab.goto(`${base}/live.html`, { waitUntil: 'load' });
      await live.tab.waitForFunction(
        () => [...document.querySelectorAll('piccoli-map')].every((e) => e.shadowRoot?.querySelector('figure[data-backend] svg.map')),
        { timeout: 30_000 },
      );
      const shown = await live.tab.evaluate(readMaps);
      for (const k of Object.keys(TAGS)) {
        // A tile label's tone is chosen for the scheme's default colours (README): with a
        // site's own light class colours on a dark screen, the live element chooses again.
        const known = k === 'custom' && dark ? (m) => ({ ...m, tiles: m.tiles.map(([sigla]) => sigla) }) : (m) => m;
        assert.deepEqual(known({ ...still[k], defined: true }), known(shown[k]), `${k}${dark ? ' (dark)' : ''}`);
      }
      assert.deepEqual(live.errors, []);
      await live.tab.close();
    }
  });

  it('with JavaScript the element takes over: no layout shift, every frame the same, no console error, then a click and the keyboard select', async () => {
    const { tab, errors } = await open();
    // From the first frame: layout shifts (CLS), and what each frame shows of each map: its text, its areas' names and fills.
    await watchFrames(tab, 'piccoli-map', 4, (els) => ({
      shown: els.map((e) => {
        const r = e.shadowRoot;
        const fig = r?.querySelector('figure');
        const areas = [...(r?.querySelectorAll('svg.map [data-code]') ?? [])];
        return [
          fig?.textContent.replace(/\s+/g, ' ').trim() ?? '',
          areas.map((a) => `${a.getAttribute('aria-label')}=${globalThis.getComputedStyle(a).fill.replace(/#pm\d+-/, '#pm-')}`).join('|'),
        ];
      }),
    }));
    await tab.goto(`${base}/snapshot.html`, { waitUntil: 'load' });
    // Taken over (the snapshot's nodes gone), and the coordinator's own answer in.
    await tab.waitForFunction(
      () =>
        [...document.querySelectorAll('piccoli-map')].every(
          (e) => !e.shadowRoot.querySelector('script') && e._data?.status === 2 && e._snap === undefined,
        ),
      { timeout: 30_000 },
    );
    // A few more frames after the answer; CLS 0, no layout-shift entry, frames before and after the takeover.
    const seen = await framesSeen(tab);
    assertTakenOver(seen);
    const { frames } = seen;
    const first = frames[0].shown;
    assert.ok(first[0][0].includes('per regione') && /Piemonte: 14,3\s%/.test(first[0][1]), first[0][0]);
    assert.ok(first[1][0].includes('by province'), first[1][0]);
    for (const f of frames) assert.deepEqual(f.shown, first, 'a frame showed something else than the snapshot');
    const after = await tab.evaluate(() =>
      [...document.querySelectorAll('piccoli-map')].map((e) => ({
        figures: e.shadowRoot.querySelectorAll('figure').length,
        styles: e.shadowRoot.querySelectorAll('style, [data-piccoli-s], [data-piccoli-m]').length,
        buttons: e.shadowRoot.querySelectorAll('svg.map [role="button"]').length,
      })),
    );
    for (const a of after) {
      assert.equal(a.figures, 1, "the snapshot's nodes are gone");
      assert.equal(a.styles, 0, "its styles are the element's own (adopted)");
      assert.ok(a.buttons >= 20, 'the areas are buttons again');
    }
    await screenshot(tab, 'snapshot-map-hydrated.png');

    // A click on Emilia-Romagna selects it for the page.
    const selected = tab.evaluate(
      () =>
        new Promise((ok) =>
          document.querySelector('#region piccoli-map').addEventListener('piccoli-area-select', (e) => ok(e.detail), { once: true }),
        ),
    );
    const area = await tab.evaluateHandle(() => document.querySelector('#region piccoli-map').shadowRoot.querySelector('[data-code="08"]'));
    const box = await area.boundingBox();
    await tab.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const detail = await selected;
    assert.deepEqual(
      { level: detail.level, code: detail.code, selected: detail.selected },
      { level: 'region', code: '08', selected: true },
    );
    const afterClick = await tab.evaluate(async () => {
      const el = document.querySelector('#region piccoli-map');
      await el.updateComplete;
      return {
        pressed: el.shadowRoot.querySelector('[data-code="08"]').getAttribute('aria-pressed'),
        clear: el.shadowRoot.querySelector('button.clear')?.textContent.trim(),
      };
    });
    assert.equal(afterClick.pressed, 'true');
    assert.match(afterClick.clear, /Emilia-Romagna/);

    // The keyboard: the map's one Tab stop, an arrow to a neighbour, Enter toggles it.
    await tab.keyboard.press('Escape'); // the selection is cleared (Escape on the map)
    const moved = await tab.evaluate(async () => {
      const el = document.querySelector('#region piccoli-map');
      await el.updateComplete;
      const stop = el.shadowRoot.querySelector('svg.map [tabindex="0"]');
      stop.focus();
      return stop.getAttribute('data-code');
    });
    await tab.keyboard.press('ArrowDown');
    const focused = await tab.evaluate(() =>
      document.querySelector('#region piccoli-map').shadowRoot.activeElement?.getAttribute('data-code'),
    );
    assert.ok(focused && focused !== moved, `the arrow moved the focus (${moved} -> ${focused})`);
    await tab.keyboard.press('Enter');
    const pressed = await tab.evaluate(async () => {
      const el = document.querySelector('#region piccoli-map');
      await el.updateComplete;
      return [...el.shadowRoot.querySelectorAll('svg.map [aria-pressed="true"]')].map((a) => a.getAttribute('data-code'));
    });
    assert.deepEqual(pressed, [focused]);
    assert.deepEqual(errors, []);
    await tab.close();
  });

  it('an answer the element cannot draw: it asks as usual and draws its own map, with no console error', async () => {
    const { tab, errors } = await open();
    await tab.goto(`${base}/broken.html`, { waitUntil: 'load' });
    await tab.waitForFunction(
      () => {
        const el = document.querySelector('piccoli-map');
        return (
          el._data?.status === 2 && !el.shadowRoot.querySelector('script') && el.shadowRoot.querySelector('figure[data-backend] svg.map')
        );
      },
      { timeout: 30_000 },
    );
    const areas = await tab.evaluate(
      () => document.querySelector('piccoli-map').shadowRoot.querySelectorAll('svg.map [role="button"]').length,
    );
    assert.equal(areas, 20);
    assert.deepEqual(errors, []);
    await tab.close();
  });

  it('hostile attribute values stay values, with JavaScript off and on', async () => {
    for (const javaScript of [false, true]) {
      const { tab, errors } = await open({ javaScript });
      await tab.goto(`${base}/hostile.html`, { waitUntil: 'load' });
      if (javaScript) {
        await tab.waitForFunction(() => document.querySelector('piccoli-map')?._data?.status === 2, { timeout: 30_000 });
      }
      const seen = await tab.evaluate(() => {
        const el = document.querySelector('piccoli-map');
        return {
          id: el.id,
          className: el.className,
          imgs: document.querySelectorAll('img').length + el.shadowRoot.querySelectorAll('img').length,
          onmouseover: el.hasAttribute('onmouseover'),
          tiles: el.shadowRoot.querySelectorAll('svg.map [data-code]').length,
        };
      });
      assert.deepEqual(seen, { id: HOSTILE_ID, className: 'a" onmouseover="x', imgs: 0, onmouseover: false, tiles: 107 });
      assert.deepEqual(errors, []);
      await tab.close();
    }
  });
});
