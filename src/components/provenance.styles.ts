import { css } from 'lit';

/**
 * What the element's first paint needs of the provenance line: the label's box and the
 * explanation's line (the skeleton reserves both), and how the figures go on paper. The
 * rest (colours, marks, the opened explanation) comes with the provenance view
 * (provenance-view.styles.ts), adopted by the element when it first shows one.
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
    color: var(--_published);
  }
  .about {
    margin: 0.25em 0 0;
    font-size: 0.75em;
    line-height: 1.5;
    min-height: 1.5em;
    color: var(--_muted);
  }
  /* Paper: colours print as they are; what only works on screen does not print. */
  @media print {
    :host {
      print-color-adjust: exact;
      -webkit-print-color-adjust: exact;
    }
    button.retry,
    button.cancel,
    [part='download'],
    .about {
      display: none;
    }
  }
`;
