import type { Table } from 'apache-arrow';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { messageOf } from '../../data/errors.js';
import { formatInteger, type Lang } from '../../i18n/index.js';
import { CHART_MAX_ROWS, chooseChart, resultColumns, type ChartKind } from './chart.js';
import { resultTable } from './export.js';
import { OUTPUT_STRINGS as STRINGS } from './output-strings.js';

/**
 * The quick chart of a <piccoli-sql> result: the kind chosen from the column types (or
 * the one asked for), drawn by Observable Plot, which is imported only when a chart is
 * first shown (its own chunk, in no element's first load). Renders into its own
 * children (see <piccoli-sql-results>).
 *
 * @summary The console's chart of a result.
 *
 * @csspart chart - The chart's box (exposed by the console).
 */
@customElement('piccoli-sql-chart')
export class PiccoliSqlChart extends LitElement {
  /** The drawn chart, or why there is none. */
  @state() private _node?: Node | string;

  /** The result to chart. */
  @property({ attribute: false }) table?: Table;
  /** The kind of chart asked for; the columns decide when undefined or not possible. */
  @property({ attribute: false }) kind?: ChartKind;
  /** Language of labels and numbers. */
  @property({ attribute: false }) language: Lang = 'it';

  /** Counts draws: a draw overtaken by a later one is dropped. */
  private _request = 0;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('table') || changed.has('kind') || changed.has('language')) void this._draw();
  }

  private async _draw(): Promise<void> {
    const t = this.table;
    const request = ++this._request;
    if (!t) return;
    const s = STRINGS[this.language];
    const choice = chooseChart(resultColumns(resultTable(t)), this.kind);
    if (!choice) {
      this._node = s.noChart;
      return;
    }
    try {
      const { renderChart } = await import('./chart-plot.js');
      if (request !== this._request) return;
      // The width of the console's main column, which this element's box fills.
      const width = Math.max(320, (this.parentElement?.clientWidth ?? 640) - 4);
      this._node = renderChart(resultTable(t), choice, {
        width,
        lang: this.language,
        text: { caption: s.chartCaption, label: s.chartLabel },
      });
    } catch (e) {
      this._node = messageOf(e);
    }
  }

  override render(): TemplateResult | typeof nothing {
    const t = this.table;
    if (!t) return nothing;
    const s = STRINGS[this.language];
    return html`<div class="chart" part="chart">
      ${this._node ?? html`<p class="status">${s.chartLoading}</p>`}
      ${t.numRows > CHART_MAX_ROWS ? html`<p class="status">${s.chartTruncated(formatInteger(CHART_MAX_ROWS, this.language))}</p>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'piccoli-sql-chart': PiccoliSqlChart;
  }
}
