import { css } from 'lit';

/**
 * The provenance view's look after the first paint: the label's colour by kind, the
 * figures' marks, the explanation opened. Loaded with src/components/provenance.ts and
 * adopted by each element that shows the view (PiccoliElement.adopt).
 */
export const provenanceViewStyles = css`
  .provenance[data-provenance='simulated'],
  .provenance[data-provenance='partly-simulated'] {
    color: var(--_simulated);
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
    color: var(--_simulated);
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
`;
