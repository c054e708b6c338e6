import { expect } from '@open-wc/testing';
import { configure, getEngine, type EngineProgressEvent } from '../../src/data/index.js';
import { engineAssets } from '../../src/data/engine-boot.js';
import { parquetModule } from '../../src/data/parquet.js';

/**
 * The engine's wasm ships gzipped only (dist/duckdb/duckdb-eh.wasm.gz): the worker inflates
 * it as it arrives. The test server sends the .gz as it is, as a server that compresses
 * nothing does (python3 -m http.server, most CMS hosts); /__encoded__/ (web-test-runner
 * config) sends it with `Content-Encoding: gzip`, as Apache with `AddEncoding gzip .gz`.
 */
function engineProgress(): { loaded: number; total: number | undefined }[] {
  const seen: { loaded: number; total: number | undefined }[] = [];
  getEngine().addEventListener('progress', (e) => {
    const p = e as EngineProgressEvent;
    if (p.phase === 'engine') seen.push({ loaded: p.loaded, total: p.total });
  });
  return seen;
}

async function answer(): Promise<unknown> {
  const t = await getEngine().query('SELECT 6 * 7 AS x');
  return t.getChild('x')!.get(0);
}

describe("the engine's gzipped wasm", () => {
  after(() => configure({ assetBase: undefined }));

  it('from a server that compresses nothing: the .gz crosses the wire, is inflated, and the engine answers', async function () {
    this.timeout(120_000);
    await getEngine().restart();
    configure({ assetBase: undefined });
    const sent = new Uint8Array(await (await fetch(engineAssets().mainModule, { cache: 'no-store' })).arrayBuffer());
    expect([sent[0], sent[1]], 'the server sends gzip bytes, not the wasm').to.deep.equal([0x1f, 0x8b]);
    expect(sent.length, 'the wasm on the wire').to.be.below(10 * 2 ** 20);
    const seen = engineProgress();
    expect(await answer()).to.equal(42);
    // Progress counts the bytes on the wire, up to all of them; then the engine starts,
    // which no percentage measures (no total: the element says it is starting, not "100 %").
    const done = seen.findIndex((p) => p.total !== undefined && p.loaded === p.total);
    expect(done, 'a progress event with the whole file').to.be.greaterThan(-1);
    expect(seen[done]).to.deep.equal({ loaded: sent.length, total: sent.length });
    expect(seen.slice(0, done).every((p) => p.total === sent.length && p.loaded < sent.length)).to.equal(true);
    expect(seen.at(-1)).to.deep.equal({ loaded: sent.length, total: undefined });
  });

  it('from a server that encodes it itself (Content-Encoding: gzip): the inflated wasm is passed on as it is', async function () {
    this.timeout(120_000);
    await getEngine().restart();
    const before = ((await (await fetch('/__encoded_count__')).json()) as { bytes: number }).bytes;
    configure({ assetBase: '/__encoded__/' });
    const seen = engineProgress();
    expect(await answer()).to.equal(42);
    const after = ((await (await fetch('/__encoded_count__')).json()) as { bytes: number }).bytes;
    expect(after - before, 'the engine came from /__encoded__/').to.be.greaterThan(7 * 2 ** 20);
    // The browser counts the inflated bytes, longer than the announced (encoded) length:
    // no share above 100 % is ever reported.
    expect(seen.length).to.be.greaterThan(0);
    for (const p of seen) if (p.total !== undefined) expect(p.loaded).to.be.at.most(p.total);
  });

  it("the Parquet reader's gzipped wasm starts from a server that encodes it itself", async function () {
    this.timeout(60_000);
    configure({ assetBase: '/__encoded__/' });
    const pq = await parquetModule();
    expect(typeof pq.writeParquet).to.equal('function');
  });
});
