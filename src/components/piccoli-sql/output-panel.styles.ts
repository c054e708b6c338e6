import { css } from 'lit';

/** Row height of the results table: fixed, so that only visible rows are rendered. */
export const ROW_HEIGHT = 28;

/**
 * The result's tabs, table and chart. They render in the console's shadow root, which
 * adopts these rules when the output panel's code arrives (after the first paint), so the
 * console's first load carries none of them.
 */
export const outputStyles = css`
  :host {
    /* Every other row of the results (the console's --_surface and --_rule: piccoli-sql.styles.ts). */
    --_stripe: color-mix(in srgb, var(--_track) 25%, var(--_bg));
  }
  .export-note {
    margin: 0;
    font-size: 0.8125rem;
    color: var(--_muted);
    text-align: right;
  }
  .tabs {
    display: flex;
    gap: 0;
  }
  .tabs button {
    border-radius: 0;
  }
  .tabs button:first-child {
    border-radius: 4px 0 0 4px;
  }
  .tabs button:last-child {
    border-radius: 0 4px 4px 0;
  }
  .tabs button[aria-pressed='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .scroller {
    position: relative;
    height: var(--piccoli-sql-results-height, 26rem);
    overflow: auto;
    border: 1px solid var(--_track);
    border-radius: 4px;
    contain: strict;
  }
  table {
    border-collapse: separate;
    border-spacing: 0;
    table-layout: fixed;
    font-size: 0.8125rem;
    font-variant-numeric: tabular-nums;
  }
  thead th {
    position: sticky;
    top: 0;
    z-index: 1;
    background: var(--_surface);
    border-bottom: 1px solid var(--_line);
    text-align: left;
    height: ${ROW_HEIGHT + 8}px;
    padding: 0;
    font-weight: 600;
  }
  th button {
    all: unset;
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    width: 100%;
    height: 100%;
    padding: 0 0.5rem;
    justify-content: center;
    cursor: pointer;
    overflow: hidden;
  }
  th .col-name {
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  th .col-type {
    font-weight: 400;
    font-size: 0.6875rem;
    color: var(--_muted);
    font-family: var(--_mono);
    white-space: nowrap;
  }
  tbody tr.row {
    height: ${ROW_HEIGHT}px;
  }
  tbody tr.row:nth-child(even) {
    background: var(--_stripe);
  }
  td {
    height: ${ROW_HEIGHT}px;
    max-height: ${ROW_HEIGHT}px;
    padding: 0 0.5rem;
    border-bottom: 1px solid var(--_rule);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    font-family: var(--_mono);
    cursor: default;
  }
  td.num {
    text-align: right;
  }
  td.rownum,
  th.rownum {
    color: var(--_muted);
    text-align: right;
    background: var(--_surface);
    position: sticky;
    left: 0;
    font-family: inherit;
  }
  thead th.rownum {
    z-index: 2;
    padding: 0 0.5rem;
  }
  td.null .null-mark {
    color: var(--_muted);
    font-style: italic;
    font-family: inherit;
    font-size: 0.75rem;
    border: 1px solid var(--_line);
    border-radius: 3px;
    padding: 0 0.25rem;
  }
  td.empty::after {
    content: '';
  }
  td:focus {
    outline: 2px solid var(--_primary);
    outline-offset: -2px;
  }
  tr.pad td {
    padding: 0;
    border: 0;
  }
  .detail {
    border: 1px solid var(--_track);
    border-radius: 4px;
    padding: 0.5rem 0.75rem;
    font-size: 0.8125rem;
  }
  .detail pre {
    margin: 0.25rem 0 0;
    max-height: 12rem;
    overflow: auto;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    font-family: var(--_mono);
  }
  .chart {
    min-height: 8rem;
    overflow-x: auto;
  }
  /* Observable Plot's figure: its SVG scales down to the box; the caption says what is plotted. */
  .chart figure {
    margin: 0;
  }
  .chart figcaption {
    color: var(--_muted);
    font-size: 0.875rem;
    margin-top: 0.25rem;
  }
  .chart-title {
    margin: 0.25rem 0;
    font-weight: 600;
  }
  .chart-source {
    margin: 0.25rem 0;
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  .chart-downloads {
    display: flex;
    gap: 0.5rem;
    flex-wrap: wrap;
  }
  .chart svg {
    display: block;
    max-width: 100%;
    height: auto;
    --plot-background: var(--_bg);
  }
  /* Only the first rows are held: says so, and offers all of them. */
  .limit {
    margin: 0.5rem 0;
    border-left: 4px solid var(--_primary);
    padding: 0.25rem 0.75rem;
    font-size: 0.875rem;
  }
  .limit button {
    margin-left: 0.5rem;
  }
  /* Plot's own rule, from the <style> it adds and chart-plot.ts removes. */
  .chart svg text,
  .chart svg tspan {
    white-space: pre;
  }
`;
