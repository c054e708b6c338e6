// The build minifies the CSS inside Lit's css`` templates (rollup.config.mjs). What it
// must keep: every selector, value and interpolation; what it drops: comments and spaces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyCssText } from '../../rollup.config.mjs';

test('comments go, selectors and declarations stay', () => {
  const css = `
    /* The host box. */
    :host([theme='dark']) .a > .b,
    .c :focus-visible {
      color: var(--x, #fff);   /* fallback */
      margin: calc(1em + 2px) 0;
    }
    @media (prefers-color-scheme: dark) {
      :host { --_bg: #111; }
    }
  `;
  assert.equal(
    minifyCssText(css),
    " :host([theme='dark']) .a>.b,.c :focus-visible{color:var(--x,#fff);margin:calc(1em + 2px) 0}@media (prefers-color-scheme:dark){:host{--_bg:#111}}",
  );
});

test('descendant pseudo-class selectors keep their space; calc keeps its operators', () => {
  assert.equal(minifyCssText('.a :hover { width: calc(100% - 2px); }'), '.a :hover{width:calc(100% - 2px)}');
});
