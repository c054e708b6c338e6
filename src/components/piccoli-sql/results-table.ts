import type { Table } from 'apache-arrow';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ArrowVectorLike } from './format/arrow.js';
import { formatCell } from './format/cell.js';
import { NUMERIC_KINDS, columnKind } from './format/kind.js';
import { canvasMeasure, columnWidths, tableFonts } from './column-width.js';
import { ROW_HEIGHT } from './output-panel.styles.js';
import { nextSort, sortOrder, type SortState } from './sort-order.js';
import { outputWords } from './output-strings.js';
import { columnTypeName } from './format/type-name.js';
import { rowWindow } from './virtual.js';
import { styleProps } from '../../styles/style-props.js';
import type { Lang } from '../../i18n/index.js';

/**
 * The results table of <piccoli-sql>: every value as DuckDB prints it, NULL marked apart
 * from text, only the rows in view rendered (a 100 000-row result is a few dozen rows
 * and two spacers), a click on a header sorts, a double click on a cell shows it whole.
 *
 * It renders into its own children, not a shadow root: it lives in the console's shadow
 * root, so the console's styles, `::part(results)` and queries reach it as before.
 *
 * @summary The console's virtualised, sortable results table.
 *
 * @csspart results - The scrolling box (exposed by the console).
 * @csspart message - The cell detail.
 */
@customElement('piccoli-sql-results')
export class PiccoliSqlResults extends LitElement {
  @query('.scroller') private _scroller?: HTMLElement;

  @state() private _sort?: SortState;
  @state() private _order?: Uint32Array;
  @state() private _scrollTop = 0;
  @state() private _viewportHeight = 416;
  @state() private _detail?: { column: string; text: string | null };

  /** The result to show. */
  @property({ attribute: false }) table?: Table;
  /** Language of the labels. */
  @property({ attribute: false }) language: Lang = 'it';

  private _scrollFrame = 0;
  /** The columns' widths, measured once per result. */
  private _widths?: number[];

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this._scrollFrame);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('table')) {
      this._sort = undefined;
      this._order = undefined;
      this._detail = undefined;
      this._scrollTop = 0;
      this._widths = undefined;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('table') && this._scroller) {
      this._scroller.scrollTop = 0;
      this._viewportHeight = this._scroller.clientHeight || this._viewportHeight;
    }
  }

  private readonly _handleScroll = (e: Event) => {
    const el = e.currentTarget as HTMLElement;
    cancelAnimationFrame(this._scrollFrame);
    this._scrollFrame = requestAnimationFrame(() => {
      this._scrollTop = el.scrollTop;
      this._viewportHeight = el.clientHeight || this._viewportHeight;
    });
  };

  private _handleSort(column: number): void {
    const t = this.table;
    if (!t) return;
    this._sort = nextSort(this._sort, column);
    this._order = this._sort ? sortOrder(t.getChildAt(column) as unknown as ArrowVectorLike, t.numRows, this._sort.dir) : undefined;
  }

  /** Row indexes in the order shown (after a sort), or undefined for the result's order. */
  get order(): Uint32Array | undefined {
    return this._order;
  }

  override render(): TemplateResult | typeof nothing {
    const t = this.table;
    if (!t) return nothing;
    const s = outputWords(this.language);
    const n = t.numRows;
    if (n === 0 && t.schema.fields.length === 0) return html`<p class="status">${s.noRows}</p>`;
    const fields = t.schema.fields;
    const vectors = fields.map((_, i) => t.getChildAt(i) as unknown as ArrowVectorLike);
    const kinds = vectors.map((v) => columnKind(v.type));
    const types = fields.map(columnTypeName);
    const widths = (this._widths ??= columnWidths(
      vectors,
      kinds,
      fields.map((f) => f.name),
      types,
      n,
      tableFonts(this),
      canvasMeasure(),
    ));
    const numW = Math.max(48, String(n).length * 9 + 16);
    const total = numW + widths.reduce((a, b) => a + b, 0);
    const win = rowWindow(this._scrollTop, this._viewportHeight, ROW_HEIGHT, n);
    const rows: number[] = [];
    for (let k = win.start; k < win.end; k++) rows.push(k);
    const after = win.totalHeight - win.offsetY - rows.length * ROW_HEIGHT;
    const order = this._order;
    const sort = this._sort;
    return html`
      <div class="scroller" part="results" role="region" tabindex="0" aria-label=${s.resultsLabel} @scroll=${this._handleScroll}>
        <table ${styleProps({ width: `${total}px` })} aria-rowcount=${n + 1} aria-colcount=${fields.length}>
          <colgroup>
            <col ${styleProps({ width: `${numW}px` })} />
            ${widths.map((w) => html`<col ${styleProps({ width: `${w}px` })} />`)}
          </colgroup>
          <thead>
            <tr aria-rowindex="1">
              <th class="rownum" scope="col"><span class="sr-only">#</span></th>
              ${fields.map(
                (f, i) => html`<th scope="col" aria-sort=${sort?.column === i ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
                  <button title=${s.sortBy(f.name)} @click=${() => this._handleSort(i)}>
                    <span class="col-name">${f.name}${sort?.column === i ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}</span>
                    <span class="col-type">${types[i]}</span>
                  </button>
                </th>`,
              )}
            </tr>
          </thead>
          <tbody>
            ${win.offsetY > 0 ? html`<tr class="pad" aria-hidden="true"><td ${styleProps({ height: `${win.offsetY}px` })} colspan=${fields.length + 1}></td></tr>` : nothing}
            ${rows.map((k) => {
              const r = order ? order[k]! : k;
              return html`<tr class="row" aria-rowindex=${k + 2}>
                <td class="rownum">${k + 1}</td>
                ${vectors.map((v, c) => {
                  const text = formatCell(v, r);
                  const show = () => (this._detail = { column: fields[c]!.name, text });
                  if (text === null) return html`<td class="null" data-null="" @dblclick=${show}><span class="null-mark">NULL</span></td>`;
                  return html`<td
                    class=${NUMERIC_KINDS.includes(kinds[c]!) ? 'num' : text === '' ? 'empty' : ''}
                    title=${text.length > 2000 ? `${text.slice(0, 2000)}…` : text}
                    @dblclick=${show}
                  >${text}</td>`;
                })}
              </tr>`;
            })}
            ${after > 0 ? html`<tr class="pad" aria-hidden="true"><td ${styleProps({ height: `${after}px` })} colspan=${fields.length + 1}></td></tr>` : nothing}
          </tbody>
        </table>
      </div>
      ${n === 0 ? html`<p class="status">${s.noRows}</p>` : nothing}
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
}

declare global {
  interface HTMLElementTagNameMap {
    'piccoli-sql-results': PiccoliSqlResults;
  }
}
