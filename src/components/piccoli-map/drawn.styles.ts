import { css } from 'lit';

/**
 * What only a drawn map needs (its areas, tooltip, selection button): loaded with the
 * drawing code (src/map/drawing.ts) and adopted by the element before its first drawing.
 */
export const drawnStyles = css`
  svg.map {
    display: block;
    width: 100%;
    height: 100%;
    overflow: visible;
  }
  .area {
    cursor: pointer;
    outline: none;
    stroke: var(--_border);
    stroke-width: 0.75;
    vector-effect: non-scaling-stroke;
  }
  .labels text {
    font: 700 17px var(--piccoli-font, 'Titillium Web', system-ui, sans-serif);
    pointer-events: none;
  }
  /* Small tiles (a phone), larger letters: a sigla fills more of its tile. */
  @container (max-width: 26rem) {
    .labels text {
      font-size: 22px;
    }
  }
  .area:hover,
  .area:focus-visible {
    filter: brightness(0.92);
  }
  /* Selection and focus: a dark line on a light halo, so that one of them stands out (3:1)
     on every fill; focus is the thicker. */
  .outline,
  .outline-halo,
  .focus-ring,
  .focus-halo {
    vector-effect: non-scaling-stroke;
    stroke-linejoin: round;
  }
  .outline-halo,
  .focus-halo {
    stroke: var(--piccoli-map-color-halo, #ffffff);
  }
  .outline,
  .focus-ring {
    stroke: var(--piccoli-map-color-ring, #1a1a1a);
  }
  .outline-halo {
    stroke-width: 6;
  }
  .outline {
    stroke-width: 2.5;
  }
  .focus-halo {
    stroke-width: 9;
  }
  .focus-ring {
    stroke-width: 4;
  }
  .legend.stages {
    grid-template-columns: repeat(auto-fill, minmax(8.5em, 1fr));
  }
  .tooltip {
    position: absolute;
    z-index: 1;
    pointer-events: none;
    max-width: 16em;
    padding: 0.4em 0.6em;
    background: var(--_bg);
    color: var(--_text);
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    box-shadow: 0 2px 6px rgb(0 0 0 / 20%);
    font-size: 0.875em;
    line-height: 1.3;
  }
  .tooltip > * {
    display: block;
  }
  .tip-value {
    font-weight: 700;
    font-size: 1.125em;
  }
  .tip-counts,
  .tip-value.nodata {
    color: var(--_muted);
    font-weight: 400;
    font-size: 1em;
  }
  .selection {
    margin: var(--_space) 0 0;
  }
  button.clear {
    font: inherit;
    font-size: 0.875em;
    color: var(--_primary);
    background: var(--_bg);
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    padding: 0.2em 0.7em;
    cursor: pointer;
  }
  button.clear:focus-visible {
    outline: 3px solid var(--_primary);
    outline-offset: 2px;
  }
  .message.empty {
    position: absolute;
    inset: 40% 10% auto;
  }
  @media print {
    .selection {
      display: none;
    }
  }
`;
