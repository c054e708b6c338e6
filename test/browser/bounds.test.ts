import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/piccoli-sql/piccoli-sql.js';
import type { PiccoliSql } from '../../src/components/piccoli-sql/piccoli-sql.js';
import type { PiccoliQueryErrorEvent, PiccoliQueryRunEvent } from '../../src/components/piccoli-sql/events.js';
import { CONSOLE_DEFAULTS } from '../../src/data/config.js';
import { configure } from '../../src/data/configure.js';
import { getEngine } from '../../src/data/engine.js';
import { formatInteger } from '../../src/i18n/index.js';

// Nothing an analyst types can fill the tab: results stop at a row and a byte cap, a
// query at a time limit, the engine at its memory limit (src/data/engine.ts queryBounded).

// Small, so that running out of memory is quick; read when the engine starts.
configure({ memoryLimit: '256MB' });

let el: PiccoliSql;
beforeEach(async () => {
  configure({ console: { ...CONSOLE_DEFAULTS } });
  el = document.createElement('piccoli-sql');
  for (const a of ['no-bundled-data', 'no-url']) el.setAttribute(a, '');
  el.setAttribute('history-key', '');
  document.body.append(el);
  await el.updateComplete;
});
afterEach(() => el.remove());

async function runOk(sql: string): Promise<PiccoliQueryRunEvent> {
  const done = oneEvent(el, 'piccoli-query-run') as Promise<PiccoliQueryRunEvent>;
  void el.run(sql);
  const ev = await done;
  await el.updateComplete;
  return ev;
}

async function runError(sql: string): Promise<PiccoliQueryErrorEvent> {
  const failed = oneEvent(el, 'piccoli-query-error') as Promise<PiccoliQueryErrorEvent>;
  void el.run(sql);
  const ev = await failed;
  await el.updateComplete;
  return ev;
}

function limitText(): string {
  return el.shadowRoot!.querySelector('.limit')?.textContent!.replace(/\s+/g, ' ').trim() ?? '';
}

function alertText(): string {
  return el.shadowRoot!.querySelector('.alert.error')!.textContent!.replace(/\s+/g, ' ').trim();
}

/** The engine answers (the stopped query is no longer holding it). */
async function engineAnswers(): Promise<void> {
  const ev = await runOk('SELECT 42 AS risposta');
  expect(ev.detail.columns).to.deep.equal(['risposta']);
  expect(el.result!.getChild('risposta')!.get(0)).to.equal(42);
}

interface MemoryInfo {
  usedJSHeapSize: number;
}
function heapUsed(): number | undefined {
  return (performance as unknown as { memory?: MemoryInfo }).memory?.usedJSHeapSize;
}

