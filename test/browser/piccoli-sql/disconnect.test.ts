import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/piccoli-sql/piccoli-sql.js';
import type { PiccoliSql } from '../../../src/components/piccoli-sql/piccoli-sql.js';
import { getEngine } from '../../../src/data/engine.js';

/**
 * The listeners on `window` and `document` added and not yet removed while `body` runs,
 * counted through wrappers of addEventListener and removeEventListener.
 */
async function countingListeners<T>(body: (live: () => number) => Promise<T>): Promise<T> {
  const live: { target: EventTarget; type: string; listener: unknown; capture: boolean }[] = [];
  const capture = (o?: boolean | EventListenerOptions) => (typeof o === 'boolean' ? o : !!o?.capture);
  const restore: (() => void)[] = [];
  for (const target of [window, document] as EventTarget[]) {
    const add = target.addEventListener;
    const remove = target.removeEventListener;
    target.addEventListener = function (type: string, listener: unknown, o?: boolean | AddEventListenerOptions) {
      if (listener && !live.some((l) => l.target === target && l.type === type && l.listener === listener && l.capture === capture(o))) {
        live.push({ target, type, listener, capture: capture(o) });
      }
      return add.call(this, type, listener as EventListener, o);
    };
    target.removeEventListener = function (type: string, listener: unknown, o?: boolean | EventListenerOptions) {
      const i = live.findIndex((l) => l.target === target && l.type === type && l.listener === listener && l.capture === capture(o));
      if (i >= 0) live.splice(i, 1);
      return remove.call(this, type, listener as EventListener, o);
    };
    restore.push(() => {
      target.addEventListener = add;
      target.removeEventListener = remove;
    });
  }
  try {
    return await body(() => live.length);
  } finally {
    restore.forEach((r) => r());
  }
}

/** Connect a console, wait for its editor, remove it. */
async function cycle(): Promise<PiccoliSql> {
  const el = document.createElement('piccoli-sql');
  el.setAttribute('no-bundled-data', '');
  el.setAttribute('no-url', '');
  el.setAttribute('history-key', '');
  el.query = 'SELECT 1';
  document.body.append(el);
  await el.updateComplete;
  el.remove();
  return el;
}

/** The JS heap after a full collection (Chromium runs with --expose-gc, web-test-runner.config.mjs). */
async function heapAfterGc(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('gc() is not exposed: run Chromium with --js-flags=--expose-gc');
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 50));
    gc();
  }
  return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
}

/** Wait until the engine has answered every query sent so far (it runs them one by one). */
async function settled(): Promise<void> {
  await getEngine().query('SELECT 1');
  await new Promise((r) => setTimeout(r, 200));
}

describe('<piccoli-sql> removed from the page', () => {
  it('destroys its editor and removes every window and document listener it added', async () => {
    await countingListeners(async (live) => {
      const el = document.createElement('piccoli-sql');
      el.setAttribute('no-bundled-data', '');
      el.setAttribute('no-url', '');
      el.setAttribute('history-key', '');
      const before = live();
      document.body.append(el);
      await el.updateComplete;
      const view = el.editor!;
      expect(live()).to.be.greaterThan(before); // CodeMirror listens to the window (resize, scroll) and the document
      el.remove();
      expect(live()).to.equal(before);
      expect(el.editor).to.equal(undefined);
      expect(view.dom.isConnected).to.equal(false);
      expect(el.shadowRoot!.querySelectorAll('.cm-editor').length).to.equal(0);
    });
  });

  it('200 connect/disconnect cycles free the consoles, leave no listener behind and keep the JS heap flat', async () => {
    await countingListeners(async (live) => {
      for (let i = 0; i < 20; i++) await cycle(); // modules, styles and compiled code, once
      await settled(); // their schema reads done
      const listeners = live();
      const heap0 = await heapAfterGc();
      const consoles: WeakRef<PiccoliSql>[] = [];
      for (let i = 0; i < 200; i++) consoles.push(new WeakRef(await cycle()));
      expect(live()).to.equal(listeners);
      // A console whose schema read is still on its way is held by it until the read ends.
      let alive = consoles.length;
      for (let i = 0; i < 20 && alive > 1; i++) {
        await settled();
        await heapAfterGc();
        alive = consoles.filter((c) => c.deref()).length;
      }
      const growth = (await heapAfterGc()) - heap0;
      // Collected (the last one may still be held by the page's last event or frame).
      expect(alive).to.be.lessThan(2);
      // Each console used to stay alive (≈ 380 KB: its editor, nodes and listeners): 76 MB here.
      expect(growth, `heap grew ${(growth / 1e6).toFixed(1)} MB`).to.be.lessThan(4e6);
    });
  });

  it('moved in the page, keeps its query and a working editor', async () => {
    const wrap = await fixture<HTMLElement>(html`<div><section id="a"></section><section id="b"></section></div>`);
    const el = document.createElement('piccoli-sql');
    el.setAttribute('no-bundled-data', '');
    el.setAttribute('no-url', '');
    el.setAttribute('history-key', '');
    el.query = 'SELECT 1';
    wrap.querySelector('#a')!.append(el);
    await el.updateComplete;
    const view = el.editor!;
    view.dispatch({ changes: { from: view.state.doc.length, insert: ' AS uno' }, selection: { anchor: 7 } });

    wrap.querySelector('#b')!.append(el); // a move: disconnected, then connected
    await el.updateComplete;
    expect(el.value).to.equal('SELECT 1 AS uno');
    expect(el.editor).to.not.equal(view);
    expect(el.editor!.state.selection.main.head).to.equal(7);
    expect(el.shadowRoot!.querySelectorAll('.cm-editor').length).to.equal(1);
    expect(el.shadowRoot!.querySelector<HTMLElement>('.editor-placeholder')!.hidden).to.equal(true);

    // Typed into with real keys after the move.
    el.editor!.focus();
    el.editor!.dispatch({ selection: { anchor: el.editor!.state.doc.length } });
    await sendKeys({ type: ', 2' });
    expect(el.value).to.equal('SELECT 1 AS uno, 2');

    // Away for a while, then back.
    el.remove();
    expect(el.value).to.equal('SELECT 1 AS uno, 2');
    await new Promise((r) => setTimeout(r, 50));
    wrap.append(el);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.cm-content')!.textContent).to.equal('SELECT 1 AS uno, 2');
    const ran = new Promise<CustomEvent>((r) => el.addEventListener('piccoli-query-run', (e) => r(e as CustomEvent), { once: true }));
    void el.run();
    expect((await ran).detail.columns).to.deep.equal(['uno', '2']);
  });
});
