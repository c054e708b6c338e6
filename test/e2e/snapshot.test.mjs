// A snapshot (`piccoli-data snapshot`) pasted into a page, in headless Chromium, on dist/:
// with JavaScript off the numbers, labels, source and provenance are there, the same as
// the live element shows for the same tag; with JavaScript, the element takes over with
// no layout shift, no frame showing anything else, no console error, and then answers
// the reader. The page has a strict CSP allowing the snapshot's styles by the hashes the
// command prints (--csp). Needs `npm run build` first.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { snapshot } from '../../data/scripts/snapshot.mjs';
import { assertBuilt, closeAll, launchBrowser, openTab, screenshot } from './lib/browser.mjs';
import { assertTakenOver, cmsPage, framesSeen, startSnapshotServer, watchFrames } from './lib/snapshot-page.mjs';

const TAG = '<piccoli-progress province="PC" as-of="2021-10-31"></piccoli-progress>';
const TAG_EN = '<piccoli-progress lang="en" view="compact"></piccoli-progress>';

/** A page as a CMS makes it, with the embed's one script tag. */
const page = cmsPage({ script: '/dist/autoloader.js', intro: 'Il programma nella provincia di Piacenza:' });

let server;
let browser;
let base;
let snap;
let snapEn;
const pages = new Map();

before(async () => {
  assertBuilt();
  snap = await snapshot(TAG);
  snapEn = await snapshot(TAG_EN);
  pages.set('/snapshot.html', page(`${snap.html}\n<div id="en">${snapEn.html}</div>`));
  pages.set('/live.html', page(`${TAG}\n<div id="en">${TAG_EN}</div>`));
  server = await startSnapshotServer({ snapshots: [snap, snapEn], pages });
  ({ base, browser } = await launchBrowser(server));
});

after(() => closeAll(browser, server));

/** A tab that records console errors (CSP refusals included) and dialogs. */
const open = (options) => openTab(browser, options);

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
    await screenshot(off.tab, 'snapshot-no-js.png');
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
    await watchFrames(tab, 'piccoli-progress', 2, (els) => ({
      text: els.map((e) => e.shadowRoot?.querySelector('figure')?.textContent.replace(/\s+/g, ' ').trim() ?? ''),
    }));
    await tab.goto(`${base}/snapshot.html`, { waitUntil: 'load' });
    // Taken over (the snapshot's nodes gone), and the coordinator's own answer in.
    await tab.waitForFunction(
      () =>
        [...document.querySelectorAll('piccoli-progress')].every(
          (e) => !e.shadowRoot.querySelector('script') && e._funnel?.status === 2 && e._snapshot === undefined,
        ),
      { timeout: 30_000 },
    );
    // A few more frames after the answer; CLS 0, no layout-shift entry, frames before and after the takeover.
    const seen = await framesSeen(tab);
    assertTakenOver(seen);
    const { frames } = seen;
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
    await screenshot(tab, 'snapshot-hydrated.png');

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
