import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement, html as litHtml, type TemplateResult } from 'lit';
import { RovingFocusController, nearestInDirection, type RovingFocusOptions } from '../../../src/controllers/roving-focus.js';
import { tileGeometry } from '../../../src/map/tiles.js';

/** A row of buttons using the controller, as the funnel's stage buttons would. */
class RovingRow extends LitElement {
  items = ['a', 'b', 'c', 'd'];
  fallback: string | null = null;
  centres: Record<string, [number, number]> | null = null;
  activated: string[] = [];
  escaped: string[] = [];
  readonly roving: RovingFocusController<string>;

  constructor(extra: Partial<RovingFocusOptions<string>> = {}) {
    super();
    this.roving = new RovingFocusController<string>(this, {
      items: () => this.items,
      itemOf: (el) => el.closest<HTMLElement>('button[data-id]')?.dataset.id,
      elementOf: (id) => this.renderRoot.querySelector<HTMLElement>(`button[data-id="${id}"]`) ?? undefined,
      onEscape: (id) => this.escaped.push(id),
      ...extra,
    });
  }

  protected override render(): TemplateResult {
    const stop = this.roving.tabStop(this.fallback);
    return litHtml`${this.items.map((id) => litHtml`<button data-id=${id} tabindex=${stop === id ? 0 : -1}>${id}</button>`)}`;
  }
}
customElements.define('roving-row', RovingRow);

class RovingGrid extends RovingRow {
  constructor() {
    super({
      centreOf: (id) => GRID[id]!,
      onActivate: (id) => this.activated.push(id),
    });
  }
}
customElements.define('roving-grid', RovingGrid);

/** a b     (a and b on the top row, c below b's right, d below a) */
const GRID: Record<string, [number, number]> = { a: [0, 0], b: [10, 0], c: [20, 10], d: [0, 10] };

async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

const focused = (el: LitElement) => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.id ?? null;
const tabbable = (el: LitElement) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[tabindex="0"]')].map((b) => b.dataset.id);

async function page<T extends LitElement>(tag: 'roving-row' | 'roving-grid'): Promise<{ el: T; before: HTMLButtonElement }> {
  const wrap = await fixture<HTMLDivElement>(
    tag === 'roving-row'
      ? html`<div><button>before</button><roving-row></roving-row><button>after</button></div>`
      : html`<div><button>before</button><roving-grid></roving-grid><button>after</button></div>`,
  );
  return { el: wrap.querySelector(tag) as T, before: wrap.querySelector('button')! };
}

