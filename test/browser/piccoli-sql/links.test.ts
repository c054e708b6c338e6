import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/components/piccoli-sql/piccoli-sql.js';
import type { PiccoliSql } from '../../../src/components/piccoli-sql/piccoli-sql.js';
import type { PiccoliQueryRunEvent } from '../../../src/components/piccoli-sql/events.js';
import { readQueryFromUrl, urlKey, writeQueryToUrl } from '../../../src/components/piccoli-sql/url-state.js';
import { getEngine } from '../../../src/data/engine.js';
import { pageCoordinator } from '../../../src/query/context.js';

/** Every SQL text the page's consoles send to the coordinator while `body` runs. */
async function recordingSql<T>(body: (sent: string[]) => Promise<T>): Promise<T> {
  const coordinator = pageCoordinator();
  const sql = coordinator.sql;
  const sent: string[] = [];
  coordinator.sql = function (text, opts) {
    sent.push(text);
    return sql.call(this, text, opts);
  };
  try {
    return await body(sent);
  } finally {
    coordinator.sql = sql;
  }
}

function status(el: PiccoliSql): string {
  return el.shadowRoot!.querySelector('[role="status"]')!.textContent!;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('<piccoli-sql> a shared link never runs SQL by itself', () => {
  let before: string;
  let key: string;
  beforeEach(() => {
    before = location.href;
    key = `piccoli-sql-test-${Math.random()}`;
  });
  afterEach(() => {
    history.replaceState(null, '', before);
    localStorage.removeItem(key);
  });

  it('puts the link query in the editor with a note, and runs nothing, even with autorun', async () => {
    const fromLink = "SELECT 'dal link' AS origine";
    history.replaceState(null, '', writeQueryToUrl(location.href, fromLink));
    await recordingSql(async (sent) => {
      const runs: Event[] = [];
      const el = await fixture<PiccoliSql>(
        html`<piccoli-sql autorun no-bundled-data history-key=${key} query="SELECT 1 AS dal_markup" @piccoli-query-run=${(e: Event) => runs.push(e)}></piccoli-sql>`,
      );
      // Runs wait for the schema: once it has been read, an autorun would go out at once.
      await waitUntil(() => sent.length > 0, 'the schema was never read');
      await getEngine().query('SELECT 1');
      await sleep(500);
      expect(sent).to.not.include(fromLink);
      expect(runs).to.have.length(0);
      expect(el.value).to.equal(fromLink);
      expect(status(el)).to.equal('Query dal link caricata: premi Esegui (Ctrl+Invio) per eseguirla.');
      expect(el.shadowRoot!.querySelector('[role="status"]')!.getAttribute('aria-live')).to.equal('polite');
      expect(localStorage.getItem(key)).to.equal(null);
      expect(el.shadowRoot!.querySelector('tbody')).to.equal(null);

      // The reader runs it: then it runs, and is remembered.
      const ran = oneEvent(el, 'piccoli-query-run') as Promise<PiccoliQueryRunEvent>;
      el.shadowRoot!.querySelector<HTMLButtonElement>('button.run')!.click();
      expect((await ran).detail.sql).to.equal(fromLink);
      expect(sent).to.include(fromLink);
      expect(JSON.parse(localStorage.getItem(key)!)[0].sql).to.equal(fromLink);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('tbody td:not(.rownum)')!.textContent).to.equal('dal link');
      expect(status(el)).to.not.contain('link');
    });
  });

  it('runs the markup query with autorun when the URL has none, without recording it', async () => {
    const el = await fixture<PiccoliSql>(
      html`<piccoli-sql autorun no-bundled-data history-key=${key} query="SELECT 1 AS dal_markup"></piccoli-sql>`,
    );
    const ev = (await oneEvent(el, 'piccoli-query-run')) as PiccoliQueryRunEvent;
    expect(ev.detail.sql).to.equal('SELECT 1 AS dal_markup');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('tbody td:not(.rownum)')!.textContent).to.equal('1');
    // Not the reader's run: no history entry, and the URL left alone.
    expect(localStorage.getItem(key)).to.equal(null);
    expect(readQueryFromUrl(location.href)).to.equal(null);
  });

  it('loads a query from a later hash change or from the history without running it', async () => {
    localStorage.setItem(key, JSON.stringify([{ sql: 'SELECT 3 AS dalla_cronologia', at: '2021-10-31T12:00:00Z', ok: true }]));
    const el = await fixture<PiccoliSql>(html`<piccoli-sql no-bundled-data history-key=${key} query="SELECT 1"></piccoli-sql>`);
    const runs: Event[] = [];
    el.addEventListener('piccoli-query-run', (e) => runs.push(e));

    location.hash = writeQueryToUrl(location.href, 'SELECT 2 AS dal_link').split('#')[1]!;
    await waitUntil(() => el.value === 'SELECT 2 AS dal_link', 'the hash change was not read');
    await el.updateComplete;
    expect(status(el)).to.contain('Query dal link caricata');

    el.shadowRoot!.querySelector<HTMLButtonElement>('.history button')!.click();
    await el.updateComplete;
    expect(el.value).to.equal('SELECT 3 AS dalla_cronologia');
    expect(status(el)).to.equal('Query dalla cronologia caricata: premi Esegui (Ctrl+Invio) per eseguirla.');
    await sleep(300);
    expect(runs).to.have.length(0);
  });
});

