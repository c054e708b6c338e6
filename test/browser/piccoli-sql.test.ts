import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { currentCompletions, startCompletion, completionStatus } from '@codemirror/autocomplete';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/piccoli-sql/piccoli-sql.js';
import { PiccoliSql } from '../../src/components/piccoli-sql/piccoli-sql.js';
import type { PiccoliQueryErrorEvent, PiccoliQueryRunEvent } from '../../src/components/piccoli-sql/events.js';
import { formatCell, type ArrowVectorLike } from '../../src/components/piccoli-sql/format-value.js';
import { resultTable, toArrowIPC, toCSV } from '../../src/components/piccoli-sql/export.js';
import { readQueryFromUrl, writeQueryToUrl } from '../../src/components/piccoli-sql/url-state.js';
import { getEngine } from '../../src/data/engine.js';

interface TypeCase {
  name: string;
  sql: string;
  expected: (string | null)[];
}
const fixtures: { duckdb: string; cases: TypeCase[] } = await (await fetch('/test/fixtures/generated/sql-types-expected.json')).json();

/** A console without the bundled data, URL or history: only what the test loads. */
async function bareConsole(): Promise<PiccoliSql> {
  return fixture<PiccoliSql>(html`<piccoli-sql no-bundled-data no-url history-key=""></piccoli-sql>`);
}

async function runAndWait(el: PiccoliSql, sql: string): Promise<PiccoliQueryRunEvent> {
  const done = oneEvent(el, 'piccoli-query-run') as Promise<PiccoliQueryRunEvent>;
  void el.run(sql);
  const ev = await done;
  await el.updateComplete;
  return ev;
}

/** What the results table shows: per row, per column, the text or null for a NULL cell. */
function shownCells(el: PiccoliSql): (string | null)[][] {
  return [...el.shadowRoot!.querySelectorAll('tbody tr.row')].map((tr) =>
    [...tr.querySelectorAll('td:not(.rownum)')].map((td) => (td.classList.contains('null') ? null : td.textContent!)),
  );
}

/**
 * A console whose editor module arrives only when `release()` is called: what a reader
 * sees, and what the element can do, while CodeMirror is still on its way.
 */
let heldBack: { gate: Promise<void>; release: () => void } | undefined;
class HeldBackSql extends PiccoliSql {
  protected static override loadEditor() {
    const held = heldBack;
    return (held ? held.gate : Promise.resolve()).then(() => super.loadEditor());
  }
}
customElements.define('held-back-sql', HeldBackSql);

/** Connect a console whose editor is held back; resolves after its first render. */
async function consoleBeforeEditor(query: string): Promise<{ el: PiccoliSql; release: () => void }> {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  heldBack = { gate, release };
  const el = document.createElement('held-back-sql') as PiccoliSql;
  el.setAttribute('no-bundled-data', '');
  el.setAttribute('no-url', '');
  el.setAttribute('history-key', '');
  el.query = query;
  document.body.append(el);
  heldBack = undefined;
  await waitUntil(() => el.shadowRoot?.querySelector('.editor-placeholder'), 'no first render');
  return { el, release };
}

