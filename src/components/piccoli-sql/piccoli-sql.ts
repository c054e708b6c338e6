import type { EditorView } from '@codemirror/view';
import type { Table } from 'apache-arrow';
import { html, nothing, type LitElement, type TemplateResult } from 'lit';
import { PiccoliElement } from '../piccoli-element.js';
import { customElement, property, state } from 'lit/decorators.js';
import { messageOf } from '../../data/errors.js';
import { theme } from '../../styles/theme.js';
import { EditorController, type EditorModule } from './editor-controller.js';
import { PiccoliQueryErrorEvent, PiccoliQueryRunEvent } from './events.js';
import type { ExampleQuery } from './examples.js';
import { renderAlert, renderRunError, statusText, type RunError, type StatusState } from './messages.js';
import { HistoryController } from './history-controller.js';
import type { PiccoliSqlHistoryPickEvent } from './history-list.js';
import { styles } from './piccoli-sql.styles.js';
import type { PiccoliSqlNoticeEvent, PiccoliSqlShowEvent } from './output-panel.js';

/**
 * The result's table, chart and exports (with the value formatters): not in the console's
 * first load. Requested when a console connects, awaited before a first result is shown.
 */
let outputPanel: Promise<typeof import('./output-panel.js')> | undefined;
function loadOutputPanel(): Promise<typeof import('./output-panel.js')> {
  outputPanel ??= import('./output-panel.js').catch((e: unknown) => {
    outputPanel = undefined;
    throw e;
  });
  return outputPanel;
}
import { RunController, type RunResult } from './run-controller.js';
import type { PiccoliSqlInsertEvent } from './schema-browser.js';
import type { TableInfo } from './schema.js';
import { STRINGS, type Strings } from './strings.js';
import { loadWords, words } from '../../i18n/words.js';
import { UrlController } from './url-controller.js';
import { HISTORY_KEY, type HistoryEntry } from './url-state.js';

/** The console's words with no words in them: its layout while its language's words are on their way (no Italian shows). */
const BLANK = Object.fromEntries(
  Object.entries(STRINGS.it).map(([k, v]) => [k, typeof v === 'function' ? () => '' : '']),
) as unknown as Strings;

/** Statements that cannot change the tables: after any other, the schema is read again. */
const READS_ONLY = /^\s*(--[^\n]*\n\s*)*(SELECT|WITH|FROM|VALUES|DESCRIBE|SHOW|SUMMARIZE|PRAGMA|EXPLAIN)\b/i;

/**
 * An SQL console on the page's shared DuckDB-WASM engine, for analysts: an editor with
 * autocomplete of the loaded tables and columns, a schema browser, a virtualised results
 * table that renders every DuckDB type as DuckDB prints it, a quick chart, exports, and
 * the query kept in the URL and in a local history. It loads the bundled programme data
 * (programme_events, comuni, stages, choices, programmes) unless told not to; a table
 * that fails to load is named, with a «Riprova» button, and tried again at the next run.
 *
 * A query from the page URL (`#sql=…`, `#sql-<id>=…`) or from the history is only put in
 * the editor, with a note saying so: the reader runs it. `autorun` runs the query of the
 * page's own markup (`query`), never one from a link; runs made by `autorun` are not
 * recorded in the history nor written to the URL.
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
 * @cssproperty --piccoli-color-primary - Buttons, links, focus ring, chart marks; its borders are mixed from it (default #0066CC; dark #6AAEFC).
 * @cssproperty --piccoli-color-on-primary - Text on a primary-coloured button (default white; dark #0B1A2B).
 * @cssproperty --piccoli-color-text - Text (default #1A1A1A; dark #E9EDF2).
 * @cssproperty --piccoli-color-muted - Secondary text (default #5C6F82; dark #A3B2C2).
 * @cssproperty --piccoli-color-track - Rules and surfaces (mixed with the background) (default #E6EEF7; dark #2B323B).
 * @cssproperty --piccoli-color-background - Background (default white; dark #121417).
 * @cssproperty --piccoli-color-error - Error messages (default #A61919; dark #FF8F8F).
 * @cssproperty --piccoli-font - Font family (Titillium Web when the page has it, else the system's).
 * @cssproperty --piccoli-font-size - Base font size (default 1rem).
 * @cssproperty --piccoli-space - Padding unit (default 0.75rem).
 * @cssproperty --piccoli-radius - Corner radius of buttons, bars and boxes (default 4px).
 * @cssproperty --piccoli-font-mono - Font of code and values.
 * @cssproperty --piccoli-sql-results-height - Height of the results box (default 26rem).
 *
 * @attr theme - `light` or `dark`: the colour scheme whatever the reader's system asks for; unset, it follows `prefers-color-scheme`. Paper is always light; a site's --piccoli-color-* win in both schemes.
 *
 * @example
 * <piccoli-sql autorun query="SELECT * FROM comuni LIMIT 10"></piccoli-sql>
 * <piccoli-sql id="spesa" query="SELECT 42"></piccoli-sql>  <!-- its query in #sql-spesa=… -->
 * <piccoli-sql no-bundled-data no-url query="SELECT 42"></piccoli-sql>
 */
