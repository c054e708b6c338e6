import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/piccoli-progress/piccoli-progress.js';
import '../../src/components/piccoli-map/piccoli-map.js';
import { configure, getEngine } from '../../src/data/index.js';
import { alertText, counts, rejection } from './helpers.js';

/**
 * The engine fails loudly: a wasm or worker file that does not arrive whole, a worker
 * that dies or goes silent, each becomes a message in every element waiting for the
 * engine, within seconds, and "Riprova" starts a fresh engine that brings the numbers
 * back. The faults come from the test server (web-test-runner.config.mjs, flakyEngine):
 * `configure({ assetBase: '/__flaky__/<fault>-<id>/' })` makes the first request for the
 * file the fault names fail, and every later one succeed.
 */

// A file without a cube beside it: the engine answers. A new query string per test, so
// that no answer is shared between tests.
const FILE = '/test/fixtures/generated/events-nocube.parquet';
const pageErrors: string[] = [];
window.addEventListener('error', (e) => pageErrors.push(`error: ${e.message}`));
window.addEventListener('unhandledrejection', (e) => pageErrors.push(`unhandled rejection: ${String(e.reason)}`));

// Every worker the page starts, to kill one as a crash or the browser would.
const workers: Worker[] = [];
const PageWorker = window.Worker;
window.Worker = class extends PageWorker {
  constructor(...args: ConstructorParameters<typeof Worker>) {
    super(...args);
    workers.push(this);
  }
};

let runs = 0;
/** A fresh engine whose next start meets `fault` once (or none). */
async function freshEngine(fault?: string): Promise<void> {
  await getEngine().restart();
  configure({ assetBase: fault ? `/__flaky__/${fault}-${Date.now()}-${++runs}/` : undefined });
}

/** Until the element shows a result or an error (not its skeleton). */
async function settled(el: HTMLElement, what: string) {
  await waitUntil(() => el.shadowRoot?.querySelector('figure:not([aria-busy]), [role="alert"]'), `${el.localName}: ${what}`, {
    timeout: 10_000,
  });
}

/** Press "Riprova" and wait for the numbers: PICCOLI nationally at 31 October 2021. */
async function retryBringsNumbersBack(el: HTMLElement) {
  const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('button.retry');
  expect(retry, 'a Riprova button').not.to.equal(null);
  expect(retry!.textContent!.trim()).to.equal('Riprova');
  retry!.click();
  await waitUntil(() => el.shadowRoot!.querySelector('figure:not([aria-busy]) tbody td.count'), 'no numbers after Riprova', {
    timeout: 30_000,
  });
  expect(counts(el)).to.deep.equal(['5.490', '612', '568', '485', '0']);
}

