import { LitElement, html, nothing, type CSSResult, type PropertyValues, type TemplateResult } from 'lit';
import { LangController } from '../controllers/lang.js';
import { asDataError, isAbortError } from '../data/errors.js';
import { PiccoliErrorEvent } from '../events/index.js';
import type { Lang } from '../i18n/index.js';
import { loadWords, words, type Words } from '../i18n/words.js';
import { ensurePageContext } from '../query/context.js';

ensurePageContext();

/**
 * The describer and its sentences (every kind of error, in Italian; the reader's other
 * language beside it) are fetched the first time an element has an error to show: no
 * first paint carries them.
 */
let describer: typeof import('../i18n/errors.js') | undefined;
let describerLoading: Promise<void> | undefined;

/**
 * What every piccoli element shares: it speaks the language of its `lang` attribute, its
 * nearest ancestor's, or the page's (LangController), and re-renders as soon as its own
 * `lang` attribute changes (words and numbers are written at render). The page-level
 * context providers (coordinator, selection, language) are installed before any element
 * connects. Errors look and behave the same in every element: one sentence from the
 * shared describer, technical details, a retry where it can help, and one
 * `piccoli-error` event per error.
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

  /**
   * The answer a pre-rendered snapshot (`piccoli-data snapshot`) carries in the element's
   * declarative shadow root (a JSON script): the first render shows it, so the snapshot's
   * nodes give way to the same content, with no shift and no flash; the element then asks
   * its coordinator as usual. Set on the server by the snapshot's renderer.
   */
  protected _snapshot?: unknown;
  /** The snapshot's nodes, removed by the first render (Lit renders after them). */
  private _stale?: ChildNode[];

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const old = [...(this.shadowRoot?.childNodes ?? [])];
    const root = super.createRenderRoot();
    if (old.length) {
      this.renderOptions.renderBefore = null;
      this._stale = old;
      try {
        this._snapshot = JSON.parse(root.querySelector('script')!.textContent!); // the snapshot's one script: its answer
      } catch {
        // no answer to show: the first render is the skeleton
      }
    }
    return root;
  }

  /** The lazily loaded parts a render of an answer needs (awaited before a snapshot's first render). */
  protected async _ready(): Promise<unknown> {
    return undefined;
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    return this._stale ? this._ready().finally(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected override update(changed: PropertyValues): void {
    super.update(changed);
    this._stale?.forEach((n) => n.remove());
    this._stale = undefined;
  }

  /**
   * Add styles that came with a lazily loaded part (a drawn map, the provenance view, the
   * console's panels) to this element's shadow root, once (CSSOM: a strict CSP allows it).
   */
  protected adopt({ styleSheet }: CSSResult): void {
    const root = this.renderRoot as ShadowRoot;
    if (styleSheet && !root.adoptedStyleSheets.includes(styleSheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, styleSheet];
  }

  private _reportedError?: unknown;
  private _awaitingDescriber = false;

  /** The language the element speaks now. */
  protected get _lang(): Lang {
    return this._langController.value;
  }

  /**
   * What `w` says in the element's language; undefined while that language's table is on
   * its way (the element then shows its skeleton, wordless, and renders again when it
   * arrives), so that a German page never flashes Italian.
   */
  protected _words<T extends object>(w: Words<T>): T | undefined {
    const lang = this._lang;
    const t = words(w, lang);
    if (!t) void loadWords(w, lang).then(() => this.requestUpdate());
    return t;
  }

  /** Fire `piccoli-error` once for an error the element now shows (call from `updated`). */
  protected _reportError(error: unknown): void {
    if (error === undefined || error === this._reportedError || isAbortError(error)) return;
    this._reportedError = error;
    const e = asDataError(error);
    this.dispatchEvent(new PiccoliErrorEvent({ code: e.code, kind: e.kind, message: e.message, source: e.source }));
  }

  /**
   * An error as the reader sees it: `title`, the describer's sentence, details, retry.
   * Until the describer and the words have arrived (once per page and language, a few
   * milliseconds) the message is marked busy, says at most the title, and is not yet an alert.
   */
  protected _renderError(error: unknown, title: string | undefined, retry: () => void): TemplateResult {
    // The words (the element's and the errors') render again when they arrive (_words).
    const ui = describer && this._words(describer.ERRORS);
    if (!ui || title === undefined) {
      if (!describerLoading) {
        describerLoading = import('../i18n/errors.js').then(
          (m) => void (describer = m),
          () => void (describerLoading = undefined),
        );
      }
      if (!describer && !this._awaitingDescriber) {
        this._awaitingDescriber = true;
        void describerLoading.then(() => {
          this._awaitingDescriber = false;
          this.requestUpdate();
        });
      }
      // Not yet an alert: a screen reader announces it once, with its sentence.
      return html`<div class="message error" part="message" aria-busy="true">${title ? html`<strong>${title}.</strong>` : nothing}</div>`;
    }
    const d = describer!.describeError(asDataError(error), this._lang);
    return html`<div class="message error" role="alert" part="message">
      <strong>${title}.</strong> ${d.text}
      ${d.detail ? html`<details><summary>${ui.details}</summary><code>${d.detail}</code></details>` : nothing}
      ${d.retry ? html`<button class="retry" type="button" @click=${retry}>${ui.retry}</button>` : nothing}
    </div>`;
  }
}
