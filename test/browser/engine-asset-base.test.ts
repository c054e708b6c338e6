import { expect } from '@open-wc/testing';
import { configure, getEngine } from '../../src/data/index.js';

// Runs after `npm run build`: the engine's files are taken from the built dist/.
describe('assetBase', () => {
  it('loads the engine worker and wasm from the configured base URL', async () => {
    configure({ assetBase: '/dist/' });
    const t = await getEngine().query('SELECT 1 + 1 AS two');
    expect(t.getChild('two')!.get(0)).to.equal(2);
    const duck = performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => /duckdb-.*\.(wasm|js)$/.test(p));
    // The worker came from there (the wasm is fetched by the worker, out of this page's sight).
    expect(duck).to.include('/dist/duckdb/duckdb-browser-eh.worker.js');
    for (const p of duck) expect(p).to.match(/^\/dist\/duckdb\//);
  });

  it('refuses a value that is not a URL at all, naming it', () => {
    expect(() => configure({ extensionRepository: "x' ; DROP" })).to.throw(/invalid extensionRepository/);
  });
});
