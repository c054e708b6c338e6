import { html, type TemplateResult } from 'lit';
import type { Lang } from '../../i18n/index.js';
import type { Downloadable } from './types.js';

/**
 * The «Scarica» button each element shows in its caption, beside the provenance label:
 * all of the downloads an element's first load carries. It looks like the other small
 * buttons (theme.ts, beside `button.cancel`) and does not print (provenance.styles.ts).
 * The menu, its words (strings.ts) and the code that writes CSV, SVG and PNG (menu.ts
 * and what it imports) load on the first press, as a chunk of their own.
 */

/** The trigger's word. The menu's are in strings.ts: a language added there is added here. */
const LABEL: Readonly<Record<string, string>> = { it: 'Scarica', en: 'Download', de: 'Herunterladen', fr: 'Télécharger' };

/**
 * The trigger of an element's download menu. `what` is the answer the element shows, as
 * it holds it; the menu finds the element from the button, and knows it by its tag.
 *
 * @example html`<figcaption>… ${pv.label}${downloadButton(lang, answer)}</figcaption>`
 */
export function downloadButton(lang: Lang, what: Downloadable): TemplateResult {
  return html`<button part="download" aria-haspopup="menu" aria-expanded="false" @click=${(e: Event) => {
    const button = e.currentTarget as HTMLButtonElement;
    void import('./menu.js').then(
      (m) => m.toggleMenu(button, lang, what),
      () => undefined,
    );
  }}>${LABEL[lang] ?? LABEL.it}</button>`;
}
