import type { EditorView } from '@codemirror/view';
import type { Table } from 'apache-arrow';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { QueryController } from '../../controllers/query-controller.js';
import { getEngine } from '../../data/engine.js';
import { PiccoliDataError, messageOf } from '../../data/errors.js';
import { quoteIdent } from '../../data/sql/quote.js';
import { formatInteger, pickLang, type Lang } from '../../i18n/index.js';
import { loadBundledTables } from './bundled-tables.js';
import { CHART_MAX_ROWS, chartKinds, chooseChart, resultColumns, type ChartKind } from './chart.js';
import { PiccoliQueryErrorEvent, PiccoliQueryRunEvent } from './events.js';
import { EXAMPLES } from './examples.js';
import { download, exportFileName, resultTable, toArrowIPC, toCSV, toTSV, type ResultTableLike } from './export.js';
import {
  brokenDictionaryColumns,
  columnKind,
  formatCell,
  sortKey,
  type ArrowVectorLike,
  type ColumnKind,
  type SortKey,
} from './format-value.js';
import type { SqlEditor } from './editor.js';
import { COLUMNS_SQL, groupColumns, rowCountsSql, sqlName, type TableInfo } from './schema.js';
import { errorContext, errorHeadline, errorPosition } from './sql-error.js';
import { theme } from '../../styles/theme.js';
import { ROW_HEIGHT, styles } from './piccoli-sql.styles.js';
import { STRINGS, type Strings } from './strings.js';
import { HISTORY_KEY, pushHistory, readHistory, readQueryFromUrl, writeQueryToUrl, type HistoryEntry } from './url-state.js';
import { rowWindow } from './virtual.js';

/** A finished run: the Arrow result and how it came about. */
interface RunResult {
  table: Table;
  sql: string;
  elapsedMs: number;
}

interface RunError {
  sql: string;
  code: string;
  message: string;
  line?: number;
  column?: number;
}

const NUMERIC_KINDS: ColumnKind[] = ['number', 'bigint', 'decimal'];
const collator = new Intl.Collator('it', { numeric: true });

/**
 * An SQL console on the page's shared DuckDB-WASM engine, for analysts: an editor with
 * autocomplete of the loaded tables and columns, a schema browser, a virtualised results
 * table that renders every DuckDB type as DuckDB prints it, a quick chart, exports, and
 * the query kept in the URL and in a local history. It loads the bundled programme data
 * (programme_events, comuni, stages, choices, programmes) unless told not to.
 *
 * @summary SQL console over the shared engine, with results, chart and exports.
 *
 * @fires piccoli-query-run - A query finished; detail has sql, rows, columns, elapsedMs.
 * @fires piccoli-query-error - A query failed; detail has sql, code, message, line, column.
 *
 * @csspart editor - The SQL editor.
 * @csspart schema - The table browser.
 * @csspart results - The results table's scrolling box.
 * @csspart chart - The chart.
 * @csspart message - Error and status messages.
 *
 * @cssproperty --piccoli-color-primary - Buttons, links, focus ring (default #0066CC).
 * @cssproperty --piccoli-color-text - Text (default #1A1A1A).
 * @cssproperty --piccoli-color-muted - Secondary text, NULL marks (default #5C6F82).
 * @cssproperty --piccoli-color-error - Errors (default #CC334D).
 * @cssproperty --piccoli-font - Font family (Titillium Web when the page has it).
 * @cssproperty --piccoli-font-mono - Font of code and values.
 * @cssproperty --piccoli-sql-results-height - Height of the results box (default 26rem).
 *
 * @example
 * <piccoli-sql autorun></piccoli-sql>
 * <piccoli-sql no-bundled-data no-url query="SELECT 42"></piccoli-sql>
 */
@customElement('piccoli-sql')
export class PiccoliSql extends LitElement {
  static override styles = [theme, styles];

