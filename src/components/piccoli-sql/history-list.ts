import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consoleWords } from './strings.js';
import type { HistoryEntry } from './url-state.js';
import type { Lang } from '../../i18n/index.js';

/** The reader picked a query of the history (internal to the console). */
export class PiccoliSqlHistoryPickEvent extends Event {
  static readonly eventName = 'piccoli-sql-history-pick';
  constructor(readonly entry: HistoryEntry) {
    // Not composed: it ends at the console, which puts the query in the editor.
    super(PiccoliSqlHistoryPickEvent.eventName, { bubbles: true });
  }
}

/** How many runs the list shows (the store keeps more). */
export const HISTORY_SHOWN = 20;

/**
 * The recent queries of <piccoli-sql>, newest first, failed ones marked; choosing one
 * puts it back in the editor. Renders into its own children (see <piccoli-sql-schema>).
 *
 * @summary The console's query history.
 *
 * @fires piccoli-sql-history-pick - A query was chosen; `entry` is the run.
 */
@customElement('piccoli-sql-history')
export class PiccoliSqlHistory extends LitElement {
  /** The runs, newest first. */
  @property({ attribute: false }) entries: readonly HistoryEntry[] = [];
  /** Language of the labels. */
  @property({ attribute: false }) language: Lang = 'it';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private _handlePick(entry: HistoryEntry): void {
    this.dispatchEvent(new PiccoliSqlHistoryPickEvent(entry));
  }

  override render(): TemplateResult {
    const s = consoleWords(this.language);
    return html`
      <h2>${s.history}</h2>
      ${
        this.entries.length
          ? html`<ul class="history">
            ${this.entries.slice(0, HISTORY_SHOWN).map(
              (h) => html`<li>
                <button class=${h.ok ? '' : 'failed'} title=${h.sql} @click=${() => this._handlePick(h)}>${h.sql.replace(/\s+/g, ' ')}</button>
              </li>`,
            )}
          </ul>`
          : html`<p class="status">${s.noHistory}</p>`
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'piccoli-sql-history': PiccoliSqlHistory;
  }
}
