import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/piccoli-trend/piccoli-trend.js';
import type { PiccoliTrend } from '../../src/components/piccoli-trend/piccoli-trend.js';
import { formatPercent } from '../../src/i18n/index.js';
import { pageCoordinator, pageSelection } from '../../src/query/context.js';
import type { FunnelRequest } from '../../src/query/types.js';

/*
 * <piccoli-trend compare="region italy">: the share of eligible of the region and of
 * Italy over time, as dashed and dotted lines beside the area's own, in the legend, the
 * reading and the table. Expected values are the region's and Italy's funnels on the
 * same days, asked of the page's coordinator (a funnel request, not the trend's).
 */

const root = (el: HTMLElement) => el.shadowRoot!;
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const pct = (share: number) => formatPercent(share, 'it').replace(/\s+/g, ' ');

async function drawn(el: PiccoliTrend) {
  await waitUntil(() => root(el).querySelector('.plot svg') && root(el).querySelector('[part="cursor"]'), 'chart never drawn', {
    timeout: 30000,
  });
  await el.updateComplete;
}

/** The shares of eligible of each stage of an area's funnel on a day (null: the programme's last day). */
async function shares(filter: Partial<FunnelRequest>, asOf: string | null): Promise<{ shares: number[]; asOf: string }> {
  const a = await pageCoordinator().request({
    kind: 'funnel',
    src: null,
    programme: 'piccoli',
    asOf,
    region: null,
    province: null,
    comune: null,
    ...filter,
  });
  return { shares: a.stages.map((s) => s.n / a.stages[0]!.n), asOf: a.asOf };
}

/** The last point of an SVG path as d3 writes it (absolute M, L, H, V commands). */
function lastPoint(d: string): [number, number] {
  let x = NaN;
  let y = NaN;
  for (const [, cmd, args] of d.matchAll(/([MLHVZ])([^MLHVZ]*)/g)) {
    const n = args!
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    if (cmd === 'H') x = n.at(-1)!;
    else if (cmd === 'V') y = n.at(-1)!;
    else if (cmd === 'M' || cmd === 'L') [x, y] = [n.at(-2)!, n.at(-1)!];
  }
  return [x, y];
}

type ScaledSvg = SVGSVGElement & { scale(name: 'y'): { apply(v: number): number } };

