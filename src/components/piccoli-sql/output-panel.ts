import type { Table } from 'apache-arrow';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { consoleLimits } from '../../data/config.js';
import { PiccoliDataError, isAbortError, messageOf } from '../../data/errors.js';
import { describeError } from '../../i18n/errors.js';
import { formatDecimal, formatInteger, type Lang } from '../../i18n/index.js';
import { coordinatorContext } from '../../query/context.js';
import type { ResultLimit } from '../../query/coordinator.js';
import { chartKinds, chooseChart, resultColumns, type ChartKind } from './chart.js';
import './chart-view.js';
import { CSV_EXCEL_IT } from '../download/csv.js';
import { resultTable, saveResult, toTSV, type ExportKind } from './export.js';
import { canSaveFullResult, saveFullResult } from './full-export.js';
import type { PiccoliSqlResults } from './results-table.js';
import './results-table.js';
import { outputWords } from './output-strings.js';

/** Something the reader should read in the console's status line (internal to the console). */
export class PiccoliSqlNoticeEvent extends Event {
  static readonly eventName = 'piccoli-sql-notice';
  constructor(readonly text: string) {
    // Not composed: it ends at the console, which shows it.
    super(PiccoliSqlNoticeEvent.eventName, { bubbles: true });
  }
}

/**
 * The reader switched between the table and the chart (internal to the console): the
 * console keeps the choice, so that it outlives a result cleared by the next run.
 */
export class PiccoliSqlShowEvent extends Event {
  static readonly eventName = 'piccoli-sql-show';
  constructor(readonly show: 'table' | 'chart') {
    super(PiccoliSqlShowEvent.eventName, { bubbles: true });
  }
}

/**
 * What <piccoli-sql> shows of a result: a switch between the table and the chart (and
 * the chart's kind), the downloads and the copy button with a line saying that CSV and
 * copy neutralise formulas (export.ts `neutraliseCell`), then the table or the chart.
 * The table stays in the page, hidden, while the chart shows, so that its sort and
 * scroll position survive. Renders into its own children (see <piccoli-sql-results>).
 *
 * @summary The console's result: table or chart, exports.
 *
 * @fires piccoli-sql-notice - An export failed or a copy was made; `text` says so.
 * @fires piccoli-sql-show - The reader chose the table or the chart; `show` says which.
 */
@customElement('piccoli-sql-output')
export class PiccoliSqlOutput extends LitElement {
  @query('piccoli-sql-results') private _results?: PiccoliSqlResults;

  private readonly _coordinator = new ContextConsumer(this, { context: coordinatorContext, subscribe: true });

  @state() private _chartKind?: ChartKind;
  /** The full save under way: for Excel, plain, or none. */
  @state() private _savingFull: 'excel' | 'plain' | null = null;

  /** The result to show. */
  @property({ attribute: false }) table?: Table;
  /** Set when `table` holds only the first rows of the result (the console's caps). */
  @property({ attribute: false }) limit?: ResultLimit;
  /** The SQL that gave the result (run again to save all of it). */
  @property({ attribute: false }) sql = '';
  /** Language of the labels. */
  @property({ attribute: false }) language: Lang = 'it';
  /** The table or the chart: the console holds the reader's choice across results. */
  @property({ attribute: false }) show: 'table' | 'chart' = 'table';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private async _handleExport(kind: ExportKind): Promise<void> {
    try {
      await saveResult(kind, this.table, this._results?.order);
    } catch (e) {
      this.dispatchEvent(new PiccoliSqlNoticeEvent(messageOf(e)));
    }
  }

  /** Write every row of the result to a file, batch by batch (where the browser allows). */
  private async _handleSaveFull(excel: boolean): Promise<void> {
    const coordinator = this._coordinator.value;
    if (!coordinator || this._savingFull) return;
    const s = outputWords(this.language);
    this._savingFull = excel ? 'excel' : 'plain';
    this.dispatchEvent(new PiccoliSqlNoticeEvent(s.savingFull));
    try {
      const rows = await saveFullResult(coordinator, this.sql, undefined, excel ? CSV_EXCEL_IT : undefined);
      this.dispatchEvent(new PiccoliSqlNoticeEvent(s.savedFull(formatInteger(rows, this.language))));
    } catch (e) {
      // The reader closed the file picker: nothing to say.
      const text = isAbortError(e) ? '' : e instanceof PiccoliDataError ? describeError(e, this.language).text : messageOf(e);
      this.dispatchEvent(new PiccoliSqlNoticeEvent(text));
    } finally {
      this._savingFull = null;
    }
  }

