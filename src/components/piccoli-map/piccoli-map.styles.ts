import { css } from 'lit';

/**
 * Designers Italia defaults (primary #0066CC, text #1A1A1A, grey #5C6F82 at 5.3:1 on
 * white; Titillium Web when the page has it), the same custom properties as the other
 * piccoli elements, and the map's own colours as --piccoli-map-*.
 */
export const styles = css`
  :host {
    --_border: var(--piccoli-map-color-border, #ffffff);
    --_nodata: var(--piccoli-map-color-nodata, #e6e9f2);
    --_nodata-lines: var(--piccoli-map-color-nodata-lines, #8e99ab);
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
  .map-box {
    position: relative;
    width: 100%;
    max-height: var(--piccoli-map-max-height, none);
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
    stroke: var(--_border);
    stroke-width: 0.75;
    vector-effect: non-scaling-stroke;
  }
  .labels text {
    font: 700 17px var(--piccoli-font, 'Titillium Web', system-ui, sans-serif);
    pointer-events: none;
  }
  .area:hover,
  .area:focus-visible {
    filter: brightness(0.92);
  }
  .area:focus-visible {
    stroke: var(--_primary);
    stroke-width: 3;
  }
  .outline {
    stroke: var(--_text);
    stroke-width: 2.5;
    vector-effect: non-scaling-stroke;
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
  .message.empty {
    position: absolute;
    inset: 40% 10% auto;
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
  @media (prefers-reduced-motion: no-preference) {
    .skeleton .ph {
      animation: pulse 1.2s ease-in-out infinite alternate;
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
`;
