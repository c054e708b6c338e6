import { expect } from '@open-wc/testing';
import { configure, getEngine } from '../../src/data/index.js';

// Runs after `npm run build`: the engine's files are taken from the built dist/.
describe('assetBase', () => {
  it('loads the engine worker and wasm from the configured base URL', async () => {
    // The worker starts from a small same-origin blob that imports DuckDB-WASM's worker
    // script, and fetches the wasm itself: both out of this page's resource timing, so
    // what the worker was told to load is read from the blob and the instantiate message.
    const scripts: Promise<string>[] = [];
    const wasm: string[] = [];
    const { createObjectURL } = URL;
    const { postMessage } = Worker.prototype;
    const names: string[] = [];
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        names.push(options?.name ?? '');
      }
    };
    URL.createObjectURL = (o: Blob | MediaSource) => {
      if (o instanceof Blob) scripts.push(o.text());
      return createObjectURL(o);
    };
    Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: [StructuredSerializeOptions?]) {
      const m = message as { type?: string; data?: unknown[] };
      if (m?.type === 'INSTANTIATE') wasm.push(String(m.data?.[0]));
      return postMessage.call(this, message, ...rest);
    } as Worker['postMessage'];
    try {
      configure({ assetBase: '/dist/' });
      const t = await getEngine().query('SELECT 1 + 1 AS two');
      expect(t.getChild('two')!.get(0)).to.equal(2);
    } finally {
      URL.createObjectURL = createObjectURL;
      Worker.prototype.postMessage = postMessage;
      window.Worker = Original;
    }
    const imported = (await Promise.all(scripts)).flatMap((s) => [...s.matchAll(/importScripts\("([^"]+)"\)/g)].map((m) => m[1]!));
    // The blob imports engine-worker.js, which imports DuckDB-WASM's worker named in its name.
    expect(imported.map((u) => new URL(u).pathname)).to.deep.equal(['/dist/duckdb/engine-worker.js']);
    expect(names.map((n) => new URL(JSON.parse(n).worker).pathname)).to.deep.equal(['/dist/duckdb/duckdb-browser-eh.worker.js']);
    expect(wasm.map((u) => new URL(u).pathname)).to.deep.equal(['/dist/duckdb/duckdb-eh.wasm.gz']);
    // The page inflated the gzipped worker script and put it in the worker's blob.
    expect(names.map((n) => (JSON.parse(n) as { inline?: boolean }).inline)).to.deep.equal([true]);
    // Whatever the page itself fetched of DuckDB-WASM came from there too.
    const duck = performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => /duckdb-.*\.(wasm|js)(\.gz)?$/.test(p));
    expect(duck).to.include('/dist/duckdb/duckdb-browser-eh.worker.js.gz');
    for (const p of duck) expect(p).to.match(/^\/dist\/duckdb\//);
  });

  it('refuses a value that is not a URL at all, naming it', () => {
    expect(() => configure({ extensionRepository: "x' ; DROP" })).to.throw(/invalid extensionRepository/);
  });
});
