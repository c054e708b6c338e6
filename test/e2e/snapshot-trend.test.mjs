// A trend snapshot (`piccoli-data snapshot '<piccoli-trend …>'`) pasted into a page, in
// headless Chromium, on dist/: with JavaScript off the chart (Observable Plot's SVG drawn in
// Node: lines, milestones, published points, axes), its caption, legend, reading, source
// and provenance are there, the same as the live element shows for the same tag; with
// JavaScript, the element takes over with no layout shift, no frame showing anything else
// and no console error, then reads the days with the arrow keys and opens its table. The
// page has a strict CSP allowing the snapshot's styles by the hashes the command prints
// (--csp), and no inline style. Needs `npm run build` first.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { snapshot } from '../../data/scripts/snapshot.mjs';
import { assertBuilt, closeAll, launchBrowser, openTab, screenshot } from './lib/browser.mjs';
import { assertTakenOver, cmsPage, framesSeen, startSnapshotServer, watchFrames } from './lib/snapshot-page.mjs';

const TAG = '<piccoli-trend province="PC" as-of="2021-10-31"></piccoli-trend>';
/** The national trend has the published figures (612, 568, 485 at 31 October 2021) as labelled points. */
const TAG_EN = '<piccoli-trend lang="en" metric="share"></piccoli-trend>';
const HOSTILE = `<piccoli-trend id='"><img src=x onerror=alert(1)>' class="a&quot; onmouseover=&quot;alert(2)" programme="piccoli"></piccoli-trend>`;

const page = cmsPage({ intro: "L'andamento del programma nella provincia di Piacenza:" });

let server;
let browser;
let base;
let snap;
let snapEn;
let hostile;
const pages = new Map();

before(async () => {
  assertBuilt();
  [snap, snapEn, hostile] = await Promise.all([snapshot(TAG), snapshot(TAG_EN), snapshot(HOSTILE)]);
  pages.set('/snapshot.html', page(`${snap.html}\n<div id="en">${snapEn.html}</div>`));
  pages.set('/live.html', page(`${TAG}\n<div id="en">${TAG_EN}</div>`));
  pages.set('/hostile.html', page(hostile.html));
  server = await startSnapshotServer({ snapshots: [snap, snapEn, hostile], pages });
  ({ base, browser } = await launchBrowser(server));
});

after(() => closeAll(browser, server));

/** A tab that records console errors (CSP refusals included) and dialogs. */
const open = (options) => openTab(browser, options);

/** What a reader of one trend sees: caption, legend, the chart's texts and marks, reading, source, provenance; and its box. */
function readTrend(selector) {
  const el = document.querySelector(selector);
  const r = el.shadowRoot;
  const clean = (n) => n.textContent.replace(/\s+/g, ' ').trim();
  const text = (q) => [...r.querySelectorAll(q)].map(clean);
  const svg = r.querySelector('.plot svg');
  const plot = r.querySelector('.plot').getBoundingClientRect();
  const box = svg?.getBoundingClientRect();
  const g = (label) => svg?.querySelector(`g[aria-label="${label}"]`);
  return {
    defined: !!globalThis.customElements.get('piccoli-trend'),
    title: text('figcaption .title'),
    sub: text('figcaption .sub'),
    provenance: text('figcaption [part="provenance"]'),
    legend: text('[part="legend"] li'),
    readout: text('[part="readout"]'),
    toggle: text('[part="toggle"]'),
    source: text('[part="source"]'),
    about: text('[part="about"] summary'),
    // The chart: axes' labels, milestones' labels and rules, published figures' labels and points, stage lines.
    xTicks: [...(g('x-axis tick label')?.querySelectorAll('text') ?? [])].map(clean),
    yTicks: [...(g('y-axis tick label')?.querySelectorAll('text') ?? [])].map(clean),
    milestones: [...(svg?.querySelectorAll('.milestone text') ?? [])].map(clean),
    milestoneRules: svg?.querySelectorAll('.milestone-rule line').length ?? 0,
    published: [...(svg?.querySelectorAll('.published text') ?? [])].map(clean),
    points: [...(svg?.querySelectorAll('g[aria-label="dot"] circle title') ?? [])].map(clean),
    lines: [...(g('line')?.querySelectorAll('path') ?? [])].map((p) => p.getAttribute('stroke')),
    cursor: r.querySelector('[part="cursor"]')?.getAttribute('data-date') ?? null,
    // The drawing fills its box (the snapshot's scales to it): inside it, and most of its width or height.
    fits: !!box && box.left >= plot.left - 1 && box.right <= plot.right + 1 && box.top >= plot.top - 1 && box.bottom <= plot.bottom + 1,
    fills: !!box && (box.width > plot.width * 0.6 || box.height > plot.height * 0.9),
    height: Math.round(el.getBoundingClientRect().height),
  };
}

