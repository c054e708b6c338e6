import { css } from 'lit';

/**
 * What every piccoli element shares: the public custom properties and their defaults
 * (Designers Italia: primary #0066CC, text #1A1A1A, grey #5C6F82 at 5.3:1 on white;
 * Titillium Web when the page has it, system fonts otherwise), the host box, and the
 * screen-reader-only utility. Each element adds its own sheet after this one.
 *
 * Two schemes. The element is dark when the reader's system asks for it
 * (`prefers-color-scheme: dark`) unless the site sets `theme="light"`, or when the site
 * sets `theme="dark"`; paper is always light (the dark rules are for screens only). Each
 * internal `--_x` takes the site's `--piccoli-color-x` when it is set, in both schemes, and
 * the scheme's default otherwise. Every pair of defaults is tested in Chromium for 4.5:1
 * (text) and 3:1 (bars, focus rings): test/browser/theme.test.ts. A sheet that needs a
 * colour of its own per scheme repeats the two selectors below (brotli makes the repeat
 * nearly free).
 */
export const theme = css`
  :host {
    --_primary: var(--piccoli-color-primary, #0066cc);
    --_text: var(--piccoli-color-text, #1a1a1a);
    --_muted: var(--piccoli-color-muted, #5c6f82);
    --_track: var(--piccoli-color-track, #e6eef7);
    --_bg: var(--piccoli-color-background, #ffffff);
    --_error: var(--piccoli-color-error, #a61919);
    /* Text on a primary-coloured button. */
    --_on-primary: var(--piccoli-color-on-primary, #ffffff);
    --_published: var(--piccoli-color-published, #00693e);
    --_simulated: var(--piccoli-color-simulated, #8a4b00);
    color-scheme: light;
    --_space: var(--piccoli-space, 0.75rem);
    --_radius: var(--piccoli-radius, 4px);
    /* Containing block of the screen-reader-only content below, so that it can never
       widen the page (a hidden table is at least as wide as its content). */
    position: relative;
    display: block;
    color: var(--_text);
    background: var(--_bg);
    font-family: var(--piccoli-font, 'Titillium Web', system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    font-size: var(--piccoli-font-size, 1rem);
    line-height: 1.4;
  }
  /* The dark scheme's defaults: the system's wish (unless theme="light"), or theme="dark". */
  @media screen and (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_primary: var(--piccoli-color-primary, #6aaefc);
      --_text: var(--piccoli-color-text, #e9edf2);
      --_muted: var(--piccoli-color-muted, #a3b2c2);
      --_track: var(--piccoli-color-track, #2b323b);
      --_bg: var(--piccoli-color-background, #121417);
      --_error: var(--piccoli-color-error, #ff8f8f);
      --_on-primary: var(--piccoli-color-on-primary, #0b1a2b);
      --_published: var(--piccoli-color-published, #5ccf95);
      --_simulated: var(--piccoli-color-simulated, #f0a95a);
      color-scheme: dark;
    }
  }
  @media screen {
    :host([theme='dark']) {
      --_primary: var(--piccoli-color-primary, #6aaefc);
      --_text: var(--piccoli-color-text, #e9edf2);
      --_muted: var(--piccoli-color-muted, #a3b2c2);
      --_track: var(--piccoli-color-track, #2b323b);
      --_bg: var(--piccoli-color-background, #121417);
      --_error: var(--piccoli-color-error, #ff8f8f);
      --_on-primary: var(--piccoli-color-on-primary, #0b1a2b);
      --_published: var(--piccoli-color-published, #5ccf95);
      --_simulated: var(--piccoli-color-simulated, #f0a95a);
      color-scheme: dark;
    }
  }
  :host([hidden]) {
    display: none;
  }
  /* The caption every element gives its figure: a title, and a line of context. */
  .title {
    display: block;
    font-weight: 700;
    font-size: 1.125em;
  }
  .sub {
    display: block;
    color: var(--_muted);
    font-size: 0.875em;
  }
  /* Read by screen readers, not shown. Wrap tables in a div with it: a <table> ignores
     width: 1px. */
  .visually-hidden {
    position: absolute !important;
    inset: 0 auto auto 0;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
  }
  /* The retry of an error and the cancel of a long download, alike in every element. */
  button.retry {
    margin-top: 0.5em;
    font: inherit;
    color: var(--_on-primary);
    background: var(--_primary);
    border: 0;
    border-radius: var(--_radius);
    padding: 0.3em 0.9em;
    cursor: pointer;
  }
  button.retry:focus-visible {
    outline: 3px solid var(--_text);
    outline-offset: 2px;
  }
  button.cancel,
  [part='download'] {
    margin-left: 0.5em;
    padding: 0 0.5em;
    font: inherit;
    font-size: 0.875em;
    line-height: 1.3;
    color: var(--_primary);
    background: transparent;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    cursor: pointer;
  }
  button.cancel:focus-visible,
  [part='download']:focus-visible {
    outline: 3px solid var(--_primary);
    outline-offset: 2px;
  }
`;