describe('<piccoli-trend compare>', () => {
  afterEach(() => pageSelection().set(null));

  it('province="PC" compare="region italy": dashed and dotted lines end at the shares of Emilia-Romagna and Italy, the reading and the table give them', async function () {
    this.timeout(90_000);
    const el = await fixture<PiccoliTrend>(
      html`<piccoli-trend province="PC" as-of="2021-10-31" compare="region italy" style="width: 720px"></piccoli-trend>`,
    );
    await drawn(el);
    const svg = root(el).querySelector<SVGSVGElement>('.plot svg')! as ScaledSvg;
    // A comparison shows shares (the eligible stage is not a line).
    expect(text(root(el).querySelector('.sub'))).to.contain('quota degli ammissibili');
    const y = svg.scale('y');
    for (const [token, filter] of [
      ['region', { region: '08' }],
      ['italy', {}],
    ] as const) {
      const g = svg.querySelector(`g.compare-${token}`);
      expect(g, `no ${token} lines`).to.not.equal(null);
      const paths = [...g!.querySelectorAll('path')];
      expect(paths.length, `${token}: one line per stage but the eligible one`).to.equal(4);
      // Each line ends at the area's share on the programme's last day, in its stage's colour.
      // (Italy's funnel with no date is that of its latest published figures: the day is asked of the region's.)
      const last = await shares(filter, (await shares({ region: '08' }, null)).asOf);
      for (const p of paths) {
        const order = Number(/--_s(\d)/.exec(p.getAttribute('stroke')!)![1]);
        const [, endY] = lastPoint(p.getAttribute('d')!);
        expect(endY, `${token} stage ${order}`).to.be.closeTo(y.apply(last.shares[order]!), 0.6);
      }
      expect(paths.every((p) => g!.getAttribute('stroke-dasharray') || p.getAttribute('stroke-dasharray'))).to.equal(true);
    }
    // The legend names the own area (solid) and the compared ones.
    const legend = [...root(el).querySelectorAll('[part="legend"] li[data-compare]')].map((li) => [
      li.getAttribute('data-compare'),
      text(li),
    ]);
    expect(legend).to.deep.equal([
      ['own', 'Provincia di Piacenza'],
      ['region', 'Emilia-Romagna'],
      ['italy', 'Italia'],
    ]);
    // The reading on the cursor's day gives both areas' shares, stage by stage.
    const region = await shares({ region: '08' }, '2021-10-31');
    const italy = await shares({}, '2021-10-31');
    const readout = [...root(el).querySelectorAll('[part="readout"] b')].map(text);
    expect(readout.length).to.equal(4);
    readout.forEach((r, i) => {
      expect(r).to.contain(`Emilia-Romagna ${pct(region.shares[i + 1]!)}`);
      expect(r).to.contain(`Italia ${pct(italy.shares[i + 1]!)}`);
    });
    // The table: a column per stage and area; sampled rows equal the funnels of their day.
    root(el).querySelector<HTMLButtonElement>('button[part="toggle"]')!.click();
    await el.updateComplete;
    expect(root(el).querySelectorAll('thead th[data-compare="region"]').length).to.equal(4);
    expect(text(root(el).querySelector('thead th[data-compare="italy"]'))).to.match(/, Italia$/);
    const rows = [...root(el).querySelectorAll('tbody tr')];
    for (const tr of rows.filter((_, i) => i % 20 === 0 || i === rows.length - 1)) {
      const date = tr.getAttribute('data-date')!;
      const r = await shares({ region: '08' }, date);
      const it = await shares({}, date);
      const cells = (token: string) => [...tr.querySelectorAll(`td[data-compare="${token}"]`)].map(text);
      expect(cells('region'), date).to.deep.equal(r.shares.slice(1).map(pct));
      expect(cells('italy'), date).to.deep.equal(it.shares.slice(1).map(pct));
    }
  });

  it('follows the map selection: a selected province compares with its own region', async function () {
    this.timeout(90_000);
    const el = await fixture<PiccoliTrend>(html`<piccoli-trend as-of="2021-10-31" compare="region" style="width: 640px"></piccoli-trend>`);
    await drawn(el);
    // Italy has no region: counts, no comparison.
    expect(root(el).querySelector('g.compare-region')).to.equal(null);
    expect(text(root(el).querySelector('.sub'))).to.contain('numero di enti');
    pageSelection().set({ level: 'province', code: '052', name: 'Siena' });
    await waitUntil(() => text(root(el).querySelector('li[data-compare="region"]')) === 'Toscana', 'never compared with Tuscany', {
      timeout: 30000,
    });
    await drawn(el);
    expect(root(el).querySelector('.plot svg g.compare-region')).to.not.equal(null);
  });

  it('hostile or unknown compare values draw no comparison and no error, and the counts stay counts', async function () {
    this.timeout(90_000);
    const el = await fixture<PiccoliTrend>(
      html`<piccoli-trend province="PC" as-of="2021-10-31" compare="<b>x</b> regione; italia 0" style="width: 640px"></piccoli-trend>`,
    );
    await drawn(el);
    expect(root(el).querySelector('[role="alert"]')).to.equal(null);
    expect(root(el).querySelector('g.compare, li[data-compare], th[data-compare], b b')).to.equal(null);
    expect(text(root(el).querySelector('.sub'))).to.contain('numero di enti');
    // A valid word added later brings the comparison.
    el.compare = 'ITALY italy';
    await waitUntil(() => root(el).querySelector('.plot svg g.compare-italy'), 'no Italy line', { timeout: 30000 });
    expect(root(el).querySelectorAll('li[data-compare]').length).to.equal(2);
  });
});