@customElement('piccoli-sql')
export class PiccoliSql extends PiccoliElement {
  static override styles = [theme, styles];

  override connectedCallback(): void {
    super.connectedCallback();
    // The schema browser and the history fill in once the engine has tables and the
    // reader has history: their code follows the console's first paint instead of
    // weighing on it (Lit applies the properties set before they upgrade).
    void import('./schema-browser.js').then(
      ({ schemaStyles }) => this.adopt(schemaStyles),
      () => undefined,
    );
    void import('./history-list.js').catch(() => undefined);
  }

  private readonly _runner = new RunController(this);
  private readonly _url = new UrlController(this, (sql) => this._load(sql, 'link'));
  private readonly _history = new HistoryController(this);
  private readonly _editor = new EditorController(this, () => (this.constructor as typeof PiccoliSql).loadEditor(), {
    onRun: () => void this.run(),
    onCancel: () => this.cancel(),
    onChange: () => this._url.queueWrite(),
  });

  @state() private _result?: RunResult;
  @state() private _examples: readonly ExampleQuery[] = [];
  /** Counts runs: a run that finishes after a later one started shows nothing. */
  private _runs = 0;
  private _output?: Promise<void>;

  /**
   * The output panel's code, its styles adopted by this console's shadow root, and the
   * panel's words and the error sentences in the console's language now (a console whose
   * `lang` changed waits for the new language's: its result or error is never shown
   * wordless, nor in the previous language).
   */
  private _outputReady(): Promise<void> {
    const lang = this._lang;
    this._output ??= loadOutputPanel().then(
      ({ outputStyles }) => this.adopt(outputStyles),
      () => {
        this._output = undefined; // a later run tries again
      },
    );
    return Promise.all([
      this._output,
      import('../../i18n/errors.js').then((m) => loadWords(m.ERRORS, lang)),
      import('./output-strings.js').then((m) => loadWords(m.OUTPUT_STRINGS, lang)),
    ]).then(
      () => undefined,
      () => undefined, // a language that cannot be fetched is said in Italian (loadWords)
    );
  }
  @state() private _error?: RunError;
  @state() private _tables: TableInfo[] = [];
  @state() private _loadError?: string;
  /** The bundled tables that failed to load, and why (the first failure). */
  @state() private _bundledFailed?: { tables: string[]; error: unknown };
  @state() private _loading = false;
  @state() private _notice = '';
  /** The engine's start, while a run waits for it (engine-status.ts). */
  @state() private _engine = '';
  /** The table or the chart, as the reader last chose: kept while a run clears the result. */
  @state() private _show: 'table' | 'chart' = 'table';

