import { expect, fixture, html } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import { LitElement } from 'lit';
import { SelectionController } from '../../../src/controllers/selection.js';
import { pageSelection, selectionContext } from '../../../src/query/context.js';
import { SelectionChangeEvent, SelectionStore } from '../../../src/state/selection.js';

// The page's area selection, for an element (src/controllers/selection.ts): a map click
// anywhere re-renders every element that follows the same store.

/** Renders the selected area's code, or "none". */
class SelectionProbe extends LitElement {
  readonly selection = new SelectionController(this);
  override render() {
    return this.selection.current?.code ?? 'none';
  }
}
customElements.define('selection-probe', SelectionProbe);

const shown = (el: SelectionProbe) => el.shadowRoot!.textContent;

describe('SelectionController', () => {
  beforeEach(() => pageSelection().set(null));
  afterEach(() => pageSelection().set(null));

  it('re-renders when the page selection changes, and when it is cleared', async () => {
    const el = await fixture<SelectionProbe>(html`<selection-probe></selection-probe>`);
    expect(shown(el)).to.equal('none');
    pageSelection().set({ level: 'province', code: '033', name: 'Piacenza' });
    await el.updateComplete;
    expect(shown(el)).to.equal('033');
    expect(el.selection.current).to.deep.equal({ level: 'province', code: '033', name: 'Piacenza' });
    pageSelection().set(null);
    await el.updateComplete;
    expect(shown(el)).to.equal('none');
  });

  it('set() reaches the other elements of the page, naming the element that chose', async () => {
    const page = await fixture(html`<div><selection-probe></selection-probe><selection-probe></selection-probe></div>`);
    const [a, b] = [...page.querySelectorAll<SelectionProbe>('selection-probe')];
    const events: SelectionChangeEvent[] = [];
    const store = pageSelection();
    const listen = (e: Event) => events.push(e as SelectionChangeEvent);
    store.addEventListener('change', listen);
    try {
      a!.selection.set({ level: 'region', code: '08', name: 'Emilia-Romagna' });
      await b!.updateComplete;
      expect([shown(a!), shown(b!)]).to.deep.equal(['08', '08']);
      expect(store.current).to.deep.equal({ level: 'region', code: '08', name: 'Emilia-Romagna' });
      expect(events.map((e) => [e.selection?.code, e.origin])).to.deep.equal([['08', a]]);
    } finally {
      store.removeEventListener('change', listen);
    }
  });

  it('an element under another store follows that one only', async () => {
    const section = await fixture<HTMLElement>(html`<section></section>`);
    const own = new SelectionStore();
    new ContextProvider(section, { context: selectionContext, initialValue: own });
    const inside = document.createElement('selection-probe') as SelectionProbe;
    section.append(inside);
    const outside = await fixture<SelectionProbe>(html`<selection-probe></selection-probe>`);
    own.set({ level: 'province', code: '052' });
    await inside.updateComplete;
    await outside.updateComplete;
    expect([shown(inside), shown(outside)]).to.deep.equal(['052', 'none']);
    expect(pageSelection().current).to.equal(null);
  });

  it('a disconnected element stops following, and catches up when connected again', async () => {
    const page = await fixture(html`<div><selection-probe></selection-probe></div>`);
    const el = page.querySelector<SelectionProbe>('selection-probe')!;
    await el.updateComplete;
    el.remove();
    pageSelection().set({ level: 'province', code: '033' });
    await el.updateComplete;
    expect(shown(el)).to.equal('none');
    page.append(el);
    await el.updateComplete;
    expect(shown(el)).to.equal('033');
  });
});