describe('<piccoli-sql> before its editor has loaded', () => {
  const made: Element[] = [];
  afterEach(() => made.splice(0).forEach((e) => e.remove()));

  it('shows the query in a busy, read-only box of the size the editor then takes', async () => {
    const query = 'SELECT 1 AS uno,\n  2 AS due,\n\n  3 AS tre -- ' + 'una riga lunga che va a capo '.repeat(6) + '\nFROM range(1)';
    const { el, release } = await consoleBeforeEditor(query);
    made.push(el);
    const box = el.shadowRoot!.querySelector<HTMLElement>('.editor')!;
    const ph = el.shadowRoot!.querySelector<HTMLElement>('.editor-placeholder')!;
    expect(el.shadowRoot!.querySelector('.cm-editor')).to.equal(null);
    expect(el.editor).to.equal(undefined);
    expect(ph.getAttribute('aria-busy')).to.equal('true');
    expect(ph.getAttribute('aria-readonly')).to.equal('true');
    expect(ph.getAttribute('aria-label')).to.equal('Query SQL');
    expect([...ph.querySelectorAll('.ph-line')].map((l) => l.textContent).join('\n')).to.equal(query);
    const before = box.getBoundingClientRect();
    expect(before.height).to.be.greaterThan(5 * 19); // five lines and a wrapped one, not the minimum box
    await expect(el).to.be.accessible();

    release();
    await el.updateComplete;
    expect(el.editor).to.not.equal(undefined);
    expect(el.shadowRoot!.querySelector('.cm-content')!.getAttribute('aria-label')).to.equal('Query SQL');
    expect(el.value).to.equal(query);
    expect(ph.hidden).to.equal(true);
    const after = box.getBoundingClientRect();
    expect(after.height).to.be.closeTo(before.height, 1);
    expect(after.width).to.equal(before.width);
    await expect(el).to.be.accessible();
  });

  it('keeps the minimum height of the editor for a one-line query', async () => {
    const { el, release } = await consoleBeforeEditor('SELECT 42');
    made.push(el);
    const box = el.shadowRoot!.querySelector<HTMLElement>('.editor')!;
    const before = box.getBoundingClientRect().height;
    release();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.cm-editor .cm-content')!.textContent).to.equal('SELECT 42');
    expect(box.getBoundingClientRect().height).to.be.closeTo(before, 1);
  });

  it('takes a value, runs it, and hands text and error mark to the editor when it arrives', async () => {
    const { el, release } = await consoleBeforeEditor('SELECT 1');
    made.push(el);
    el.value = 'SELECT 7 AS sette';
    await waitUntil(
      () => el.shadowRoot!.querySelector('.editor-placeholder')!.textContent!.includes('SELECT 7 AS sette'),
      'value not shown',
    );
    expect(el.value).to.equal('SELECT 7 AS sette');
    const ran = oneEvent(el, 'piccoli-query-run') as Promise<PiccoliQueryRunEvent>;
    void el.run();
    expect((await ran).detail.sql).to.equal('SELECT 7 AS sette');

    el.value = 'SELECT 1 AS uno\nFORM x';
    const failed = oneEvent(el, 'piccoli-query-error') as Promise<PiccoliQueryErrorEvent>;
    void el.run();
    const ev = await failed;
    expect([ev.detail.line, ev.detail.column]).to.deep.equal([2, 1]);
    expect(el.editor).to.equal(undefined); // all of the above without CodeMirror

    release();
    await el.updateComplete;
    expect(el.value).to.equal('SELECT 1 AS uno\nFORM x');
    expect(el.shadowRoot!.querySelector('.cm-piccoli-error')?.textContent).to.equal('FORM');
  });
});

describe('<piccoli-sql> renders every DuckDB type as DuckDB prints it', () => {
  let el: PiccoliSql;
  beforeEach(async () => {
    el = await bareConsole();
  });

  it(`has expected strings from DuckDB ${fixtures.duckdb} for ${fixtures.cases.length} types`, () => {
    expect(fixtures.cases.length).to.be.greaterThan(30);
  });

  for (const c of fixtures.cases) {
    it(`${c.name}: the cells read ${JSON.stringify(c.expected).slice(0, 80)}`, async () => {
      const ev = await runAndWait(el, c.sql);
      expect(ev.detail.rows).to.equal(c.expected.length);
      expect(shownCells(el).map((r) => r[0])).to.deep.equal(c.expected);
      // And the pure formatter on the Arrow result agrees, row by row.
      const col = el.result!.getChildAt(0) as unknown as ArrowVectorLike;
      expect(c.expected.map((_, i) => formatCell(col, i))).to.deep.equal(c.expected);
    });
  }

  it('shows markup in data as text, never as elements', async () => {
    await runAndWait(el, `SELECT '<img src=x onerror=alert(1)><b>grassetto</b>' AS v`);
    const td = el.shadowRoot!.querySelector('tbody tr.row td:not(.rownum)')!;
    expect(td.children.length).to.equal(0);
    expect(td.textContent).to.equal('<img src=x onerror=alert(1)><b>grassetto</b>');
  });

  it("tells NULL apart from the text 'NULL' and from an empty string", async () => {
    await runAndWait(el, `SELECT NULL::VARCHAR AS a, 'NULL' AS b, '' AS c`);
    const tds = [...el.shadowRoot!.querySelectorAll('tbody tr.row td:not(.rownum)')];
    expect(tds.map((td) => td.classList.contains('null'))).to.deep.equal([true, false, false]);
    expect(tds[1]!.textContent).to.equal('NULL');
    expect(tds[2]!.textContent).to.equal('');
    expect(getComputedStyle(tds[0]!.querySelector('.null-mark')!).fontStyle).to.equal('italic');
  });
});

