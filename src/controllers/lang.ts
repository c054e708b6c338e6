import { ContextConsumer } from '@lit/context';
import { isServer, type ReactiveController, type ReactiveElement } from 'lit';
import { langContext } from '../query/context.js';
import { config } from '../data/config.js';
import type { Lang } from '../i18n/index.js';

/**
 * The language an element speaks: its own `lang` attribute, else the nearest ancestor's
 * (through shadow roots, so an element inside a site's component follows the component's
 * `lang`), else the page's language from @lit/context (a site may provide its own; the
 * page-level default follows `<html lang>` and updates the element when it changes).
 * Italian when nothing says otherwise, or when it does not speak the language (toLang).
 * The host's own `lang` attribute is observed by PiccoliElement
 * (src/components/piccoli-element.ts).
 */
export class LangController implements ReactiveController {
  private _fromContext?: string;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
    new ContextConsumer(host, {
      context: langContext,
      subscribe: true,
      callback: (v) => {
        this._fromContext = v;
        host.requestUpdate();
      },
    });
  }

  hostConnected(): void {
    this.host.requestUpdate(); // moved under another `lang`
  }

  get value(): Lang {
    return toLang(inheritedLang(this.host) ?? this._fromContext ?? 'it');
  }
}

/** `lang` of the element or its nearest ancestor below <html>, crossing shadow roots. */
function inheritedLang(el: Element): string | null {
  if (isServer) return el.getAttribute('lang'); // a snapshot's render (piccoli-data snapshot) sets the element's own
  let n: Node | null = el;
  while (n && n !== document.documentElement) {
    if (n instanceof Element && n.hasAttribute('lang')) return n.getAttribute('lang');
    n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null);
  }
  return null;
}

/**
 * The language a `lang` value asks for, by its first subtag (`de-CH` -> `de`): Italian,
 * English, German, French, or one a site added (`configure({ strings })`); else Italian.
 */
export function toLang(raw: string): Lang {
  const l = raw.trim().toLowerCase().split(/[-_]/)[0]!;
  return ['it', 'en', 'de', 'fr'].includes(l) || Object.hasOwn(config().strings ?? {}, l) ? l : 'it';
}
