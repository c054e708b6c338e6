import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/piccoli-progress/piccoli-progress.js';
import type { PiccoliProgress } from '../../src/components/piccoli-progress/piccoli-progress.js';
import { formatPercent, type Lang } from '../../src/i18n/index.js';
import { ContextProvider } from '@lit/context';
import { CubeBackend } from '../../src/query/backends/cube-backend.js';
import { DuckDBBackend } from '../../src/query/backends/duckdb-backend.js';
import { coordinatorContext, pageCoordinator, pageSelection } from '../../src/query/context.js';
import { Coordinator } from '../../src/query/coordinator.js';
import type { FunnelRequest } from '../../src/query/types.js';

/*
 * <piccoli-progress compare="region italy">: beside each stage, the share of eligible its
 * region and Italy reached by the same day, as a marker on the bar and a column of the
 * table. The expected values come from the region's and Italy's own funnels (another
 * element on the page, or the page's coordinator), never typed in here.
 */

const root = (el: HTMLElement) => el.shadowRoot!;
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function settled(el: PiccoliProgress) {
  await waitUntil(() => root(el).querySelector('figure') && !root(el).querySelector('[aria-busy="true"]'), 'never left loading', {
    timeout: 30000,
  });
  await el.updateComplete;
}

/** Until the element shows `n` compared columns. */
async function compared(el: PiccoliProgress, n: number) {
  await settled(el);
  await waitUntil(() => root(el).querySelectorAll('thead th.cmp').length === n, `never showed ${n} compared columns`, { timeout: 30000 });
  await el.updateComplete;
}

/** A cell's visible text, without the published/simulated mark and the screen reader's words. */
function visible(td: Element): string {
  const c = td.cloneNode(true) as Element;
  c.querySelectorAll('.basis, .visually-hidden').forEach((x) => x.remove());
  return text(c);
}

/** The compared column of one token, top to bottom. */
function column(el: PiccoliProgress, token: string): string[] {
  return [...root(el).querySelectorAll(`tbody td.cmp[data-compare="${token}"]`)].map(visible);
}

/** The element's own "% of eligible" column. */
function ownShares(el: PiccoliProgress): string[] {
  return [...root(el).querySelectorAll('tbody td.share.elig:not(.cmp)')].map(visible);
}

/** Each stage's marker position (percent of the bar) for one token; null where a stage has none. */
function markers(el: PiccoliProgress, token: string): (number | null)[] {
  return [...root(el).querySelectorAll('tbody tr')].map((tr) => {
    const m = tr.querySelector<HTMLElement>(`.bar .mk[data-compare="${token}"]`);
    return m ? parseFloat(m.style.getPropertyValue('--at')) : null;
  });
}

async function funnelShares(filter: Partial<FunnelRequest>, asOf: string, lang: Lang = 'it') {
  const a = await pageCoordinator().request({
    kind: 'funnel',
    src: null,
    programme: null,
    asOf,
    region: null,
    province: null,
    comune: null,
    ...filter,
  });
  const eligible = a.stages[0]!.n;
  return {
    answer: a,
    shares: a.stages.map((s) => s.n / eligible),
    text: a.stages.map((s) => formatPercent(s.n / eligible, lang).replace(/\s+/g, ' ')),
  };
}

