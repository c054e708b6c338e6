import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/piccoli-sql/piccoli-sql.js';
import type { PiccoliSql } from '../../src/components/piccoli-sql/piccoli-sql.js';
import type { PiccoliQueryErrorEvent, PiccoliQueryRunEvent } from '../../src/components/piccoli-sql/events.js';
import type { PiccoliConfig } from '../../src/data/config.js';
import { configure } from '../../src/data/configure.js';
import { getEngine } from '../../src/data/engine.js';
import { PiccoliDataError } from '../../src/data/errors.js';

// A site that lets its console read files from one other origin
// (configure({ console: { allowOrigins } })), set before the engine starts.

const OTHER = `http://${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;
configure({ console: { allowOrigins: [OTHER] } });

async function recorded(): Promise<{ host: string; url: string }[]> {
  return (await fetch('/__record__/log')).json();
}

async function bareConsole(): Promise<PiccoliSql> {
  return fixture<PiccoliSql>(html`<piccoli-sql no-bundled-data no-url history-key=""></piccoli-sql>`);
}

describe('configure({ console: { allowOrigins } })', () => {
  beforeEach(() => fetch('/__record__/log', { method: 'DELETE' }));

  it('the console reads a file of an allowed origin', async () => {
    const el = await bareConsole();
    const done = oneEvent(el, 'piccoli-query-run') as Promise<PiccoliQueryRunEvent>;
    void el.run(`SELECT * FROM read_csv('${OTHER}/__record__/permessa.csv')`);
    expect((await done).detail.rows).to.equal(1);
    expect(el.result!.toArray().map((r) => r.toJSON())).to.deep.equal([{ comune: 'Baschi', n: 1n }]);
    const asked = await recorded();
    expect(asked.length).to.be.greaterThan(0);
    expect(asked.every((r) => `http://${r.host}` === OTHER && r.url.startsWith('/__record__/permessa.csv'))).to.equal(true);
  });

  for (const url of [
    `${location.origin}/__record__/stessa-origine.csv`, // the page's own origin is not allowed unless listed
    `${OTHER}@${location.host}/__record__/prefisso.csv`, // starts like the allowed origin, is another host
  ]) {
    it(`but nothing else: ${url}`, async () => {
      const el = await bareConsole();
      const failed = oneEvent(el, 'piccoli-query-error') as Promise<PiccoliQueryErrorEvent>;
      void el.run(`SELECT * FROM read_csv('${url}')`);
      await failed;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.alert.error')!.textContent).to.match(/non può aprire «[^»]+»: questo sito non lo consente/);
      expect(await recorded()).to.deep.equal([]);
    });
  }

  it('the engine’s own loads still work: CSV, Arrow, and Parquet through parquet-wasm', async () => {
    for (const file of ['rows.csv', 'rows.arrow', 'rows.parquet']) {
      const info = await getEngine().load({ name: `o_${file.replace('.', '_')}`, url: `/test/fixtures/generated/${file}` });
      expect(info.rows, file).to.equal(5000);
    }
    const t = await getEngine().query("SELECT current_setting('enable_external_access') AS ext");
    expect(t.getChild('ext')!.get(0)).to.equal(false);
  });

  const bad: [string, PiccoliConfig][] = [
    ['a host without scheme', { console: { allowOrigins: ['dati.example.it'] } }],
    ['another scheme', { console: { allowOrigins: ['ftp://dati.example.it'] } }],
    ['a path', { console: { allowOrigins: ['https://dati.example.it/dati/'] } }],
    ['credentials', { console: { allowOrigins: ['https://utente@dati.example.it'] } }],
    ['a wildcard', { console: { allowOrigins: ['https://*.example.it'] } }],
    ['not a list', { console: { allowOrigins: 'https://dati.example.it' as unknown as string[] } }],
    ['a negative time limit', { console: { timeoutMs: -1 } }],
    ['a fractional row cap', { console: { maxRows: 1.5 } }],
    ['a memory limit DuckDB cannot read', { memoryLimit: 'tanta' }],
    ['a memory limit too small', { memoryLimit: 1024 }],
  ];
  for (const [what, options] of bad) {
    it(`refuses ${what}, naming the option`, () => {
      let thrown: unknown;
      try {
        configure(options);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).to.be.instanceOf(PiccoliDataError);
      expect((thrown as PiccoliDataError).code).to.equal('invalid-option');
      expect((thrown as PiccoliDataError).message).to.match(/^invalid (console\.\w+|memoryLimit)/);
    });
  }

  it('a later configure() of the time limit keeps the allowed origins', async () => {
    configure({ console: { timeoutMs: 30_000 } });
    const { consoleLimits } = await import('../../src/data/config.js');
    const { allowedOriginPrefixes } = await import('../../src/data/sandbox.js');
    expect(allowedOriginPrefixes()).to.deep.equal([`${OTHER}/`]);
    expect(consoleLimits()).to.deep.equal({ timeoutMs: 30_000, maxRows: 100_000, maxBytes: 64 * 2 ** 20 });
  });
});
