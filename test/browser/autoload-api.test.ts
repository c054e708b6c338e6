import { expect, waitUntil } from '@open-wc/testing';
import { configure, loadElement, PiccoliStageSelectEvent } from '../../src/index.js';

describe('piccoli.js (the page API)', () => {
  it('exports configure, loadElement and the event classes, and starts the autoloader too', async () => {
    expect(configure).to.be.a('function');
    expect(loadElement).to.be.a('function');
    expect(new PiccoliStageSelectEvent({} as never).type).to.equal('piccoli-stage-select');
    expect(() => configure({ memoryLimit: 'tanta' })).to.throw(/invalid memoryLimit/);
    const el = document.createElement('piccoli-progress');
    el.setAttribute('as-of', '2021-10-31');
    document.body.append(el);
    try {
      await waitUntil(() => el.shadowRoot?.querySelector('figure:not([aria-busy]) tbody td.count'), 'no numbers', { timeout: 20000 });
      expect(customElements.get('piccoli-map')).to.equal(undefined);
    } finally {
      el.remove();
    }
  });
});
