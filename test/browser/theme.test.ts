import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { nothing } from 'lit';
import '../../src/components/piccoli-map/piccoli-map.js';
import '../../src/components/piccoli-progress/piccoli-progress.js';
import '../../src/components/piccoli-sql/piccoli-sql.js';
import '../../src/components/piccoli-trend/piccoli-trend.js';
import type { PiccoliMap } from '../../src/components/piccoli-map/piccoli-map.js';
import type { PiccoliSql } from '../../src/components/piccoli-sql/piccoli-sql.js';
import { paletteFromStyle } from '../../src/map/palette.js';
import { pageSelection } from '../../src/query/context.js';
import { backgroundBehind, lowContrast, parseColour, ratio, type RGBA } from './contrast.js';
import { settled } from './helpers.js';

/*
 * Dark mode (issue 13): every element follows the reader's system scheme unless the site
 * sets theme="light|dark", and reads in both: every visible text at 4.5:1 or more on what
 * is behind it (SVG text too: a tile's label on its tile, the trend's axes), bars, lines
 * and focus rings at 3:1. Paper is light. A site's --piccoli-color-* win in both schemes.
 */

type Scheme = { name: string; system: 'light' | 'dark'; theme: 'light' | 'dark' | null; dark: boolean };
const SCHEMES: Scheme[] = [
  { name: 'light', system: 'light', theme: null, dark: false },
  { name: "dark (the reader's system)", system: 'dark', theme: null, dark: true },
  { name: 'theme="dark" on a light system', system: 'light', theme: 'dark', dark: true },
  { name: 'theme="light" on a dark system', system: 'dark', theme: 'light', dark: false },
];

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
const lum = (c: RGBA) => ratio(c, [0, 0, 0, 1]) / 21; // 1/21 … 1: black … white, monotonic

/** The element is in the scheme it should be: a dark or a light background, and text to match. */
function expectScheme(el: HTMLElement, s: Scheme) {
  const bg = parseColour(getComputedStyle(el).backgroundColor);
  const fg = parseColour(getComputedStyle(el).color);
  if (s.dark) {
    expect(lum(bg), `${el.localName} ${s.name}: a dark background`).to.be.below(0.1);
    expect(lum(fg), `${el.localName} ${s.name}: light text`).to.be.above(0.5);
  } else {
    expect(getComputedStyle(el).backgroundColor, `${el.localName} ${s.name}: white`).to.equal('rgb(255, 255, 255)');
    expect(getComputedStyle(el).color).to.equal('rgb(26, 26, 26)');
  }
}

/** Every visible text of the element at 4.5:1 on what is behind it. */
function expectReadable(el: HTMLElement, s: Scheme, min = 4.5) {
  const texts = $$(el, '*').length;
  expect(texts, 'something is shown').to.be.greaterThan(5);
  expect(lowContrast(el.shadowRoot!, min), `${el.localName} ${s.name}`).to.deep.equal([]);
}

/** 3:1 between a non-text mark and what is next to it. */
function expectVisible(what: string, mark: string | RGBA, next: string | RGBA) {
  expect(ratio(mark, next), what).to.be.at.least(3);
}

/**
 * The reader's system scheme, or paper. One at a time: the command's second call (its
 * media type) clears the first (its features) in Chromium's emulation, so a dark screen
 * on paper is tried in the e2e tests (test/e2e/demo.test.mjs), and `theme="dark"` stands
 * for it here.
 */
async function system(scheme: 'light' | 'dark' | 'print') {
  await emulateMedia(scheme === 'print' ? { media: 'print' } : { colorScheme: scheme });
  await frame();
}

afterEach(async () => {
  await system('light');
  pageSelection().set(null);
});

