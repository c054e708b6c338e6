import type { Table } from 'apache-arrow';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { coordinatorContext } from '../../query/context.js';
import { messageOf } from '../../data/errors.js';
import { formatInteger, type Lang } from '../../i18n/index.js';
import { CHART_MAX_ROWS, chooseChart, resultColumns, type ChartChoice, type ChartKind } from './chart.js';
import { download, exportFileName, resultTable } from './export.js';
import { outputWords } from './output-strings.js';

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
  /** What the drawn chart shows (its title). */
  @state() private _choice?: ChartChoice;

  private readonly _coordinator = new ContextConsumer(this, { context: coordinatorContext, subscribe: true });

  /** The SQL of the result: the bundled tables it reads are the chart's source. */
  @property({ attribute: false }) sql = '';

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
    const s = outputWords(this.language);
    const choice = chooseChart(resultColumns(resultTable(t)), this.kind);
    this._choice = choice;
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

  /** Where the data comes from: the connector's table, or the bundled tables the SQL names. */
  private _source(): string {
    const s = outputWords(this.language);
    const remote = this._coordinator.value?.backends.find((b) => b.name === 'remote') as { label?: string } | undefined;
    if (remote?.label) return s.chartSource(remote.label);
    const named = BUNDLED.filter((name) => new RegExp(`\\b${name}\\b`, 'i').test(this.sql));
    return s.chartSource(named.length ? s.bundledSource(named.join(', ')) : s.querySource);
  }

  private async _handleDownload(kind: 'svg' | 'png'): Promise<void> {
    const svg = this._node instanceof Element ? (this._node.matches('svg') ? this._node : this._node.querySelector('svg')) : null;
    if (!svg || !this._choice) return;
    const { drawnPicture, pictureSvg, svgToPng } = await import('../download/image.js');
    const style = svg.closest('.chart') ?? this;
    const text = pictureSvg(
      drawnPicture(svg as SVGSVGElement, style, {
        title: { text: outputWords(this.language).chartTitle(this._choice) },
        foot: [{ text: this._source() }],
      }),
    );
    if (kind === 'svg') download(text, 'image/svg+xml', exportFileName('svg'));
    else download(await svgToPng(text), 'image/png', exportFileName('png'));
  }

  override render(): TemplateResult | typeof nothing {
    const t = this.table;
    if (!t) return nothing;
    const s = outputWords(this.language);
    const drawn = this._node instanceof Element && this._choice;
    return html`<div class="chart" part="chart">
      ${drawn ? html`<p class="chart-title">${s.chartTitle(this._choice!)}</p>` : nothing}
      ${this._node ?? html`<p class="status">${s.chartLoading}</p>`}
      ${
        drawn
          ? html`<p class="chart-source">${this._source()}</p>
              <div class="chart-downloads">
                <button class="download-svg" @click=${() => this._handleDownload('svg')}>${s.downloadSvg}</button>
                <button class="download-png" @click=${() => this._handleDownload('png')}>${s.downloadPng}</button>
              </div>`
          : nothing
      }
      ${t.numRows > CHART_MAX_ROWS ? html`<p class="status">${s.chartTruncated(formatInteger(CHART_MAX_ROWS, this.language))}</p>` : nothing}
    </div>`;
  }
}

/** The bundled tables (bundled-tables.ts): named in the chart's source when the SQL reads them. */
const BUNDLED = ['programme_events', 'comuni', 'stages', 'choices', 'programmes', 'published_figures'];

declare global {
  interface HTMLElementTagNameMap {
    'piccoli-sql-chart': PiccoliSqlChart;
  }
}