  /** «Mostrate N righe di almeno M», and how to have all of them. */
  private _renderLimit(limit: ResultLimit): TemplateResult {
    const s = outputWords(this.language);
    const n = (x: number) => formatInteger(x, this.language);
    const { maxRows, maxBytes } = consoleLimits();
    const cap = limit.stoppedBy === 'rows' ? s.capRows(n(maxRows)) : `${formatDecimal(maxBytes / 2 ** 20, this.language)} MB`;
    return html`<p class="limit" part="message">
      ${s.limited(n(limit.shown), n(limit.read), limit.exact, cap)}
      ${
        canSaveFullResult()
          ? html`<button class="save-full" ?disabled=${!!this._savingFull} @click=${() => this._handleSaveFull(true)}>
                ${this._savingFull === 'excel' ? s.savingFull : s.saveFullExcel}
              </button>
              <button class="save-full" ?disabled=${!!this._savingFull} @click=${() => this._handleSaveFull(false)}>
                ${this._savingFull === 'plain' ? s.savingFull : s.saveFull}
              </button>`
          : s.exportsLimited
      }
    </p>`;
  }

  private async _handleCopy(): Promise<void> {
    const s = outputWords(this.language);
    let text = s.copied;
    try {
      await navigator.clipboard.writeText(toTSV(resultTable(this.table), this._results?.order));
    } catch {
      text = s.copyFailed;
    }
    this.dispatchEvent(new PiccoliSqlNoticeEvent(text));
  }

  override render(): TemplateResult | typeof nothing {
    const t = this.table;
    if (!t) return nothing;
    const s = outputWords(this.language);
    const cols = resultColumns(resultTable(t));
    const kinds = chartKinds(cols);
    const chart = this.show === 'chart';
    const pick = (show: 'table' | 'chart') => {
      this.show = show;
      this.dispatchEvent(new PiccoliSqlShowEvent(show));
    };
    return html`
      <div class="toolbar">
        <div class="tabs" role="group" aria-label=${s.resultsLabel}>
          <button aria-pressed=${!chart} @click=${() => pick('table')}>${s.table}</button>
          <button aria-pressed=${chart} @click=${() => pick('chart')}>${s.chart}</button>
        </div>
        ${
          chart && kinds.length > 1
            ? html`<select class="chart-kind" aria-label=${s.chartKind} @change=${(e: Event) => (this._chartKind = (e.currentTarget as HTMLSelectElement).value as ChartKind)}>
              ${kinds.map((k) => html`<option value=${k} ?selected=${k === (this._chartKind ?? chooseChart(cols)?.kind)}>${s[k]}</option>`)}
            </select>`
            : nothing
        }
        <span class="spacer"></span>
        <button class="export-csv-excel" aria-describedby="export-note" @click=${() => this._handleExport('csv-excel')}>${s.exportCsvExcel}</button>
        <button class="export-csv" aria-describedby="export-note" @click=${() => this._handleExport('csv')}>${s.exportCsv}</button>
        <button class="export-arrow" @click=${() => this._handleExport('arrow')}>${s.exportArrow}</button>
        <button class="export-parquet" @click=${() => this._handleExport('parquet')}>${s.exportParquet}</button>
        <button class="copy-tsv" aria-describedby="export-note" @click=${() => this._handleCopy()}>${s.copyTsv}</button>
      </div>
      <p class="export-note" id="export-note">${s.exportNote}</p>
      ${this.limit ? this._renderLimit(this.limit) : nothing}
      <piccoli-sql-results .table=${t} .language=${this.language} ?hidden=${chart}></piccoli-sql-results>
      ${chart ? html`<piccoli-sql-chart .table=${t} .kind=${this._chartKind} .sql=${this.sql} .language=${this.language}></piccoli-sql-chart>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'piccoli-sql-output': PiccoliSqlOutput;
  }
}

export { outputStyles } from './output-panel.styles.js';
