import { expect, fixture, html } from '@open-wc/testing';
import { ContextConsumer, ContextProvider } from '@lit/context';
import { LitElement } from 'lit';
import type { ProgrammeMeta } from '../../../src/data/bundled.js';
import { Coordinator } from '../../../src/query/coordinator.js';
import { coordinatorContext, pageCoordinator, pageSelection, selectionContext } from '../../../src/query/context.js';
import { SelectionStore } from '../../../src/state/selection.js';

// The services elements share through @lit/context (src/query/context.ts): one
// coordinator and one selection per page, unless a part of the page provides its own.

/** An element that takes the coordinator and the selection from its context, as piccoli elements do. */
class ContextProbe extends LitElement {
  readonly coordinator = new ContextConsumer(this, { context: coordinatorContext, subscribe: true });
  readonly selection = new ContextConsumer(this, { context: selectionContext, subscribe: true });
}
customElements.define('context-probe', ContextProbe);

describe('page context', () => {
  it('pageCoordinator() and pageSelection() give the same instances on every call', () => {
    const coordinator = pageCoordinator();
    const selection = pageSelection();
    expect(coordinator).to.be.instanceOf(Coordinator);
    expect(selection).to.be.instanceOf(SelectionStore);
    expect(pageCoordinator()).to.equal(coordinator);
    expect(pageSelection()).to.equal(selection);
    // The default coordinator asks the cube first, then DuckDB-WASM.
    expect(coordinator.backends.map((b) => b.name)).to.deep.equal(['cube', 'duckdb']);
  });

  it('an element anywhere on the page gets the page coordinator and selection', async () => {
    const coordinator = pageCoordinator();
    const page = await fixture(html`<div><context-probe></context-probe></div>`);
    const el = page.querySelector<ContextProbe>('context-probe')!;
    expect(el.coordinator.value).to.equal(coordinator);
    expect(el.selection.value).to.equal(pageSelection());
  });

  it('an element under a provider of another coordinator gets that one, and the page selection still', async () => {
    pageCoordinator(); // the page-level providers exist
    const section = await fixture<HTMLElement>(html`<section></section>`);
    const own = new Coordinator([], () => Promise.resolve([] as ProgrammeMeta[]));
    new ContextProvider(section, { context: coordinatorContext, initialValue: own });
    const inside = document.createElement('context-probe') as ContextProbe;
    section.append(inside);
    const outside = await fixture<ContextProbe>(html`<context-probe></context-probe>`);
    expect(inside.coordinator.value).to.equal(own);
    expect(outside.coordinator.value).to.equal(pageCoordinator());
    expect(inside.selection.value).to.equal(pageSelection());
  });
});