describe('<piccoli-sql> results table', () => {
  it('renders only the visible rows of 100 000, and scrolls to the last one', async () => {
    const el = await bareConsole();
    const ev = await runAndWait(el, `SELECT range AS i, 'riga ' || range AS label, range * 1.5 AS x FROM range(100000)`);
    expect(ev.detail.rows).to.equal(100_000);
    const rendered = el.shadowRoot!.querySelectorAll('tbody tr.row').length;
    expect(rendered).to.be.greaterThan(5).and.lessThan(80);
    const scroller = el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    expect(scroller.scrollHeight).to.be.greaterThan(100_000 * 27);
    scroller.scrollTop = scroller.scrollHeight;
    await waitUntil(() => shownCells(el).at(-1)?.[0] === '99999', 'last row never rendered');
    expect(el.shadowRoot!.querySelectorAll('tbody tr.row').length).to.be.lessThan(80);
    expect(el.shadowRoot!.textContent).to.contain('100.000 righe');
  });

  it('sorts a column descending on the second click, BIGINT beyond 2^53 in exact order', async () => {
    const el = await bareConsole();
    await runAndWait(
      el,
      `SELECT * FROM (VALUES (9007199254740993::BIGINT, 'b'), (9007199254740992::BIGINT, 'a'), (NULL, 'n'), (1::BIGINT, 'c')) t(big, s)`,
    );
    const header = () => el.shadowRoot!.querySelectorAll<HTMLButtonElement>('thead th button')[0]!;
    header().click();
    await el.updateComplete;
    expect(shownCells(el).map((r) => r[0])).to.deep.equal(['1', '9007199254740992', '9007199254740993', null]);
    header().click();
    await el.updateComplete;
    expect(shownCells(el).map((r) => r[0])).to.deep.equal(['9007199254740993', '9007199254740992', '1', null]);
    // The row-number column, then big (sorted, descending) and s.
    expect([...el.shadowRoot!.querySelectorAll('thead th')].map((th) => th.getAttribute('aria-sort'))).to.deep.equal([
      null,
      'descending',
      'none',
    ]);
  });
});

