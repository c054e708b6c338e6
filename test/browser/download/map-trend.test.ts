import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/components/piccoli-map/piccoli-map.js';
import '../../../src/components/piccoli-trend/piccoli-trend.js';
import type { PiccoliMap } from '../../../src/components/piccoli-map/piccoli-map.js';
import type { PiccoliTrend } from '../../../src/components/piccoli-trend/piccoli-trend.js';
import { settled } from '../helpers.js';
import { choose, expectPngOf, expectShownIn, parseCsv, shown, svgTexts } from './helpers.js';

/** The same bytes as UTF-8, found in a file's bytes. */
function hasUtf8(bytes: Uint8Array, text: string): boolean {
  const needle = new TextEncoder().encode(text);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

describe('<piccoli-map> downloads', () => {
  it('a row per region with the value its table shows, "Südtirol" and "Vallée" intact in UTF-8', async () => {
    const el = await fixture<PiccoliMap>(html`<piccoli-map as-of="2021-10-31"></piccoli-map>`);
    await settled(el);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="map"] svg'), 'no map drawn', { timeout: 20_000 });
    const file = await choose(el, /Excel/);
    expect(file.name).to.equal('piccoli_mappa_regione_engaged-share_2021-10-31_excel.csv');
    expect([...file.bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(hasUtf8(file.bytes, 'Trentino-Alto Adige/Südtirol')).to.equal(true);
    expect(hasUtf8(file.bytes, "Valle d'Aosta/Vallée d'Aoste")).to.equal(true);
    const [header, ...rows] = parseCsv(file.text.slice(1), ';');
    const legend = el.shadowRoot!.querySelector('[part="legend"]')!.getAttribute('aria-label');
    expect(header!.slice(0, 5)).to.deep.equal(['Regione', 'Codice ISTAT', `${legend} (%)`, 'Raggiunto', 'Ammissibili']);
    // The screen readers' table: one row per region, in the same order, the same numbers.
    const table = [...el.shadowRoot!.querySelectorAll('table tbody tr')];
    expect(rows.length).to.equal(table.length);
    expect(rows.length).to.equal(20);
    rows.forEach((r, i) => {
      const cells = [...table[i]!.querySelectorAll('th, td')].map((c) => {
        const copy = c.cloneNode(true) as Element;
        copy.querySelector('.basis')?.remove();
        return shown(copy);
      });
      expect(r[0]).to.equal(cells[0]);
      // Excel would read 01 as the number 1: a code with a leading zero is written ="01".
      const code = table[i]!.getAttribute('data-code')!;
      expect(r[1]).to.equal(code.startsWith('0') ? `="${code}"` : code);
      if (cells[1] === 'nessun dato') expect(r[2]).to.equal('');
      else {
        expect(`${r[2]} %`, r[0]).to.equal(cells[1]); // shown() folds the no-break space
        expect(r[3]).to.equal(cells[2]);
        expect(r[4]).to.equal(cells[3]);
      }
    });
    expect(rows.some((r) => /^\d+,\d$/.test(r[2]!))).to.equal(true);
  });

  it('the map as SVG and PNG: the drawing, its legend, title, date, provenance, source and credit', async () => {
    const el = await fixture<PiccoliMap>(html`<piccoli-map level="province" as-of="2021-10-31"></piccoli-map>`);
    await settled(el);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="map"] svg'), 'no map drawn', { timeout: 20_000 });
    const svg = await choose(el, /SVG/);
    expect(svg.name).to.equal('piccoli_mappa_provincia_engaged-share_2021-10-31.svg');
    const { doc, all } = svgTexts(svg.text);
    const sr = el.shadowRoot!;
    expectShownIn(el, all, ['[part="caption"] .sub', '[part="credit"]', '[part="legend"] li']);
    expect(all).to.contain('Dati al 31 ottobre 2021');
    // The drawing: every province's tile, filled with a colour, no stylesheet needed.
    const drawing = doc.querySelector('svg svg')!;
    const areas = drawing.querySelectorAll('[data-code]');
    expect(areas.length).to.equal(sr.querySelectorAll('[part="map"] svg [data-code]').length);
    expect([...areas].every((a) => a.getAttribute('fill') && a.getAttribute('stroke'))).to.equal(true);
    expect(drawing.querySelector('[class], [style], [tabindex]')).to.equal(null);
    expect(svg.text).not.to.contain('var(');
    await expectPngOf(el, doc);
  });
});

describe('<piccoli-trend> downloads', () => {
  it('a row per day a count changes, a column per stage, as the trend’s table shows them', async () => {
    const el = await fixture<PiccoliTrend>(html`<piccoli-trend as-of="2021-10-31"></piccoli-trend>`);
    await settled(el);
    const sr = el.shadowRoot!;
    sr.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
    await waitUntil(() => sr.querySelector('[part="table"] tbody tr'), 'no table');
    const file = await choose(el, /Excel/);
    expect(file.name).to.equal('piccoli_andamento_italia_2021-10-31_excel.csv');
    const [header, ...rows] = parseCsv(file.text.slice(1), ';');
    const heads = [...sr.querySelectorAll('[part="table"] thead th')].map(shown);
    expect(header!.slice(0, heads.length)).to.deep.equal(['Data', ...heads.slice(1)]);
    expect(header!.slice(heads.length)).to.deep.equal(['Programma', 'Area', 'Provenienza', 'Fonte', 'File dei dati']);
    const table = [...sr.querySelectorAll('[part="table"] tbody tr')];
    expect(rows.length).to.equal(table.length);
    rows.forEach((r, i) => {
      expect(r[0]).to.equal(table[i]!.getAttribute('data-date'));
      expect(r.slice(1, heads.length)).to.deep.equal([...table[i]!.querySelectorAll('td')].map(shown));
    });
    expect(rows.flat()).to.include('5.490');
  });

  it('with compare=, each compared area’s share beside each stage’s, as the trend’s table shows them', async () => {
    const el = await fixture<PiccoliTrend>(html`<piccoli-trend province="PC" compare="region italy" as-of="2021-10-31"></piccoli-trend>`);
    await settled(el);
    const sr = el.shadowRoot!;
    sr.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
    await waitUntil(() => sr.querySelector('[part="table"] tbody td[data-compare="italy"]'), 'no compared columns');
    const file = await choose(el, /Excel/);
    const [header, ...rows] = parseCsv(file.text.slice(1), ';');
    const heads = [...sr.querySelectorAll('[part="table"] thead th')].map(shown);
    expect(heads.length).to.be.greaterThan(6);
    // The table's heads, each a share in per cent: "Avviati, Emilia-Romagna" -> "Avviati, Emilia-Romagna (%)".
    expect(header!.slice(1, heads.length)).to.deep.equal(heads.slice(1).map((h) => (h.endsWith('(%)') ? h : `${h} (%)`)));
    const table = [...sr.querySelectorAll('[part="table"] tbody tr')];
    expect(rows.length).to.equal(table.length);
    rows.forEach((r, i) => {
      expect(r[0]).to.equal(table[i]!.getAttribute('data-date'));
      expect(r.slice(1, heads.length).map((v) => `${v} %`)).to.deep.equal([...table[i]!.querySelectorAll('td')].map(shown));
    });
  });

  it('shares as the trend shows them (metric=share), in the plain CSV with dots', async () => {
    const el = await fixture<PiccoliTrend>(html`<piccoli-trend province="PC" metric="share" as-of="2021-10-31"></piccoli-trend>`);
    await settled(el);
    const sr = el.shadowRoot!;
    sr.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
    await waitUntil(() => sr.querySelector('[part="table"] tbody tr'), 'no table');
    const file = await choose(el, /Dati \(CSV standard\)/);
    expect(file.name).to.equal('piccoli_andamento_piacenza_share_2021-10-31.csv');
    const [header, ...rows] = parseCsv(file.text, ',');
    expect(header![1]).to.match(/ \(%\)$/);
    const last = [...sr.querySelectorAll('[part="table"] tbody tr')].at(-1)!;
    expect(
      rows
        .at(-1)!
        .slice(1, 1 + last.querySelectorAll('td').length)
        .map((v) => `${v.replace('.', ',')} %`),
    ).to.deep.equal([...last.querySelectorAll('td')].map(shown));
  });

  it('the chart as SVG and PNG with its legend, the chosen day’s reading, provenance and source', async () => {
    const el = await fixture<PiccoliTrend>(html`<piccoli-trend as-of="2021-10-31" lang="en"></piccoli-trend>`);
    await settled(el);
    const sr = el.shadowRoot!;
    await waitUntil(() => sr.querySelector('[part="chart"] svg'), 'no chart', { timeout: 20_000 });
    const svg = await choose(el, /SVG/);
    expect(svg.name).to.equal('piccoli_trend_italy_2021-10-31.svg');
    const { doc, all } = svgTexts(svg.text);
    expectShownIn(el, all, ['[part="readout"]', '[part="legend"] li']);
    expect(all).to.contain('31 October 2021');
    // The lines: Plot's paths, coloured in.
    const paths = [...doc.querySelectorAll('svg svg path')].filter((p) => (p.getAttribute('stroke') ?? 'none') !== 'none');
    expect(paths.length).to.be.at.least(3);
    expect(svg.text).not.to.contain('var(');
    await expectPngOf(el, doc);
  });
});