describe('<piccoli-sql> one URL key per console', () => {
  let before: string;
  beforeEach(() => (before = location.href));
  afterEach(() => history.replaceState(null, '', before));

  it('names the key after the id: sql-<id>, sql without one, url-param first', () => {
    expect(urlKey('', 'spesa')).to.equal('sql-spesa');
    expect(urlKey('', '')).to.equal('sql');
    expect(urlKey('q', 'spesa')).to.equal('q');
  });

  it('two consoles keep their own queries in the URL, and each gets its own back after a reload', async () => {
    const page = () => html`<div>
      <piccoli-sql id="prima" no-bundled-data history-key=""></piccoli-sql>
      <piccoli-sql id="seconda" no-bundled-data history-key=""></piccoli-sql>
    </div>`;
    const wrap = await fixture<HTMLElement>(page());
    const [a, b] = [...wrap.querySelectorAll('piccoli-sql')];
    await a!.updateComplete;
    await b!.updateComplete;
    a!.value = 'SELECT 1 AS prima';
    b!.value = 'SELECT 2 AS seconda';
    await waitUntil(() => readQueryFromUrl(location.href, 'sql-seconda') !== null, 'the second query never reached the URL');
    await waitUntil(() => readQueryFromUrl(location.href, 'sql-prima') !== null, 'the first query never reached the URL');
    expect(readQueryFromUrl(location.href, 'sql-prima')).to.equal('SELECT 1 AS prima');
    expect(readQueryFromUrl(location.href, 'sql-seconda')).to.equal('SELECT 2 AS seconda');
    expect(readQueryFromUrl(location.href, 'sql')).to.equal(null);
    wrap.remove();

    // "Reload": the same markup again reads the same URL.
    const again = await fixture<HTMLElement>(page());
    const [a2, b2] = [...again.querySelectorAll('piccoli-sql')];
    await a2!.updateComplete;
    await b2!.updateComplete;
    expect(a2!.value).to.equal('SELECT 1 AS prima');
    expect(b2!.value).to.equal('SELECT 2 AS seconda');
  });

  it('a lone console without id keeps #sql=', async () => {
    const el = await fixture<PiccoliSql>(html`<piccoli-sql no-bundled-data history-key=""></piccoli-sql>`);
    el.value = 'SELECT 42';
    await waitUntil(() => readQueryFromUrl(location.href, 'sql') === 'SELECT 42', 'not written under sql');
  });
});
