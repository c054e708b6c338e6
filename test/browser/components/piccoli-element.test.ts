import { expect, fixture, html } from '@open-wc/testing';
import { PiccoliElement } from '../../../src/components/piccoli-element.js';

// What every piccoli element shares (src/components/piccoli-element.ts): it speaks the
// language of its own `lang` attribute and re-renders as soon as that attribute changes.

/** A piccoli element that writes a word in its language, and a label property of its own. */
class ElementProbe extends PiccoliElement {
  static override properties = { label: {} };
  label = '';
  override render() {
    return `${this._lang === 'it' ? 'Dati' : 'Data'}${this.label}`;
  }
}
customElements.define('piccoli-element-probe', ElementProbe);

const shown = (el: ElementProbe) => el.shadowRoot!.textContent;

describe('PiccoliElement', () => {
  it('re-renders in the new language as soon as its lang attribute changes', async () => {
    const el = await fixture<ElementProbe>(html`<piccoli-element-probe lang="it"></piccoli-element-probe>`);
    expect(shown(el)).to.equal('Dati');
    el.setAttribute('lang', 'en');
    await el.updateComplete;
    expect(shown(el)).to.equal('Data');
    el.setAttribute('lang', 'it-IT');
    await el.updateComplete;
    expect(shown(el)).to.equal('Dati');
  });

  it("follows its ancestor's language again when its own lang is removed", async () => {
    const div = await fixture(html`<div lang="en"><piccoli-element-probe lang="it"></piccoli-element-probe></div>`);
    const el = div.querySelector<ElementProbe>('piccoli-element-probe')!;
    await el.updateComplete;
    expect(shown(el)).to.equal('Dati');
    el.removeAttribute('lang');
    await el.updateComplete;
    expect(shown(el)).to.equal('Data');
  });

  it("a subclass's own attributes still work beside lang", async () => {
    const el = await fixture<ElementProbe>(html`<piccoli-element-probe lang="en" label=" 2021"></piccoli-element-probe>`);
    expect(shown(el)).to.equal('Data 2021');
    el.setAttribute('label', ' 2022');
    el.setAttribute('lang', 'it');
    await el.updateComplete;
    expect(shown(el)).to.equal('Dati 2022');
  });
});