  private readonly _run = new QueryController<RunResult>(this, (signal) => this._execute(signal));
  /** The CodeMirror editor, once its module has loaded (see `loadEditor`). */
  private _editor?: SqlEditor;
  /** Loading the editor module: started when the element first connects. */
  private _editorModule?: Promise<typeof import('./editor.js')>;
  /** Settles when the editor is mounted (or could not be): `updateComplete` waits for it. */
  private _editorMounted?: Promise<void>;
  /** The text while there is no editor yet: shown in the placeholder, handed to the editor. */
  private _doc?: string;
  /** An error position of a run made before the editor arrived, marked when it does. */
  private _pendingMark?: { doc: string; offset: number };
  private _tablesReady?: Promise<void>;
  private _pendingSql = '';
  private _runToken = 0;
  private _urlTimer?: ReturnType<typeof setTimeout>;
  private _scrollFrame = 0;
  private _chartRequest = 0;
  private readonly _onHashChange = () => this._fromUrl();

  @query('.editor') private _editorHost!: HTMLElement;
  @query('.scroller') private _scroller?: HTMLElement;

  @state() private _result?: RunResult;
  @state() private _error?: RunError;
  @state() private _running = false;
  @state() private _cancelled = false;
  @state() private _tables: TableInfo[] = [];
  @state() private _openTables: ReadonlySet<string> = new Set();
  @state() private _loadError?: string;
  @state() private _loading = false;
  @state() private _history: HistoryEntry[] = [];
  @state() private _sort?: { column: number; dir: 1 | -1 };
  @state() private _order?: Uint32Array;
  @state() private _scrollTop = 0;
  @state() private _viewportHeight = 416;
  @state() private _show: 'table' | 'chart' = 'table';
  @state() private _chartKind?: ChartKind;
  @state() private _chartNode?: Node | string;
  @state() private _notice = '';
  @state() private _detail?: { column: string; text: string | null };
  @state() private _editorReady = false;
  @state() private _editorError?: string;

  /** The query the editor starts with (when the URL has none). */
  @property() query = '';
  /** Do not load the bundled programme tables: the page loads its own into the engine. */
  @property({ type: Boolean, attribute: 'no-bundled-data' }) noBundledData = false;
  /** Do not read or write the query in the page URL (e.g. two consoles on one page). */
  @property({ type: Boolean, attribute: 'no-url' }) noUrl = false;
  /** Hash parameter holding the query: `#sql=...`. */
  @property({ attribute: 'url-param' }) urlParam = 'sql';
  /** localStorage key of the history; empty to keep no history. */
  @property({ attribute: 'history-key' }) historyKey = HISTORY_KEY;
  /** Run the starting query as soon as the data has loaded. */
  @property({ type: Boolean }) autorun = false;

