import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../src/components/piccoli-sql/piccoli-sql.js';
import type { PiccoliSql } from '../../../src/components/piccoli-sql/piccoli-sql.js';
import type { PiccoliQueryRunEvent } from '../../../src/components/piccoli-sql/events.js';
import { MAX_TEXT_WIDTH } from '../../../src/components/piccoli-sql/column-width.js';
import { getEngine } from '../../../src/data/engine.js';

/**
 * What the console says and shows while a query runs and after it fails: the engine's
 * start instead of «Esecuzione in corso…» while it loads (this file's page starts the
 * engine itself, so it runs first), the previous result gone, the reader's table/chart
 * choice kept, DuckDB's type names in the header, text columns as wide as their text.
 */
function statusOf(el: PiccoliSql): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>('[role="status"]')!;
}

/** Every text the status line shows from now on. */
function recordStatus(el: PiccoliSql): string[] {
  const seen: string[] = [];
  const status = statusOf(el);
  const note = () => {
    const t = status.textContent!.trim();
    if (seen.at(-1) !== t) seen.push(t);
  };
  new MutationObserver(note).observe(status, { childList: true, characterData: true, subtree: true });
  return seen;
}

async function runAndWait(el: PiccoliSql, sql: string): Promise<PiccoliQueryRunEvent> {
  const done = oneEvent(el, 'piccoli-query-run') as Promise<PiccoliQueryRunEvent>;
  const failed = oneEvent(el, 'piccoli-query-error').then((e) => {
    throw new Error((e as CustomEvent<{ message: string }>).detail.message);
  });
  void el.run(sql);
  const ev = await Promise.race([done, failed]);
  await el.updateComplete;
  return ev;
}

const bare = (lang = 'it') => fixture<PiccoliSql>(html`<piccoli-sql lang=${lang} no-bundled-data no-url history-key=""></piccoli-sql>`);

describe('<piccoli-sql> while the engine starts', () => {
  it('says the engine is starting (download in percent, then starting), then the result', async function () {
    this.timeout(120_000);
    expect(getEngine().started, 'this page has not started the engine yet').to.equal(false);
    const el = await bare();
    const seen = recordStatus(el);
    await runAndWait(el, 'SELECT 42 AS x');
    const engine = seen.filter((t) => t.startsWith('Avvio del motore dei dati'));
    expect(engine.length, seen.join(' | ')).to.be.greaterThan(0);
    expect(
      engine.every((t) => /^Avvio del motore dei dati(: \d{1,3}(,\d)?\s%|…)$/.test(t)),
      engine.join(' | '),
    ).to.equal(true);
    expect(statusOf(el).textContent!.trim()).to.match(/^1 riga in \d+ ms$/);
  });

  it('says it in English too, after an engine restart; an engine already started says «running» only', async function () {
    this.timeout(120_000);
    await getEngine().restart();
    const el = await bare('en');
    const seen = recordStatus(el);
    await runAndWait(el, 'SELECT 42 AS x');
    expect(
      seen.some((t) => /^Starting the data engine(: \d{1,3}(\.\d)?\s%|…)$/.test(t)),
      seen.join(' | '),
    ).to.equal(true);
    seen.length = 0;
    await runAndWait(el, 'SELECT 43 AS x');
    expect(
      seen.filter((t) => t.startsWith('Starting')),
      seen.join(' | '),
    ).to.deep.equal([]);
    expect(seen).to.include('Running…');
  });
});

