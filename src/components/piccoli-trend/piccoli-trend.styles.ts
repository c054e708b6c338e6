import { css } from 'lit';

/** The trend's own rules; the shared theme (src/styles/theme.ts) comes first. */
export const styles = css`
  :host {
    --_h: var(--piccoli-trend-height, 22rem);
  }
  figure {
    margin: 0;
    padding: var(--_space);
  }
  figcaption {
    margin-bottom: calc(var(--_space) / 2);
  }
  /* Legend, chart and reading of the chosen date: one box of a fixed height, the same in
     the skeleton and with the chart, so nothing below moves when the data arrives. */
  .chart {
    position: relative;
    display: flex;
    flex-direction: column;
    height: var(--_h);
    border-radius: var(--_radius);
  }
  .chart:focus-visible {
    outline: 3px solid var(--_primary);
    outline-offset: 2px;
  }
  .legend {
    flex: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0 1em;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.75em;
    min-height: 1.4em;
  }
  .legend li::before {
    content: '';
    display: inline-block;
    width: 1em;
    height: 3px;
    margin-right: 0.35em;
    vertical-align: middle;
    background: var(--c);
  }
  .plot {
    position: relative;
    flex: 1 1 0;
    min-height: 0;
    overflow: hidden;
  }
  .plot svg {
    display: block;
    overflow: visible;
  }
  .cursor {
    position: absolute;
    top: 0;
    bottom: 1.5rem;
    width: 0;
    border-left: 2px solid var(--_text);
    pointer-events: none;
  }
  .readout {
    flex: none;
    margin: 0.25em 0 0;
    font-size: 0.875em;
    min-height: 2.8em;
    font-variant-numeric: tabular-nums;
  }
  .readout strong {
    margin-right: 0.25em;
  }
  button.toggle {
    margin-top: 0.5em;
    font: inherit;
    font-size: 0.875em;
    color: var(--_primary);
    background: transparent;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    padding: 0.1em 0.6em;
    cursor: pointer;
  }
  button.toggle:focus-visible {
    outline: 3px solid var(--_primary);
    outline-offset: 2px;
  }
  button.toggle[disabled] {
    color: var(--_muted);
    cursor: default;
  }
  .table {
    max-height: 24rem;
    overflow: auto;
    margin-top: 0.5em;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
    font-size: 0.875em;
  }
  th,
  td {
    padding: 0.25em;
    text-align: right;
    border-bottom: 1px solid var(--_track);
  }
  thead th {
    font-weight: 400;
    color: var(--_muted);
    vertical-align: bottom;
  }
  tbody th {
    text-align: left;
    font-weight: 400;
    white-space: nowrap;
  }
  tr[aria-current='date'] {
    background: var(--_track);
  }
  .lists {
    font-size: 0.875em;
  }
  .lists h3 {
    font-size: 1em;
    margin: 0.75em 0 0.25em;
  }
  .lists ul {
    margin: 0;
    padding-left: 1.2em;
  }
  .source {
    margin: var(--_space) 0 0;
    color: var(--_muted);
    font-size: 0.75em;
    /* Three lines whatever the text, so the skeleton and the result are the same height. */
    min-height: 4.2em;
  }
  .message {
    margin: 0;
    padding: var(--_space);
    border-left: 4px solid var(--_muted);
    background: var(--_track);
  }
  .message.error {
    border-left-color: var(--_error);
  }
  .message details {
    margin-top: 0.5em;
    font-size: 0.75em;
  }
  .ph {
    display: inline-block;
    height: 0.9em;
    width: 6em;
    border-radius: var(--_radius);
    background: var(--_track);
  }
  .skeleton .plot {
    background: linear-gradient(to top, var(--_track) 1px, transparent 1px) 0 0 / 100% 25%;
  }
  .provenance.pending {
    border-color: transparent;
  }
  /* The placeholders pulse only after a second: an answer from the cube comes well before
     (nothing moves), and the engine's start has the CPU to itself meanwhile (about 80 ms
     sooner on a 2-core machine, bench section 1). */
  @media (prefers-reduced-motion: no-preference) {
    .skeleton .ph {
      animation: pulse 1.2s ease-in-out 1s infinite alternate;
    }
  }
  @keyframes pulse {
    to {
      opacity: 0.45;
    }
  }
  @media print {
    button.toggle {
      display: none;
    }
  }
`;
