import { expect, waitUntil } from '@open-wc/testing';
import '../../src/autoload.js';

describe('autoloader.js (the one-tag embed)', () => {
  it('defines an element only once its tag is on the page, and loads nothing else', async () => {
    expect(customElements.get('piccoli-progress')).to.equal(undefined);
    expect(customElements.get('piccoli-map')).to.equal(undefined);
    const el = document.createElement('piccoli-progress');
    el.setAttribute('as-of', '2021-10-31');
    document.body.append(el);
    try {
      await waitUntil(() => customElements.get('piccoli-progress'), 'piccoli-progress never defined', { timeout: 20000 });
      await waitUntil(() => el.shadowRoot?.querySelector('figure:not([aria-busy]) tbody td.count'), 'no numbers', { timeout: 20000 });
      expect(customElements.get('piccoli-map')).to.equal(undefined);
      expect(customElements.get('piccoli-sql')).to.equal(undefined);
      const scripts = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
      expect(scripts.some((p) => /piccoli-map\.ts$/.test(p))).to.equal(false);
      expect(scripts.some((p) => /codemirror/.test(p))).to.equal(false);
      // The page API (piccoli.js: configure and its checks) is not part of an embed's load.
      expect(
        scripts.some((p) => /\/data\/configure\.ts$/.test(p)),
        'configure.ts fetched',
      ).to.equal(false);
    } finally {
      el.remove();
    }
  });
});