describe('<piccoli-progress> in both colour schemes', () => {
  for (const s of SCHEMES) {
    it(`${s.name}: every text reads, the bars stand out on their track, the focus ring on the background`, async () => {
      await system(s.system);
      const el = await fixture<HTMLElement>(
        html`<piccoli-progress province="PC" as-of="2021-10-31" theme=${s.theme ?? nothing}></piccoli-progress>`,
      );
      await settled(el);
      // A pressed stage shows its definition; the explanation opened shows its text.
      $(el, 'button.stage').click();
      $<HTMLDetailsElement>(el, 'details.about').open = true;
      await frame();
      expectScheme(el, s);
      expectReadable(el, s);
      const bars = $$(el, '.bar > span');
      expect(bars.length).to.be.at.least(4);
      for (const b of bars) expectVisible('bar on its track', getComputedStyle(b).backgroundColor, backgroundBehind(b.parentElement!));
      const stage = $(el, 'button.stage');
      stage.focus();
      expect(stage.matches(':focus-visible')).to.equal(true);
      expectVisible('focus ring', getComputedStyle(stage).outlineColor, backgroundBehind(stage));
    });
  }

  it("a site's --piccoli-color-* win in the dark scheme too", async () => {
    await system('dark');
    const el = await fixture<HTMLElement>(
      html`<piccoli-progress province="PC" as-of="2021-10-31" style="--piccoli-color-primary: rgb(170, 20, 90); --piccoli-color-background: rgb(40, 0, 20)"></piccoli-progress>`,
    );
    await settled(el);
    expect(getComputedStyle($(el, '.bar > span')).backgroundColor).to.equal('rgb(170, 20, 90)');
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(40, 0, 20)');
    expect(lum(parseColour(getComputedStyle(el).color)), 'the default dark text stays').to.be.above(0.5);
  });
});

/** Until the map is drawn and painted. */
async function mapDrawn(el: PiccoliMap) {
  await settled(el);
  await waitUntil(() => el.shadowRoot!.querySelector('svg.map .area[fill]'), 'map never painted', { timeout: 30000 });
  await el.updateComplete;
}

/** The ring and halo of the focus and of the selection: one of the two at 3:1 on every fill of the scheme. */
function expectRingsOnEveryFill(el: PiccoliMap, what: string) {
  const p = paletteFromStyle(getComputedStyle(el));
  for (const pair of [
    ['path.focus-ring', 'path.focus-halo'],
    ['path.outline', 'path.outline-halo'],
  ]) {
    const tones = pair.map((sel) => getComputedStyle($(el, sel)).stroke);
    for (const fill of [...p.colours, p.noData, p.noDataLines]) {
      const best = Math.max(...tones.map((t) => ratio(t, readFill(el, fill))));
      expect(best, `${what}: ${pair[0]} ${tones} on ${fill}`).to.be.at.least(3);
    }
  }
}

/** A fill as the browser reads it (any CSS colour a site gives). */
function readFill(el: PiccoliMap, fill: string): RGBA {
  const probe = $(el, 'svg.map defs').appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'rect'));
  probe.setAttribute('fill', fill);
  const c = parseColour(getComputedStyle(probe).fill);
  probe.remove();
  return c;
}

