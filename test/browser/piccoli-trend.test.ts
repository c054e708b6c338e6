import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/piccoli-trend/piccoli-trend.js';
import type { PiccoliTrend } from '../../src/components/piccoli-trend/piccoli-trend.js';
import { DuckDBBackend } from '../../src/query/backends/duckdb-backend.js';
import { pageSelection } from '../../src/query/context.js';
import type { FunnelAnswer, FunnelRequest } from '../../src/query/types.js';
import { alertText, settled } from './helpers.js';

/*
 * What a reader of <piccoli-trend> sees: the counts in its table and reading equal the
 * SQL funnel of DuckDB on the same days (the element itself answers from the cube), the
 * published figures as labelled points with their source, the milestones as labelled
 * rules, the cursor on the as-of day, shares, the map's selection, the keyboard, errors.
 */

const engine = new DuckDBBackend();
async function sqlFunnel(asOf: string, filter: Partial<FunnelRequest> = {}): Promise<number[]> {
  const req: FunnelRequest = {
    kind: 'funnel',
    src: null,
    programme: 'piccoli',
    asOf,
    region: null,
    province: null,
    comune: null,
    ...filter,
  };
  const a = (await engine.answer(req, {})) as FunnelAnswer;
  return a.stages.map((s) => s.n);
}

const root = (el: HTMLElement) => el.shadowRoot!;
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const num = (s: string, lang: 'it' | 'en' = 'it') => Number(s.replaceAll(lang === 'it' ? '.' : ',', ''));

/** Until the chart is drawn (Plot arrives with the data). */
async function drawn(el: PiccoliTrend) {
  await settled(el);
  await waitUntil(() => root(el).querySelector('.plot svg') && root(el).querySelector('[part="cursor"]'), 'chart never drawn', {
    timeout: 30000,
  });
  await el.updateComplete;
}

/** Open the table and read it: the date of each row (ISO) and its cells as text. */
async function openTable(el: PiccoliTrend): Promise<{ date: string; cells: string[] }[]> {
  const toggle = root(el).querySelector<HTMLButtonElement>('button[part="toggle"]')!;
  expect(toggle.getAttribute('aria-expanded')).to.equal('false');
  toggle.click();
  await el.updateComplete;
  expect(toggle.getAttribute('aria-expanded')).to.equal('true');
  return [...root(el).querySelectorAll('tbody tr')].map((tr) => ({
    date: tr.getAttribute('data-date')!,
    cells: [...tr.querySelectorAll('td')].map((td) => text(td)),
  }));
}

