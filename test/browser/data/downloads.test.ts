import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/components/piccoli-progress/piccoli-progress.js';
import { configure, getEngine } from '../../../src/data/index.js';
import { MAX_IDLE_SOURCES } from '../../../src/data/engine.js';
import { eventsTable } from '../../../src/data/programme-data.js';
import { pageCoordinator } from '../../../src/query/context.js';
import type { FunnelRequest } from '../../../src/query/types.js';
import { alertText, rejection, settled } from '../helpers.js';

/**
 * Downloads end: a server that trickles a byte now and then (and so resets the stall
 * timer forever) is given up once the download falls below its allowance (fetch.ts:
 * `downloadTimeoutMs`, then 1 s more per 20 kB received); a slow but steady one is not;
 * and a download nobody waits for any more stops (the server sees the browser hang up).
 * The trickling server is web-test-runner.config.mjs's `trickle`. And the tables of
 * files no element shows any more are dropped (engine.ts, MAX_IDLE_SOURCES).
 */

const FILE = '/test/fixtures/generated/events-nocube.parquet';
let ids = 0;
/** A trickling URL of FILE and the id to ask the server about it with. */
function trickling(ms: number, bytes = 1): { url: string; id: string } {
  const id = `loading-${Date.now()}-${++ids}`;
  return { url: `/__trickle__${FILE}?ms=${ms}&bytes=${bytes}&id=${id}`, id };
}

async function server(id: string): Promise<{ started: boolean; sent: number; closed: boolean; finished: boolean }> {
  return (await fetch(`/__trickle_state__?id=${id}`)).json();
}

function funnel(src: string): FunnelRequest {
  return { kind: 'funnel', src: new URL(src, location.href).href, programme: null, region: null, province: null, comune: null, asOf: null };
}

describe('downloads: an allowance that a trickle runs out of, and a cancel that stops them', () => {
  afterEach(() => configure({ downloadTimeoutMs: 60_000, stallTimeoutMs: 30_000 }));

  it('a server sending a byte every 20 ms is given up, and the element says it sends too slowly', async () => {
    configure({ downloadTimeoutMs: 1500 });
    const { url, id } = trickling(20);
    const el = await fixture<HTMLElement>(html`<piccoli-progress src=${url}></piccoli-progress>`);
    await waitUntil(() => el.shadowRoot?.querySelector('[role="alert"]'), 'no message', { timeout: 10_000 });
    const text = el.shadowRoot!.querySelector('[role="alert"]')!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.match(
      /Il server invia \/__trickle__\/test\/fixtures\/generated\/events-nocube\.parquet troppo lentamente \(\d+ byte in 2 secondi\)\. Riprovare più tardi\./,
    );
    expect(el.shadowRoot!.querySelector('button.retry')!.textContent!.trim()).to.equal('Riprova');
    await waitUntil(async () => (await server(id)).closed, 'the browser never hung up');
    expect((await server(id)).sent).to.be.below(200); // of 84 kB
  });

  it('a slow but steady download (40 kB/s) is not cut, though it lasts longer than the allowance', async () => {
    configure({ downloadTimeoutMs: 1000 });
    const { url, id } = trickling(50, 2000);
    const t0 = performance.now();
    const info = await getEngine().load({ name: 'steady', url });
    expect(performance.now() - t0).to.be.above(1000); // else this test proves nothing
    expect(info.rows).to.be.above(10_000);
    expect((await server(id)).finished).to.equal(true);
  });

  it("aborting the coordinator's request stops the download", async () => {
    const { url, id } = trickling(20, 100);
    const ctrl = new AbortController();
    const answer = pageCoordinator().request(funnel(url), { signal: ctrl.signal });
    await waitUntil(async () => (await server(id)).sent > 0, 'the download never began');
    ctrl.abort();
    expect((await rejection(answer)).code).to.equal('aborted');
    await waitUntil(async () => (await server(id)).closed, 'the browser never hung up');
    expect((await server(id)).finished).to.equal(false);
    const t = await getEngine().query('SELECT 6 * 7 AS x');
    expect(t.getChild('x')!.get(0)).to.equal(42);
  });

  it('two callers share one download: one leaving does not stop it for the other', async () => {
    const { url, id } = trickling(20, 4000);
    const engine = getEngine();
    const first = new AbortController();
    const a = engine.load({ name: 'shared_trickle', url }, { signal: first.signal });
    const b = engine.load({ name: 'shared_trickle', url }, { signal: new AbortController().signal });
    await waitUntil(async () => (await server(id)).sent > 0, 'the download never began');
    first.abort();
    expect((await rejection(a)).code).to.equal('aborted');
    const info = await b;
    expect(info.rows).to.be.above(10_000);
    expect((await server(id)).finished).to.equal(true);
  });

  it('when the last caller leaves, the download stops, and a new load starts afresh', async () => {
    const { url, id } = trickling(20, 100);
    const engine = getEngine();
    const [one, two] = [new AbortController(), new AbortController()];
    const a = engine.load({ name: 'left_trickle', url }, { signal: one.signal });
    const b = engine.load({ name: 'left_trickle', url }, { signal: two.signal });
    await waitUntil(async () => (await server(id)).sent > 0, 'the download never began');
    one.abort();
    two.abort();
    expect((await rejection(a)).code).to.equal('aborted');
    expect((await rejection(b)).code).to.equal('aborted');
    await waitUntil(async () => (await server(id)).closed, 'the browser never hung up');
    const again = trickling(5, 20_000);
    const info = await engine.load({ name: 'left_trickle', url: again.url });
    expect(info.rows).to.be.above(10_000);
  });
});

