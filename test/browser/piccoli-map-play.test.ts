import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/components/piccoli-map/piccoli-map.js';
import type { PiccoliMap } from '../../src/components/piccoli-map/piccoli-map.js';
import { formatDate } from '../../src/i18n/index.js';
import { pageCoordinator } from '../../src/query/context.js';

/*
 * <piccoli-map play>: a visible control steps the map's date month by month from the
 * programme's start to the element's as-of, recolouring the same drawing (never the
 * skeleton), with pause, the slider and the keyboard; with prefers-reduced-motion nothing
 * moves by itself (previous and next instead); it stops when the element leaves the page.
 */

const root = (el: HTMLElement) => el.shadowRoot!;
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const day = (iso: string) => formatDate(iso, 'it');
// PICCOLI's first day with data is 3 May 2021: then the last day of each month, then the element's as-of.
const STEPS = ['2021-05-03', '2021-05-31', '2021-06-30', '2021-07-31', '2021-08-31', '2021-09-30', '2021-10-31'];

/** The date in the map's caption, as YYYY-MM-DD. */
function shownDate(el: PiccoliMap): string {
  const sub = text(root(el).querySelector('figcaption .sub'));
  return STEPS.find((d) => sub.endsWith(`Dati al ${day(d)}`)) ?? sub;
}

async function drawn(el: PiccoliMap) {
  await waitUntil(
    () => root(el).querySelector('.map-box svg .area') && root(el).querySelector('.play'),
    'map or play control never drawn',
    {
      timeout: 30000,
    },
  );
  await el.updateComplete;
}

/** Records whether the skeleton ever came back, and the dates the caption showed. */
function watch(el: PiccoliMap) {
  const seen = { skeleton: false, dates: [] as string[] };
  const look = () => {
    if (root(el).querySelector('.skeleton')) seen.skeleton = true;
    const d = shownDate(el);
    if (seen.dates.at(-1) !== d) seen.dates.push(d);
  };
  const mo = new MutationObserver(look);
  mo.observe(root(el), { subtree: true, childList: true, characterData: true, attributes: true });
  return { seen, stop: () => mo.disconnect() };
}

/** Reached counts by province code in the map's table for screen readers. */
function tableReached(el: PiccoliMap): Map<string, number> {
  const out = new Map<string, number>();
  for (const tr of root(el).querySelectorAll('table tr[data-code]')) {
    const cells = tr.querySelectorAll('td');
    if (cells.length === 3) out.set(tr.getAttribute('data-code')!, Number(text(cells[1]).replace(/\D/g, '')));
  }
  return out;
}

async function coordinatorReached(asOf: string): Promise<Map<string, number>> {
  const a = await pageCoordinator().request({ kind: 'areas', src: null, programme: null, asOf, level: 'province', stage: 'engaged' });
  return new Map(a.rows.map((r) => [r.code, r.reached]));
}

const toggle = (el: PiccoliMap) => root(el).querySelector<HTMLButtonElement>('.play button.toggle');
const slider = (el: PiccoliMap) => root(el).querySelector<HTMLInputElement>('.play input[type="range"]')!;
const status = (el: PiccoliMap) => text(root(el).querySelector('.play [role="status"]'));