describe('<piccoli-sql> clears what a run replaces', () => {
  it('a failed query leaves no result under its error, and no row count in the status', async () => {
    const el = await bare();
    await runAndWait(el, "SELECT 'vecchio' AS v");
    expect(el.shadowRoot!.querySelectorAll('tbody tr.row')).to.have.length(1);
    const failed = oneEvent(el, 'piccoli-query-error');
    void el.run('SELECT nessuna_colonna FROM range(1)');
    await failed;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('nessuna_colonna');
    expect(el.shadowRoot!.querySelector('piccoli-sql-output')).to.equal(null);
    expect(el.shadowRoot!.textContent).not.to.contain('vecchio');
    expect(el.result).to.equal(undefined);
    expect(statusOf(el).textContent!.trim()).to.equal('');
  });

  it('a new run shows that it runs, not the previous result', async () => {
    const el = await bare();
    await runAndWait(el, "SELECT 'vecchio' AS v");
    void el.run('SELECT count(*) FROM range(3000000000) a(x) WHERE (x * 7919) % 104729 = 17');
    await el.updateComplete;
    expect(statusOf(el).textContent!.trim()).to.equal('Esecuzione in corso…');
    expect(el.shadowRoot!.querySelector('piccoli-sql-output')).to.equal(null);
    expect(el.shadowRoot!.textContent).not.to.contain('vecchio');
    el.cancel();
  });

  it('keeps the chart the reader chose across the next result', async () => {
    const el = await bare();
    await runAndWait(el, "SELECT 'a' AS k, 1 AS n UNION ALL SELECT 'b', 2");
    const chartTab = () => el.shadowRoot!.querySelectorAll<HTMLButtonElement>('piccoli-sql-output .tabs button')[1]!;
    chartTab().click();
    await el.updateComplete;
    expect(chartTab().getAttribute('aria-pressed')).to.equal('true');
    await runAndWait(el, "SELECT 'c' AS k, 3 AS n UNION ALL SELECT 'd', 4");
    expect(chartTab().getAttribute('aria-pressed')).to.equal('true');
    expect(el.shadowRoot!.querySelector('piccoli-sql-chart')).not.to.equal(null);
    expect(el.shadowRoot!.querySelector('piccoli-sql-results')!.hidden).to.equal(true);
  });
});

describe('<piccoli-sql> results header and widths', () => {
  const COLUMNS = [
    `'a' AS v`,
    `1::TINYINT AS i1`,
    `1::SMALLINT AS i2`,
    `1::INTEGER AS i4`,
    `1::BIGINT AS i8`,
    `1::UBIGINT AS u8`,
    `1::UINTEGER AS u4`,
    `1.5::FLOAT AS f`,
    `1.5::DOUBLE AS d`,
    `1.5::DECIMAL(18,3) AS dec`,
    `1.5::DECIMAL(4,1) AS dec4`,
    `DATE '2020-01-01' AS day`,
    `TIME '12:00:00' AS t`,
    `TIMESTAMP '2020-01-01 10:00' AS ts`,
    `TIMESTAMP_S '2020-01-01 10:00' AS ts_s`,
    `TIMESTAMP_MS '2020-01-01 10:00' AS ts_ms`,
    `TIMESTAMP_NS '2020-01-01 10:00' AS ts_ns`,
    `TIMESTAMPTZ '2020-01-01 10:00:00+00' AS tz`,
    `INTERVAL 1 DAY AS iv`,
    `true AS ok`,
    `'x'::BLOB AS bl`,
    `[1, 2] AS l`,
    `[['a']] AS ll`,
    `{'a': 1, 'b': 'x'} AS s`,
    `MAP {'k': 1} AS m`,
  ];

  it("shows DuckDB's type names, as typeof() gives them", async () => {
    const el = await bare();
    const names = COLUMNS.map((c) => c.split(' AS ')[1]!);
    const typeofs = await getEngine().query(
      `SELECT ${COLUMNS.map((c) => `typeof(${c.split(' AS ')[0]}) AS ${c.split(' AS ')[1]}`).join(', ')}`,
    );
    const expected = names.map((n) => String(typeofs.getChild(n)!.get(0)));
    await runAndWait(el, `SELECT ${COLUMNS.join(', ')}`);
    const shown = [...el.shadowRoot!.querySelectorAll('thead .col-type')].map((s) => s.textContent);
    expect(shown).to.deep.equal(expected);
    expect(shown.slice(0, 5)).to.deep.equal(['VARCHAR', 'TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT']);
  });

  it('shows an ENUM as the VARCHAR its Arrow carries', async () => {
    const el = await bare();
    await runAndWait(el, `SELECT 'b'::ENUM('a', 'b') AS e`);
    expect(el.shadowRoot!.querySelector('thead .col-type')!.textContent).to.equal('VARCHAR');
  });

  it('draws a text column as wide as its longest value, a short one narrower, a very long one capped', async () => {
    const el = await bare();
    const long = 'Reggio nell’Emilia, Forlì-Cesena e Pesaro e Urbino';
    await runAndWait(el, `SELECT 'PC' AS sigla, '${long}' AS nome, repeat('x', 400) AS lungo FROM range(3)`);
    const cols = [...el.shadowRoot!.querySelectorAll<HTMLElement>('colgroup col')].slice(1).map((c) => parseFloat(c.style.width));
    expect(cols[0]).to.be.below(cols[1]!);
    expect(cols[2]).to.equal(MAX_TEXT_WIDTH);
    const cell = el.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr.row td')[2]!;
    expect(cell.textContent).to.equal(long);
    expect(cell.scrollWidth, 'the long name shows whole').to.be.at.most(cell.clientWidth);
  });
});
