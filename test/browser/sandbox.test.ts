import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/piccoli-sql/piccoli-sql.js';
import '../../src/components/piccoli-progress/piccoli-progress.js';
import type { PiccoliSql } from '../../src/components/piccoli-sql/piccoli-sql.js';
import type { PiccoliProgress } from '../../src/components/piccoli-progress/piccoli-progress.js';
import type { PiccoliQueryErrorEvent, PiccoliQueryRunEvent } from '../../src/components/piccoli-sql/events.js';
import { getEngine } from '../../src/data/engine.js';
import { pageCoordinator } from '../../src/query/context.js';

// The console's sandbox (src/data/sandbox.ts): SQL typed in <piccoli-sql> reads, and only
// reads. Every request a test could provoke is watched by the test server's recorder
// (web-test-runner.config.mjs), on the page's own origin and on another one.

const OTHER = `http://${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;
const SAME = location.origin;

interface Recorded {
  host: string;
  url: string;
}

async function recorded(): Promise<Recorded[]> {
  return (await fetch('/__record__/log')).json();
}

async function runError(el: PiccoliSql, sql: string): Promise<{ code: string; text: string }> {
  const failed = oneEvent(el, 'piccoli-query-error') as Promise<PiccoliQueryErrorEvent>;
  void el.run(sql);
  const ev = await failed;
  await el.updateComplete;
  const alert = el.shadowRoot!.querySelector('.alert.error');
  expect(alert, `no message for ${sql}`).to.not.equal(null);
  expect(alert!.getAttribute('role')).to.equal('alert');
  return { code: ev.detail.code, text: alert!.textContent!.replace(/\s+/g, ' ').trim() };
}

async function runOk(el: PiccoliSql, sql: string): Promise<PiccoliQueryRunEvent> {
  const done = Promise.race([
    oneEvent(el, 'piccoli-query-run') as Promise<PiccoliQueryRunEvent>,
    (oneEvent(el, 'piccoli-query-error') as Promise<PiccoliQueryErrorEvent>).then((e) => {
      throw new Error(`${sql}: ${e.detail.message}`);
    }),
  ]);
  void el.run(sql);
  const ev = await done;
  await el.updateComplete;
  return ev;
}

/** The counts a funnel shows, as numbers. */
function funnelCounts(el: PiccoliProgress): number[] {
  return [...el.shadowRoot!.querySelectorAll('tbody td.count')].map((td) => {
    const cell = td.cloneNode(true) as Element;
    cell.querySelector('.basis')?.remove();
    return Number(cell.textContent!.trim().replaceAll('.', ''));
  });
}

/** A funnel of a file without a cube: answered by the engine, from the table the file was loaded into. */
async function engineFunnel(): Promise<PiccoliProgress> {
  const el = await fixture<PiccoliProgress>(
    html`<piccoli-progress src="/test/fixtures/generated/events-nocube.parquet" as-of="2021-10-31"></piccoli-progress>`,
  );
  await waitUntil(() => !el.shadowRoot!.querySelector('[aria-busy="true"]'), 'the funnel never painted', { timeout: 30_000 });
  await el.updateComplete;
  expect(el.shadowRoot!.querySelector('figure')?.getAttribute('data-backend')).to.equal('duckdb');
  return el;
}

/** Every table of the engine with its row count. */
async function tableCounts(): Promise<Record<string, number>> {
  const names = await getEngine().query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name");
  const out: Record<string, number> = {};
  for (const r of names.toArray()) {
    const name = String(r.table_name);
    const t = await getEngine().query(`SELECT count(*)::DOUBLE AS n FROM "${name.replaceAll('"', '""')}"`);
    out[name] = Number(t.getChild('n')!.get(0));
  }
  return out;
}

