import { expect } from '@open-wc/testing';
import { tableFromArrays, type Table } from 'apache-arrow';
import type { ProgrammeMeta } from '../../../src/data/bundled.js';
import { PiccoliDataError } from '../../../src/data/errors.js';
import type { Backend, BackendAnswer } from '../../../src/query/backends/backend.js';
import { Coordinator, requestKey } from '../../../src/query/coordinator.js';
import type { BackendName, FunnelAnswer, FunnelRequest, QueryProgress, QueryRequest, RequestOptions } from '../../../src/query/types.js';

// The page's one place that answers requests (src/query/coordinator.ts), with fake
// backends whose every call the test sees and controls.

const REQ: FunnelRequest = {
  kind: 'funnel',
  src: null,
  programme: 'piccoli',
  asOf: '2021-10-31',
  region: null,
  province: 'PC',
  comune: null,
};

function answer(backend: BackendName = 'cube', programme = 'piccoli'): Extract<BackendAnswer, { kind: 'funnel' }> {
  return {
    kind: 'funnel',
    backend,
    source: 'https://example.org/data/programmes.parquet',
    programme: { id: programme, stages: [{ stage: 'eligible', order: 0 }], firstDate: '2021-05-03', lastDate: '2023-07-12' },
    asOf: '2021-10-31',
    scope: { level: 'province', code: '033', name: 'Piacenza' },
    stages: [{ stage: 'eligible', order: 0, n: 32, simulated: 0 }],
  };
}

/** What the coordinator gives for `answer()`: who the data comes from, and what each count rests on. */
function answered(backend: BackendName = 'cube'): FunnelAnswer {
  const a = answer(backend);
  return {
    ...a,
    origin: { data: 'bundled', publisher: null },
    stages: a.stages.map((s) => ({ ...s, basis: { kind: 'published-rows' as const } })),
  };
}

/** A promise the test settles when it wants. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** A backend that records each call and answers with `impl`. */
class FakeBackend implements Backend {
  readonly calls: { req: QueryRequest; opts: RequestOptions }[] = [];
  sql?: (text: string, opts: RequestOptions) => Promise<Table>;
  constructor(
    readonly name: BackendName,
    private readonly impl: (req: QueryRequest, opts: RequestOptions) => Promise<BackendAnswer | null>,
  ) {}
  answer(req: QueryRequest, opts: RequestOptions): Promise<BackendAnswer | null> {
    this.calls.push({ req, opts });
    return this.impl(req, opts);
  }
}

const noMeta = () => Promise.resolve([] as ProgrammeMeta[]);

/** The rejection of a promise (the test fails when it resolves). */
async function rejection(p: Promise<unknown>): Promise<PiccoliDataError> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(PiccoliDataError);
    return e as PiccoliDataError;
  }
  throw new Error('expected a rejection, got an answer');
}