  /**
   * Fetches the editor module. A dynamic import, so that CodeMirror is not part of the
   * element's first load; the element renders a same-size placeholder until it arrives.
   * A subclass may override this, e.g. to preload the module or to hold it back.
   */
  protected static loadEditor(): Promise<typeof import('./editor.js')> {
    return import('./editor.js');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._editorModule ??= (this.constructor as typeof PiccoliSql).loadEditor();
    window.addEventListener('hashchange', this._onHashChange);
    this._history = this.historyKey ? readHistory(this._storage(), this.historyKey) : [];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this._onHashChange);
    clearTimeout(this._urlTimer);
    cancelAnimationFrame(this._scrollFrame);
  }

  private get _lang(): Lang {
    return pickLang(this.getAttribute('lang'), this);
  }

  private get _s(): Strings {
    return STRINGS[this._lang];
  }

  protected override firstUpdated(): void {
    const fromUrl = this.noUrl ? null : readQueryFromUrl(location.href, this.urlParam);
    const doc = fromUrl ?? this.query;
    this._doc = doc;
    this._editorMounted = this._mountEditor();
    this._tablesReady = this._loadTables();
    if (this.autorun && doc.trim()) void this.run();
  }

  /**
   * Resolves once the element has rendered and its editor is in place (or failed to
   * load), so that `await el.updateComplete` is followed by a usable `editor`.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    await this._editorMounted;
    return result;
  }

  /** Replace the placeholder with the editor once its module has arrived. */
  private async _mountEditor(): Promise<void> {
    try {
      const { SqlEditor } = await this._editorModule!;
      const doc = this._doc ?? '';
      this._editor = new SqlEditor({
        parent: this._editorHost,
        root: this.renderRoot as ShadowRoot,
        doc,
        label: this._s.editorLabel,
        tables: this._tables.length ? this._tables : undefined,
        onRun: () => void this.run(),
        onCancel: () => this.cancel(),
        onChange: () => this._queueUrlWrite(),
      });
      this._doc = undefined;
      const mark = this._pendingMark;
      this._pendingMark = undefined;
      if (mark && mark.doc === doc && this._error) this._editor.markError(mark.offset);
      this._editorReady = true;
    } catch (e) {
      // The console keeps working on the placeholder's text: run() and value still do.
      this._editorError = messageOf(e);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (
      changed.has('_show' as keyof PiccoliSql) ||
      changed.has('_result' as keyof PiccoliSql) ||
      changed.has('_chartKind' as keyof PiccoliSql)
    ) {
      if (this._show === 'chart') void this._drawChart();
    }
    if (changed.has('_result' as keyof PiccoliSql) && this._scroller) {
      this._viewportHeight = this._scroller.clientHeight || this._viewportHeight;
    }
  }

  /** Load the bundled tables (unless asked not to), then read the engine's schema. */
  private async _loadTables(): Promise<void> {
    if (!this.noBundledData) {
      this._loading = true;
      try {
        await loadBundledTables();
      } catch (e) {
        this._loadError = messageOf(e);
      } finally {
        this._loading = false;
      }
    }
    await this.refreshSchema();
  }

  private _storage(): Storage | undefined {
    try {
      return window.localStorage;
    } catch {
      return undefined; // disabled storage throws on access
    }
  }

  private _fromUrl(): void {
    if (this.noUrl || !this.hasUpdated) return;
    const sql = readQueryFromUrl(location.href, this.urlParam);
    if (sql !== null && sql !== this.value) this.value = sql;
  }

  private _queueUrlWrite(): void {
    if (this.noUrl) return;
    clearTimeout(this._urlTimer);
    this._urlTimer = setTimeout(() => this._writeUrl(), 250);
  }

  private _writeUrl(): void {
    if (this.noUrl) return;
    const next = writeQueryToUrl(location.href, this.value, this.urlParam);
    if (next !== location.href) history.replaceState(history.state, '', next);
  }

  private async _execute(signal: AbortSignal): Promise<RunResult> {
    const sql = this._pendingSql;
    await this._tablesReady;
    const t0 = performance.now();
    let table = await getEngine().query(sql, [], { signal });
    const broken = brokenDictionaryColumns(table as unknown as ResultTableLike);
    const single = sql.trim().replace(/;\s*$/, '');
    if (broken.length && !single.includes(';')) {
      // A streamed result can carry ENUM columns whose dictionary arrived empty (see
      // brokenDictionaryColumns): ask again with those columns as text.
      const replace = broken.map((c) => `CAST(${quoteIdent(c)} AS VARCHAR) AS ${quoteIdent(c)}`).join(', ');
      table = await getEngine().query(`SELECT * REPLACE (${replace}) FROM (${single})`, [], { signal });
    }
    return { table, sql, elapsedMs: performance.now() - t0 };
  }

  /** The selected text if there is a selection, else the whole text, with its offset. */
  private _runnable(): { sql: string; from: number } {
    return this._editor?.runnable() ?? { sql: this.value, from: 0 };
  }

  /** Line and column of the error in the editor's text, underlined there (`from` < 0: not from the editor). */
  private _markError(err: PiccoliDataError, sql: string, from: number): { line?: number; column?: number } {
    const pos = errorPosition(err.message, sql, err.position);
    if (!pos || from < 0) return pos ? { line: pos.line, column: pos.column } : {};
    if (this._editor) return this._editor.markError(from + pos.offset);
    // No editor yet: the whole text was run (from is 0); mark it when the editor arrives.
    this._pendingMark = { doc: sql, offset: pos.offset };
    return { line: pos.line, column: pos.column };
  }

  private _handleScroll = (e: Event) => {
    const el = e.currentTarget as HTMLElement;
    cancelAnimationFrame(this._scrollFrame);
    this._scrollFrame = requestAnimationFrame(() => {
      this._scrollTop = el.scrollTop;
      this._viewportHeight = el.clientHeight || this._viewportHeight;
    });
  };

  private _handleSort(column: number): void {
    const res = this._result;
    if (!res) return;
    const prev = this._sort;
    const dir: 1 | -1 | 0 = prev?.column !== column ? 1 : prev.dir === 1 ? -1 : 0;
    if (dir === 0) {
      this._sort = undefined;
      this._order = undefined;
      return;
    }
    const vec = res.table.getChildAt(column) as unknown as ArrowVectorLike;
    const n = res.table.numRows;
    const keys: SortKey[] = new Array(n);
    for (let r = 0; r < n; r++) keys[r] = sortKey(vec, r);
    const order = new Uint32Array(n);
    for (let r = 0; r < n; r++) order[r] = r;
    order.sort((a, b) => compareKeys(keys[a]!, keys[b]!, dir) || a - b);
    this._sort = { column, dir };
    this._order = order;
  }

  private _handleToggleTable(name: string): void {
    const next = new Set(this._openTables);
    if (!next.delete(name)) next.add(name);
    this._openTables = next;
  }

  private _handleExample(e: Event): void {
    const select = e.currentTarget as HTMLSelectElement;
    const ex = EXAMPLES.find((x) => x.id === select.value);
    select.value = '';
    if (!ex) return;
    this.value = ex.sql;
    void this.run();
  }

  private _handleHistory(entry: HistoryEntry): void {
    this.value = entry.sql;
    this._editor?.focus();
  }

  private _insertName(name: string): void {
    if (this._editor) this._editor.insert(sqlName(name));
    else if (this.hasUpdated) this.value = `${this.value}${/\S$/.test(this.value) ? ' ' : ''}${sqlName(name)}`; // no cursor yet: at the end
  }

  private async _handleExport(kind: 'csv' | 'arrow' | 'parquet'): Promise<void> {
    const res = this._result;
    if (!res) return;
    try {
      if (kind === 'csv') {
        download(toCSV(resultTable(res.table), this._order), 'text/csv;charset=utf-8', exportFileName('csv'));
      } else if (kind === 'parquet') {
        // parquet-wasm (already shipped as the Parquet reader), loaded on first use.
        const { arrowToParquet } = await import('../../data/parquet.js');
        download((await arrowToParquet(res.table)) as BlobPart, 'application/vnd.apache.parquet', exportFileName('parquet'));
      } else {
        const bytes = await toArrowIPC(res.table);
        download(bytes as BlobPart, 'application/vnd.apache.arrow.file', exportFileName('arrow'));
      }
    } catch (e) {
      this._notice = messageOf(e);
    }
  }

  private async _handleCopy(): Promise<void> {
    const res = this._result;
    if (!res) return;
    try {
      await navigator.clipboard.writeText(toTSV(resultTable(res.table), this._order));
      this._notice = this._s.copied;
    } catch {
      this._notice = this._s.copyFailed;
    }
  }

  private async _drawChart(): Promise<void> {
    const res = this._result;
    const request = ++this._chartRequest;
    if (!res) return;
    const choice = chooseChart(resultColumns(resultTable(res.table)), this._chartKind);
    if (!choice) {
      this._chartNode = this._s.noChart;
      return;
    }
    try {
      // Observable Plot is loaded only when a chart is asked for: its own chunk, in no
      // element's first load.
      const { renderChart } = await import('./chart-plot.js');
      if (request !== this._chartRequest) return;
      const width = Math.max(320, ((this.renderRoot.querySelector('.main') as HTMLElement | null)?.clientWidth ?? 640) - 4);
      const s = this._s;
      this._chartNode = renderChart(resultTable(res.table), choice, {
        width,
        lang: this._lang,
        text: { caption: s.chartCaption, label: s.chartLabel },
      });
    } catch (e) {
      this._chartNode = messageOf(e);
    }
  }

  /** The editor's text. Setting it replaces the text (and clears the error mark). */
  get value(): string {
    return this._editor?.value ?? this._doc ?? this.query;
  }

  set value(sql: string) {
    if (this._editor) {
      this._editor.value = sql;
    } else if (this._doc !== undefined) {
      // Rendered, editor still loading: the placeholder shows it and the editor starts with it.
      this._doc = sql;
      this._pendingMark = undefined;
      this.requestUpdate();
      this._queueUrlWrite();
    } else {
      this.query = sql;
    }
  }

  /** The last successful result as an Arrow table, if any. */
  get result(): Table | undefined {
    return this._result?.table;
  }

  /** The tables of the engine with their columns and row counts, as the schema browser shows. */
  get tables(): readonly TableInfo[] {
    return this._tables;
  }

  /**
   * The editor's CodeMirror view, for tests and advanced embedding; undefined until the
   * editor has loaded (`await el.updateComplete` waits for it).
   */
  get editor(): EditorView | undefined {
    return this._editor?.view;
  }

  /**
   * Run `sql`, or the editor's selection, or the whole editor. A run in progress is
   * superseded (and interrupted in DuckDB). Never throws: errors are shown and fired.
   */
  async run(sql?: string): Promise<void> {
    const { sql: text, from } = sql !== undefined ? { sql, from: -1 } : this._runnable();
    if (!text.trim()) return;
    const token = ++this._runToken;
    this._pendingSql = text;
    this._running = true;
    this._cancelled = false;
    this._error = undefined;
    this._notice = '';
    this._editor?.clearError();
    this._pendingMark = undefined;
    if (sql === undefined) this._writeUrl();
    await this._run.run();
    if (token !== this._runToken) return; // superseded or cancelled
    this._running = false;
    if (this._run.status === 'complete' && this._run.value) {
      const res = this._run.value;
      this._result = res;
      this._sort = undefined;
      this._order = undefined;
      this._detail = undefined;
      this._scrollTop = 0;
      if (this._scroller) this._scroller.scrollTop = 0;
      this._remember({ sql: text, at: new Date().toISOString(), rows: res.table.numRows, ok: true });
      this.dispatchEvent(
        new PiccoliQueryRunEvent({
          sql: text,
          rows: res.table.numRows,
          columns: res.table.schema.fields.map((f) => f.name),
          elapsedMs: res.elapsedMs,
        }),
      );
      // A CREATE or a load may have changed the tables.
      if (!/^\s*(--[^\n]*\n\s*)*(SELECT|WITH|FROM|VALUES|DESCRIBE|SHOW|SUMMARIZE|PRAGMA|EXPLAIN)\b/i.test(text)) {
        void this.refreshSchema();
      }
    } else if (this._run.status === 'error') {
      const err = this._run.error ?? new PiccoliDataError('query', 'Unknown error');
      const at = this._markError(err, text, from);
      const message = err.message;
      this._error = { sql: text, code: err.code, message, ...at };
      this._remember({ sql: text, at: new Date().toISOString(), ok: false });
      this.dispatchEvent(new PiccoliQueryErrorEvent({ sql: text, code: err.code, message, ...at }));
    }
  }

  /** Stop the running query (DuckDB is interrupted); the console is ready for the next. */
  cancel(): void {
    if (!this._running) return;
    this._runToken++;
    this._run.abort();
    this._running = false;
    this._cancelled = true;
  }

  /** Read the engine's tables and columns again (after the page loads its own tables). */
  async refreshSchema(): Promise<void> {
    const engine = getEngine();
    try {
      const cols = await engine.query(COLUMNS_SQL);
      const tables = groupColumns(cols.toArray().map((r) => r.toJSON() as never));
      if (tables.length) {
        const counts = await engine.query(rowCountsSql(tables.map((t) => t.name)));
        for (const r of counts.toArray()) {
          const { i, n } = r.toJSON() as { i: number; n: bigint };
          tables[i]!.rows = Number(n);
        }
      }
      this._tables = tables;
      this._editor?.setSchema(tables);
    } catch (e) {
      this._loadError ??= messageOf(e);
    }
  }

  private _remember(entry: HistoryEntry): void {
    if (!this.historyKey) return;
    this._history = pushHistory(this._storage(), entry, this.historyKey);
  }

  override render(): TemplateResult {
    const s = this._s;
    return html`
      <div class="layout">
        <aside part="schema" aria-label=${s.schema}>
          <h2>${s.schema}</h2>
          ${this._loading && !this._tables.length ? html`<p class="status">${s.schemaLoading}</p>` : nothing}
          <ul class="tables">
            ${this._tables.map((t) => {
              // A disclosure button beside the insert button, not a <details>: a button
              // inside <summary> is a control nested in a control (axe nested-interactive).
              const open = this._openTables.has(t.name);
              const id = `columns-${sqlName(t.name).replace(/[^\w-]/g, '_')}`;
              return html`<li>
                <div class="table-row">
                  <button class="toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls=${id} aria-label=${s.columnsOf(t.name)} @click=${() => this._handleToggleTable(t.name)}>
                    <span aria-hidden="true">▸</span>
                  </button>
                  <button class="name" title=${s.insert(t.name)} @click=${() => this._insertName(t.name)}>${t.name}</button>
                  <span class="count">${t.rows === null ? '' : formatInteger(t.rows, this._lang)}</span>
                </div>
                <ul class="columns" id=${id} ?hidden=${!open}>
                  ${
                    open
                      ? t.columns.map(
                          (c) => html`<li>
                          <button class="name" title=${s.insert(c.name)} @click=${() => this._insertName(c.name)}>${c.name}</button>
                          <span class="type">${c.type}</span>
                        </li>`,
                        )
                      : nothing
                  }
                </ul>
              </li>`;
            })}
          </ul>
          <h2>${s.history}</h2>
          ${
            this._history.length
              ? html`<ul class="history">
                ${this._history.slice(0, 20).map(
                  (h) => html`<li>
                    <button class=${h.ok ? '' : 'failed'} title=${h.sql} @click=${() => this._handleHistory(h)}>${h.sql.replace(/\s+/g, ' ')}</button>
                  </li>`,
                )}
              </ul>`
              : html`<p class="status">${s.noHistory}</p>`
          }
        </aside>
        <div class="main">
          <div class="editor" part="editor">
            <div
              class="editor-placeholder"
              role="textbox"
              aria-readonly="true"
              aria-multiline="true"
              aria-busy=${this._editorError ? 'false' : 'true'}
              aria-label=${s.editorLabel}
              style="grid-template-rows: 4px repeat(${this._editorReady ? 0 : this.value.split('\n').length}, auto) minmax(4px, 1fr)"
              ?hidden=${this._editorReady}
            >${this._editorReady ? nothing : this._renderEditorPlaceholder()}</div>
          </div>
          <div class="toolbar">
            <button class="primary run" title=${s.runHint} ?disabled=${this._running} @click=${() => this.run()}>${s.run}</button>
            <button class="cancel" ?disabled=${!this._running} @click=${() => this.cancel()}>${s.cancel}</button>
            <select class="examples" aria-label=${s.examples} @change=${this._handleExample}>
              <option value="">${s.chooseExample}</option>
              ${EXAMPLES.map((ex) => html`<option value=${ex.id}>${ex.title[this._lang]}</option>`)}
            </select>
            <span class="spacer"></span>
            <span class="status" role="status" aria-live="polite">${this._statusText()}</span>
          </div>
          ${this._editorError ? html`<div class="alert" role="alert" part="message"><strong>${s.editorError}</strong> ${this._editorError}</div>` : nothing}
          ${this._loadError ? html`<div class="alert" role="alert" part="message"><strong>${s.loadError}</strong> ${this._loadError}</div>` : nothing}
          ${this._error ? this._renderError(this._error) : nothing}
          ${this._result ? this._renderResult(this._result) : nothing}
        </div>
      </div>
    `;
  }

  /**
   * Stands in for the editor while its module loads: the query laid out as the editor
   * will show it (line numbers, wrapping, line height), in the same box, so that nothing
   * moves when the editor arrives. The box is then hidden, not removed: the editor's own
   * nodes follow it in `.editor`, where no Lit binding reaches them.
   */
  private _renderEditorPlaceholder(): TemplateResult {
    const lines = this.value.split('\n');
    const empty = lines.length === 1 && lines[0] === '';
    return html`<span class="ph-gutter"></span><span></span>
      ${lines.map(
        (line, i) =>
          html`<span class="ph-gutter" aria-hidden="true">${i + 1}</span><span class="ph-line"
              >${empty ? html`<span class="ph-empty">SELECT …</span>` : line || html`<br />`}</span
            >`,
      )}
      <span class="ph-gutter"></span><span></span>`;
  }

  private _statusText(): string {
    const s = this._s;
    if (this._running) return s.running;
    if (this._cancelled) return s.cancelled;
    if (this._notice) return this._notice;
    const res = this._result;
    if (!res) return '';
    const n = res.table.numRows;
    const ms = formatInteger(Math.round(res.elapsedMs), this._lang);
    return s.resultSummary(formatInteger(n, this._lang), ms).replace(/^1 righe|^1 rows/, n === 1 ? s.resultRow('1') : '$&');
  }

  private _renderError(err: RunError): TemplateResult {
    const s = this._s;
    const where = err.line !== undefined && err.column !== undefined ? s.errorAt(err.line, err.column) : '';
    return html`<div class="alert error" role="alert" part="message">
      <strong>${errorHeadline(err.message)}</strong>${where ? html` <span class="where">(${where})</span>` : nothing}
      ${errorContext(err.message) ? html`<pre>${errorContext(err.message)}</pre>` : nothing}
    </div>`;
  }

  private _renderResult(res: RunResult): TemplateResult {
    const s = this._s;
    const cols = resultColumns(resultTable(res.table));
    const kinds = chartKinds(cols);
    return html`
      <div class="toolbar">
        <div class="tabs" role="group" aria-label=${s.resultsLabel}>
          <button aria-pressed=${this._show === 'table'} @click=${() => (this._show = 'table')}>${s.table}</button>
          <button aria-pressed=${this._show === 'chart'} @click=${() => (this._show = 'chart')}>${s.chart}</button>
        </div>
        ${
          this._show === 'chart' && kinds.length > 1
            ? html`<select class="chart-kind" aria-label=${s.chartKind} @change=${(e: Event) => (this._chartKind = (e.currentTarget as HTMLSelectElement).value as ChartKind)}>
              ${kinds.map((k) => html`<option value=${k} ?selected=${k === (this._chartKind ?? chooseChart(cols)?.kind)}>${s[k]}</option>`)}
            </select>`
            : nothing
        }
        <span class="spacer"></span>
        <button class="export-csv" @click=${() => this._handleExport('csv')}>${s.exportCsv}</button>
        <button class="export-arrow" @click=${() => this._handleExport('arrow')}>${s.exportArrow}</button>
        <button class="export-parquet" @click=${() => this._handleExport('parquet')}>${s.exportParquet}</button>
        <button class="copy-tsv" @click=${() => this._handleCopy()}>${s.copyTsv}</button>
      </div>
      ${this._show === 'table' ? this._renderTable(res) : this._renderChart(res)}
      ${
        this._detail
          ? html`<div class="detail" part="message">
            <strong>${s.cellDetail}: ${this._detail.column}</strong>
            <button class="close" @click=${() => (this._detail = undefined)}>${s.close}</button>
            <pre>${this._detail.text === null ? 'NULL' : this._detail.text}</pre>
          </div>`
          : nothing
      }
    `;
  }

  private _renderChart(res: RunResult): TemplateResult {
    const s = this._s;
    return html`<div class="chart" part="chart">
      ${this._chartNode ?? html`<p class="status">${s.chartLoading}</p>`}
      ${res.table.numRows > CHART_MAX_ROWS ? html`<p class="status">${s.chartTruncated(formatInteger(CHART_MAX_ROWS, this._lang))}</p>` : nothing}
    </div>`;
  }

  private _renderTable(res: RunResult): TemplateResult {
    const s = this._s;
    const t = res.table;
    const n = t.numRows;
    if (n === 0 && t.schema.fields.length === 0) return html`<p class="status">${s.noRows}</p>`;
    const fields = t.schema.fields;
    const vectors = fields.map((_, i) => t.getChildAt(i) as unknown as ArrowVectorLike);
    const kinds = vectors.map((v) => columnKind(v.type));
    const widths = kinds.map((k, i) => columnWidth(k, fields[i]!.name, String(fields[i]!.type)));
    const numW = Math.max(48, String(n).length * 9 + 16);
    const total = numW + widths.reduce((a, b) => a + b, 0);
    const win = rowWindow(this._scrollTop, this._viewportHeight, ROW_HEIGHT, n);
    const rows: number[] = [];
    for (let k = win.start; k < win.end; k++) rows.push(k);
    const after = win.totalHeight - win.offsetY - rows.length * ROW_HEIGHT;
    const order = this._order;
    return html`
      <div class="scroller" part="results" role="region" tabindex="0" aria-label=${s.resultsLabel} @scroll=${this._handleScroll}>
        <table style="width:${total}px" aria-rowcount=${n + 1} aria-colcount=${fields.length}>
          <colgroup>
            <col style="width:${numW}px" />
            ${widths.map((w) => html`<col style="width:${w}px" />`)}
          </colgroup>
          <thead>
            <tr aria-rowindex="1">
              <th class="rownum" scope="col"><span class="sr-only">#</span></th>
              ${fields.map(
                (f, i) => html`<th
                  scope="col"
                  aria-sort=${this._sort?.column === i ? (this._sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
                >
                  <button title=${s.sortBy(f.name)} @click=${() => this._handleSort(i)}>
                    <span class="col-name">${f.name}${this._sort?.column === i ? (this._sort.dir === 1 ? ' ▲' : ' ▼') : ''}</span>
                    <span class="col-type">${String(f.type)}</span>
                  </button>
                </th>`,
              )}
            </tr>
          </thead>
          <tbody>
            ${win.offsetY > 0 ? html`<tr class="pad" aria-hidden="true"><td style="height:${win.offsetY}px" colspan=${fields.length + 1}></td></tr>` : nothing}
            ${rows.map((k) => {
              const r = order ? order[k]! : k;
              return html`<tr class="row" aria-rowindex=${k + 2}>
                <td class="rownum">${k + 1}</td>
                ${vectors.map((v, c) => {
                  const text = formatCell(v, r);
                  const num = NUMERIC_KINDS.includes(kinds[c]!);
                  if (text === null) {
                    return html`<td class="null" data-null="" @dblclick=${() => (this._detail = { column: fields[c]!.name, text })}><span class="null-mark">NULL</span></td>`;
                  }
                  return html`<td
                    class=${num ? 'num' : text === '' ? 'empty' : ''}
                    title=${text.length > 2000 ? `${text.slice(0, 2000)}…` : text}
                    @dblclick=${() => (this._detail = { column: fields[c]!.name, text })}
                  >${text}</td>`;
                })}
              </tr>`;
            })}
            ${after > 0 ? html`<tr class="pad" aria-hidden="true"><td style="height:${after}px" colspan=${fields.length + 1}></td></tr>` : nothing}
          </tbody>
        </table>
      </div>
      ${n === 0 ? html`<p class="status">${s.noRows}</p>` : nothing}
    `;
  }
}

/** Ascending or descending, NULLs last either way; bigints and numbers compare as numbers. */
function compareKeys(a: SortKey, b: SortKey, dir: 1 | -1): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'string' || typeof b === 'string') return dir * collator.compare(String(a), String(b));
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) ? (Number.isNaN(b) ? 0 : dir) : -dir;
  return a < b ? -dir : a > b ? dir : 0;
}

function columnWidth(kind: ColumnKind, name: string, type: string): number {
  const base = kind === 'text' || kind === 'other' ? 220 : kind === 'temporal' ? 200 : kind === 'boolean' ? 90 : 130;
  return Math.max(base, Math.min(320, Math.max(name.length, type.length) * 8 + 24));
}

declare global {
  interface HTMLElementTagNameMap {
    'piccoli-sql': PiccoliSql;
  }
}