  /** The query the editor starts with (when the URL has none); the one `autorun` runs. */
  @property() query = '';
  /** Do not load the bundled programme tables: the page loads its own into the engine. */
  @property({ type: Boolean, attribute: 'no-bundled-data' }) noBundledData = false;
  /** Do not read or write the query in the page URL. */
  @property({ type: Boolean, attribute: 'no-url' }) noUrl = false;
  /**
   * Hash parameter holding the query. Empty (the default): `sql-<id>` for a console with
   * an `id` (`#sql-spesa=…`), else `sql` (`#sql=…`). Give each console of a page an id.
   */
  @property({ attribute: 'url-param' }) urlParam = '';
  /** localStorage key of the history; empty to keep no history. */
  @property({ attribute: 'history-key' }) historyKey = HISTORY_KEY;
  /**
   * Run the markup's query (`query`) as soon as the data has loaded. Never a query from
   * the URL: a link's query waits in the editor for the reader to run it.
   */
  @property({ type: Boolean }) autorun = false;

  /**
   * Fetches the editor module. A dynamic import, so that CodeMirror is not part of the
   * element's first load; the element renders a same-size placeholder until it arrives.
   * A subclass may override this, e.g. to preload the module or to hold it back.
   */
  protected static loadEditor(): Promise<EditorModule> {
    return import('./editor.js');
  }

  /** The console's words; until those of its language arrive, none (its parts wait for them too). */
  private get _s(): Strings {
    return this._words(STRINGS) ?? BLANK;
  }

  protected override firstUpdated(): void {
    void this._outputReady(); // fetched while the tables load
    // The examples' SQL is not in the first load: the list fills in a moment later. They are
    // DuckDB's SQL over the bundled tables: a console on a remote engine shows none.
    if (!this._runner.remote)
      import('./examples.js').then(
        (m) => (this._examples = m.EXAMPLES),
        () => undefined,
      );
    const linked = this._url.read();
    const doc = linked ?? this.query;
    this._runner.waitFor(this._loadTables());
    // The editor is named, and a notice said, in the console's language: once its words are here.
    const start = () => {
      this._editor.start(doc, this._s.editorLabel, this._tables);
      // A link's query is only shown: someone else wrote it. The markup's own may run.
      if (linked !== null && linked.trim() !== this.query.trim()) this._notice = this._s.fromLink;
      else if (this.autorun && doc.trim()) void this._run(doc, false);
    };
    if (words(STRINGS, this._lang)) start();
    else void loadWords(STRINGS, this._lang).then(start);
  }

  protected override updated(): void {
    if (this._bundledFailed) this._reportError(this._bundledFailed.error);
  }

  /**
   * Resolves once the element and its parts have rendered and its editor is in place (or
   * failed to load), so that `await el.updateComplete` is followed by a usable `editor`.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    await this._editor.mounted;
    // The parts render into the console's shadow root: their updates are the console's.
    const parts = this.renderRoot.querySelectorAll(
      'piccoli-sql-schema, piccoli-sql-history, piccoli-sql-output, piccoli-sql-results, piccoli-sql-chart',
    );
    await Promise.all([...parts].map((p) => (p as LitElement).updateComplete));
    return result;
  }

  /**
   * Load the bundled tables (unless asked not to), then read the engine's schema. Tables
   * that fail are named in the console; loading again fetches only those.
   */
  private async _loadTables(): Promise<void> {
    // With a connector the console reads the server's tables: nothing to load here.
    if (!this.noBundledData && !this._runner.remote) {
      this._loading = true;
      this._bundledFailed = undefined;
      try {
        const { failed } = await this._runner.loadBundled();
        if (failed.length) this._bundledFailed = { tables: failed.map((f) => f.table), error: failed[0]!.error };
      } catch (e) {
        // The loaders themselves could not be fetched.
        this._bundledFailed = { tables: [], error: e };
      } finally {
        this._loading = false;
      }
    }
    await this.refreshSchema();
  }

