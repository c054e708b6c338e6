import { css } from 'lit';

/**
 * What only a drawn map needs (its areas, tooltip, selection button): loaded with the
 * drawing code (src/map/drawing.ts) and adopted by the element before its first drawing.
 * The map's colours per scheme are here: paletteFromStyle (src/map/palette.ts) reads
 * `--_m1` … `--_m5`, `--_nodata` and `--_nodata-lines` from the element's computed style.
 */
export const drawnStyles = css`
  /* Upper case, as DEFAULT_PALETTE: the fills are written as given (SVG snapshots). */
  /* Light: sequential blues ending at Designers Italia's #0066CC and a darker step. */
  :host {
    --_m1: var(--piccoli-map-color-1, #DCEBFA);
    --_m2: var(--piccoli-map-color-2, #A6CBF2);
    --_m3: var(--piccoli-map-color-3, #5B9DE3);
    --_m4: var(--piccoli-map-color-4, #0066CC);
    --_m5: var(--piccoli-map-color-5, #003D7A);
    --_nodata: var(--piccoli-map-color-nodata, #E6E9F2);
    --_nodata-lines: var(--piccoli-map-color-nodata-lines, #8E99AB);
  }
  /* Dark: the same blues from the background up, so that more is brighter. A tile's label
     takes the text or the background colour, whichever reads on its fill (4.5:1). */
  @media screen and (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_m1: var(--piccoli-map-color-1, #1E3A5C);
      --_m2: var(--piccoli-map-color-2, #24609E);
      --_m3: var(--piccoli-map-color-3, #3D86D8);
      --_m4: var(--piccoli-map-color-4, #86BBF3);
      --_m5: var(--piccoli-map-color-5, #D2E6FC);
      --_nodata: var(--piccoli-map-color-nodata, #252A31);
      --_nodata-lines: var(--piccoli-map-color-nodata-lines, #55606E);
    }
  }
  @media screen {
    :host([theme='dark']) {
      --_m1: var(--piccoli-map-color-1, #1E3A5C);
      --_m2: var(--piccoli-map-color-2, #24609E);
      --_m3: var(--piccoli-map-color-3, #3D86D8);
      --_m4: var(--piccoli-map-color-4, #86BBF3);
      --_m5: var(--piccoli-map-color-5, #D2E6FC);
      --_nodata: var(--piccoli-map-color-nodata, #252A31);
      --_nodata-lines: var(--piccoli-map-color-nodata-lines, #55606E);
    }
  }
  svg.map {
    display: block;
    width: 100%;
    height: 100%;
    overflow: visible;
  }
  .area {
    cursor: pointer;
    outline: none;
    stroke: var(--piccoli-map-color-border, var(--_bg));
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
  /* Selection and focus: a line in the text colour on a halo of the background's (dark on
     light, or light on dark), so that one of them stands out (3:1) on every fill; focus is
     the thicker. */
  .outline,
  .outline-halo,
  .focus-ring,
  .focus-halo {
    vector-effect: non-scaling-stroke;
    stroke-linejoin: round;
  }
  .outline-halo,
  .focus-halo {
    stroke: var(--piccoli-map-color-halo, var(--_bg));
  }
  .outline,
  .focus-ring {
    stroke: var(--piccoli-map-color-ring, var(--_text));
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
