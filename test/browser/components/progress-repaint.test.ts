import { ContextProvider } from '@lit/context';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/components/piccoli-progress/piccoli-progress.js';
import type { PiccoliProgress } from '../../../src/components/piccoli-progress/piccoli-progress.js';
import { CubeBackend } from '../../../src/query/backends/cube-backend.js';
import { coordinatorContext, pageSelection } from '../../../src/query/context.js';
import { Coordinator } from '../../../src/query/coordinator.js';

/*
 * A funnel that already shows numbers and is asked for others (a map click, a new as-of):
 * an answer the coordinator has at once replaces the numbers where they are, with no
 * skeleton in between; one that takes longer shows the loading state (the skeleton and
 * its status) until it comes. The expected numbers are another element's, never typed in.
 */

const root = (el: HTMLElement) => el.shadowRoot!;
/** The counts a reader sees (without the published/simulated mark). */
const counts = (el: HTMLElement) =>
  [...root(el).querySelectorAll('tbody td.count')].map((td) => {
    const cell = td.cloneNode(true) as Element;
    cell.querySelector('.basis')?.remove();
    return cell.textContent!.trim();
  });

async function settled(el: PiccoliProgress) {
  await waitUntil(() => root(el).querySelector('figure') && !root(el).querySelector('[aria-busy="true"]'), 'never left loading', {
    timeout: 30000,
  });
  await el.updateComplete;
}

/** Every skeleton the element's shadow root receives from now on. */
function skeletons(el: HTMLElement): { seen: number; stop(): void } {
  const out = { seen: 0, stop: () => mo.disconnect() };
  const mo = new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes) if (n instanceof Element && (n.matches('.skeleton') || n.querySelector('.skeleton'))) out.seen++;
  });
  mo.observe(root(el), { childList: true, subtree: true });
  return out;
}

describe('<piccoli-progress> asked for other numbers', () => {
  afterEach(() => pageSelection().set(null));

  it('a map click whose answer the coordinator has: the numbers change in place, no skeleton in between', async () => {
    // The region's funnel on the same day, asked first by another element: the coordinator keeps it.
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <piccoli-progress id="region" region="08" as-of="2021-10-31" ignore-selection></piccoli-progress>
      <piccoli-progress id="follows" as-of="2021-10-31"></piccoli-progress>
    </div>`);
    const region = wrap.querySelector<PiccoliProgress>('#region')!;
    const el = wrap.querySelector<PiccoliProgress>('#follows')!;
    await settled(region);
    await settled(el);
    const italy = counts(el);
    expect(counts(region)).to.not.deep.equal(italy);
    const figure = root(el).querySelector('figure');
    const watch = skeletons(el);
    pageSelection().set({ level: 'region', code: '08' });
    await el.updateComplete;
    await settled(el);
    watch.stop();
    expect(counts(el)).to.deep.equal(counts(region));
    expect(watch.seen, 'skeletons shown').to.equal(0);
    expect(root(el).querySelector('figure'), 'the same figure, updated').to.equal(figure);
    expect(root(el).querySelector('figcaption .sub')!.textContent).to.contain('Emilia-Romagna');
  });

  it('an answer that takes longer: the last numbers marked busy, then the skeleton and its status until it comes', async () => {
    const cube = new CubeBackend();
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const coordinator = new Coordinator([
      {
        name: 'cube',
        answer: async (req, opts) => {
          if (req.asOf === '2022-04-30') await gate;
          return cube.answer(req, opts);
        },
      },
    ]);
    const wrap = await fixture<HTMLElement>(html`<div>
      <piccoli-progress id="later" as-of="2022-04-30"></piccoli-progress>
      <div id="box"></div>
    </div>`);
    const box = wrap.querySelector<HTMLElement>('#box')!;
    new ContextProvider(box, { context: coordinatorContext, initialValue: coordinator });
    const el = document.createElement('piccoli-progress');
    el.setAttribute('as-of', '2021-10-31');
    box.append(el);
    await settled(el);
    const before = counts(el);
    el.asOf = '2022-04-30';
    await el.updateComplete;
    // Not yet answered: the figure says it is busy (screen readers wait), then the skeleton shows.
    expect(root(el).querySelector('figure')!.getAttribute('aria-busy')).to.equal('true');
    await waitUntil(() => root(el).querySelector('figure.skeleton'), 'no skeleton while the answer is on its way');
    expect(root(el).querySelector('figure.skeleton [role="status"]')!.textContent).to.equal('Caricamento dei dati…');
    expect(counts(el).filter(Boolean), 'numbers in the skeleton').to.deep.equal([]);
    open();
    await settled(el);
    // The page's own coordinator answers the other element: the same numbers.
    const later = wrap.querySelector<PiccoliProgress>('#later')!;
    await settled(later);
    expect(counts(el)).to.deep.equal(counts(later));
    expect(counts(el)).to.not.deep.equal(before);
  });
});
