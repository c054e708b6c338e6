import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../../src/components/piccoli-progress/piccoli-progress.js';
import type { PiccoliProgress } from '../../../src/components/piccoli-progress/piccoli-progress.js';
import { defaultEventsUrl } from '../../../src/data/bundled.js';
import { settled } from '../helpers.js';
import { focused, labels, openMenu, trigger } from './helpers.js';

/** The «Scarica» menu as a keyboard and screen-reader user meets it (WAI-ARIA menu button). */
describe('download menu', () => {
  let el: PiccoliProgress;
  beforeEach(async () => {
    el = await fixture<PiccoliProgress>(html`<piccoli-progress province="PC" as-of="2021-10-31"></piccoli-progress>`);
    await settled(el);
  });

  it('is a menu button in the caption, beside the provenance label', () => {
    const b = trigger(el);
    expect(b.textContent!.trim()).to.equal('Scarica');
    expect(b.getAttribute('aria-haspopup')).to.equal('menu');
    expect(b.getAttribute('aria-expanded')).to.equal('false');
    expect(b.closest('[part="caption"]')).to.not.equal(null);
    expect(b.previousElementSibling?.getAttribute('part')).to.equal('provenance');
  });

  it('opens with Enter on its first item, moves with the arrows, Home and End, and Escape gives focus back', async () => {
    const menu = await openMenu(el, 'Enter');
    const b = trigger(el);
    expect(b.getAttribute('aria-expanded')).to.equal('true');
    expect(b.getAttribute('aria-controls')).to.equal(menu.id);
    expect(menu.getAttribute('aria-labelledby')).to.equal(b.id);
    const items = labels(menu);
    expect(items).to.deep.equal([
      'Dati per Excel (CSV con ;)',
      'Dati (CSV standard)',
      'File dei dati letto (Arrow)',
      'Immagine (SVG)',
      'Immagine (PNG)',
    ]);
    expect([...menu.children].every((i) => i.getAttribute('role') === 'menuitem' && i.getAttribute('tabindex') === '-1')).to.equal(true);
    expect(focused(el)).to.equal(items[0]);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal(items[1]);
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(el), 'ArrowUp from the first wraps to the last').to.equal(items[4]);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el), 'ArrowDown from the last wraps to the first').to.equal(items[0]);
    await sendKeys({ press: 'End' });
    expect(focused(el)).to.equal(items[4]);
    await sendKeys({ press: 'Home' });
    expect(focused(el)).to.equal(items[0]);
    await sendKeys({ press: 'Escape' });
    expect(el.shadowRoot!.querySelector('[role="menu"]')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(b);
    expect(b.getAttribute('aria-expanded')).to.equal('false');
    expect(b.hasAttribute('aria-controls')).to.equal(false);
  });

  it('opens with Space; Tab closes it and moves on to what follows the trigger', async () => {
    await openMenu(el, 'Space');
    expect(focused(el)).to.equal('Dati per Excel (CSV con ;)');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.querySelector('[role="menu"]')).to.equal(null);
    const next = el.shadowRoot!.activeElement;
    expect(next, 'focus left the trigger').to.not.equal(trigger(el));
    expect(next?.matches('button.stage'), `focus on ${next?.outerHTML.slice(0, 60)}`).to.equal(true);
    expect(trigger(el).getAttribute('aria-expanded')).to.equal('false');
  });

  it('closes on a press outside, and a second press of the trigger closes it', async () => {
    await openMenu(el);
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(el.shadowRoot!.querySelector('[role="menu"]')).to.equal(null);
    await openMenu(el);
    trigger(el).click();
    await waitUntil(() => !el.shadowRoot!.querySelector('[role="menu"]'), 'still open');
    expect(trigger(el).getAttribute('aria-expanded')).to.equal('false');
  });

  it('passes axe while open', async () => {
    await openMenu(el);
    await expect(el).to.be.accessible();
  });

  it('links to the data file the funnel read (the bundled Arrow file)', async () => {
    const menu = await openMenu(el);
    const link = menu.querySelector<HTMLAnchorElement>('a[role="menuitem"]')!;
    expect(link.textContent).to.equal('File dei dati letto (Arrow)');
    expect(link.href).to.equal(defaultEventsUrl());
    expect(link.hasAttribute('download')).to.equal(true);
    const head = new Uint8Array(await (await fetch(link.href)).arrayBuffer()).slice(0, 6);
    expect(String.fromCharCode(...head)).to.equal('ARROW1');
  });

  it('speaks English with lang=en', async () => {
    el.setAttribute('lang', 'en');
    // The element's English words may arrive a moment later.
    await waitUntil(() => el.shadowRoot!.querySelector('[part="download"]')?.textContent === 'Download', 'no English trigger');
    const menu = await openMenu(el);
    expect(labels(menu)).to.deep.equal([
      'Data for Italian Excel (CSV with ;)',
      'Data (plain CSV)',
      'Data file read (Arrow)',
      'Image (SVG)',
      'Image (PNG)',
    ]);
  });

  it('is not printed', async () => {
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle(trigger(el)).display).to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
    expect(getComputedStyle(trigger(el)).display).to.not.equal('none');
  });
});