const FIX = '/test/fixtures/generated/';

describe('the tables of files no element shows any more are dropped', () => {
  const engine = getEngine();
  const eventTables = () => engine.tableNames().filter((n) => n.startsWith('events_'));
  const duckdbTables = async () =>
    (await engine.query('SHOW TABLES'))
      .toArray()
      .map((r) => String(r.toJSON().name))
      .filter((n) => n.startsWith('events_'));
  /** An element showing `src` (a small programme file), settled, as a page adds it. */
  async function show(src: string): Promise<HTMLElement> {
    const el = document.createElement('piccoli-progress');
    el.setAttribute('programme', 'prova');
    el.setAttribute('src', src);
    document.body.append(el);
    await settled(el);
    expect(alertText(el), src).to.equal('');
    return el;
  }
  const downloads = (src: string) =>
    performance.getEntriesByType('resource').filter((e) => e.name === new URL(src, location.href).href).length;

  it('sixty files shown one after another leave a bounded number of tables; one still shown keeps its table', async () => {
    const kept = `${FIX}events-hostile.parquet?kept`;
    const shown = await show(kept);
    try {
      for (let i = 0; i < 60; i++) (await show(`${FIX}events-hostile.parquet?n=${i}`)).remove();
      // The element still shown asks again (another date): from its table, not a new download.
      const before = downloads(kept);
      shown.setAttribute('as-of', '2021-06-01');
      await waitUntil(() => shown.shadowRoot!.querySelector('figcaption')?.textContent?.includes('1 giugno 2021'), 'no new date');
      expect(alertText(shown)).to.equal('');
      expect(downloads(kept)).to.equal(before);
      // Tables are dropped when the engine next works (here: that request), after it.
      await new Promise((r) => setTimeout(r, 50));
      const names = eventTables();
      expect(names).to.include(eventsTable(kept));
      expect(names.length).to.be.at.most(MAX_IDLE_SOURCES + 1); // the shown one, and the last few shown
      expect((await duckdbTables()).sort()).to.deep.equal([...names].sort());
    } finally {
      shown.remove();
    }
    // Once no element shows it, it goes like the others.
    for (let i = 60; i < 60 + MAX_IDLE_SOURCES + 1; i++) (await show(`${FIX}events-hostile.parquet?n=${i}`)).remove();
    await new Promise((r) => setTimeout(r, 50));
    expect(eventTables()).not.to.include(eventsTable(kept));
    expect(await duckdbTables()).not.to.include(eventsTable(kept));
  });

  it('tables a page names itself are never dropped', async () => {
    await engine.load({ name: 'mine', url: `${FIX}rows.parquet` });
    for (let i = 0; i < MAX_IDLE_SOURCES + 3; i++) (await show(`${FIX}events-hostile.parquet?mine=${i}`)).remove();
    await new Promise((r) => setTimeout(r, 50));
    expect(engine.tableNames()).to.include('mine');
    const t = await engine.query('SELECT count(*)::INTEGER AS n FROM mine');
    expect(t.getChild('n')!.get(0)).to.equal(5000);
  });
});
