import { css } from 'lit';

/**
 * The map's first paint (its skeleton's boxes); the shared theme (src/styles/theme.ts)
 * comes first. The map's own colours (--piccoli-map-*, per colour scheme) come with the
 * drawing, in drawn.styles.ts.
 */
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
    min-height: 3.2em;
  }
  /* A map wider than 36rem is taller than a screen, and no easier to read. */
  .map-box {
    position: relative;
    width: 100%;
    max-width: var(--piccoli-map-max-width, 36rem);
    margin-inline: auto;
    max-height: var(--piccoli-map-max-height, none);
  }
  .legend {
    list-style: none;
    display: grid;
    grid-template-columns: repeat(6, minmax(0, 1fr));
    gap: 0.25em;
    margin: var(--_space) 0 0;
    padding: 0;
    font-size: 0.75em;
    font-variant-numeric: tabular-nums;
    min-height: 3.2em;
  }
  .legend li {
    display: flex;
    flex-direction: column;
    gap: 0.2em;
  }
  .swatch {
    display: block;
    height: 0.9em;
    border-radius: 2px;
  }
  .swatch.nodata {
    background: repeating-linear-gradient(45deg, var(--_nodata) 0 3px, var(--_nodata-lines) 3px 4.5px);
    outline: 1px solid var(--_nodata-lines);
    outline-offset: -1px;
  }
  .source {
    margin: var(--_space) 0 0;
    color: var(--_muted);
    font-size: 0.75em;
    min-height: 1.4em;
  }
  .credit {
    margin: 0.25em 0 0;
    color: var(--_muted);
    font-size: 0.75em;
    min-height: 1.4em;
  }
  .provenance.pending {
    border-color: transparent;
  }
  .credit a {
    color: inherit;
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
  .skeleton .ph {
    display: inline-block;
    height: 0.9em;
    width: 60%;
    border-radius: var(--_radius);
    background: var(--_track);
  }
  .skeleton .map-ph {
    display: block;
    width: 100%;
    height: 100%;
  }
  .skeleton .swatch.ph {
    width: 100%;
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
  @container (max-width: 360px) {
    .legend {
      font-size: 0.6875em;
    }
  }
  /* On a phone every pixel goes to the map: 13 tiles across a 375 px screen. */
  @container (max-width: 26rem) {
    figure {
      padding-inline: 0;
    }
  }
  /* Paper: the legend's swatches keep an outline in black and white. */
  @media print {
    .swatch {
      outline: 1px solid var(--_text);
    }
  }
`;
