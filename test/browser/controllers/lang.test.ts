import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { LangController, toLang } from '../../../src/controllers/lang.js';
import { configure } from '../../../src/data/configure.js';
import { ensurePageContext } from '../../../src/query/context.js';

// The language an element speaks (src/controllers/lang.ts): its own `lang`, else its
// nearest ancestor's (through shadow roots), else the page's `<html lang>`.

/** Renders the language its LangController gives. */
class LangProbe extends LitElement {
  readonly language = new LangController(this);
  override render() {
    return this.language.value;
  }
}
customElements.define('lang-probe', LangProbe);

const shown = (el: LangProbe) => el.shadowRoot!.textContent;

describe('LangController', () => {
  const pageLang = document.documentElement.getAttribute('lang');
  beforeEach(() => {
    ensurePageContext();
    document.documentElement.removeAttribute('lang');
  });
  afterEach(() => {
    if (pageLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', pageLang);
  });

  it('speaks Italian when nothing says otherwise', async () => {
    const el = await fixture<LangProbe>(html`<lang-probe></lang-probe>`);
    expect(shown(el)).to.equal('it');
  });

  it("its own lang wins over its ancestor's", async () => {
    const div = await fixture(html`<div lang="en"><lang-probe lang="it"></lang-probe><lang-probe></lang-probe></div>`);
    const [own, inherited] = [...div.querySelectorAll<LangProbe>('lang-probe')];
    await own!.updateComplete;
    await inherited!.updateComplete;
    expect([shown(own!), shown(inherited!)]).to.deep.equal(['it', 'en']);
  });

  it("follows an ancestor's lang through a shadow root", async () => {
    const outer = await fixture(html`<div lang="en-GB"><span></span></div>`);
    const root = outer.querySelector('span')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p><lang-probe></lang-probe></p>';
    const el = root.querySelector<LangProbe>('lang-probe')!;
    await el.updateComplete;
    expect(shown(el)).to.equal('en');
  });

  it('re-renders when moved under another lang', async () => {
    const page = await fixture(html`<div><div lang="it"><lang-probe></lang-probe></div><div lang="en"></div></div>`);
    const el = page.querySelector<LangProbe>('lang-probe')!;
    await el.updateComplete;
    expect(shown(el)).to.equal('it');
    page.querySelector('[lang="en"]')!.append(el);
    await el.updateComplete;
    expect(shown(el)).to.equal('en');
  });

  it('re-renders when <html lang> changes', async () => {
    const el = await fixture<LangProbe>(html`<lang-probe></lang-probe>`);
    expect(shown(el)).to.equal('it');
    document.documentElement.lang = 'en';
    await waitUntil(() => shown(el) === 'en', 'the element did not follow <html lang="en">');
    document.documentElement.lang = 'it';
    await waitUntil(() => shown(el) === 'it', 'the element did not follow <html lang="it">');
  });
});

describe('toLang', () => {
  it('is the language of the first subtag when it speaks it (it, en, de, fr), Italian for anything else', () => {
    expect(['en', 'EN', 'en-GB', ' en-us ', 'it', 'it-IT', 'de', 'de-CH', 'de_AT', 'FR-fr', 'es', 'eng', ''].map(toLang)).to.deep.equal([
      'en',
      'en',
      'en',
      'en',
      'it',
      'it',
      'de',
      'de',
      'de',
      'fr',
      'it',
      'it',
      'it',
    ]);
  });

  it('speaks a language a site added with configure({ strings })', () => {
    expect(toLang('sl-SI')).to.equal('it');
    configure({ strings: { sl: { 'piccoli-progress': { stage: 'Faza' } } } });
    expect(['sl', 'sl-SI', 'SL'].map(toLang)).to.deep.equal(['sl', 'sl', 'sl']);
  });
});
