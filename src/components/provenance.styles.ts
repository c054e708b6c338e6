import { css } from 'lit';

/**
 * The look of the label, the marks and the explanation (after the shared theme), and how
 * the figures of the funnel and the map go on paper.
 */
export const provenanceStyles = css`
  .provenance {
    display: inline-block;
    margin-top: 0.25em;
    padding: 0 0.5em;
    font-size: 0.75em;
    line-height: 1.6;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    color: var(--piccoli-color-published, #00693e);
  }
  .provenance[data-provenance='simulated'],
  .provenance[data-provenance='partly-simulated'] {
    color: var(--piccoli-color-simulated, #8a4b00);
  }
  .provenance[data-provenance='unknown'] {
    color: var(--_muted);
  }
  .basis {
    display: block;
    font-size: 0.625rem;
    font-weight: 400;
    line-height: 1;
    color: var(--_muted);
  }
  .basis[data-basis='simulated'] {
    color: var(--piccoli-color-simulated, #8a4b00);
  }
  .about {
    margin: 0.25em 0 0;
    font-size: 0.75em;
    line-height: 1.5;
    min-height: 1.5em;
    color: var(--_muted);
  }
  .about summary {
    cursor: pointer;
    width: fit-content;
  }
  .about summary:focus-visible {
    outline: 3px solid var(--_primary);
    outline-offset: 2px;
  }
  .about p {
    margin: 0.25em 0 0;
    color: var(--_text);
  }
  /* Paper: colours print as they are; what only works on screen does not print. */
  @media print {
    :host {
      print-color-adjust: exact;
      -webkit-print-color-adjust: exact;
    }
    button.retry,
    button.cancel,
    .about {
      display: none;
    }
  }
`;