describe('<piccoli-sql> with the bundled data', () => {
  let el: PiccoliSql;
  beforeEach(async () => {
    el = await fixture<PiccoliSql>(html`<piccoli-sql no-url history-key=""></piccoli-sql>`);
    await waitUntil(() => el.tables.length >= 5, 'bundled tables never loaded', { timeout: 30000 });
  });

  it('lists the bundled tables with their columns and row counts', async () => {
    const names = el.tables.map((t) => t.name);
    expect(names).to.include.members(['programme_events', 'comuni', 'stages', 'choices', 'programmes']);
    const comuni = el.tables.find((t) => t.name === 'comuni')!;
    expect(comuni.columns.map((c) => c.name)).to.include('province_sigla');
    const n = await getEngine().query('SELECT count(*)::INTEGER AS n FROM comuni');
    expect(comuni.rows).to.equal(n.getChild('n')!.get(0));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('aside')!.textContent).to.contain('programme_events');
  });

  it('autocompletes the columns of a loaded table and the table names', async () => {
    const view = el.editor!;
    const complete = async (doc: string) => {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: doc }, selection: { anchor: doc.length } });
      view.focus();
      startCompletion(view);
      await waitUntil(() => completionStatus(view.state) === 'active' && currentCompletions(view.state).length > 0, 'no completions');
      return currentCompletions(view.state).map((c) => c.label);
    };
    expect(await complete('SELECT comuni.prov')).to.include.members(['province_code', 'province_sigla', 'province_name']);
    expect(await complete('SELECT * FROM programme_e')).to.include('programme_events');
  });

  it('runs the example funnel at 2021-10-31: 612 / 568 / 485', async () => {
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('select.examples')!;
    select.value = 'funnel-2021-10-31';
    const done = oneEvent(el, 'piccoli-query-run');
    select.dispatchEvent(new Event('change'));
    await done;
    await el.updateComplete;
    expect(shownCells(el).map((r) => r[2])).to.deep.equal(['612', '568', '485']);
  });

  it('runs only the selected text', async () => {
    const view = el.editor!;
    const doc = 'SELECT 1 AS uno;\nSELECT 2 AS due;';
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: doc }, selection: { anchor: 17, head: doc.length } });
    const done = oneEvent(el, 'piccoli-query-run') as Promise<PiccoliQueryRunEvent>;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.run')!.click();
    const ev = await done;
    expect(ev.detail.sql).to.equal('SELECT 2 AS due;');
    expect(ev.detail.columns).to.deep.equal(['due']);
  });

  /** Open the chart tab and wait for Plot (loaded on demand) to draw `mark`. */
  async function openChart(mark: 'bar' | 'line' | 'dot'): Promise<SVGSVGElement> {
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.tabs button')[1]!.click();
    await waitUntil(() => el.shadowRoot!.querySelector(`.chart svg g[aria-label="${mark}"]`), `no ${mark} chart`, { timeout: 20000 });
    return el.shadowRoot!.querySelector<SVGSVGElement>('.chart svg')!;
  }

  it('draws one bar per row of a text and a number column, labelled, in Italian numbers', async () => {
    await runAndWait(el, `SELECT region_name, count(*) AS n FROM comuni GROUP BY ALL`);
    const rows = el.result!.numRows;
    expect(rows).to.be.greaterThan(15);
    const svg = await openChart('bar');
    const bars = svg.querySelectorAll('g[aria-label="bar"] rect');
    expect(bars.length).to.equal(rows);
    expect(getComputedStyle(bars[0]!).fill).to.equal('rgb(0, 102, 204)');
    // The axes name the columns; the value axis counts with Italian separators.
    expect(svg.querySelector('g[aria-label="x-axis label"]')!.textContent).to.contain('n');
    expect(svg.querySelector('g[aria-label="y-axis label"]')!.textContent).to.contain('region_name');
    const yTicks = [...svg.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);
    expect(yTicks).to.include('Lombardia');
    const xTicks = [...svg.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) => t.textContent!);
    expect(
      xTicks.some((t) => /^\d{1,3}(\.\d{3})+$/.test(t)),
      xTicks.join(' '),
    ).to.equal(true);
    // Largest first: Lombardia has the most comuni.
    const first = bars[0]!.querySelector('title')!.textContent!;
    expect(first).to.match(/^Lombardia: \d\.\d{3}$/);
    // A screen reader hears what is plotted; a sighted reader reads it under the chart.
    expect(svg.getAttribute('aria-label')).to.equal('Grafico a barre di n per region_name');
    expect(svg.getAttribute('aria-description')).to.contain('Lombardia: ');
    expect(el.shadowRoot!.querySelector('.chart figcaption')!.textContent).to.equal(`n per region_name: ${rows} barre, dalla più lunga.`);
  });

  it('draws a line over dates through every row, and switches to dots', async () => {
    await runAndWait(el, `SELECT date, count(*) AS n FROM programme_events WHERE stage = 'engaged' GROUP BY ALL`);
    const rows = el.result!.numRows;
    expect(rows).to.be.greaterThan(3);
    const svg = await openChart('line');
    const kind = el.shadowRoot!.querySelector<HTMLSelectElement>('select.chart-kind')!;
    expect(kind.value).to.equal('line');
    const path = svg.querySelector('g[aria-label="line"] path')!;
    // One vertex per row: a move-to, then a line-to for each further point.
    expect(path.getAttribute('d')!.match(/[ML]/g)!.length).to.equal(rows);
    expect(getComputedStyle(path).stroke).to.equal('rgb(0, 102, 204)');
    expect(svg.querySelector('g[aria-label="x-axis label"]')!.textContent).to.contain('date');
    const xTicks = [...svg.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) => t.textContent!);
    expect(xTicks.join(' ')).to.match(/\b(gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic)\b|\b20\d\d\b/);
    await expect(el).to.be.accessible();

    kind.value = 'dot';
    kind.dispatchEvent(new Event('change'));
    await waitUntil(() => el.shadowRoot!.querySelector('.chart svg g[aria-label="dot"]'), 'no dots', { timeout: 20000 });
    expect(el.shadowRoot!.querySelectorAll('.chart svg g[aria-label="dot"] circle').length).to.equal(rows);
    expect(el.shadowRoot!.querySelector('.chart figcaption')!.textContent).to.equal(`n rispetto a date: ${rows} punti.`);
  });

  it('passes an axe accessibility check with data loaded and a result shown', async () => {
    await runAndWait(el, `SELECT region_name, count(*) AS n, NULL::VARCHAR AS nota FROM comuni GROUP BY ALL ORDER BY n DESC`);
    expect(shownCells(el).length).to.be.greaterThan(15);
    // With a table's columns open in the browser.
    const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('aside button.toggle')!;
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const opened = el.tables.find((t) => toggle.closest('li')!.querySelector('.table-row button.name')!.textContent === t.name)!;
    expect(
      [...el.shadowRoot!.querySelectorAll(`#${toggle.getAttribute('aria-controls')} button.name`)].map((b) => b.textContent),
    ).to.deep.equal(opened.columns.map((c) => c.name));
    await expect(el).to.be.accessible();
  });

  it('passes an axe accessibility check with the chart shown', async () => {
    await runAndWait(el, `SELECT region_name, count(*) AS n FROM comuni GROUP BY ALL`);
    await openChart('bar');
    await expect(el).to.be.accessible();
  });
});