describe('a trend snapshot in the page', () => {
  it('with JavaScript off shows the chart, caption, legend, reading, source and provenance the live element shows for the same tag', async () => {
    const off = await open({ javaScript: false });
    await off.tab.goto(`${base}/snapshot.html`, { waitUntil: 'load' });
    const still = await off.tab.evaluate(readTrend, 'piccoli-trend');
    const stillEn = await off.tab.evaluate(readTrend, '#en piccoli-trend');
    await screenshot(off.tab, 'snapshot-trend-no-js.png');
    assert.equal(still.defined, false, 'no script ran');
    assert.deepEqual(still.title, ['P.I.C.C.O.L.I.']);
    assert.deepEqual(still.sub, ['Provincia di Piacenza · Andamento nel tempo: numero di enti per fase']);
    assert.deepEqual(still.provenance, ['Dati in parte simulati']);
    assert.equal(still.legend[1], 'Progettazione partecipata');
    assert.equal(still.lines.length, 5, 'a line per stage');
    assert.ok(still.xTicks.includes('2022'), `x axis: ${still.xTicks}`);
    assert.equal(still.yTicks[0], '0');
    assert.ok(still.milestones.length > 0 && still.milestoneRules === still.milestones.length, `milestones: ${still.milestones}`);
    assert.equal(still.cursor, '2021-10-31');
    assert.match(still.readout[0], /^Al 31 ottobre 2021: Comuni ammissibili \d+; Progettazione partecipata \d+;/);
    assert.deepEqual(still.source, ['Fonte: ANCI.']);
    assert.ok(still.fits && still.fills, 'the drawing scales to its box');
    assert.deepEqual(stillEn.title, ['PICCOLI']);
    // The published figures as shares of the entities eligible on their day, from the answer the snapshot carries.
    const eligible = snapEn.answer.series[0].steps.filter((x) => x.date <= '2021-10-31').at(-1).n;
    const pct = (n) =>
      new Intl.NumberFormat('en', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n / eligible);
    assert.deepEqual(
      stillEn.published,
      [612, 568, 485].map((n) => `${pct(n)} · ANCI Campania`),
    );
    assert.equal(stillEn.points.length, 3);
    assert.ok(stillEn.points[0].startsWith(`Participatory design: ${pct(612)}, ANCI Campania`), stillEn.points[0]);
    assert.deepEqual(stillEn.provenance, ['Partly simulated data']);
    assert.equal(stillEn.yTicks.at(-1), '100%');
    assert.deepEqual(off.errors, [], "the snapshot's styles are allowed by their hashes");
    await off.tab.close();

    const live = await open();
    await live.tab.goto(`${base}/live.html`, { waitUntil: 'load' });
    await live.tab.waitForFunction(
      () => [...document.querySelectorAll('piccoli-trend')].every((e) => e.shadowRoot?.querySelector('figure[data-backend] .plot svg')),
      { timeout: 30_000 },
    );
    const shown = await live.tab.evaluate(readTrend, 'piccoli-trend');
    const shownEn = await live.tab.evaluate(readTrend, '#en piccoli-trend');
    assert.deepEqual({ ...still, defined: true }, shown);
    assert.deepEqual({ ...stillEn, defined: true }, shownEn);
    assert.deepEqual(live.errors, []);
    await live.tab.close();
  });

  it('with JavaScript the element takes over: no layout shift, every frame shows the same, no console error, then it answers the keyboard', async () => {
    const { tab, errors } = await open();
    // From the first frame: layout shifts (CLS), and what each frame shows of each trend.
    await watchFrames(tab, 'piccoli-trend', 2, (els) => ({
      // Every text of the figure: caption, legend, the chart's labels and points' titles, reading, source.
      text: els.map((e) => e.shadowRoot?.querySelector('figure')?.textContent.replace(/\s+/g, ' ').trim() ?? ''),
      svgs: els.map((e) => e.shadowRoot?.querySelectorAll('.plot svg').length),
      cursors: els.map((e) => e.shadowRoot?.querySelector('[part="cursor"]')?.getAttribute('data-date') ?? null),
    }));
    await tab.goto(`${base}/snapshot.html`, { waitUntil: 'load' });
    // Taken over (the snapshot's nodes gone), and the coordinator's own answer in.
    await tab.waitForFunction(
      () =>
        [...document.querySelectorAll('piccoli-trend')].every(
          (e) => !e.shadowRoot.querySelector('script') && e._trend?.status === 2 && e._snapshot === undefined,
        ),
      { timeout: 30_000 },
    );
    // A few more frames after the answer; CLS 0, no layout-shift entry, frames before and after the takeover.
    const seen = await framesSeen(tab);
    assertTakenOver(seen);
    const { frames } = seen;
    const first = frames[0];
    assert.ok(first.text[0].includes('Provincia di Piacenza') && first.text[1].includes('Italy'), first.text.join(' | '));
    assert.ok(first.text[0].includes('Scadenza dei piani'), 'the chart is in the first frame');
    for (const f of frames) {
      assert.deepEqual(f.text, first.text, 'a frame showed something else than the snapshot');
      assert.deepEqual(f.svgs, [1, 1], 'a frame had no chart, or two');
      assert.deepEqual(f.cursors, ['2021-10-31', '2021-10-31'], 'a frame had no cursor');
    }
    const after = await tab.evaluate(() =>
      [...document.querySelectorAll('piccoli-trend')].map((e) => ({
        figures: e.shadowRoot.querySelectorAll('figure').length,
        styles: e.shadowRoot.querySelectorAll('style, [data-piccoli-s], [data-piccoli-c]').length,
        sheets: e.shadowRoot.adoptedStyleSheets.length,
        cursor: e.shadowRoot.querySelector('[part="cursor"]').tagName,
      })),
    );
    for (const a of after) {
      assert.equal(a.figures, 1, "the snapshot's nodes are gone");
      assert.equal(a.styles, 0, "its styles are the element's own (adopted)");
      assert.ok(a.sheets > 0);
      assert.equal(a.cursor, 'DIV', "the element's own cursor, placed on its own drawing");
    }
    await screenshot(tab, 'snapshot-trend-hydrated.png');

    // Interactive: the arrow keys move the cursor and read the day's counts; the table opens.
    const chart = await tab.evaluateHandle(() => document.querySelector('piccoli-trend').shadowRoot.querySelector('[part="chart"]'));
    await chart.focus();
    await tab.keyboard.press('ArrowRight');
    const moved = await tab.evaluate(async () => {
      const el = document.querySelector('piccoli-trend');
      await el.updateComplete;
      const r = el.shadowRoot;
      return {
        cursor: r.querySelector('[part="cursor"]').getAttribute('data-date'),
        announce: r.querySelector('[part="announce"]').textContent.trim(),
        readout: r.querySelector('[part="readout"]').textContent.replace(/\s+/g, ' ').trim(),
      };
    });
    assert.ok(moved.cursor > '2021-10-31', `the cursor moved on: ${moved.cursor}`);
    assert.match(moved.announce, /^Al \d+ \w+ \d{4}: Comuni ammissibili \d+;/);
    assert.ok(moved.readout.startsWith(moved.announce.split(':')[0]), moved.readout);
    await tab.evaluate(() => document.querySelector('piccoli-trend').shadowRoot.querySelector('[part="toggle"]').click());
    const table = await tab.evaluate(async () => {
      const el = document.querySelector('piccoli-trend');
      await el.updateComplete;
      const r = el.shadowRoot;
      return {
        expanded: r.querySelector('[part="toggle"]').getAttribute('aria-expanded'),
        rows: r.querySelectorAll('[part="table"] tbody tr').length,
        current: r.querySelector('[part="table"] tr[aria-current="date"]')?.getAttribute('data-date'),
      };
    });
    assert.equal(table.expanded, 'true');
    assert.ok(table.rows > 1);
    assert.equal(table.current, moved.cursor);
    assert.deepEqual(errors, []);
    await tab.close();
  });

  it('hostile attribute values stay values: no markup, no script, no dialog', async () => {
    const { tab, errors, dialogs } = await open();
    await tab.goto(`${base}/hostile.html`, { waitUntil: 'load' });
    await tab.waitForFunction(() => document.querySelector('piccoli-trend')?._trend?.status === 2, { timeout: 30_000 });
    const seen = await tab.evaluate(() => {
      const el = document.querySelector('piccoli-trend');
      return {
        elements: document.querySelectorAll('piccoli-trend').length,
        id: el.id,
        className: el.className,
        onmouseover: el.getAttribute('onmouseover'),
        imgs: document.querySelectorAll('img').length + el.shadowRoot.querySelectorAll('img').length,
        after: document.querySelector('#after')?.textContent,
      };
    });
    assert.deepEqual(seen, {
      elements: 1,
      id: '"><img src=x onerror=alert(1)>',
      className: 'a" onmouseover="alert(2)',
      onmouseover: null,
      imgs: 0,
      after: 'Testo dopo il riquadro.',
    });
    await tab.hover('piccoli-trend');
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
    await tab.close();
  });
});
