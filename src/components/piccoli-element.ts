import { LitElement } from 'lit';
import { LangController } from '../controllers/lang.js';
import type { Lang } from '../i18n/index.js';
import { ensurePageContext } from '../query/context.js';

ensurePageContext();

/**
 * What every piccoli element shares: it speaks the language of its `lang` attribute, its
 * nearest ancestor's, or the page's (LangController), and re-renders as soon as its own
 * `lang` attribute changes (words and numbers are written at render). The page-level
 * context providers (coordinator, selection, language) are installed before any element
 * connects.
 */
export class PiccoliElement extends LitElement {
  private readonly _langController = new LangController(this);

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && old !== value) this.requestUpdate();
  }

  /** The language the element speaks now. */
  protected get _lang(): Lang {
    return this._langController.value;
  }
}