describe('<piccoli-map play>', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('plays month by month to its as-of, recolouring the same drawing without the skeleton; each step is that day’s map', async function () {
    this.timeout(120_000);
    const el = await fixture<PiccoliMap>(html`<piccoli-map level="province" as-of="2021-10-31" play></piccoli-map>`);
    el.playInterval = 20;
    await drawn(el);
    expect(shownDate(el)).to.equal('2021-10-31');
    expect(text(toggle(el))).to.equal('▶ Riproduci');
    expect(slider(el).max).to.equal(String(STEPS.length - 1));
    expect(slider(el).getAttribute('aria-valuetext')).to.equal(day('2021-10-31'));
    const svg = root(el).querySelector('.map-box svg');
    const fillsAtEnd = [...root(el).querySelectorAll('.area')].map((a) => a.getAttribute('fill')).join();
    const w = watch(el);
    toggle(el)!.click();
    await waitUntil(() => text(toggle(el)) === '⏸ Pausa', 'never played');
    // Until it has come back to its own date and stopped.
    await waitUntil(() => w.seen.dates.length > 3 && shownDate(el) === '2021-10-31' && text(toggle(el)) === '▶ Riproduci', 'never ended', {
      timeout: 60000,
    });
    w.stop();
    expect(w.seen.skeleton, 'the skeleton came back').to.equal(false);
    expect(w.seen.dates[0]).to.equal('2021-10-31');
    expect(w.seen.dates.slice(1)).to.deep.equal(STEPS);
    expect(root(el).querySelector('.map-box svg'), 'the drawing was replaced').to.equal(svg);
    expect([...root(el).querySelectorAll('.area')].map((a) => a.getAttribute('fill')).join()).to.equal(fillsAtEnd);
    // The end is announced (politely) when the play stops.
    expect(status(el)).to.equal(`Dati al ${day('2021-10-31')}`);
    expect(root(el).querySelector('.play [role="status"]')!.closest('[aria-live="assertive"]')).to.equal(null);
  });

  it('pause stops on a step; that step is the map of its day; play goes on from there', async function () {
    this.timeout(120_000);
    const el = await fixture<PiccoliMap>(html`<piccoli-map level="province" as-of="2021-10-31" play></piccoli-map>`);
    el.playInterval = 50;
    await drawn(el);
    toggle(el)!.click();
    await waitUntil(() => STEPS.indexOf(shownDate(el)) >= 2 && STEPS.indexOf(shownDate(el)) < 6, 'never reached a middle step', {
      timeout: 30000,
    });
    toggle(el)!.click();
    await el.updateComplete;
    expect(text(toggle(el))).to.equal('▶ Riproduci');
    const paused = slider(el).getAttribute('aria-valuetext')!;
    // Many intervals later, still there.
    await new Promise((r) => setTimeout(r, 600));
    await waitUntil(
      () => !root(el).querySelector('figure[aria-busy]') && day(shownDate(el)) === paused,
      'the map did not settle on the paused step',
    );
    expect(slider(el).getAttribute('aria-valuetext')).to.equal(paused);
    expect(status(el)).to.equal(`Dati al ${paused}`);
    const date = shownDate(el);
    expect(STEPS).to.include(date);
    // The step shows that day's numbers.
    const want = await coordinatorReached(date);
    await waitUntil(() => tableReached(el).size > 50, 'no table');
    const got = tableReached(el);
    for (const [code, n] of got) expect(n, code).to.equal(want.get(code) ?? 0);
    expect(want.get('033')).to.not.equal((await coordinatorReached('2021-10-31')).get('033'));
    // Play again: on from the paused step, not from the start.
    const w = watch(el);
    toggle(el)!.click();
    await waitUntil(() => shownDate(el) === '2021-10-31' && text(toggle(el)) === '▶ Riproduci', 'never ended', { timeout: 60000 });
    w.stop();
    expect(w.seen.dates).to.deep.equal(STEPS.slice(STEPS.indexOf(date)));
  });

  it('with prefers-reduced-motion nothing moves by itself: previous and next step by hand, and say the date', async function () {
    this.timeout(120_000);
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await fixture<PiccoliMap>(html`<piccoli-map level="province" as-of="2021-10-31" play></piccoli-map>`);
    el.playInterval = 20;
    await drawn(el);
    expect(toggle(el), 'no play button').to.equal(null);
    const [prev, next] = [...root(el).querySelectorAll<HTMLButtonElement>('.play button.step')];
    expect(prev!.getAttribute('aria-label')).to.equal('Mese precedente');
    expect(next!.getAttribute('aria-label')).to.equal('Mese successivo');
    expect(next!.disabled).to.equal(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(shownDate(el)).to.equal('2021-10-31');
    const w = watch(el);
    prev!.click();
    await waitUntil(() => shownDate(el) === '2021-09-30', 'previous did not step back');
    expect(status(el)).to.equal(`Dati al ${day('2021-09-30')}`);
    await new Promise((r) => setTimeout(r, 300));
    expect(shownDate(el), 'it moved by itself').to.equal('2021-09-30');
    next!.click();
    await waitUntil(() => shownDate(el) === '2021-10-31', 'next did not step on');
    w.stop();
    expect(w.seen.skeleton).to.equal(false);
    // The reader's setting can change while the page is open: the play button comes back.
    await emulateMedia({ reducedMotion: 'no-preference' });
    await waitUntil(() => toggle(el), 'no play button after reduced motion was turned off');
  });

  it('keyboard: the slider steps with the arrow keys, Home and End; the play button with Enter', async function () {
    this.timeout(120_000);
    const el = await fixture<PiccoliMap>(html`<piccoli-map level="province" as-of="2021-10-31" play></piccoli-map>`);
    el.playInterval = 20;
    await drawn(el);
    slider(el).focus();
    await sendKeys({ press: 'Home' });
    await waitUntil(() => shownDate(el) === '2021-05-03', 'Home did not go to the start');
    expect(slider(el).getAttribute('aria-valuetext')).to.equal(day('2021-05-03'));
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => shownDate(el) === '2021-05-31', 'ArrowRight did not step');
    await sendKeys({ press: 'End' });
    await waitUntil(() => shownDate(el) === '2021-10-31', 'End did not go to the end');
    toggle(el)!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(toggle(el)) === '⏸ Pausa', 'Enter did not play');
    await sendKeys({ press: 'Space' });
    await waitUntil(() => text(toggle(el)) === '▶ Riproduci', 'Space did not pause');
  });

  it('stops when the element leaves the page, and without play there is no control', async function () {
    this.timeout(120_000);
    const el = await fixture<PiccoliMap>(html`<piccoli-map level="province" as-of="2021-10-31" play></piccoli-map>`);
    el.playInterval = 50;
    await drawn(el);
    toggle(el)!.click();
    await waitUntil(() => STEPS.indexOf(shownDate(el)) >= 1, 'never stepped', { timeout: 30000 });
    const parent = el.parentElement!;
    el.remove();
    await el.updateComplete;
    const left = slider(el).value;
    await new Promise((r) => setTimeout(r, 500));
    expect(slider(el).value, 'it went on while away').to.equal(left);
    parent.append(el);
    await el.updateComplete;
    expect(text(toggle(el))).to.equal('▶ Riproduci');
    // Removing play puts the map back on its own date, with no control.
    el.play = false;
    await waitUntil(() => !root(el).querySelector('.play') && shownDate(el) === '2021-10-31', 'play off kept the control or the date', {
      timeout: 30000,
    });
    const plain = await fixture<PiccoliMap>(html`<piccoli-map level="province" as-of="2021-10-31"></piccoli-map>`);
    await waitUntil(() => root(plain).querySelector('.map-box svg .area'), 'never drawn', { timeout: 30000 });
    expect(root(plain).querySelector('.play')).to.equal(null);
  });

  it('a new as-of set by the page recolours the drawn map in place, without the skeleton', async function () {
    this.timeout(120_000);
    const el = await fixture<PiccoliMap>(html`<piccoli-map level="region" as-of="2021-10-31"></piccoli-map>`);
    await waitUntil(() => root(el).querySelector('.map-box svg .area'), 'never drawn', { timeout: 30000 });
    const svg = root(el).querySelector('.map-box svg');
    const w = watch(el);
    el.asOf = '2021-07-31';
    await waitUntil(() => shownDate(el) === '2021-07-31', 'never showed the new date', { timeout: 30000 });
    w.stop();
    expect(w.seen.skeleton).to.equal(false);
    expect(root(el).querySelector('.map-box svg')).to.equal(svg);
    // Another level is another drawing: that one may show its skeleton.
    el.level = 'province';
    await waitUntil(
      () => root(el).querySelector('.map-box svg') !== svg && root(el).querySelector('.map-box svg .area'),
      'never drew the provinces',
      {
        timeout: 30000,
      },
    );
  });
});