describe('<piccoli-map> in both colour schemes', () => {
  for (const s of SCHEMES) {
    for (const level of ['region', 'province']) {
      it(`${level}, ${s.name}: every text reads, each tile's label on its fill, the rings on every fill`, async () => {
        await system(s.system);
        const el = await fixture<PiccoliMap>(
          html`<piccoli-map level=${level} as-of="2021-10-31" theme=${s.theme ?? nothing}></piccoli-map>`,
        );
        await mapDrawn(el);
        // A selection (outline and the clear button) and a focused area (ring and tooltip).
        const code = level === 'region' ? '08' : '033';
        $(el, `.area[data-code="${code}"]`).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        await el.updateComplete;
        $(el, `.area[data-code="${code}"]`).focus();
        await el.updateComplete;
        await frame();
        expect($(el, '.tooltip')?.textContent, 'the tooltip shows').to.not.equal('');
        expectScheme(el, s);
        expectReadable(el, s);
        if (level === 'province') expect($$(el, 'g.labels text').length).to.equal(107);
        expectRingsOnEveryFill(el, `${level} ${s.name}`);
        const fills = new Set($$(el, '.area').map((a) => a.getAttribute('fill')));
        const p = paletteFromStyle(getComputedStyle(el));
        expect(
          p.colours.some((c) => fills.has(c)),
          'painted with the scheme palette',
        ).to.equal(true);
      });
    }
  }

  it('repaints when the reader switches scheme, when the theme attribute changes, and on paper', async () => {
    await system('light');
    const el = await fixture<PiccoliMap>(html`<piccoli-map level="province" as-of="2021-10-31"></piccoli-map>`);
    await mapDrawn(el);
    const fillOf = () => $(el, '.area[data-code="033"]').getAttribute('fill');
    const light = fillOf();
    await system('dark');
    // The media query's change event comes with a later frame, not with the emulation's answer.
    await waitUntil(() => fillOf() !== light, "the reader's dark scheme repaints");
    const dark = fillOf();
    expectReadable(el, SCHEMES[1]!);
    el.setAttribute('theme', 'light');
    await waitUntil(() => fillOf() === light, 'theme="light" repaints light');
    el.removeAttribute('theme');
    await waitUntil(() => fillOf() === dark, 'without theme, dark again');
    // Paper is light whatever the screen: the fills and the labels are repainted for it.
    el.setAttribute('theme', 'dark');
    await waitUntil(() => fillOf() === dark, 'theme="dark" repaints dark');
    await system('print');
    await waitUntil(() => fillOf() === light, 'print repaints light');
    expect(getComputedStyle(el).backgroundColor, 'theme="dark" prints light').to.equal('rgb(255, 255, 255)');
    expect(getComputedStyle($(el, '.area')).printColorAdjust).to.equal('exact');
    expectReadable(el, SCHEMES[0]!);
    await system('light');
    await waitUntil(() => fillOf() === dark, 'back on screen, dark again');
  });

  it("keeps its tile labels readable under a site's own dark colours (the documented properties)", async () => {
    // What the issue saw: a site's dark theme through the documented --piccoli-color-*
    // (the map's own classes left as they were) made the labels on the light tiles
    // unreadable. Two classes in colours of the site's own, named and hsl().
    const el = await fixture<PiccoliMap>(
      html`<piccoli-map
        level="province"
        as-of="2021-10-31"
        style="--piccoli-color-text: #eeeeee; --piccoli-color-muted: #b0b8c0; --piccoli-color-background: #111111; --piccoli-color-primary: #7ab8ff; --piccoli-color-published: #6fd6a0; --piccoli-color-simulated: #f5b26b; --piccoli-map-color-3: rebeccapurple; --piccoli-map-color-5: hsl(50 100% 60%)"
      ></piccoli-map>`,
    );
    await mapDrawn(el);
    expect(lowContrast(el.shadowRoot!)).to.deep.equal([]);
    const labels = $$<SVGTextElement>(el, 'g.labels text').map((t) => t.getAttribute('fill'));
    expect(new Set(labels).size, 'labels take more than one colour').to.be.at.least(2);
  });
});

describe('<piccoli-trend> in both colour schemes', () => {
  for (const s of SCHEMES) {
    it(`${s.name}: every text reads (axes, milestones, published figures, table), each stage's line at 3:1`, async () => {
      await system(s.system);
      const el = await fixture<HTMLElement>(html`<piccoli-trend province="PC" theme=${s.theme ?? nothing}></piccoli-trend>`);
      await settled(el);
      await waitUntil(() => el.shadowRoot!.querySelector('.plot svg [aria-label="line"] path'), 'chart never drawn', { timeout: 30000 });
      $(el, 'button[part="toggle"]').click();
      await frame();
      expectScheme(el, s);
      expectReadable(el, s);
      const svgTexts = $$(el, '.plot svg text');
      expect(svgTexts.some((t) => t.closest('[aria-label="x-axis tick label"]'))).to.equal(true);
      const bg = backgroundBehind($(el, '.plot'));
      const lines = $$(el, '.plot svg [aria-label="line"] path');
      expect(lines.length).to.be.at.least(4);
      for (const l of lines) expectVisible('stage line', getComputedStyle(l).stroke, bg);
      for (const li of $$(el, '.legend li')) expectVisible('legend mark', getComputedStyle(li, '::before').backgroundColor, bg);
      expectVisible('cursor', getComputedStyle($(el, '.cursor')).borderLeftColor, bg);
    });
  }
});