describe('<piccoli-sql> editor keys', () => {
  /** A shortcut as a user presses it (Puppeteer's `press` takes no combinations). */
  async function chord(...keys: string[]): Promise<void> {
    for (const k of keys.slice(0, -1)) await sendKeys({ down: k });
    await sendKeys({ press: keys.at(-1)! });
    for (const k of keys.slice(0, -1).reverse()) await sendKeys({ up: k });
  }

  it('Ctrl+Z undoes typing and Ctrl+Shift+Z redoes it, with real key presses', async () => {
    const el = await fixture<PiccoliSql>(html`<piccoli-sql no-bundled-data no-url history-key="" query="SELECT 42"></piccoli-sql>`);
    const view = el.editor!;
    view.focus();
    view.dispatch({ selection: { anchor: view.state.doc.length } });
    await sendKeys({ type: ' AS x' });
    expect(el.value).to.equal('SELECT 42 AS x');
    await chord('Control', 'KeyZ');
    expect(el.value).to.equal('SELECT 42');
    await chord('Control', 'Shift', 'KeyZ');
    expect(el.value).to.equal('SELECT 42 AS x');
  });

  it('Tab leaves the editor for the Run button instead of indenting', async () => {
    const el = await fixture<PiccoliSql>(html`<piccoli-sql no-bundled-data no-url history-key="" query="SELECT 1"></piccoli-sql>`);
    el.editor!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.value).to.equal('SELECT 1');
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('button.run'));
  });

  it('names the editor for assistive technology', async () => {
    const el = await bareConsole();
    const content = el.shadowRoot!.querySelector('.cm-content')!;
    expect(content.getAttribute('role')).to.equal('textbox');
    expect(content.getAttribute('aria-multiline')).to.equal('true');
    expect(content.getAttribute('aria-label')).to.equal('Query SQL');
  });
});