  /** Load the bundled tables that failed again (runs wait for it). */
  private _retryBundled(): void {
    if (this._loading) return;
    this._runner.waitFor(this._loadTables());
  }

  /** Put a query someone else wrote (a link, the history) in the editor, and say how to run it. */
  private _load(sql: string, from: 'link' | 'history'): void {
    this.value = sql;
    this._notice = from === 'link' ? this._s.fromLink : this._s.fromHistory;
  }

  private _handleExample(e: Event): void {
    const select = e.currentTarget as HTMLSelectElement;
    const ex = this._examples.find((x) => x.id === select.value);
    select.value = '';
    if (!ex) return;
    this.value = ex.sql;
    void this.run();
  }

  private _handleHistoryPick(e: PiccoliSqlHistoryPickEvent): void {
    this._load(e.entry.sql, 'history');
    this._editor.focus();
  }

  private _handleInsert(e: PiccoliSqlInsertEvent): void {
    // Without an editor there is no cursor yet: the name goes at the end.
    if (!this._editor.insert(e.text) && this.hasUpdated) this.value = `${this.value}${/\S$/.test(this.value) ? ' ' : ''}${e.text}`;
  }

  private _handleNotice(e: PiccoliSqlNoticeEvent): void {
    this._notice = e.text;
  }

  /** The editor's text. Setting it replaces the text (and clears the error mark). */
  get value(): string {
    return this._editor.text ?? this.query;
  }

  set value(sql: string) {
    if (!this._editor.setText(sql)) this.query = sql;
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
    return this._editor.view;
  }

  /**
   * Run `sql`, or the editor's selection, or the whole editor, as the reader's own run:
   * recorded in the history, and (the editor's text) written to the URL. A run in
   * progress is superseded (and interrupted in DuckDB). Bundled tables that failed to
   * load are loaded again first. Never throws: errors are shown and fired.
   */
  async run(sql?: string): Promise<void> {
    return this._run(sql, true);
  }

  /** `byReader` false: the markup's autorun, neither remembered nor written to the URL. */
  private async _run(sql: string | undefined, byReader: boolean): Promise<void> {
    const { sql: text, from } = sql !== undefined ? { sql, from: -1 } : this._editor.runnable();
    if (!text.trim()) return;
    // The previous result and its status go: the status says what this run is doing.
    this._error = this._result = undefined;
    this._notice = '';
    // The engine's download, rather than «running», while the engine starts (none on a remote one).
    if (!this._runner.remote)
      import('./engine-status.js').then(
        (m) => m.watchEngine(this._lang, (t) => (this._engine = t)),
        () => undefined,
      );
    this._editor.clearError();
    if (this._bundledFailed) this._retryBundled();
    if (sql === undefined && byReader) this._url.write();
    const remember = byReader ? (entry: HistoryEntry) => this._history.remember(entry) : () => undefined;
    const run = ++this._runs;
    const [outcome] = await Promise.all([this._runner.run(text), this._outputReady()]);
    if (!outcome || run !== this._runs) return; // superseded or cancelled
    const at = new Date().toISOString();
    if (outcome.ok) {
      const { table, elapsedMs } = (this._result = outcome.result);
      remember({ sql: text, at, rows: table.numRows, ok: true });
      const columns = table.schema.fields.map((f) => f.name);
      this.dispatchEvent(new PiccoliQueryRunEvent({ sql: text, rows: table.numRows, columns, elapsedMs }));
      // A CREATE or a load may have changed the tables.
      if (!READS_ONLY.test(text)) void this.refreshSchema();
    } else {
      const { code, message } = outcome.error;
      // Reading DuckDB's message (headline, position, quoted context) is loaded with the first error.
      const [{ errorContext, errorPosition }, { runErrorHeadline }] = await Promise.all([
        import('./sql-error.js'),
        import('./run-error.js'),
      ]);
      if (run !== this._runs) return; // another run started meanwhile
      const where = this._editor.markError(outcome.error, text, from, errorPosition);
      const headline = runErrorHeadline(outcome.error, this._lang);
      this._error = { code, message, headline, context: errorContext(message) ?? null, ...where };
      remember({ sql: text, at, ok: false });
      this.dispatchEvent(new PiccoliQueryErrorEvent({ sql: text, code, message, ...where }));
    }
  }