describe('controllers/roving-focus: RovingFocusController', () => {
  it('makes the group one Tab stop: Tab enters on the first item and the next Tab leaves', async () => {
    const { el, before } = await page<RovingRow>('roving-row');
    expect(tabbable(el)).to.deep.equal(['a']);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('a');
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement!.textContent).to.equal('after');
    await shiftTab();
    expect(focused(el)).to.equal('a');
  });

  it('without centres, Right and Down go to the next item, Left and Up back, stopping at the ends; Home and End', async () => {
    const { el, before } = await page<RovingRow>('roving-row');
    before.focus();
    await sendKeys({ press: 'Tab' });
    const trail: (string | null)[] = [];
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'ArrowUp', 'End', 'ArrowRight', 'Home']) {
      await sendKeys({ press: key });
      trail.push(focused(el));
    }
    expect(trail).to.deep.equal(['b', 'c', 'b', 'a', 'a', 'd', 'd', 'a']);
  });

  it('leaves the Tab stop on the item last focused, and on it when Tab comes back', async () => {
    const { el, before } = await page<RovingRow>('roving-row');
    before.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(tabbable(el)).to.deep.equal(['d']);
    expect(el.roving.tabStop()).to.equal('d');
    await sendKeys({ press: 'Tab' });
    await shiftTab();
    expect(focused(el)).to.equal('d');
  });

  it('with centres, arrows go to the nearest item in their direction', async () => {
    const { el, before } = await page<RovingGrid>('roving-grid');
    before.focus();
    await sendKeys({ press: 'Tab' });
    const trail: (string | null)[] = [];
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowLeft', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'ArrowUp']) {
      await sendKeys({ press: key });
      trail.push(focused(el));
    }
    // b -> c (lower right: the only item further right), c -> d (straight left), d -> a (up), nothing above a.
    expect(trail).to.deep.equal(['b', 'c', 'd', 'd', 'd', 'a', 'a']);
  });

  it('calls back on Enter, Space and Escape with the focused item; arrows never scroll the page', async () => {
    const { el, before } = await page<RovingGrid>('roving-grid');
    const prevented: string[] = [];
    const spy = (e: KeyboardEvent) => {
      if (e.defaultPrevented) prevented.push(e.key);
    };
    window.addEventListener('keydown', spy);
    try {
      before.focus();
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Escape' });
      await sendKeys({ press: 'ArrowUp' }); // nothing above b: focus stays, the page does not scroll
      expect(el.activated).to.deep.equal(['a', 'b']);
      expect(el.escaped).to.deep.equal(['b']);
      expect(focused(el)).to.equal('b');
      expect(prevented).to.deep.equal(['Enter', 'ArrowRight', ' ', 'ArrowUp']);
    } finally {
      window.removeEventListener('keydown', spy);
    }
  });

  it('without onActivate, Enter keeps its default: a native button clicks itself', async () => {
    const { el, before } = await page<RovingRow>('roving-row');
    const clicked: string[] = [];
    el.shadowRoot!.addEventListener('click', (e) => clicked.push((e.target as HTMLElement).dataset.id!));
    before.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Enter' });
    expect(clicked).to.deep.equal(['b']);
  });

  it('gives the Tab stop to the fallback (e.g. the selection) until an item is focused or set, and forgets items that are gone', async () => {
    const { el } = await page<RovingRow>('roving-row');
    el.fallback = 'c';
    el.requestUpdate();
    await el.updateComplete;
    expect(tabbable(el)).to.deep.equal(['c']);
    expect(el.roving.tabStop('zz')).to.equal('a'); // a fallback that is no item is ignored
    el.roving.setTabStop('b');
    await el.updateComplete;
    expect(tabbable(el)).to.deep.equal(['b']);
    el.items = ['a', 'c', 'd'];
    el.requestUpdate();
    await el.updateComplete;
    expect(tabbable(el)).to.deep.equal(['c']);
    el.roving.focus('d');
    expect(focused(el)).to.equal('d');
    expect(tabbable(el)).to.deep.equal(['d']); // at once, before the host renders
    el.items = [];
    expect(el.roving.tabStop('d')).to.equal(null);
  });

  it('ignores keys on elements that are not items, and stops listening when disconnected', async () => {
    const { el, before } = await page<RovingGrid>('roving-grid');
    before.focus();
    await sendKeys({ press: 'Enter' });
    expect(el.activated).to.deep.equal([]);
    const parent = el.parentElement!;
    el.remove();
    el.renderRoot.querySelector('button')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    expect(el.activated).to.deep.equal([]);
    parent.append(el);
    el.renderRoot.querySelector('button')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    expect(el.activated).to.deep.equal(['a']);
  });
});

describe('controllers/roving-focus: nearestInDirection', () => {
  it('moves to the nearest area in the arrow direction', () => {
    const g = tileGeometry({
      columns: 3,
      rows: 2,
      tiles: [
        { code: '001', sigla: 'A', col: 0, row: 0 },
        { code: '002', sigla: 'B', col: 1, row: 0 },
        { code: '003', sigla: 'C', col: 2, row: 1 },
        { code: '004', sigla: 'D', col: 0, row: 1 },
      ],
    });
    const [a, b, c, d] = g.shapes;
    const centre = (s: { centre: [number, number] }) => s.centre;
    expect(nearestInDirection(g.shapes, a!, 1, 0, centre)).to.equal(b);
    expect(nearestInDirection(g.shapes, a!, 0, 1, centre)).to.equal(d);
    expect(nearestInDirection(g.shapes, b!, 1, 0, centre)).to.equal(c);
    expect(nearestInDirection(g.shapes, a!, -1, 0, centre)).to.equal(null);
  });

  it('prefers an item straight ahead over a nearer one off to the side (sideways counts double)', () => {
    const at: Record<string, [number, number]> = { o: [0, 0], ahead: [10, 0], side: [4, 4], far: [13, 0] };
    const ids = Object.keys(at);
    // side scores 4 + 2*4 = 12, ahead 10: ahead wins although side is nearer.
    expect(nearestInDirection(ids, 'o', 1, 0, (id) => at[id]!)).to.equal('ahead');
    at.side = [4, 2]; // now 4 + 2*2 = 8
    expect(nearestInDirection(ids, 'o', 1, 0, (id) => at[id]!)).to.equal('side');
    expect(nearestInDirection(ids, 'o', 0, -1, (id) => at[id]!)).to.equal(null);
  });
});