describe('Coordinator', () => {
  it('runs the same request from two callers once, and gives both the answer', async () => {
    const gate = deferred<BackendAnswer>();
    const cube = new FakeBackend('cube', () => gate.promise);
    const c = new Coordinator([cube], noMeta);
    const a = c.request(REQ);
    const b = c.request({ ...REQ });
    gate.resolve(answer());
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra).to.deep.equal(answered());
    expect(rb).to.equal(ra);
    expect(cube.calls.length).to.equal(1);
  });

  it('keeps an answer: the same request later is answered without asking the backend', async () => {
    const cube = new FakeBackend('cube', () => Promise.resolve(answer()));
    const c = new Coordinator([cube], noMeta);
    const first = await c.request(REQ);
    const again = await c.request({ ...REQ });
    expect(again).to.equal(first);
    expect(cube.calls.length).to.equal(1);
    // Another request is asked for.
    await c.request({ ...REQ, province: 'SI' });
    expect(cube.calls.map((x) => (x.req as FunnelRequest).province)).to.deep.equal(['PC', 'SI']);
    // clear() forgets every answer.
    c.clear();
    await c.request(REQ);
    expect(cube.calls.length).to.equal(3);
  });

  it('does not keep an error: asking again after a failure asks the backend again', async () => {
    const failure = new PiccoliDataError('network', 'https://example.org/data.parquet cannot be reached');
    let n = 0;
    const cube = new FakeBackend('cube', () => (n++ === 0 ? Promise.reject(failure) : Promise.resolve(answer())));
    const c = new Coordinator([cube], noMeta);
    expect(await rejection(c.request(REQ))).to.equal(failure);
    expect(await c.request(REQ)).to.deep.equal(answered());
    expect(cube.calls.length).to.equal(2);
  });

  it('reports a backend that throws something else as a query error about the request source', async () => {
    const cube = new FakeBackend('cube', () => Promise.reject(new Error('boom')));
    const e = await rejection(new Coordinator([cube], noMeta).request({ ...REQ, src: 'https://example.org/x.parquet' }));
    expect([e.code, e.message, e.source]).to.deep.equal(['query', 'boom', 'https://example.org/x.parquet']);
  });

  it('asks the next backend when one answers null, and says which answered', async () => {
    const cube = new FakeBackend('cube', () => Promise.resolve(null));
    const duckdb = new FakeBackend('duckdb', () => Promise.resolve(answer('duckdb')));
    const r = await new Coordinator([cube, duckdb], noMeta).request(REQ);
    expect(r.backend).to.equal('duckdb');
    expect([cube.calls.length, duckdb.calls.length]).to.deep.equal([1, 1]);
    expect(duckdb.calls[0]!.req).to.deep.equal(REQ);
  });

  it('rejects with an engine error when no backend can answer', async () => {
    const none = new FakeBackend('cube', () => Promise.resolve(null));
    const e = await rejection(new Coordinator([none], noMeta).request({ ...REQ, src: 'https://example.org/x.parquet' }));
    expect([e.code, e.message, e.source]).to.deep.equal([
      'engine',
      'No backend could answer a funnel request.',
      'https://example.org/x.parquet',
    ]);
  });

  it('aborting one of two waiters rejects that one only; the shared work goes on for the other', async () => {
    const gate = deferred<BackendAnswer>();
    const cube = new FakeBackend('cube', () => gate.promise);
    const c = new Coordinator([cube], noMeta);
    const leaving = new AbortController();
    const a = c.request(REQ, { signal: leaving.signal });
    const b = c.request(REQ);
    leaving.abort();
    expect((await rejection(a)).code).to.equal('aborted');
    expect(cube.calls[0]!.opts.signal!.aborted).to.equal(false);
    gate.resolve(answer());
    expect(await b).to.deep.equal(answered());
  });

  it('aborting every waiter aborts the shared work, and the next request starts anew', async () => {
    const gate = deferred<BackendAnswer>();
    const cube = new FakeBackend('cube', () => gate.promise);
    const c = new Coordinator([cube], noMeta);
    const one = new AbortController();
    const two = new AbortController();
    const a = c.request(REQ, { signal: one.signal });
    const b = c.request(REQ, { signal: two.signal });
    one.abort();
    expect(cube.calls[0]!.opts.signal!.aborted).to.equal(false);
    two.abort();
    expect(cube.calls[0]!.opts.signal!.aborted).to.equal(true);
    expect([(await rejection(a)).code, (await rejection(b)).code]).to.deep.equal(['aborted', 'aborted']);
    // The backend finishes anyway; its answer is not kept, and the next request asks again.
    gate.resolve(answer());
    await new Promise((r) => setTimeout(r, 0));
    expect(await c.request(REQ)).to.deep.equal(answered());
    expect(cube.calls.length).to.equal(2);
    expect(cube.calls[1]!.opts.signal!.aborted).to.equal(false);
  });

  it('rejects at once, without asking a backend, when the signal is already aborted', async () => {
    const cube = new FakeBackend('cube', () => Promise.resolve(answer()));
    const gone = new AbortController();
    gone.abort();
    expect((await rejection(new Coordinator([cube], noMeta).request(REQ, { signal: gone.signal }))).code).to.equal('aborted');
    expect(cube.calls.length).to.equal(0);
  });

  it('passes the backend progress to every waiter', async () => {
    const go = deferred<void>();
    const progress: QueryProgress = { phase: 'source', source: 'https://example.org/x.parquet', loaded: 10, total: 100 };
    const cube = new FakeBackend('cube', async (_req, opts) => {
      await go.promise;
      opts.onProgress!(progress);
      return answer();
    });
    const c = new Coordinator([cube], noMeta);
    const seenA: QueryProgress[] = [];
    const seenB: QueryProgress[] = [];
    const a = c.request(REQ, { onProgress: (p) => seenA.push(p) });
    const b = c.request(REQ, { onProgress: (p) => seenB.push(p) });
    go.resolve();
    await Promise.all([a, b]);
    expect(seenA).to.deep.equal([progress]);
    expect(seenB).to.deep.equal([progress]);
  });

  it("attaches the programme's published description from the meta loader", async () => {
    const piccoliMeta = {
      programme: 'piccoli',
      name_it: 'PICCOLI',
      name_en: 'PICCOLI',
      entity_kind: 'comune',
      stages: [],
    } as ProgrammeMeta;
    const cube = new FakeBackend('cube', (req) => Promise.resolve(answer('cube', req.programme!)));
    const c = new Coordinator([cube], () => Promise.resolve([piccoliMeta]));
    const r = await c.request(REQ);
    expect(r.programme).to.deep.equal({ ...answer().programme, meta: piccoliMeta });
    const other = await c.request({ ...REQ, programme: 'unlisted' });
    expect(other.programme).to.deep.equal(answer('cube', 'unlisted').programme);
    expect('meta' in other.programme).to.equal(false);
  });

  it('sql() runs on the first backend that has sql, and says which', async () => {
    const table = tableFromArrays({ x: Int32Array.from([42]) });
    const cube = new FakeBackend('cube', () => Promise.resolve(null));
    const duckdb = new FakeBackend('duckdb', () => Promise.resolve(null));
    const texts: string[] = [];
    duckdb.sql = (text) => {
      texts.push(text);
      return Promise.resolve(table);
    };
    const remote = new FakeBackend('remote', () => Promise.resolve(null));
    remote.sql = () => Promise.reject(new Error('the remote engine was asked'));
    const r = await new Coordinator([cube, duckdb, remote], noMeta).sql('SELECT 42 AS x');
    expect(r).to.deep.equal({ table, backend: 'duckdb' });
    expect(texts).to.deep.equal(['SELECT 42 AS x']);
  });

  it('sql() rejects with an engine error when no backend runs SQL', async () => {
    const e = await rejection(new Coordinator([new FakeBackend('cube', () => Promise.resolve(null))], noMeta).sql('SELECT 1'));
    expect([e.code, e.message]).to.deep.equal(['engine', 'No backend of this page runs SQL.']);
  });
});

describe('requestKey', () => {
  it('is the fields in name order, so the same request written in another order has the same key', () => {
    const reordered = {
      comune: null,
      province: 'PC',
      region: null,
      asOf: '2021-10-31',
      programme: 'piccoli',
      src: null,
      kind: 'funnel',
    } as const;
    expect(requestKey(reordered)).to.equal(requestKey(REQ));
    expect(requestKey(REQ)).to.equal(
      '[["asOf","2021-10-31"],["comune",null],["kind","funnel"],["programme","piccoli"],["province","PC"],["region",null],["src",null]]',
    );
    expect(requestKey({ ...REQ, province: 'SI' })).to.not.equal(requestKey(REQ));
    // A field left undefined is the same request as one set to null.
    expect(requestKey({ ...REQ, comune: undefined as unknown as null })).to.equal(requestKey(REQ));
  });
});
