import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/components/piccoli-progress/piccoli-progress.js';
import type { PiccoliProgress } from '../../../src/components/piccoli-progress/piccoli-progress.js';
import { counts, settled } from '../helpers.js';
import { choose, expectPngOf, expectShownIn, parseCsv, shown, svgTexts } from './helpers.js';

/** What the funnel shows in each row: stage, count, share of the previous stage, share of the eligible. */
function rowsShown(el: PiccoliProgress): { stage: string; count: string; prev: string; elig: string }[] {
  const c = counts(el);
  return [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr, i) => {
    // A share cell without what only screen readers get.
    const [prev, elig] = [...tr.querySelectorAll('td.share')].map((td) => {
      const copy = td.cloneNode(true) as Element;
      copy.querySelector('.visually-hidden')?.remove();
      return copy.textContent!.trim();
    });
    return { stage: shown(tr.querySelector('.label')), count: c[i]!, prev: prev!, elig: elig! };
  });
}

describe('<piccoli-progress> downloads', () => {
  it('the Italian-Excel CSV: BOM, semicolons, CRLF, decimal commas, the numbers the funnel shows and where they come from', async () => {
    const el = await fixture<PiccoliProgress>(html`<piccoli-progress province="PC" as-of="2021-10-31"></piccoli-progress>`);
    await settled(el);
    const file = await choose(el, /Excel/);
    expect(file.name).to.equal('piccoli_avanzamento_piacenza_2021-10-31_excel.csv');
    expect([...file.bytes.slice(0, 3)], 'UTF-8 byte order mark').to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(file.text.endsWith('\r\n')).to.equal(true);
    expect(file.text.slice(1).split('\r\n')[0]).to.equal(
      'Programma;Area;Dati al;Fase;Comuni;% della fase precedente;% degli ammissibili;Base del dato;Dato pubblicato citato;Provenienza;Fonte;File dei dati',
    );
    const [, ...rows] = parseCsv(file.text.slice(1), ';');
    const seen = rowsShown(el);
    expect(rows.length).to.equal(seen.length);
    const provenance = shown(el.shadowRoot!.querySelector('[part="provenance"]'));
    const title = shown(el.shadowRoot!.querySelector('[part="caption"] .title'));
    rows.forEach((r, i) => {
      const s = seen[i]!;
      expect(r.slice(0, 4)).to.deep.equal([title, 'Piacenza', '2021-10-31', s.stage]);
      expect(r[4], `count of ${s.stage}`).to.equal(s.count);
      expect(r[5] ? `${r[5]}\u00a0%` : '', `share of the previous stage, ${s.stage}`).to.equal(s.prev);
      expect(`${r[6]}\u00a0%`, `share of the eligible, ${s.stage}`).to.equal(s.elig);
      expect(r[9]).to.equal(provenance);
      expect(r[11]).to.match(/^https?:\/\/.+\.arrow$/);
    });
    // Piacenza's 46 eligible comuni: a count under 1.000 has no thousands dot; a share has a decimal comma.
    expect(rows.map((r) => r[6])).to.include('100,0');
    expect(file.text).to.match(/;\d+,\d;/);
  });

  it('groups thousands the Italian way and cites the published figures nationally', async () => {
    const el = await fixture<PiccoliProgress>(html`<piccoli-progress as-of="2021-10-31"></piccoli-progress>`);
    await settled(el);
    const file = await choose(el, /Excel/);
    const [, ...rows] = parseCsv(file.text.slice(1), ';');
    expect(rows[0]!.slice(1, 5)).to.deep.equal(['Italia', '2021-10-31', rows[0]![3]!, '5.490']);
    expect(rows.map((r) => r[4]).slice(1, 4)).to.deep.equal(['612', '568', '485']);
    // The published figures the counts equal, as the source line cites them.
    expect(rows[1]![8]).to.match(/, 2021-10-31$/);
    expect(rows[1]![7]).to.equal('pubblicato');
  });

  it('with compare=, the CSV holds each compared area after its own: the same columns, the shares its table shows', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <piccoli-progress province="PC" as-of="2021-10-31" compare="region italy"></piccoli-progress>
      <piccoli-progress as-of="2021-10-31"></piccoli-progress>
    </div>`);
    const [el, italy] = [...page.querySelectorAll<PiccoliProgress>('piccoli-progress')] as [PiccoliProgress, PiccoliProgress];
    await settled(italy);
    await settled(el);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('thead th.cmp').length === 2, 'no compared columns', { timeout: 30_000 });
    const file = await choose(el, /Excel/);
    const [, ...rows] = parseCsv(file.text.slice(1), ';');
    const n = rowsShown(el).length;
    expect(rows.length).to.equal(3 * n);
    expect(rows.map((r) => r[1])).to.deep.equal([
      ...Array(n).fill('Piacenza'),
      ...Array(n).fill('Emilia-Romagna'),
      ...Array(n).fill('Italia'),
    ]);
    // Each compared area's share of eligible is its column in the funnel's table.
    const column = (token: string) =>
      [...el.shadowRoot!.querySelectorAll(`tbody td.cmp[data-compare="${token}"]`)].map((td) => {
        const c = td.cloneNode(true) as Element;
        c.querySelectorAll('.basis, .visually-hidden').forEach((x) => x.remove());
        return c.textContent!.replace(/\s+/g, ' ').trim();
      });
    expect(rows.slice(n, 2 * n).map((r) => `${r[6]} %`)).to.deep.equal(column('region').map((s) => s.replace('\u00a0', ' ')));
    expect(rows.slice(2 * n).map((r) => `${r[6]} %`)).to.deep.equal(column('italy').map((s) => s.replace('\u00a0', ' ')));
    // Italy's counts are the national funnel's, as another element shows them.
    expect(rows.slice(2 * n).map((r) => r[4])).to.deep.equal(counts(italy));
  });

  it('the plain CSV: commas, dot decimals, no BOM, quoted where a field holds a comma', async () => {
    const el = await fixture<PiccoliProgress>(html`<piccoli-progress as-of="2021-10-31" lang="en"></piccoli-progress>`);
    await settled(el);
    const file = await choose(el, /plain CSV/);
    expect(file.name).to.equal('piccoli_progress_italy_2021-10-31.csv');
    expect(file.bytes[0]).to.not.equal(0xef);
    const [header, ...rows] = parseCsv(file.text, ',');
    expect(header!.slice(0, 7)).to.deep.equal([
      'Programme',
      'Area',
      'Data as of',
      'Stage',
      'Comuni',
      '% of previous stage',
      '% of eligible',
    ]);
    expect(rows[0]![4]).to.equal('5490');
    expect(rows[1]![6]).to.match(/^\d+\.\d$/);
    expect(counts(el)[0]).to.equal('5,490');
    // A source with commas is one field, quoted.
    expect(file.text).to.match(/,"[^"]*,[^"]*",/);
  });

  it('the picture: the bars drawn from the answer, with title, area, date, provenance and source', async () => {
    const el = await fixture<PiccoliProgress>(html`<piccoli-progress province="PC" as-of="2021-10-31"></piccoli-progress>`);
    await settled(el);
    const svg = await choose(el, /SVG/);
    expect(svg.name).to.equal('piccoli_avanzamento_piacenza_2021-10-31.svg');
    const { doc, texts, all } = svgTexts(svg.text);
    const root = doc.documentElement;
    expect(root.getAttribute('xmlns')).to.equal('http://www.w3.org/2000/svg');
    const title = shown(el.shadowRoot!.querySelector('[part="caption"] .title'));
    expect(title).to.equal('P.I.C.C.O.L.I.');
    expect(root.querySelector('title')!.textContent).to.equal(title);
    expect(texts[0]).to.equal(title);
    expect(all).to.contain('Provincia di Piacenza · Dati al 31 ottobre 2021');
    expectShownIn(el, all, []);
    for (const r of rowsShown(el)) expect(texts, r.stage).to.include.members([r.stage, r.count, r.elig]);
    // A track and a bar per stage, the bar as long as the share of the eligible.
    const bars = [...root.querySelectorAll('svg svg rect')];
    expect(bars.length).to.equal(2 * rowsShown(el).length);
    expect(Number(bars[1]!.getAttribute('width'))).to.be.closeTo(Number(bars[0]!.getAttribute('width')), 0.1);
    expect(svg.text).not.to.contain('var(');

    await expectPngOf(el, doc);
  });
});