describe('the console sandbox', () => {
  let el: PiccoliSql;
  let funnelBefore: number[];
  let tablesBefore: Record<string, number>;

  before(async () => {
    // Not a fixture(): the console lives through every test of this block.
    el = document.createElement('piccoli-sql');
    el.setAttribute('no-url', '');
    el.setAttribute('history-key', '');
    document.body.append(el);
    await waitUntil(() => el.tables.length >= 6, 'the bundled tables never loaded', { timeout: 30_000 });
    funnelBefore = funnelCounts(await engineFunnel());
    expect(funnelBefore.length).to.be.greaterThan(2);
    tablesBefore = await tableCounts();
    expect(tablesBefore.programme_events).to.be.greaterThan(1000);
    await fetch('/__record__/log', { method: 'DELETE' });
  });
  after(() => el.remove());

  const reads: [string, RegExp][] = [
    [`SELECT * FROM read_csv('${OTHER}/__record__/x.csv?d=' || coalesce(getvariable('s'), 'segreto'))`, /non può aprire «http/],
    [
      `SELECT * FROM read_csv('${OTHER}/__record__/plain.csv')`,
      /non può aprire «http:\/\/[^»]*\/__record__\/plain\.csv»: questo sito non lo consente/,
    ],
    [`SELECT * FROM '${OTHER}/__record__/scan.csv'`, /non può aprire/],
    [`SELECT * FROM read_csv('${SAME}/__record__/same-origin.csv')`, /non può aprire/],
    [`SELECT * FROM read_text('${SAME}/README.md')`, /non può aprire/],
    [`SELECT * FROM read_blob('${SAME}/__record__/blob')`, /non può aprire/],
    [`SELECT * FROM glob('*')`, /non può aprire/],
  ];
  for (const [sql, said] of reads) {
    it(`opens no URL: ${sql.slice(0, 90)}`, async () => {
      const { text } = await runError(el, sql);
      expect(text).to.match(said);
      expect(await recorded()).to.deep.equal([]);
    });
  }

  const writes: [string, RegExp][] = [
    ['DROP TABLE programme_events', /La console legge i dati: non può modificarli/],
    ['CREATE OR REPLACE TABLE programme_events AS SELECT 1 AS x', /non può modificarli/],
    ['INSERT INTO comuni SELECT * FROM comuni', /non può modificarli/],
    ["UPDATE stages SET stage = 'x'", /non può modificarli/],
    ['DELETE FROM choices', /non può modificarli/],
    ['ALTER TABLE programmes RENAME TO vecchi', /non può modificarli/],
    ['CREATE TEMP TABLE appunti AS SELECT 1', /non può modificarli/],
    ['CREATE MACRO due() AS 2', /non può modificarli/],
    ["ATTACH ':memory:' AS altro", /non può modificarli/],
    ["COPY programme_events TO 'fuori.csv'", /non può modificarli/],
    ['WITH x AS (SELECT * FROM stages) INSERT INTO stages SELECT * FROM x', /non può modificarli/],
    ['EXPLAIN ANALYZE CREATE TABLE t2 AS SELECT 1', /non può modificarli/],
    ["PRAGMA table_info('comuni')", /non può modificarli/],
    ['SELECT 1; DROP TABLE comuni', /un’istruzione alla volta/],
    ['SET autoinstall_known_extensions = true', /non può installare né caricare estensioni/],
    ['SET autoload_known_extensions = true', /estensioni/],
    ['INSTALL httpfs', /estensioni/],
    ['LOAD httpfs', /estensioni/],
    ['FORCE INSTALL httpfs', /estensioni/],
    ["SET memory_limit = '8GB'", /non può cambiare le impostazioni del motore/],
    ['SET enable_external_access = true', /impostazioni/],
    ["SET VARIABLE s = 'x'", /impostazioni/],
  ];
  for (const [sql, said] of writes) {
    it(`refuses, with a message: ${sql}`, async () => {
      const { code, text } = await runError(el, sql);
      expect(code).to.equal('query');
      expect(text).to.match(said);
    });
  }

  it('says it in English in an English page', async () => {
    el.lang = 'en';
    try {
      expect((await runError(el, 'DROP TABLE programme_events')).text).to.contain('The console reads data: it cannot change it.');
      expect((await runError(el, 'INSTALL httpfs')).text).to.contain('it cannot install or load DuckDB extensions');
      expect((await runError(el, `SELECT * FROM read_csv('${OTHER}/__record__/en.csv')`)).text).to.match(
        /The console cannot open “http[^”]*”: this site does not allow it\./,
      );
    } finally {
      el.lang = '';
    }
  });

  it('runs what analysts read with: SELECT, FROM, WITH, VALUES, DESCRIBE, SUMMARIZE, SHOW, EXPLAIN, PIVOT', async () => {
    const cases: [string, number | null][] = [
      ['SELECT count(*) AS n FROM programme_events', 1],
      ['FROM stages LIMIT 2', 2],
      ['WITH t AS (SELECT 1 AS a UNION ALL SELECT 2) SELECT * FROM t', 2],
      ['VALUES (1), (2), (3)', 3],
      ['DESCRIBE comuni', null],
      ['SUMMARIZE stages', null],
      ['SHOW TABLES', null],
      ['SHOW ALL TABLES', null],
      ['EXPLAIN SELECT count(*) FROM comuni', null],
      ['EXPLAIN ANALYZE SELECT count(*) FROM comuni', null],
      ['-- un commento\nEXPLAIN (SELECT 1)', null],
      ["PIVOT (SELECT 'a' AS k, 1 AS v) ON k IN ('a', 'b') USING sum(v)", 1],
      ['UNPIVOT (SELECT 1 AS a, 2 AS b) ON a, b INTO NAME k VALUE v', 2],
      ["SELECT 'DROP TABLE comuni; --' AS testo;", 1],
    ];
    for (const [sql, rows] of cases) {
      const ev = await runOk(el, sql);
      if (rows !== null) expect(ev.detail.rows, sql).to.equal(rows);
      else expect(ev.detail.rows, sql).to.be.greaterThan(0);
    }
  });

  it('a misspelt query still points at its mistake', async () => {
    const failed = oneEvent(el, 'piccoli-query-error') as Promise<PiccoliQueryErrorEvent>;
    void el.run('SELECT 1 AS uno,\n  nessuna_colonna FROM comuni');
    const ev = await failed;
    expect([ev.detail.line, ev.detail.column]).to.deep.equal([2, 3]);
    const failedSyntax = oneEvent(el, 'piccoli-query-error') as Promise<PiccoliQueryErrorEvent>;
    void el.run('SELECT 1 FORM comuni');
    const syntax = (await failedSyntax).detail;
    expect(syntax.message).to.match(/syntax error at or near "comuni"/);
    expect([syntax.line, syntax.column]).to.deep.equal([1, 15]);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.alert.error pre')!.textContent!.match(/LINE 1:/g)).to.have.length(1);
  });

  it('the engine itself stays locked: no query, not even an element’s, changes its settings back', async () => {
    const settings = await getEngine().query(
      "SELECT current_setting('enable_external_access') AS ext, current_setting('lock_configuration') AS locked, " +
        "current_setting('autoinstall_known_extensions') AS autoinstall, current_setting('memory_limit') AS mem",
    );
    expect(settings.toArray().map((r) => r.toJSON())).to.deep.equal([{ ext: false, locked: true, autoinstall: false, mem: '953.6 MiB' }]);
    for (const sql of ['SET enable_external_access = true', 'SET lock_configuration = false', 'RESET memory_limit']) {
      let said = '';
      await getEngine()
        .query(sql)
        .catch((e: Error) => (said = e.message));
      expect(said, sql).to.match(/the configuration has been locked/);
    }
  });

  it('afterwards: no request reached any host, the tables are intact, the funnel shows the same numbers', async () => {
    expect(await recorded()).to.deep.equal([]);
    expect(await tableCounts()).to.deep.equal(tablesBefore);
    pageCoordinator().clear(); // the funnel asks the engine again
    expect(funnelCounts(await engineFunnel())).to.deep.equal(funnelBefore);
    const loaded = await getEngine().query('SELECT extension_name FROM duckdb_extensions() WHERE loaded ORDER BY 1');
    expect(loaded.toArray().map((r) => String(r.extension_name))).to.not.include('httpfs');
  });
});