describe('<piccoli-trend>', () => {
  afterEach(() => pageSelection().set(null));

  it('<piccoli-trend as-of=2021-10-31>: the cursor on that day reads the published 612 / 568 / 485, and the table equals the SQL funnel', async function () {
    this.timeout(120_000);
    const el = await fixture<PiccoliTrend>(html`<piccoli-trend as-of="2021-10-31" style="width: 640px"></piccoli-trend>`);
    await drawn(el);
    expect(root(el).querySelector('figure')!.dataset.backend).to.equal('cube');
    const cursor = root(el).querySelector<HTMLElement>('[part="cursor"]')!;
    expect(cursor.dataset.date).to.equal('2021-10-31');
    const readout = text(root(el).querySelector('[part="readout"]'));
    expect(readout).to.match(/^Al 31 ottobre 2021:/);
    const shown = [...root(el).querySelectorAll('[part="readout"] b')].map((b) => num(text(b)));
    expect(shown).to.deep.equal(await sqlFunnel('2021-10-31'));
    expect(shown.slice(1, 4)).to.deep.equal([612, 568, 485]);
    const rows = await openTable(el);
    expect(rows.length).to.be.greaterThan(20);
    // The chosen day's row is marked; every 25th row, the first and the last equal the SQL funnel of their day.
    expect(root(el).querySelector('tr[aria-current="date"]')!.getAttribute('data-date')! <= '2021-10-31').to.equal(true);
    const sample = rows.filter((_, i) => i % 25 === 0 || i === rows.length - 1);
    for (const r of sample)
      expect(
        r.cells.map((c) => num(c)),
        r.date,
      ).to.deep.equal(await sqlFunnel(r.date));
  });

  it('draws the published figures as points labelled with their source, and cites them', async () => {
    const el = await fixture<PiccoliTrend>(html`<piccoli-trend as-of="2021-10-31" style="width: 640px"></piccoli-trend>`);
    await drawn(el);
    const labels = [...root(el).querySelectorAll('.plot svg g.published text')].map((t) => text(t));
    expect(labels).to.deep.equal(['612 · ANCI Campania', '568 · ANCI Campania', '485 · ANCI Campania']);
    expect(root(el).querySelectorAll('.plot svg circle').length).to.equal(3);
    expect(text(root(el).querySelector('[part="source"]'))).to.contain('Dato pubblicato: ANCI Campania, «Progetto Piccoli');
    await openTable(el);
    const items = [...root(el).querySelectorAll('[part="published"] li')].map((li) => text(li));
    expect(items[0]).to.equal(
      'Progettazione partecipata: 612 al 31 ottobre 2021 (fonte: ANCI Campania, «Progetto Piccoli: termine per la presentazione dei progetti prorogato al 30 aprile»)',
    );
  });

  it('marks the programme milestones as labelled rules: the plan deadline of 30 April 2022', async () => {
    const el = await fixture<PiccoliTrend>(html`<piccoli-trend as-of="2022-04-30" style="width: 640px"></piccoli-trend>`);
    await drawn(el);
    const labels = [...root(el).querySelectorAll('.plot svg g.milestone text')].map((t) => text(t));
    expect(labels).to.deep.equal(['Avvio (data stimata)', 'Scadenza dei piani']);
    // The deadline's rule stands on its day: where the cursor on 30 April 2022 is.
    const rules = [...root(el).querySelectorAll('.plot svg g.milestone-rule line')].map((l) => {
      const r = l.getBoundingClientRect();
      return r.left + r.width / 2;
    });
    expect(rules.length).to.equal(2);
    const c = root(el).querySelector('[part="cursor"]')!.getBoundingClientRect();
    expect(Math.abs(rules[1]! - (c.left + 1))).to.be.lessThan(1.5);
    expect(rules[0]!).to.be.lessThan(rules[1]! - 100);
    await openTable(el);
    const items = [...root(el).querySelectorAll('[part="milestones"] li')].map((li) => text(li));
    expect(items).to.deep.equal([
      '3 maggio 2021: Avvio (data stimata)',
      '30 aprile 2022: Scadenza dei piani (ANCI Campania, «Progetto Piccoli: termine per la presentazione dei progetti prorogato al 30 aprile»)',
    ]);
  });

  it('with no as-of, the cursor stands on the latest published figures (as the funnel does)', async () => {
    const el = await fixture<PiccoliTrend>(html`<piccoli-trend style="width: 640px"></piccoli-trend>`);
    await drawn(el);
    expect(root(el).querySelector<HTMLElement>('[part="cursor"]')!.dataset.date).to.equal('2021-10-31');
  });

  it('metric="share" shows each stage as a share of those eligible on the day', async () => {
    const el = await fixture<PiccoliTrend>(html`<piccoli-trend as-of="2021-10-31" metric="share" style="width: 640px"></piccoli-trend>`);
    await drawn(el);
    const n = await sqlFunnel('2021-10-31');
    const pct = (x: number) => `${(Math.round((x / n[0]!) * 1000) / 10).toFixed(1).replace('.', ',')}\u00a0%`;
    const shown = [...root(el).querySelectorAll('[part="readout"] b')].map((b) => b.textContent!.trim());
    expect(shown).to.deep.equal(
      n
        .slice(1)
        .map(
          (x) =>
            `${pct(x)} (${x.toLocaleString('it-IT', { useGrouping: 'always' } as Intl.NumberFormatOptions)} su ${n[0]!.toLocaleString('it-IT', { useGrouping: 'always' } as Intl.NumberFormatOptions)})`,
        ),
    );
    expect(text(root(el).querySelector('figcaption'))).to.contain('quota degli ammissibili per fase');
    const rows = await openTable(el);
    const row = rows.filter((r) => r.date <= '2021-10-31').at(-1)!;
    expect(row.cells).to.deep.equal(n.slice(1).map((x) => pct(x).replace('\u00a0', ' ')));
    // The published points sit at their share too.
    const labels = [...root(el).querySelectorAll('.plot svg g.published text')].map((t) => text(t));
    expect(labels[0]).to.equal(`${pct(612).replace('\u00a0', ' ')} · ANCI Campania`);
  });

  it('follows the map selection like the funnel: a province picked on the page', async () => {
    const el = await fixture<PiccoliTrend>(html`<piccoli-trend as-of="2021-10-31" style="width: 640px"></piccoli-trend>`);
    await drawn(el);
    pageSelection().set({ level: 'province', code: '033', name: 'Piacenza' });
    await waitUntil(() => text(root(el).querySelector('figcaption')).includes('Provincia di Piacenza'), 'never followed the selection', {
      timeout: 30000,
    });
    await drawn(el);
    const shown = [...root(el).querySelectorAll('[part="readout"] b')].map((b) => num(text(b)));
    expect(shown).to.deep.equal(await sqlFunnel('2021-10-31', { province: '033' }));
    // Italy's published figures are not Piacenza's: no points.
    expect(root(el).querySelectorAll('.plot svg g.published text').length).to.equal(0);
  });

  it('arrow keys step through the days a count changes and announce the counts politely', async () => {
    const el = await fixture<PiccoliTrend>(html`<piccoli-trend as-of="2021-10-31" style="width: 640px"></piccoli-trend>`);
    await drawn(el);
    const rows = await openTable(el);
    const next = rows.find((r) => r.date > '2021-10-31')!;
    const chart = root(el).querySelector<HTMLElement>('[part="chart"]')!;
    expect(chart.tabIndex).to.equal(0);
    chart.focus();
    const live = root(el).querySelector('[aria-live="polite"]')!;
    expect(text(live)).to.equal('');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(root(el).querySelector<HTMLElement>('[part="cursor"]')!.dataset.date).to.equal(next.date);
    const [y, m, d] = next.date.split('-').map(Number);
    const day = new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString('it-IT', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    expect(text(live)).to.match(new RegExp(`^Al ${day}: Comuni ammissibili [\\d.]+; Progettazione partecipata`));
    const announced = [...text(live).matchAll(/ ([\d.]+)(?=;|\.$)/g)].map((x) => num(x[1]!));
    expect(announced).to.deep.equal(next.cells.map((c) => num(c)));
    expect(root(el).querySelector('tr[aria-current="date"]')!.getAttribute('data-date')).to.equal(next.date);
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(root(el).querySelector<HTMLElement>('[part="cursor"]')!.dataset.date).to.equal(rows[0]!.date);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(root(el).querySelector<HTMLElement>('[part="cursor"]')!.dataset.date).to.equal(rows.at(-1)!.date);
  });

  it('speaks English with lang="en": numbers 1,234 and English dates', async () => {
    const el = await fixture<PiccoliTrend>(html`<piccoli-trend as-of="2021-10-31" lang="en" style="width: 640px"></piccoli-trend>`);
    await drawn(el);
    expect(text(root(el).querySelector('[part="readout"]'))).to.match(/^On 31 October 2021: Eligible comuni [\d,]+; /);
    const shown = [...root(el).querySelectorAll('[part="readout"] b')].map((b) => num(text(b), 'en'));
    expect(shown).to.deep.equal(await sqlFunnel('2021-10-31'));
    expect(text(root(el).querySelector('[part="toggle"]'))).to.equal('Show the data table');
  });

  it("the skeleton reserves the chart's size: no layout shift when the data arrives", async () => {
    const el = await fixture<PiccoliTrend>(html`<piccoli-trend as-of="2021-10-31" style="width: 640px"></piccoli-trend>`);
    // The first paint is the skeleton (the cube is still on its way).
    expect(root(el).querySelector('figure[aria-busy="true"]')).to.not.equal(null);
    const before = el.getBoundingClientRect().height;
    const chartBefore = root(el).querySelector('[part="chart"]')!.getBoundingClientRect();
    await drawn(el);
    const chartAfter = root(el).querySelector('[part="chart"]')!.getBoundingClientRect();
    expect(el.getBoundingClientRect().height).to.equal(before);
    expect([chartAfter.top, chartAfter.height]).to.deep.equal([chartBefore.top, chartBefore.height]);
    // The drawing fills the box it was given.
    const svg = root(el).querySelector('.plot svg')!;
    expect(Number(svg.getAttribute('height'))).to.equal(root(el).querySelector('.plot')!.clientHeight);
  });

  it('is accessible (axe), the table open too', async () => {
    const el = await fixture<PiccoliTrend>(html`<piccoli-trend as-of="2021-10-31" style="width: 640px"></piccoli-trend>`);
    await drawn(el);
    await expect(el).to.be.accessible();
    await openTable(el);
    await expect(el).to.be.accessible();
  });

  it('says what is wrong with a bad attribute, inside the element', async () => {
    const bad = await fixture<PiccoliTrend>(html`<piccoli-trend metric="percent"></piccoli-trend>`);
    await settled(bad);
    await waitUntil(() => alertText(bad), 'no alert');
    expect(alertText(bad)).to.contain('Metrica sconosciuta: «percent» (disponibili: count, share)');
    const date = await fixture<PiccoliTrend>(html`<piccoli-trend as-of="2021-13-40"></piccoli-trend>`);
    await settled(date);
    await waitUntil(() => alertText(date), 'no alert');
    expect(alertText(date)).to.contain('Data non valida in as-of: «2021-13-40»');
    const place = await fixture<PiccoliTrend>(html`<piccoli-trend province="Atlantide"></piccoli-trend>`);
    await settled(place);
    await waitUntil(() => alertText(place), 'no alert');
    expect(alertText(place)).to.contain('Atlantide');
  });

  it('another programme: Next Generation Siena from its kick-off, with its published 24 and its milestones', async () => {
    const el = await fixture<PiccoliTrend>(
      html`<piccoli-trend programme="next-generation-siena" province="SI" style="width: 640px"></piccoli-trend>`,
    );
    await drawn(el);
    expect(text(root(el).querySelector('figcaption'))).to.contain('Provincia di Siena');
    const labels = [...root(el).querySelectorAll('.plot svg g.milestone text')].map((t) => text(t));
    expect(labels).to.deep.equal(['Kick-off', 'Fine (fine 2022)']);
    expect([...root(el).querySelectorAll('.plot svg g.published text')].map((t) => text(t))).to.deep.equal(['24 · Provincia di Siena']);
  });
});