describe('the console’s bounds', () => {
  it('SELECT * FROM range(10000000000) stops by itself at 100.000 rows, says so, and the tab does not fill', async () => {
    const before = heapUsed();
    const ev = await runOk('SELECT * FROM range(10000000000)');
    expect(ev.detail.rows).to.equal(100_000);
    expect(el.result!.numRows).to.equal(100_000);
    expect(el.result!.getChild('range')!.get(99_999)).to.equal(99_999n);
    const said = limitText();
    const m =
      /^Mostrate 100\.000 righe di almeno ([\d.]+): la query è stata fermata per non appesantire la pagina \(limite: 100\.000 righe\)\./.exec(
        said,
      );
    expect(m, said).to.not.equal(null);
    expect(Number(m![1]!.replaceAll('.', ''))).to.be.within(100_001, 110_000);
    // Chromium's performance.memory (the page's heap; DuckDB's own memory, in its worker,
    // is bounded by memory_limit): far from the gigabytes the unbounded read reached.
    if (before !== undefined) expect(heapUsed()! - before).to.be.lessThan(256 * 2 ** 20);
    await engineAnswers();
  });

  it('says «di N» when the read saw the end of the result', async () => {
    configure({ console: { maxRows: 5000 } });
    await runOk('SELECT * FROM range(5001)');
    expect(limitText()).to.match(/^Mostrate 5\.000 righe di 5\.001: .*\(limite: 5\.000 righe\)\./);
    await runOk('SELECT * FROM range(5000)');
    expect(el.result!.numRows).to.equal(5000);
    expect(el.shadowRoot!.querySelector('.limit')).to.equal(null);
  });

  it('an ENUM column keeps its values when the result is capped', async () => {
    configure({ console: { maxRows: 5000 } });
    await runOk(
      `SELECT range AS i, (CASE range % 3 WHEN 0 THEN 'piccoli' WHEN 1 THEN 'siena' END)::ENUM('piccoli', 'siena') AS e FROM range(250000)`,
    );
    expect(el.result!.numRows).to.equal(5000);
    const e = el.result!.getChild('e')!;
    expect([0, 1, 2, 4998, 4999].map((i) => e.get(i))).to.deep.equal(['piccoli', 'siena', null, 'piccoli', 'siena']);
    expect(limitText()).to.match(/^Mostrate 5\.000 righe di almeno /);
  });

  it('stops at the byte cap too', async () => {
    configure({ console: { maxBytes: 2 ** 20 } });
    const ev = await runOk(`SELECT range AS i, repeat('x', 200) AS testo FROM range(1000000)`);
    expect(ev.detail.rows).to.be.within(1, 5000);
    expect(limitText()).to.match(
      new RegExp(`^Mostrate ${formatInteger(ev.detail.rows, 'it')} righe di almeno [\\d.]+: .*\\(limite: 1 MB\\)\\.`),
    );
  });

  it('in English', async () => {
    el.lang = 'en';
    configure({ console: { maxRows: 10 } });
    await runOk('SELECT * FROM range(11)');
    expect(limitText()).to.match(/^Showing 10 rows of 11: the query was stopped to keep the page responsive \(limit: 10 rows\)\./);
  });

  it('the elements’ own queries are not capped', async () => {
    configure({ console: { maxRows: 10 } });
    expect((await getEngine().query('SELECT * FROM range(200000)')).numRows).to.equal(200_000);
  });

  it('a query that runs too long is stopped in DuckDB at the site’s time limit, with its message', async () => {
    configure({ console: { timeoutMs: 2000 } });
    const ev = await runError('SELECT count(*) FROM range(300000000000) a(x) WHERE (x * 7919) % 104729 = 17');
    expect(ev.detail.code).to.equal('timeout');
    expect(alertText()).to.contain('La query è stata fermata dopo 2 secondi, il tempo massimo consentito da questo sito.');
    await engineAnswers();
  });

  it('a query that needs more memory than the engine’s limit stops with its message', async () => {
    const ev = await runError('SELECT list(range) FROM range(200000000)');
    expect(ev.detail.code).to.equal('query');
    expect(alertText()).to.match(/^La query richiede più memoria di quella disponibile \(244,1 MiB\) ed è stata fermata/);
    await engineAnswers();
  });

  describe('saving all the rows', () => {
    let written: string[];
    let closed: boolean;
    const g = globalThis as unknown as { showSaveFilePicker?: unknown };
    beforeEach(() => {
      written = [];
      closed = false;
      // What Chromium's picker gives once the reader has chosen a file.
      g.showSaveFilePicker = async () => ({
        createWritable: async () => ({
          write: async (chunk: string) => void written.push(chunk),
          close: async () => void (closed = true),
          abort: async () => undefined,
        }),
      });
    });
    afterEach(() => delete g.showSaveFilePicker);

    it('writes every row to the file, batch by batch, where the browser allows', async () => {
      configure({ console: { maxRows: 5000 } });
      await runOk('SELECT range AS i, range % 7 AS resto FROM range(12345)');
      expect(el.result!.numRows).to.equal(5000);
      const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.limit button.save-full')];
      expect(buttons.map((b) => b.textContent!.trim())).to.deep.equal([
        'Salva tutte le righe (CSV per Excel)…',
        'Salva tutte le righe (CSV)…',
      ]);
      const button = buttons[1]!;
      button.click();
      await waitUntil(() => closed, 'the file was never closed');
      const lines = written.join('').split('\r\n');
      expect(lines[0]).to.equal('i,resto');
      expect(lines.length).to.equal(12345 + 2); // the header, the rows, the final line break
      expect(lines[12345]).to.equal('12344,3');
      expect(written.length).to.be.greaterThan(3); // in pieces, as they came
      await waitUntil(() => /Salvate 12\.345 righe\./.test(el.shadowRoot!.querySelector('[role="status"]')!.textContent!));
    });

    it('writes every row for Italian Excel too: one byte order mark, «;», grouped numbers, codes kept', async () => {
      configure({ console: { maxRows: 5000 } });
      await runOk("SELECT range AS i, lpad((range % 100)::VARCHAR, 3, '0') AS codice FROM range(12345)");
      const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.limit button.save-full')];
      const button = buttons.find((b) => b.textContent!.trim() === 'Salva tutte le righe (CSV per Excel)…')!;
      expect(button, buttons.map((b) => b.textContent!.trim()).join(' | ')).to.not.equal(undefined);
      button.click();
      await waitUntil(() => closed, 'the file was never closed');
      const text = written.join('');
      expect(text.startsWith('\ufeffi;codice\r\n')).to.equal(true);
      expect(text.indexOf('\ufeff', 1)).to.equal(-1);
      const lines = text.slice(1).split('\r\n');
      expect(lines.length).to.equal(12345 + 2);
      expect(lines[1]).to.equal('0;"=""000"""');
      expect(lines[12345]).to.equal('12.344;"=""044"""');
      expect(written.length).to.be.greaterThan(3);
    });

    it('elsewhere says that exports hold the rows shown', async () => {
      delete g.showSaveFilePicker;
      configure({ console: { maxRows: 100 } });
      await runOk('SELECT * FROM range(1000)');
      expect(limitText()).to.contain('Le esportazioni comprendono solo le righe mostrate.');
      expect(el.shadowRoot!.querySelector('.limit button')).to.equal(null);
    });
  });
});
