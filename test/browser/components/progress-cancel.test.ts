import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/components/piccoli-progress/piccoli-progress.js';
import type { PiccoliProgress } from '../../../src/components/piccoli-progress/piccoli-progress.js';

// A long download can be stopped by the reader, and stops when its element leaves the
// page: the server sees the browser hang up (a trickling route of web-test-runner.config.mjs).

const FILE = '/test/fixtures/generated/events-nocube.arrow';
let ids = 0;

function trickling(): { src: string; id: string } {
  const id = `cancel-${Date.now()}-${++ids}`;
  return { src: `/__trickle__${FILE}?ms=100&bytes=20000&id=${id}`, id };
}

async function server(id: string): Promise<{ started: boolean; sent: number; closed: boolean; finished: boolean }> {
  return (await fetch(`/__trickle_state__?id=${id}`)).json();
}

describe('<piccoli-progress> stopping a long download', () => {
  it('shows «Annulla» beside its progress; cancelling stops the download, says so, and «Riprova» loads again', async () => {
    const { src, id } = trickling();
    const el = await fixture<PiccoliProgress>(html`<piccoli-progress src=${src}></piccoli-progress>`);
    await waitUntil(() => el.shadowRoot!.querySelector('button[part="cancel"]'), 'no cancel button', { timeout: 20000 });
    const cancel = el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="cancel"]')!;
    expect(cancel.textContent).to.equal('Annulla');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.match(/(Caricamento dei dati|Avvio del motore dei dati): \d/);
    cancel.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="message"]'), 'no message after cancelling');
    const message = el.shadowRoot!.querySelector('[part="message"]')!;
    expect(message.textContent).to.contain('Caricamento annullato.');
    await waitUntil(async () => (await server(id)).closed, 'the browser never hung up');
    expect((await server(id)).finished).to.equal(false);
    await expect(el).to.be.accessible();
    // Riprova asks again (the server now trickles a new response to the same URL).
    message.querySelector<HTMLButtonElement>('button')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[aria-busy="true"]'), 'loading again').to.be.instanceOf(Element);
    el.remove();
  });

  it('a funnel removed while loading stops its download; put back, it loads again', async () => {
    const { src, id } = trickling();
    const wrap = await fixture<HTMLDivElement>(html`<div><piccoli-progress src=${src}></piccoli-progress></div>`);
    const el = wrap.querySelector('piccoli-progress')!;
    await waitUntil(async () => (await server(id)).started, 'the download never started', { timeout: 20000 });
    el.remove();
    await waitUntil(async () => (await server(id)).closed, 'the browser never hung up after the element left');
    wrap.append(el);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[aria-busy="true"]'), 'loading again once back').to.be.instanceOf(Element);
    el.remove();
  });
});

describe('<piccoli-map> stopping a long download', () => {
  it('cancelling stops the download and says so; a map removed while loading stops its download', async () => {
    await import('../../../src/components/piccoli-map/piccoli-map.js');
    const { src, id } = trickling();
    const el = await fixture<HTMLElement>(html`<piccoli-map src=${src}></piccoli-map>`);
    await waitUntil(() => el.shadowRoot!.querySelector('button[part="cancel"]'), 'no cancel button', { timeout: 20000 });
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="cancel"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="message"]'), 'no message after cancelling');
    expect(el.shadowRoot!.querySelector('[part="message"]')!.textContent).to.contain('Caricamento annullato.');
    await waitUntil(async () => (await server(id)).closed, 'the browser never hung up');
    const other = trickling();
    const wrap = await fixture<HTMLDivElement>(html`<div><piccoli-map src=${other.src}></piccoli-map></div>`);
    await waitUntil(async () => (await server(other.id)).started, 'the download never started', { timeout: 20000 });
    wrap.firstElementChild!.remove();
    await waitUntil(async () => (await server(other.id)).closed, 'the browser never hung up after the map left');
  });
});