describe('<piccoli-sql> in both colour schemes', () => {
  const SQL = `-- una nota
SELECT 'Südtirol' AS "nome", 42 AS n, NULL AS niente, TRUE AS vero
UNION ALL SELECT 'Aosta', 7, NULL, FALSE`;

  for (const s of SCHEMES) {
    it(`${s.name}: the editor's code and gutter, the results table, the chart, an error: every text reads`, async () => {
      await system(s.system);
      const el = await fixture<PiccoliSql>(
        html`<piccoli-sql no-bundled-data no-url history-key="" theme=${s.theme ?? nothing} .query=${SQL}></piccoli-sql>`,
      );
      await waitUntil(() => el.shadowRoot!.querySelector('.cm-content'), 'no editor', { timeout: 20000 });
      const done = oneEvent(el, 'piccoli-query-run');
      void el.run();
      await done;
      await el.updateComplete;
      await frame();
      expectScheme(el, s);
      // The editor colours each kind of token: comment, keyword, string, quoted name, number.
      const tokens = new Set($$(el, '.cm-line span').map((t) => getComputedStyle(t).color));
      expect(tokens.size, 'several token colours').to.be.at.least(4);
      expectReadable(el, s);
      expect($$(el, 'tbody tr.row').length).to.equal(2);

      $$<HTMLButtonElement>(el, '.tabs button')[1]!.click();
      await waitUntil(() => el.shadowRoot!.querySelector('.chart svg g[aria-label="bar"] rect'), 'no chart', { timeout: 20000 });
      await frame();
      expectReadable(el, s);
      const bg = backgroundBehind($(el, '.chart'));
      for (const bar of $$(el, '.chart svg g[aria-label="bar"] rect')) expectVisible('bar', getComputedStyle(bar).fill, bg);

      const failed = oneEvent(el, 'piccoli-query-error');
      el.value = 'SELECT 1 AS uno\nFORM x';
      void el.run();
      await failed;
      await el.updateComplete;
      await frame();
      expect(el.shadowRoot!.querySelector('.cm-piccoli-error'), 'the error is marked in the editor').to.not.equal(null);
      expectReadable(el, s);
    });
  }
});

describe('paper', () => {
  it('prints light, with colours kept, whatever the theme attribute', async () => {
    await system('print');
    const page = await fixture<HTMLElement>(html`<div>
      <piccoli-progress province="PC" as-of="2021-10-31"></piccoli-progress>
      <piccoli-progress province="PC" as-of="2021-10-31" theme="dark"></piccoli-progress>
    </div>`);
    for (const el of page.querySelectorAll<HTMLElement>('piccoli-progress')) {
      await settled(el);
      expect(getComputedStyle(el).backgroundColor).to.equal('rgb(255, 255, 255)');
      expect(getComputedStyle(el).printColorAdjust).to.equal('exact');
      const fill = $(el, '.bar > span');
      expect(getComputedStyle(fill).backgroundColor).to.equal('rgb(0, 102, 204)');
      expect(fill.getBoundingClientRect().width).to.be.greaterThan(0);
      expect(getComputedStyle($(el, '.bar')).borderTopStyle, 'the track is outlined for black and white').to.equal('solid');
      expectReadable(el, SCHEMES[0]!);
    }
  });
});
