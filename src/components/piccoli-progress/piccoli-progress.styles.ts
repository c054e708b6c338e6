import { css } from 'lit';

/** The funnel's own rules; the shared theme (src/styles/theme.ts) comes first. */
export const styles = css`
  :host {
    container-type: inline-size;
  }
  figure {
    margin: 0;
    padding: var(--_space);
  }
  figcaption {
    margin-bottom: var(--_space);
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: 0.35em 0.25em;
    vertical-align: top;
    text-align: right;
    border-bottom: 1px solid var(--_track);
  }
  thead th {
    font-weight: 400;
    vertical-align: bottom;
    font-size: 0.75em;
    color: var(--_muted);
  }
  thead th:first-child,
  tbody th {
    text-align: left;
    font-weight: 400;
    width: 55%;
  }
  .count {
    font-weight: 700;
    font-size: 1.125em;
    line-height: 1.2;
  }
  .definition {
    margin: var(--_space) 0 0;
    font-size: 0.875em;
  }
  /* Kept in the page while empty, so that screen readers announce what it then says. */
  .definition:empty {
    margin: 0;
  }
  .provenance.pending {
    border-color: transparent;
  }
  .share {
    color: var(--_muted);
    font-size: 0.875em;
    white-space: nowrap;
  }
  button.stage {
    all: unset;
    box-sizing: border-box;
    display: block;
    width: 100%;
    cursor: pointer;
    border-radius: var(--_radius);
  }
  button.stage:focus-visible {
    outline: 3px solid var(--_primary);
    outline-offset: 2px;
  }
  button.stage[aria-pressed='true'] .label {
    font-weight: 700;
  }
  .bar {
    display: block;
    height: 0.5em;
    margin-top: 0.3em;
    background: var(--_track);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .bar > span {
    display: block;
    height: 100%;
    width: var(--w, 0%);
    background: var(--_primary);
    transition: width 200ms ease-out;
  }
  .source {
    margin: var(--_space) 0 0;
    color: var(--_muted);
    font-size: 0.75em;
    /* Two lines whatever the text, so the skeleton and the result are the same height. */
    min-height: 2.8em;
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
  .message code {
    word-break: break-word;
  }
  .skeleton .ph {
    display: inline-block;
    height: 0.9em;
    width: 3em;
    border-radius: var(--_radius);
    background: var(--_track);
  }
  .skeleton th .ph {
    width: 70%;
  }
  .progress {
    color: var(--_muted);
    font-size: 0.75em;
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
  .compact ul {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    margin: 0;
    padding: 0;
  }
  .compact li .count {
    margin-right: 0.25em;
  }
  /* A sidebar (280 px and up): the share of all eligible stays in the table for screen
     readers, the bar shows it to the eye. */
  @container (max-width: 420px) {
    .elig {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    tbody th {
      width: auto;
    }
    .count {
      font-size: 1em;
    }
  }
  /* Paper: the bars print, and stay readable in black and white (outlined track). */
  @media print {
    .bar {
      border: 1px solid var(--_text);
      background: #fff;
    }
  }
`;