describe('<piccoli-progress compare>', () => {
  afterEach(() => pageSelection().set(null));

  it('province="PC" compare="region italy": the columns and markers equal the funnels of Emilia-Romagna and Italy', async function () {
    this.timeout(60_000);
    const box = await fixture<HTMLElement>(html`<div>
      <piccoli-progress id="pc" province="PC" as-of="2021-10-31" compare="region italy"></piccoli-progress>
      <piccoli-progress id="er" region="Emilia-Romagna" as-of="2021-10-31"></piccoli-progress>
    </div>`);
    const el = box.querySelector<PiccoliProgress>('#pc')!;
    const er = box.querySelector<PiccoliProgress>('#er')!;
    await compared(el, 2);
    await settled(er);
    // The region: what another element on the page shows for Emilia-Romagna.
    expect(column(el, 'region')).to.deep.equal(ownShares(er));
    // Italy: what the coordinator answers for Italy on that day.
    const italy = await funnelShares({}, '2021-10-31');
    expect(column(el, 'italy')).to.deep.equal(italy.text);
    const region = await funnelShares({ region: '08' }, '2021-10-31');
    expect(column(el, 'region')).to.deep.equal(region.text);
    // Markers on every bar but the eligible one, where the share falls.
    const at = (shares: number[]) => shares.map((s, i) => (i === 0 ? null : Number((s * 100).toFixed(2))));
    expect(markers(el, 'region')).to.deep.equal(at(region.shares));
    expect(markers(el, 'italy')).to.deep.equal(at(italy.shares));
    // Headed by the areas' names, from the cube like the element's own, with a visible key.
    const heads = [...root(el).querySelectorAll('thead th.cmp')];
    expect(heads.map(text)).to.deep.equal(['% Emilia-Romagna', '% Italia']);
    expect(heads.map((h) => h.getAttribute('data-backend'))).to.deep.equal(['cube', 'cube']);
    const key = root(el).querySelector('[part="compare"]');
    expect(text(key)).to.equal('Confronto, quota degli ammissibili al 31 ottobre 2021: Emilia-Romagna Italia');
    expect(key!.querySelectorAll('i.region, i.italy').length).to.equal(2);
    // Where they come from: Italy's figures of that day are the published ones, cited under the funnel.
    expect(italy.answer.stages.some((s) => s.basis.kind === 'published-figure')).to.equal(true);
    expect(text(root(el).querySelector('[part="source"]'))).to.contain('Dato pubblicato');
    // The element's own numbers are unchanged by the comparison.
    const own = await funnelShares({ province: 'PC' }, '2021-10-31');
    expect(ownShares(el)).to.deep.equal(own.text);
  });

  it('compare follows the map selection: a selected province compares with its own region', async function () {
    this.timeout(60_000);
    const el = await fixture<PiccoliProgress>(html`<piccoli-progress as-of="2021-10-31" compare="region italy"></piccoli-progress>`);
    await settled(el);
    // Italy has nothing around it.
    expect(root(el).querySelectorAll('th.cmp').length).to.equal(0);
    expect(root(el).querySelector('[part="compare"]')).to.equal(null);
    pageSelection().set({ level: 'province', code: '033', name: 'Piacenza' });
    await compared(el, 2);
    expect(text(root(el).querySelector('th.cmp'))).to.equal('% Emilia-Romagna');
    expect(column(el, 'region')).to.deep.equal((await funnelShares({ region: '08' }, '2021-10-31')).text);
    pageSelection().set({ level: 'province', code: '052', name: 'Siena' });
    await waitUntil(() => text(root(el).querySelector('th.cmp')) === '% Toscana', 'never compared Siena with Tuscany', { timeout: 30000 });
    expect(column(el, 'region')).to.deep.equal((await funnelShares({ region: '09' }, '2021-10-31')).text);
    // A selected region compares with Italy only (not with itself).
    pageSelection().set({ level: 'region', code: '08', name: 'Emilia-Romagna' });
    await waitUntil(() => root(el).querySelectorAll('thead th.cmp').length === 1, 'a region compared with itself', { timeout: 30000 });
    expect(text(root(el).querySelector('th.cmp'))).to.equal('% Italia');
  });

  it('a comune compares with its province, region and Italy, in the order written, in English too', async function () {
    this.timeout(60_000);
    const el = await fixture<PiccoliProgress>(
      html`<piccoli-progress comune="Agazzano" as-of="2021-10-31" lang="en" compare="italy province region"></piccoli-progress>`,
    );
    await compared(el, 3);
    expect([...root(el).querySelectorAll('thead th.cmp')].map(text)).to.deep.equal([
      '% Italy',
      '% Province of Piacenza',
      '% Emilia-Romagna',
    ]);
    expect(column(el, 'province')).to.deep.equal((await funnelShares({ province: '033' }, '2021-10-31', 'en')).text);
    expect(text(root(el).querySelector('[part="compare"]'))).to.match(/^Compared, share of eligible on 31 October 2021:/);
  });

  it('hostile compare values: unknown words are ignored, duplicates and case too, nothing is injected, no error', async function () {
    this.timeout(60_000);
    const el = await fixture<PiccoliProgress>(
      html`<piccoli-progress
        province="PC"
        as-of="2021-10-31"
        compare="<img src=x onerror=&quot;window.__pwned=1&quot;> ITALY italy,region Region __proto__ constructor"
      ></piccoli-progress>`,
    );
    await compared(el, 2);
    expect([...root(el).querySelectorAll('thead th.cmp')].map((h) => h.getAttribute('data-compare'))).to.deep.equal(['italy', 'region']);
    expect(root(el).querySelector('img')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(root(el).querySelector('[role="alert"]')).to.equal(null);
    for (const value of ['foo bar', '', '   ', 'toString', 'regione italia']) {
      el.compare = value;
      await el.updateComplete;
      await waitUntil(() => root(el).querySelectorAll('th.cmp').length === 0, `compare=${JSON.stringify(value)} still compares`);
      expect(root(el).querySelector('[role="alert"]'), value).to.equal(null);
      expect(root(el).querySelector('[part="compare"]'), value).to.equal(null);
      expect(root(el).querySelectorAll('tbody td.count').length, value).to.be.greaterThan(3);
    }
    el.removeAttribute('compare');
    el.compare = 'region';
    await compared(el, 1);
  });

  it('view="compact": the comparison is in the table screen readers get', async function () {
    this.timeout(60_000);
    const el = await fixture<PiccoliProgress>(
      html`<piccoli-progress province="PC" as-of="2021-10-31" view="compact" compare="italy"></piccoli-progress>`,
    );
    await compared(el, 1);
    expect(column(el, 'italy')).to.deep.equal((await funnelShares({}, '2021-10-31')).text);
    expect(text(root(el).querySelector('[part="compare"]'))).to.contain('Italia');
  });

  it('when the compared funnels cannot be answered, the funnel is shown with a line saying so', async function () {
    this.timeout(60_000);
    // A page whose backend answers the province but fails for any other area.
    const cube = new CubeBackend();
    const coordinator = new Coordinator([
      {
        name: 'cube',
        answer: (req, opts) => {
          if (req.kind === 'funnel' && !req.province) return Promise.reject(new Error('region down'));
          return cube.answer(req, opts);
        },
      },
    ]);
    const box = await fixture<HTMLElement>(html`<div></div>`);
    new ContextProvider(box, { context: coordinatorContext, initialValue: coordinator });
    const el = document.createElement('piccoli-progress');
    el.setAttribute('province', 'PC');
    el.setAttribute('as-of', '2021-10-31');
    el.setAttribute('compare', 'region italy');
    box.append(el);
    await settled(el);
    await waitUntil(() => text(root(el).querySelector('[part="compare"]')) === 'Il confronto non è disponibile.', 'no failure line', {
      timeout: 30000,
    });
    expect(root(el).querySelectorAll('th.cmp').length).to.equal(0);
    expect(root(el).querySelector('[role="alert"]')).to.equal(null);
    expect(ownShares(el)).to.deep.equal((await funnelShares({ province: 'PC' }, '2021-10-31')).text);
  });

  it('the areas an answer lies in (within) are the same from the cube and from DuckDB', async function () {
    this.timeout(120_000);
    const cube = new CubeBackend();
    const duckdb = new DuckDBBackend();
    const req = (f: Partial<FunnelRequest>): FunnelRequest => ({
      kind: 'funnel',
      src: null,
      programme: 'piccoli',
      asOf: '2021-10-31',
      region: null,
      province: null,
      comune: null,
      ...f,
    });
    const cases: [Partial<FunnelRequest>, unknown][] = [
      [{ province: 'PC' }, [{ level: 'region', code: '08', name: 'Emilia-Romagna' }]],
      [
        { comune: 'Agazzano' },
        [
          { level: 'region', code: '08', name: 'Emilia-Romagna' },
          { level: 'province', code: '033', name: 'Piacenza' },
        ],
      ],
      [{ region: 'Toscana' }, []],
      [{}, []],
    ];
    for (const [f, within] of cases) {
      const a = await cube.answer(req(f), {});
      const b = await duckdb.answer(req(f), {});
      expect(a && 'within' in a ? a.within : null, JSON.stringify(f)).to.deep.equal(within);
      expect(b && 'within' in b ? b.within : null, JSON.stringify(f)).to.deep.equal(within);
    }
  });
});
