import { noChange, type ElementPart } from 'lit';
import { Directive, PartType, directive, type PartInfo } from 'lit/directive.js';

/**
 * Per-element style values (a bar's width, a column's width, a swatch's colour) set
 * through the CSSOM (`el.style.setProperty`), never as a `style="…"` attribute: pages
 * with a strict Content-Security-Policy (`style-src 'self'`, as many PA sites have)
 * refuse inline style attributes, and Lit's own styleMap writes one on its first render.
 *
 * @example html`<span class="bar" ${styleProps({ '--w': '42%' })}></span>`
 */
class StyleProps extends Directive {
  private _set = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('styleProps() goes on an element, not in an attribute');
  }

  render(props: Readonly<Record<string, string>>): typeof noChange {
    void props; // applied in update(), through the CSSOM
    return noChange;
  }

  override update(part: ElementPart, [props]: [Readonly<Record<string, string>>]): typeof noChange {
    const style = (part.element as HTMLElement | SVGElement).style;
    for (const name of this._set) if (!(name in props)) style.removeProperty(name);
    this._set = new Set(Object.keys(props));
    for (const [name, value] of Object.entries(props)) style.setProperty(name, value);
    return noChange;
  }
}

export const styleProps = directive(StyleProps);
