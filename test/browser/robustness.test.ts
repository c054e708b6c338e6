import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/piccoli-progress/piccoli-progress.js';
import '../../src/components/piccoli-map/piccoli-map.js';
import type { PiccoliProgress } from '../../src/components/piccoli-progress/piccoli-progress.js';
import { configure, getEngine } from '../../src/data/index.js';

/**
 * The robustness suite: for each hostile input, a readable message inside the element,
 * nothing uncaught on the page, the other elements unaffected, the engine still answering.
 */
const FIX = '/test/fixtures/generated/';
const pageErrors: string[] = [];
window.addEventListener('error', (e) => pageErrors.push(`error: ${e.message}`));
window.addEventListener('unhandledrejection', (e) => pageErrors.push(`unhandled rejection: ${String(e.reason)}`));

/** Until the element shows a result, an error or an empty message (not its skeleton). */
async function settled(el: HTMLElement) {
  await waitUntil(
    () => el.shadowRoot?.querySelector('figure:not([aria-busy]), [role="alert"], [role="status"].message'),
    `${el.localName} never settled`,
    { timeout: 30000 },
  );
}

function alertText(el: HTMLElement): string {
  return el.shadowRoot!.querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

async function engineAnswers() {
  const t = await getEngine().query('SELECT 6 * 7 AS x');
  expect(t.getChild('x')!.get(0)).to.equal(42);
}

const files: [string, string, RegExp][] = [
  ['an empty file', 'empty.parquet', /è vuoto/],
  ['a truncated Parquet file', 'truncated.parquet', /danneggiato o incompleto/],
  ['an Arrow stream cut exactly between two record batches', 'events-cut.arrows', /danneggiato o incompleto/],
  ['random bytes named .parquet', 'random.parquet', /non è nel formato atteso/],
  ['random bytes named .arrow', 'random.arrow', /non è nel formato atteso/],
  ['random bytes named .csv', 'random.csv', /non è nel formato atteso/],
  ['an HTML error page served with status 200', 'page.parquet', /non è nel formato atteso/],
  ['a 404', 'nothing-here.parquet', /il server ha risposto 404/],
  ['a file with missing columns', 'rows.parquet', /non ha le colonne di un programma/],
  ['a file with a mistyped column', 'events-mistyped.parquet', /non ha le colonne di un programma.*stage_order has type VARCHAR/],
];

describe('robustness: hostile files', () => {
  afterEach(() => expect(pageErrors.splice(0), 'nothing uncaught on the page').to.deep.equal([]));

  for (const [label, file, message] of files) {
    it(`${label}: a message in the element, the page and its other elements unaffected`, async () => {
      const wrap = await fixture<HTMLDivElement>(html`<div>
        <piccoli-progress src=${FIX + file}></piccoli-progress>
        <piccoli-progress as-of="2021-10-31"></piccoli-progress>
        <piccoli-map src=${FIX + file}></piccoli-map>
      </div>`);
      const [bad, good, map] = [...wrap.children] as HTMLElement[];
      await Promise.all([settled(bad!), settled(good!), settled(map!)]);
      expect(alertText(bad!)).to.match(message);
      expect(alertText(map!)).to.match(message);
      expect([...good!.shadowRoot!.querySelectorAll('tbody td.count')].map((c) => c.textContent!.trim())).to.deep.equal([
        '5.490',
        '612',
        '568',
        '485',
        '0',
      ]);
      await engineAnswers();
    });
  }

  it('a server that stalls: the element gives up with a message', async () => {
    configure({ stallTimeoutMs: 800 });
    try {
      const el = await fixture<PiccoliProgress>(html`<piccoli-progress src="/__stall__/data.parquet"></piccoli-progress>`);
      await settled(el);
      expect(alertText(el)).to.match(/Il server ha smesso di inviare/);
    } finally {
      configure({ stallTimeoutMs: 30000 });
    }
    await engineAnswers();
  });

  it('a file larger than the site allows is refused with its size, before it fills memory', async () => {
    configure({ maxBytes: 100_000 });
    try {
      const el = await fixture<PiccoliProgress>(
        html`<piccoli-progress src="/test/fixtures/generated/events-nocube.arrow?large"></piccoli-progress>`,
      );
      await settled(el);
      expect(alertText(el)).to.match(/is too large to load in a browser tab/);
    } finally {
      configure({ maxBytes: 1 << 30 });
    }
    await engineAnswers();
  });
});

describe('robustness: hostile data values', () => {
  afterEach(() => expect(pageErrors.splice(0)).to.deep.equal([]));

  for (const name of ['<img src=x onerror="window.__pwned=1">', 'مدينة ✨ 🏔', "Sant'Angelo"]) {
    it(`a comune named ${JSON.stringify(name)} is shown as text, never run`, async () => {
      const el = document.createElement('piccoli-progress');
      el.setAttribute('src', `${FIX}events-hostile.parquet`);
      el.setAttribute('programme', 'prova');
      el.setAttribute('comune', name);
      document.body.append(el);
      try {
        await settled(el);
        expect(alertText(el)).to.equal('');
        expect(el.shadowRoot!.querySelector('figcaption')!.textContent).to.contain(name);
        expect(el.shadowRoot!.querySelector('img')).to.equal(null);
        expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
        expect([...el.shadowRoot!.querySelectorAll('tbody td.count')].map((c) => c.textContent!.trim())).to.deep.equal(['1', '1']);
      } finally {
        el.remove();
      }
    });
  }
});

describe('robustness: the engine dies while an element waits for it', () => {
  afterEach(() => expect(pageErrors.splice(0)).to.deep.equal([]));

  it('the element says so, and "Riprova" brings the numbers back', async () => {
    const el = document.createElement('piccoli-progress') as PiccoliProgress;
    el.setAttribute('src', '/test/fixtures/generated/events-nocube.parquet?dies'); // no cube: the engine answers
    el.setAttribute('as-of', '2021-10-31');
    const progress = oneEvent(el, 'piccoli-load-progress');
    document.body.append(el);
    try {
      await progress; // the download has begun: the engine's work is under way
      await getEngine().restart(); // its worker goes away, as when a tab runs out of memory
      await settled(el);
      expect(alertText(el)).to.match(/Il motore dei dati si è interrotto/);
      el.shadowRoot!.querySelector<HTMLButtonElement>('button.retry')!.click();
      await waitUntil(() => el.shadowRoot!.querySelector('figure:not([aria-busy]) tbody td.count'), 'no numbers after retry', {
        timeout: 30000,
      });
      const cell = el.shadowRoot!.querySelectorAll('tbody td.count')[1]!.cloneNode(true) as Element;
      cell.querySelector('.basis')?.remove(); // the published/simulated mark under the number
      expect(cell.textContent!.trim()).to.equal('612');
    } finally {
      el.remove();
    }
    await engineAnswers();
  });
});