describe('<piccoli-sql> errors and cancelling', () => {
  it('shows the line and column DuckDB points at, marks it, and keeps working', async () => {
    const el = await bareConsole();
    el.value = 'SELECT 1 AS uno,\n  2 AS due\nFORM x';
    const failed = oneEvent(el, 'piccoli-query-error') as Promise<PiccoliQueryErrorEvent>;
    void el.run();
    const ev = await failed;
    expect(ev.detail.code).to.equal('query');
    expect(ev.detail.line).to.equal(3);
    expect(ev.detail.column).to.equal(1);
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('riga 3, colonna 1');
    expect(alert.textContent).to.contain('syntax error');
    const mark = el.shadowRoot!.querySelector('.cm-piccoli-error');
    expect(mark?.textContent).to.equal('FORM');
    const ok = await runAndWait(el, 'SELECT 42 AS x');
    expect(ok.detail.rows).to.equal(1);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });

  it('points into a long line that DuckDB shows only in part', async () => {
    const el = await bareConsole();
    const cols = Array.from({ length: 30 }, (_, i) => `${i} AS colonna_${i}`).join(', ');
    const failed = oneEvent(el, 'piccoli-query-error') as Promise<PiccoliQueryErrorEvent>;
    void el.run(`SELECT ${cols}, nessuna_colonna FROM range(1)`);
    const ev = await failed;
    expect(ev.detail.line).to.equal(1);
    const sql = `SELECT ${cols}, nessuna_colonna FROM range(1)`;
    expect(sql.slice(ev.detail.column! - 1)).to.match(/^nessuna_colonna/);
  });

  it('cancels a long query; the next query runs', async () => {
    const el = await bareConsole();
    const errors: Event[] = [];
    el.addEventListener('piccoli-query-error', (e) => errors.push(e));
    void el.run('SELECT count(*) FROM range(3000000000) a(x) WHERE (x * 7919) % 104729 = 17');
    await new Promise((r) => setTimeout(r, 300));
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.cancel')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('interrotta');
    const t0 = performance.now();
    const ev = await runAndWait(el, 'SELECT 42 AS risposta');
    expect(ev.detail.columns).to.deep.equal(['risposta']);
    expect(performance.now() - t0).to.be.lessThan(20_000);
    expect(shownCells(el)).to.deep.equal([['42']]);
    expect(errors).to.have.length(0);
  });
});

describe('<piccoli-sql> exports', () => {
  const SQL = `SELECT * FROM (VALUES
    (1, 'Forlì, "centro"', DATE '2021-10-31', 0.5::DOUBLE, true, 9007199254740993::BIGINT),
    (2, e'due\\nrighe', NULL, -1.25::DOUBLE, false, NULL),
    (3, 'è ok', DATE '1999-01-01', NULL, NULL, -7::BIGINT)) t(id, testo, giorno, x, flag, big) ORDER BY id`;

  it('CSV re-loads into DuckDB with the same rows', async () => {
    const original = await getEngine().query(SQL);
    const csv = toCSV(resultTable(original));
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    await getEngine().load({ name: 'csv_roundtrip', url, format: 'csv' });
    const back = await getEngine().query('SELECT * FROM csv_roundtrip ORDER BY id');
    expect(back.numRows).to.equal(3);
    expect(toCSV(resultTable(back))).to.equal(csv);
  });

  it('Arrow IPC re-loads with the same types and rows', async () => {
    const original = await getEngine().query(SQL);
    const bytes = await toArrowIPC(original);
    const url = URL.createObjectURL(new Blob([bytes as BlobPart]));
    await getEngine().load({ name: 'arrow_roundtrip', url, format: 'arrow' });
    const back = await getEngine().query('SELECT * FROM arrow_roundtrip ORDER BY id');
    expect(back.schema.fields.map((f) => String(f.type))).to.deep.equal(original.schema.fields.map((f) => String(f.type)));
    expect(toCSV(resultTable(back))).to.equal(toCSV(resultTable(original)));
  });

  it('Parquet re-loads with the same rows (written by parquet-wasm, read by the engine)', async () => {
    const original = await getEngine().query(SQL);
    const { arrowToParquet } = await import('../../src/data/parquet.js');
    const bytes = await arrowToParquet(original);
    expect(String.fromCharCode(...bytes.subarray(0, 4))).to.equal('PAR1');
    const url = URL.createObjectURL(new Blob([bytes as BlobPart]));
    await getEngine().load({ name: 'parquet_roundtrip', url, format: 'parquet' });
    const back = await getEngine().query('SELECT * FROM parquet_roundtrip ORDER BY id');
    expect(toCSV(resultTable(back))).to.equal(toCSV(resultTable(original)));
  });

  it('the buttons download a CSV, an Arrow and a Parquet file', async () => {
    const el = await bareConsole();
    await runAndWait(el, SQL);
    const clicked: string[] = [];
    const orig = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    };
    try {
      el.shadowRoot!.querySelector<HTMLButtonElement>('button.export-csv')!.click();
      el.shadowRoot!.querySelector<HTMLButtonElement>('button.export-arrow')!.click();
      await waitUntil(() => clicked.length === 2, 'no downloads');
      el.shadowRoot!.querySelector<HTMLButtonElement>('button.export-parquet')!.click();
      await waitUntil(() => clicked.length === 3, 'no Parquet download', { timeout: 20000 });
    } finally {
      HTMLAnchorElement.prototype.click = orig;
    }
    expect(clicked[0]).to.match(/^piccoli-query-.*\.csv$/);
    expect(clicked[1]).to.match(/^piccoli-query-.*\.arrow$/);
    expect(clicked[2]).to.match(/^piccoli-query-.*\.parquet$/);
  });
});

