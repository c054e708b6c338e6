import { css } from 'lit';

/**
 * The console's own styles; the result's table, tabs and chart are in output-panel.styles.ts,
 * the editor's token colours in editor.ts. Its surfaces and lines are mixed from the theme's
 * colours (src/styles/theme.ts), so that they follow the colour scheme and a site's own
 * --piccoli-color-* without values of their own.
 */
export const styles = css`
  :host {
    --_mono: var(--piccoli-font-mono, ui-monospace, 'Roboto Mono', Menlo, Consolas, monospace);
    /* Borders of the editor, the selects, the table's header. */
    --_line: color-mix(in srgb, var(--_primary) 40%, var(--_bg));
    /* Headers, row numbers, the editor's gutter. */
    --_surface: color-mix(in srgb, var(--_track) 50%, var(--_bg));
    /* The lines between rows (and history entries). */
    --_rule: color-mix(in srgb, var(--_track) 60%, var(--_bg));
    /* Behind an error and the word it points at. */
    --_error-bg: color-mix(in srgb, var(--_error) 12%, var(--_bg));
  }
  [hidden] {
    display: none !important;
  }
  /* The console's parts render into their own children: their boxes are the console's. */
  piccoli-sql-schema,
  piccoli-sql-history,
  piccoli-sql-output,
  piccoli-sql-results,
  piccoli-sql-chart {
    display: contents;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(12rem, 16rem) minmax(0, 1fr);
    gap: var(--_space);
  }
  @media (max-width: 48rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  aside {
    border: 1px solid var(--_track);
    border-radius: 4px;
    padding: calc(var(--_space) / 2);
    max-height: 36rem;
    overflow: auto;
    font-size: 0.875rem;
  }
  h2,
  h3 {
    font-size: 0.875rem;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_muted);
    margin: 0.25rem 0 0.5rem;
  }
  aside ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .name:focus-visible,
  .toggle:focus-visible,
  button:focus-visible,
  select:focus-visible,
  .scroller:focus-visible,
  th button:focus-visible {
    outline: 2px solid var(--_primary);
    outline-offset: 2px;
  }
  .main {
    min-width: 0;
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 1.5);
  }
  .editor {
    border: 1px solid var(--_line);
    border-radius: 4px;
    min-height: 8rem;
    background: var(--_bg);
  }
  .editor:focus-within {
    border-color: var(--_primary);
    box-shadow: 0 0 0 2px color-mix(in srgb, var(--_primary) 25%, transparent);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .spacer {
    flex: 1;
  }
  button,
  select {
    font: inherit;
    font-size: 0.875rem;
    min-height: 2.25rem;
    padding: 0 0.75rem;
    border-radius: 4px;
    border: 1px solid var(--_primary);
    background: var(--_bg);
    color: var(--_primary);
    cursor: pointer;
  }
  button.primary {
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
  }
  button:disabled {
    opacity: 0.45;
    cursor: not-allowed;
  }
  select {
    max-width: 22rem;
    color: var(--_text);
    border-color: var(--_line);
  }
  .status {
    font-size: 0.875rem;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .alert,
  .message.error {
    border-left: 4px solid var(--_error);
    background: var(--_error-bg);
    padding: 0.5rem 0.75rem;
    font-size: 0.875rem;
  }
  /* A bundled table that failed (the shared error message of every element). */
  .message details {
    margin-top: 0.25rem;
  }
  .message code {
    font-family: var(--_mono);
    overflow-wrap: anywhere;
  }
  .message button.retry {
    display: block;
    margin-top: 0.5rem;
  }
  .alert pre {
    margin: 0.25rem 0 0;
    font-family: var(--_mono);
    font-size: 0.8125rem;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .alert strong,
  .message strong {
    color: var(--_error);
  }
  .history li {
    display: block;
    padding: 0;
  }
  .history button {
    all: unset;
    cursor: pointer;
    display: block;
    width: 100%;
    box-sizing: border-box;
    padding: 0.25rem;
    font-family: var(--_mono);
    font-size: 0.75rem;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    border-bottom: 1px solid var(--_rule);
  }
  .history button:hover,
  .history button:focus-visible {
    background: var(--_track);
  }
  .history .failed {
    color: var(--_error);
  }
  /* Same box, font and line layout as CodeMirror's (.cm-gutters, .cm-content, .cm-line,
     lineWrapping) below, so the editor replaces it without moving anything. */
  .editor-placeholder {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    min-height: 8rem;
    max-height: 22rem;
    overflow: hidden;
    box-sizing: border-box;
    font-family: var(--_mono);
    font-size: 0.875rem;
    line-height: 1.4;
    background: var(--_surface);
    cursor: progress;
  }
  .ph-gutter {
    box-sizing: content-box;
    min-width: 12px;
    padding: 0 3px 0 5px;
    text-align: right;
    white-space: nowrap;
    background: var(--_surface);
    color: var(--_muted);
    border-right: 1px solid var(--_rule);
  }
  .ph-line {
    padding: 0 2px 0 6px;
    white-space: pre-wrap;
    word-break: break-word;
    overflow-wrap: anywhere;
  }
  .ph-empty {
    color: var(--_muted);
  }
  .cm-editor {
    font-size: 0.875rem;
    min-height: 8rem;
    max-height: 22rem;
  }
  .cm-editor.cm-focused {
    outline: none;
  }
  .cm-scroller {
    font-family: var(--_mono);
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
