import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatInteger, type Lang } from '../../i18n/index.js';
import type { TableInfo } from './schema.js';
import { sqlName } from './sql-name.js';
import { consoleWords } from './strings.js';

/** The reader asked to insert a table or column name into the query (internal to the console). */
/**
 * The schema browser's rules: it renders into the console's shadow root, which adopts
 * them when this module arrives (the console's first paint does not carry them).
 */
export const schemaStyles = css`
  .table-row {
    display: flex;
    gap: 0.25rem;
    align-items: center;
    margin-bottom: 0.125rem;
  }
  .toggle {
    all: unset;
    cursor: pointer;
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
    display: inline-grid;
    place-items: center;
    border-radius: 4px;
    color: var(--_muted);
  }
  .toggle:hover {
    background: var(--_track);
  }
  .toggle span {
    transition: transform 0.15s;
  }
  .toggle[aria-expanded='true'] span {
    transform: rotate(90deg);
  }
  aside .columns {
    margin: 0 0 0.375rem 1.5rem;
  }
  .count {
    color: var(--_muted);
    margin-left: auto;
    font-variant-numeric: tabular-nums;
  }
  .name {
    all: unset;
    cursor: pointer;
    color: var(--_primary);
    font-family: var(--_mono);
    font-size: 0.8125rem;
    overflow-wrap: anywhere;
  }
  .name:hover,
  .name:focus-visible {
    text-decoration: underline;
  }
  aside .columns li {
    display: flex;
    gap: 0.5rem;
    padding: 0.0625rem 0;
    justify-content: space-between;
  }
  .type {
    color: var(--_muted);
    font-family: var(--_mono);
    font-size: 0.75rem;
    white-space: nowrap;
  }
`;

export class PiccoliSqlInsertEvent extends Event {
  static readonly eventName = 'piccoli-sql-insert';
  /** The name as typed into SQL: bare when plain, else quoted. */
  readonly text: string;
  constructor(name: string) {
    // Not composed: it ends at the console, which turns it into an edit.
    super(PiccoliSqlInsertEvent.eventName, { bubbles: true });
    this.text = sqlName(name);
  }
}

/**
 * The table browser of <piccoli-sql>: each table of the engine with its row count, its
 * columns and their types behind a disclosure button, and a button per name that asks
 * for the name to be inserted into the query.
 *
 * It renders into its own children, not a shadow root: it lives in the console's shadow
 * root, so the console's styles, `::part(schema)` and queries reach it as before.
 *
 * @summary The console's list of tables and columns.
 *
 * @fires piccoli-sql-insert - A name was chosen; `text` is the name as typed into SQL.
 */
@customElement('piccoli-sql-schema')
export class PiccoliSqlSchema extends LitElement {
  @state() private _open: ReadonlySet<string> = new Set();

  /** The tables to list. */
  @property({ attribute: false }) tables: readonly TableInfo[] = [];
  /** The tables are still loading (says so while there are none). */
  @property({ type: Boolean }) loading = false;
  /** Language of the labels. */
  @property({ attribute: false }) language: Lang = 'it';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private _handleToggle(name: string): void {
    const next = new Set(this._open);
    if (!next.delete(name)) next.add(name);
    this._open = next;
  }

  private _handleInsert(name: string): void {
    this.dispatchEvent(new PiccoliSqlInsertEvent(name));
  }

  override render(): TemplateResult {
    const s = consoleWords(this.language);
    return html`
      <h2>${s.schema}</h2>
      ${this.loading && !this.tables.length ? html`<p class="status">${s.schemaLoading}</p>` : nothing}
      <ul class="tables">
        ${this.tables.map((t) => {
          // A disclosure button beside the insert button, not a <details>: a button
          // inside <summary> is a control nested in a control (axe nested-interactive).
          const open = this._open.has(t.name);
          const id = `columns-${sqlName(t.name).replace(/[^\w-]/g, '_')}`;
          return html`<li>
            <div class="table-row">
              <button class="toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls=${id} aria-label=${s.columnsOf(t.name)} @click=${() => this._handleToggle(t.name)}>
                <span aria-hidden="true">▸</span>
              </button>
              <button class="name" title=${s.insert(t.name)} @click=${() => this._handleInsert(t.name)}>${t.name}</button>
              <span class="count">${t.rows === null ? '' : formatInteger(t.rows, this.language)}</span>
            </div>
            <ul class="columns" id=${id} ?hidden=${!open}>
              ${
                open
                  ? t.columns.map(
                      (c) => html`<li>
                        <button class="name" title=${s.insert(c.name)} @click=${() => this._handleInsert(c.name)}>${c.name}</button>
                        <span class="type">${c.type}</span>
                      </li>`,
                    )
                  : nothing
              }
            </ul>
          </li>`;
        })}
      </ul>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'piccoli-sql-schema': PiccoliSqlSchema;
  }
}