describe('<piccoli-sql> URL and history', () => {
  const tricky = 'SELECT \'a&b=c#d+e%20 è\' AS x, 1 + 2 AS "som ma"\n-- fine';

  it('round-trips a query through the URL hash, other hash keys kept', () => {
    const href = writeQueryToUrl('https://example.test/console?x=1#tab=2', tricky);
    expect(readQueryFromUrl(href)).to.equal(tricky);
    expect(new URL(href).hash).to.contain('tab=2');
    expect(readQueryFromUrl(writeQueryToUrl(href, ''))).to.equal(null);
  });

  it('opens the query of the URL, writes the run query back, and keeps a history', async () => {
    const before = location.href;
    const key = `piccoli-sql-test-${Math.random()}`;
    history.replaceState(null, '', writeQueryToUrl(location.href, 'SELECT 7 AS sette'));
    try {
      const el = await fixture<PiccoliSql>(html`<piccoli-sql no-bundled-data history-key=${key}></piccoli-sql>`);
      expect(el.value).to.equal('SELECT 7 AS sette');
      el.value = tricky;
      const done = oneEvent(el, 'piccoli-query-run');
      void el.run();
      await done;
      expect(readQueryFromUrl(location.href)).to.equal(tricky);
      const stored = JSON.parse(localStorage.getItem(key)!);
      expect(stored[0].sql).to.equal(tricky);
      expect(stored[0].rows).to.equal(1);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.history button')!.textContent).to.contain("SELECT 'a&b=c#d+e%20 è'");
    } finally {
      localStorage.removeItem(key);
      history.replaceState(null, '', before);
    }
  });
});

describe('<piccoli-sql> ENUM columns', () => {
  it('shows the values of an ENUM column across many batches, not its codes or blanks', async () => {
    const el = await bareConsole();
    const ev = await runAndWait(
      el,
      // Under the console's row cap (100 000 by default: bounds.test.ts).
      `SELECT range AS i, (CASE range % 3 WHEN 0 THEN 'piccoli' WHEN 1 THEN 'siena' END)::ENUM('piccoli', 'siena') AS e FROM range(99999)`,
    );
    expect(ev.detail.rows).to.equal(99_999);
    expect(shownCells(el).slice(0, 4)).to.deep.equal([
      ['0', 'piccoli'],
      ['1', 'siena'],
      ['2', null],
      ['3', 'piccoli'],
    ]);
    // The last batch too: DuckDB-WASM streams results in batches of 2048 rows.
    const col = el.result!.getChildAt(1) as unknown as ArrowVectorLike;
    expect([99_996, 99_997, 99_998].map((r) => formatCell(col, r))).to.deep.equal(['piccoli', 'siena', null]);
  });
});
