import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/piccoli-sql/piccoli-sql.js';
import type { PiccoliSql } from '../../../src/components/piccoli-sql/piccoli-sql.js';
import { getEngine } from '../../../src/data/engine.js';

/** The console's chart: a title, a source line, and downloads of a standalone SVG and a PNG. */
async function chartOf(lang: string, sql: string): Promise<PiccoliSql> {
  const el = await fixture<PiccoliSql>(html`<piccoli-sql lang=${lang} no-bundled-data no-url history-key=""></piccoli-sql>`);
  const done = oneEvent(el, 'piccoli-query-run');
  void el.run(sql);
  await done;
  await el.updateComplete;
  el.shadowRoot!.querySelectorAll<HTMLButtonElement>('piccoli-sql-output .tabs button')[1]!.click();
  await waitUntil(() => el.shadowRoot!.querySelector('piccoli-sql-chart svg'), 'no chart drawn', { timeout: 20_000 });
  await el.updateComplete;
  return el;
}

/** The next file the page offers as a download: its name and bytes. */
function nextDownload(): Promise<{ name: string; blob: Blob }> {
  return new Promise((resolve) => {
    const onClick = (e: Event) => {
      const a = e.target as HTMLAnchorElement;
      if (!(a instanceof HTMLAnchorElement) || !a.download) return;
      e.preventDefault();
      document.removeEventListener('click', onClick, true);
      void fetch(a.href)
        .then((r) => r.blob())
        .then((blob) => resolve({ name: a.download, blob }));
    };
    document.addEventListener('click', onClick, true);
  });
}

describe('<piccoli-sql> chart title, source and downloads', () => {
  before(async function () {
    this.timeout(120_000);
    await getEngine().query(
      `CREATE OR REPLACE TABLE comuni AS SELECT * FROM (VALUES ('Emilia-Romagna', 10), ('Toscana', 7)) t(region_name, n)`,
    );
  });

  it('titles the chart from its columns and names the bundled table it reads as the source', async () => {
    const el = await chartOf('it', 'SELECT region_name, n FROM comuni');
    const chart = el.shadowRoot!.querySelector('piccoli-sql-chart')!;
    expect(chart.querySelector('.chart-title')!.textContent).to.equal('n per region_name');
    expect(chart.querySelector('.chart-source')!.textContent).to.equal(
      'Fonte: dati dei programmi inclusi in piccoli-dashboard (comuni). Elaborazione con piccoli-dashboard.',
    );
  });

  it('downloads a standalone SVG with the title, the source and the bars, from the keyboard', async () => {
    const el = await chartOf('it', 'SELECT region_name, n FROM comuni');
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('.download-svg')!;
    expect(button.textContent!.trim()).to.equal('Scarica il grafico (SVG)');
    button.focus();
    const file = nextDownload();
    await sendKeys({ press: 'Enter' });
    const { name, blob } = await file;
    expect(name).to.match(/^piccoli-query-.*\.svg$/);
    const doc = new DOMParser().parseFromString(await blob.text(), 'image/svg+xml');
    expect(doc.querySelector('parsererror')).to.equal(null);
    const root = doc.documentElement;
    expect(root.getAttribute('xmlns')).to.equal('http://www.w3.org/2000/svg');
    expect(root.querySelector('title')!.textContent).to.equal('n per region_name');
    const texts = [...root.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).to.include('n per region_name');
    expect(texts.some((t) => t?.startsWith('Fonte: dati dei programmi'))).to.equal(true);
    expect(texts).to.include.members(['Emilia-Romagna', 'Toscana']);
    expect(root.querySelectorAll('rect').length, 'a background and two bars').to.be.at.least(3);
    expect(root.outerHTML).not.to.contain('var(');
  });

  it('downloads a PNG at twice the size, labelled in English', async () => {
    const el = await chartOf('en', 'SELECT region_name, n FROM comuni');
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('.download-png')!;
    expect(button.textContent!.trim()).to.equal('Download the chart (PNG)');
    expect(el.shadowRoot!.querySelector('.chart-title')!.textContent).to.equal('n by region_name');
    const svgFile = nextDownload();
    el.shadowRoot!.querySelector<HTMLButtonElement>('.download-svg')!.click();
    const svg = new DOMParser().parseFromString(await (await svgFile).blob.text(), 'image/svg+xml').documentElement;
    const file = nextDownload();
    button.click();
    const { name, blob } = await file;
    expect(name).to.match(/\.png$/);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).to.equal('PNG');
    const img = await createImageBitmap(blob);
    // Twice the SVG file's size: the chart as drawn, with its title and source around it.
    expect(img.width).to.equal(2 * Number(svg.getAttribute('width')));
    expect(img.height).to.equal(2 * Number(svg.getAttribute('height')));
    const drawn = el.shadowRoot!.querySelector<SVGSVGElement>('piccoli-sql-chart svg')!;
    expect(Number(svg.getAttribute('width'))).to.be.greaterThan(drawn.getBoundingClientRect().width);
  });
});