  /** Stop the running query (DuckDB is interrupted); the console is ready for the next. */
  cancel(): void {
    this._runner.cancel();
  }

  /** Read the engine's tables and columns again (after the page loads its own tables). */
  async refreshSchema(): Promise<void> {
    try {
      this._tables = await this._runner.readSchema();
      this._editor.setSchema(this._tables);
    } catch (e) {
      this._loadError ??= messageOf(e);
    }
  }

  override render(): TemplateResult {
    const s = this._s;
    const lang = this._lang;
    // Its parts say their words themselves: shown once the console's language is here.
    const ready = s !== BLANK;
    return html`
      <div class="layout">
        <aside part="schema" aria-label=${s.schema}>
          ${
            ready
              ? html`<piccoli-sql-schema .tables=${this._tables} ?loading=${this._loading} .language=${lang} @piccoli-sql-insert=${this._handleInsert}></piccoli-sql-schema>
          <piccoli-sql-history .entries=${this._history.entries} .language=${lang} @piccoli-sql-history-pick=${this._handleHistoryPick}></piccoli-sql-history>`
              : nothing
          }
        </aside>
        <div class="main">
          ${this._editor.render(s.editorLabel, this.value)}
          <div class="toolbar">
            <button class="primary run" title=${s.runHint} ?disabled=${this._runner.running} @click=${() => this.run()}>${s.run}</button>
            <button class="cancel" ?disabled=${!this._runner.running} @click=${() => this.cancel()}>${s.cancel}</button>
            ${
              this._runner.remote
                ? nothing
                : html`<select class="examples" aria-label=${s.examples} @change=${this._handleExample}>
                  <option value="">${s.chooseExample}</option>
                  ${ready ? this._examples.map((ex) => html`<option value=${ex.id}>${ex.title[lang] ?? ex.title.it}</option>`) : nothing}
                </select>`
            }
            <span class="spacer"></span>
            <span class="status" role="status" aria-live="polite">${ready ? statusText(this._status(), lang) : nothing}</span>
          </div>
          ${this._editor.error ? renderAlert(s.editorError, this._editor.error) : nothing}
          ${this._bundledFailed ? this._renderError(this._bundledFailed.error, this._bundledTitle(this._bundledFailed.tables), () => this._retryBundled()) : nothing}
          ${this._loadError ? renderAlert(s.loadError, this._loadError) : nothing}
          ${this._error && ready ? renderRunError(this._error, lang) : nothing}
          ${
            this._result && ready
              ? html`<piccoli-sql-output .table=${this._result.table} .limit=${this._result.limit} .sql=${this._result.sql} .language=${lang} .show=${this._show} @piccoli-sql-notice=${this._handleNotice} @piccoli-sql-show=${(e: PiccoliSqlShowEvent) => (this._show = e.show)}></piccoli-sql-output>`
              : nothing
          }
        </div>
      </div>
    `;
  }

  private _bundledTitle(tables: string[]): string {
    const s = this._s;
    return tables.length ? s.bundledFailed(tables.join(', ')) : s.loadError.replace(/\s*:$/, '');
  }

  private _status(): StatusState {
    const { running, cancelled } = this._runner;
    const res = this._result;
    return {
      running,
      cancelled,
      engine: this._engine,
      notice: this._notice,
      result: res && { rows: res.table.numRows, elapsedMs: res.elapsedMs },
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'piccoli-sql': PiccoliSql;
  }
}