describe('the engine fails loudly, and "Riprova" starts a fresh one', () => {
  afterEach(() => expect(pageErrors.splice(0), 'nothing uncaught on the page').to.deep.equal([]));
  after(() => configure({ assetBase: undefined, stallTimeoutMs: 30_000, engineTimeoutMs: 60_000 }));

  // First: the Parquet reader's wasm is fetched once per page.
  it("the Parquet reader's wasm answered 500 once: the element names it, and Riprova brings the numbers back", async () => {
    await getEngine().restart();
    // The test server's other route that fails once (web-test-runner.config.mjs, failOnce).
    configure({ assetBase: `/__fail_once__/parquet_wasm_bg.wasm.gz/${Date.now()}/` });
    const el = await fixture<HTMLElement>(html`<piccoli-progress as-of="2021-10-31" src=${`${FILE}?parquet-500`}></piccoli-progress>`);
    await settled(el, 'no message');
    expect(alertText(el)).to.contain(
      'Il motore dei dati non si è avviato: il server ha risposto 500 per il file parquet_wasm_bg.wasm.gz. Riprovare.',
    );
    await retryBringsNumbersBack(el);
  });

  it('the wasm answered 503 once: every waiting element says so, and Riprova brings the numbers back', async () => {
    await freshEngine('wasm-503');
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <piccoli-progress as-of="2021-10-31" src=${`${FILE}?wasm-503`}></piccoli-progress>
      <piccoli-map src=${`${FILE}?wasm-503`}></piccoli-map>
    </div>`);
    const [funnel, map] = [...wrap.children] as HTMLElement[];
    await Promise.all([settled(funnel!, 'no message'), settled(map!, 'no message')]);
    const said = 'Il motore dei dati non si è avviato: il server ha risposto 503 per il file duckdb-eh.wasm.gz. Riprovare.';
    expect(alertText(funnel!)).to.contain(said);
    expect(alertText(map!)).to.contain(said);
    await retryBringsNumbersBack(funnel!);
  });

  it('the wasm arrived cut short (complete by its own length): "incompleto o danneggiato"', async () => {
    await freshEngine('wasm-cut');
    const el = await fixture<HTMLElement>(html`<piccoli-progress as-of="2021-10-31" src=${`${FILE}?wasm-cut`}></piccoli-progress>`);
    await settled(el, 'no message');
    expect(alertText(el)).to.contain('il file duckdb-eh.wasm.gz è arrivato incompleto o danneggiato. Riprovare.');
    await retryBringsNumbersBack(el);
  });

  it('the connection dropped halfway through the wasm: "incompleto o danneggiato"', async () => {
    await freshEngine('wasm-drop');
    const el = await fixture<HTMLElement>(html`<piccoli-progress as-of="2021-10-31" src=${`${FILE}?wasm-drop`}></piccoli-progress>`);
    await settled(el, 'no message');
    expect(alertText(el)).to.contain('il file duckdb-eh.wasm.gz è arrivato incompleto o danneggiato. Riprovare.');
    await retryBringsNumbersBack(el);
  });

  it("the worker's script answered 503 once: the element names it", async () => {
    await freshEngine('worker-503');
    const el = await fixture<HTMLElement>(html`<piccoli-progress as-of="2021-10-31" src=${`${FILE}?worker-503`}></piccoli-progress>`);
    await settled(el, 'no message');
    expect(alertText(el)).to.contain(
      'Il motore dei dati non si è avviato: il file duckdb-browser-eh.worker.js non è raggiungibile. Riprovare.',
    );
    await retryBringsNumbersBack(el);
  });

  it("the worker's gzipped script answered 503: the worker imports the plain file, and the numbers come", async () => {
    await freshEngine('workergz-503');
    const el = await fixture<HTMLElement>(html`<piccoli-progress as-of="2021-10-31" src=${`${FILE}?workergz-503`}></piccoli-progress>`);
    await waitUntil(() => el.shadowRoot!.querySelector('figure:not([aria-busy]) tbody td.count, [role="alert"]'), 'no numbers', {
      timeout: 30_000,
    });
    expect(alertText(el)).to.equal('');
    expect(counts(el)).to.deep.equal(['5.490', '612', '568', '485', '0']);
  });

  it('the server stops sending the wasm: the stall timeout ends the start', async () => {
    await freshEngine('wasm-stall');
    configure({ stallTimeoutMs: 1500 });
    try {
      const el = await fixture<HTMLElement>(html`<piccoli-progress as-of="2021-10-31" src=${`${FILE}?wasm-stall`}></piccoli-progress>`);
      await settled(el, 'no message');
      expect(alertText(el)).to.contain('il server ha smesso di inviare il file duckdb-eh.wasm.gz. Riprovare.');
      configure({ stallTimeoutMs: 30_000 });
      await retryBringsNumbersBack(el);
    } finally {
      configure({ stallTimeoutMs: 30_000 });
    }
  });

  it('a worker killed mid-query: the query fails at once, the next one runs on a fresh engine', async () => {
    await freshEngine();
    const engine = getEngine();
    await engine.load({ name: 'kept', url: '/test/fixtures/generated/rows.arrow' });
    const started = engine.instancesStarted;
    const long = engine.query('SELECT count(*) FROM range(3000000000) a(x) WHERE (x * 7919) % 104729 = 17');
    await new Promise((r) => setTimeout(r, 300));
    workers.at(-1)!.terminate(); // as the browser does to a worker out of memory: no event at all
    const err = await rejection(long);
    expect(err.kind).to.equal('engine');
    const t = await engine.query('SELECT count(*)::INTEGER AS n FROM kept');
    expect(t.getChild('n')!.get(0)).to.equal(5000);
    expect(engine.instancesStarted).to.equal(started + 1);
  });

  it('a worker killed while an element waits: the element says so, Riprova brings the numbers back', async () => {
    await freshEngine();
    await getEngine().query('SELECT 1'); // the engine runs
    const el = document.createElement('piccoli-progress');
    el.setAttribute('src', `${FILE}?killed`);
    el.setAttribute('as-of', '2021-10-31');
    const progress = oneEvent(el, 'piccoli-load-progress');
    document.body.append(el);
    try {
      await progress; // its file is on the way
      workers.at(-1)!.terminate();
      await settled(el, 'no message');
      expect(alertText(el)).to.contain('Il motore dei dati si è interrotto. Riprovare.');
      await retryBringsNumbersBack(el);
    } finally {
      el.remove();
    }
  });

  describe('without Web Locks (an insecure context)', () => {
    const locks = Object.getOwnPropertyDescriptor(Navigator.prototype, 'locks')!;
    before(() => Object.defineProperty(Navigator.prototype, 'locks', { configurable: true, get: () => undefined }));
    after(() => Object.defineProperty(Navigator.prototype, 'locks', locks));

    it('the health check finds a silent worker: a query waiting on it fails with a message', async () => {
      await freshEngine();
      configure({ engineTimeoutMs: 1500 });
      const engine = getEngine();
      await engine.query('SELECT 1');
      const long = engine.query('SELECT count(*) FROM range(3000000000) a(x) WHERE (x * 7919) % 104729 = 17');
      await new Promise((r) => setTimeout(r, 300));
      workers.at(-1)!.terminate();
      const err = await rejection(long);
      expect(err.kind).to.equal('engine-unresponsive');
      expect(err.params.seconds).to.equal(2); // 1.5 s, rounded
      const t = await engine.query('SELECT 6 * 7 AS x');
      expect(t.getChild('x')!.get(0)).to.equal(42);
    });

    it('the health check leaves a busy worker alone: a long query answers its pings between steps', async () => {
      await freshEngine();
      configure({ engineTimeoutMs: 1000 });
      const engine = getEngine();
      await engine.query('SELECT 1');
      const started = engine.instancesStarted;
      const ctrl = new AbortController();
      const long = engine.query('SELECT count(*) FROM range(3000000000) a(x) WHERE (x * 7919) % 104729 = 17', [], { signal: ctrl.signal });
      await new Promise((r) => setTimeout(r, 3500)); // three times the limit
      ctrl.abort();
      expect((await rejection(long)).code).to.equal('aborted');
      expect(engine.instancesStarted).to.equal(started);
      const t = await engine.query('SELECT 6 * 7 AS x');
      expect(t.getChild('x')!.get(0)).to.equal(42);
    });
  });
});
