import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/piccoli-progress/piccoli-progress.js';
import type { PiccoliProgress } from '../../src/components/piccoli-progress/piccoli-progress.js';
import { getEngine } from '../../src/data/engine.js';
import { pageSelection } from '../../src/query/context.js';
import type { PiccoliStageSelectEvent } from '../../src/events/stage-select.js';

interface Expected {
  last: string;
  national: number[];
  national20211031: number[];
  provinces: Record<string, number[]>;
  provinces20211031: Record<string, number[]>;
  emptyAt20211031: string;
  siena: number[];
}
const expected: Expected = await (await fetch('/test/fixtures/generated/funnel-expected.json')).json();

/** Wait until the element shows data, an error or an empty message. */
async function settled(el: PiccoliProgress) {
  await waitUntil(() => !el.shadowRoot!.querySelector('[aria-busy="true"]'), 'element never left loading', { timeout: 30000 });
  await el.updateComplete;
}

/** The counts a reader sees, parsed back from the formatted text (without the published/simulated mark). */
function shownCounts(el: PiccoliProgress, lang: 'it' | 'en' = 'it'): number[] {
  return [...el.shadowRoot!.querySelectorAll('tbody td.count')].map((td) => countIn(td, lang));
}

/** The number in a count cell, without its mark. */
function countIn(td: Element, lang: 'it' | 'en' = 'it'): number {
  const cell = td.cloneNode(true) as Element;
  cell.querySelector('.basis')?.remove();
  return Number(cell.textContent!.trim().replaceAll(lang === 'it' ? '.' : ',', ''));
}

/** The published/simulated mark of each count ('' when the funnel has none). */
function marks(el: PiccoliProgress): string[] {
  return [...el.shadowRoot!.querySelectorAll('tbody td.count')].map((td) => td.querySelector('.basis')?.textContent ?? '');
}

function text(el: PiccoliProgress): string {
  return el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
}

describe('<piccoli-progress>', () => {
  afterEach(() => pageSelection().set(null));

  it('<piccoli-progress as-of=2021-10-31> reads the published 612 / 568 / 485', async () => {
    const el = await fixture<PiccoliProgress>(html`<piccoli-progress as-of="2021-10-31"></piccoli-progress>`);
    await settled(el);
    expect(shownCounts(el)).to.deep.equal(expected.national20211031);
    expect(shownCounts(el).slice(1, 4)).to.deep.equal([612, 568, 485]);
    expect(text(el)).to.contain('5.490');
    expect(text(el)).to.contain('Dati al 31 ottobre 2021');
  });

  it('<piccoli-progress> with no attributes shows the latest published figures, and cites them', async () => {
    const el = await fixture<PiccoliProgress>(html`<piccoli-progress></piccoli-progress>`);
    await settled(el);
    expect(shownCounts(el)).to.deep.equal(expected.national20211031);
    expect(text(el)).to.contain('Dati al 31 ottobre 2021');
    const label = el.shadowRoot!.querySelector('figcaption [part="provenance"]')!;
    expect(label.textContent).to.equal('Dati pubblicati');
    // Every figure is published (a cited total, or the registry's eligible rows): no per-figure mark.
    expect(marks(el)).to.deep.equal(['', '', '', '', '']);
    const source = el.shadowRoot!.querySelector('[part="source"]')!.textContent!;
    expect(source).to.match(/^Fonte: ANCI\. Dato pubblicato: ANCI.*, dati al 31 ottobre 2021\.$/);
    expect(source).not.to.contain('simulat');
  });

  it('says in the caption when the numbers are simulated, marks each figure when they differ, and explains on demand', async () => {
    const el = await fixture<PiccoliProgress>(html`<piccoli-progress as-of=${expected.last}></piccoli-progress>`);
    await settled(el);
    expect(shownCounts(el)).to.deep.equal(expected.national);
    const label = el.shadowRoot!.querySelector('figcaption [part="provenance"]')!;
    // Eligible comuni come from the published registry; who reached each stage is simulated.
    expect(label.textContent).to.equal('Dati in parte simulati');
    const m = marks(el);
    expect(m[0]).to.equal('pubblicato');
    expect(
      m.slice(1).every((x) => x === 'in parte simulato' || x === 'simulato'),
      m.join(),
    ).to.equal(true);
    expect(el.shadowRoot!.querySelector('[part="source"]')!.textContent).to.equal('Fonte: ANCI.');
    const about = el.shadowRoot!.querySelector<HTMLDetailsElement>('details[part="about"]')!;
    expect(about.open).to.equal(false);
    about.querySelector('summary')!.click();
    expect(about.open).to.equal(true);
    expect(about.textContent).to.contain('Non sono dati ufficiali');
    el.lang = 'en';
    // English is fetched the first time an element speaks it (src/i18n/words.ts).
    const shown = () => el.shadowRoot!.querySelector('figcaption [part="provenance"]')?.textContent;
    await waitUntil(() => shown() && shown() !== 'Dati in parte simulati', 'no English provenance label');
    expect(el.shadowRoot!.querySelector('figcaption [part="provenance"]')!.textContent).to.equal('Partly simulated data');
  });

  it('a province has no published figures: at the published date its funnel says it is simulated', async () => {
    const el = await fixture<PiccoliProgress>(html`<piccoli-progress province="PC" as-of="2021-10-31"></piccoli-progress>`);
    await settled(el);
    expect(shownCounts(el)).to.deep.equal(expected.provinces20211031.PC);
    expect(el.shadowRoot!.querySelector('figcaption [part="provenance"]')!.textContent).to.equal('Dati in parte simulati');
    expect(marks(el)[0]).to.equal('pubblicato');
    expect(el.shadowRoot!.querySelector('[part="source"]')!.textContent).to.equal('Fonte: ANCI.');
    // With no date, an area's funnel shows the latest data (no published figure to prefer).
    el.asOf = undefined;
    await el.updateComplete;
    await settled(el);
    expect(shownCounts(el)).to.deep.equal(expected.provinces.PC);
  });

  it("a site's own file names its source (piccoli-data import --source), or the element says it names none", async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <piccoli-progress src="/test/fixtures/generated/site-sourced.parquet" as-of="2021-10-31"></piccoli-progress>
      <piccoli-progress src="/test/fixtures/generated/site-anonymous.parquet"></piccoli-progress>
    </div>`);
    const [sourced, anonymous] = [...wrap.querySelectorAll('piccoli-progress')] as PiccoliProgress[];
    await settled(sourced!);
    await settled(anonymous!);
    const line = (el: PiccoliProgress) => el.shadowRoot!.querySelector('[part="source"]')!.textContent;
    expect(sourced!.shadowRoot!.querySelector('figure')!.dataset.backend).to.equal('cube');
    // Not ANCI's data, even though it is PICCOLI's: the site is the source, and nothing is cited.
    expect(line(sourced!)).to.equal('Fonte: Provincia di Piacenza, rilevazione «PICCOLI» 2023.');
    expect(shownCounts(sourced!)).to.deep.equal(expected.provinces20211031.PC);
    expect(line(anonymous!)).to.equal('Dati dal file site-anonymous.parquet, che non indica la fonte.');
    expect(shownCounts(anonymous!), 'a site file with no date: its last day').to.deep.equal(expected.provinces.PC);
    for (const el of [sourced!, anonymous!]) {
      expect(el.shadowRoot!.querySelector('figcaption [part="provenance"]')!.textContent).to.equal('Dati in parte simulati');
      el.shadowRoot!.querySelector<HTMLElement>('details[part="about"] summary')!.click();
      expect(el.shadowRoot!.querySelector('details[part="about"] p')!.textContent).to.match(
        /^Il file indica come simulate [\d.]+ delle [\d.]+ righe contate\.$/,
      );
    }
  });

  it("<piccoli-progress province=PC> shows Piacenza's funnel, as native DuckDB counts it", async () => {
    const el = await fixture<PiccoliProgress>(html`<piccoli-progress province="PC"></piccoli-progress>`);
    await settled(el);
    expect(shownCounts(el)).to.deep.equal(expected.provinces.PC);
    expect(text(el)).to.contain('Provincia di Piacenza');
    el.province = '033'; // the ISTAT code names the same province
    await el.updateComplete;
    await settled(el);
    expect(shownCounts(el)).to.deep.equal(expected.provinces.PC);
  });

  it('as-of changes the numbers as the data says', async () => {
    const el = await fixture<PiccoliProgress>(html`<piccoli-progress province="PC" as-of="2021-10-31"></piccoli-progress>`);
    await settled(el);
    const early = shownCounts(el);
    el.asOf = expected.last;
    await el.updateComplete;
    await settled(el);
    expect(shownCounts(el)).to.deep.equal(expected.provinces.PC);
    expect(early).to.not.deep.equal(shownCounts(el));
  });

  it('src= on the bundled Arrow twin is answered from the cube beside it: same numbers, no engine', async () => {
    // The data file is only asked for its size (HEAD: no body), the engine not at all.
    const wasm = () =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
        (e) => /duckdb-[a-z]+\.wasm/.test(e.name) || (/programmes\.arrow/.test(e.name) && e.encodedBodySize > 0),
      ).length;
    const before = wasm();
    const el = await fixture<PiccoliProgress>(html`<piccoli-progress src="/data/programmes.arrow" province="PC"></piccoli-progress>`);
    await settled(el);
    expect(shownCounts(el)).to.deep.equal(expected.provinces.PC);
    expect(el.shadowRoot!.querySelector('figure')!.dataset.backend).to.equal('cube');
    expect(wasm() - before, 'no engine and no data file download').to.equal(0);
  });

  it('src= without a cube (the engine path) gives the same numbers, and two elements start one engine and one download', async () => {
    const src = '/test/fixtures/generated/events-nocube.arrow';
    const before = performance.getEntriesByType('resource').filter((e) => e.name.endsWith(src)).length;
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <piccoli-progress src=${src} province="PC"></piccoli-progress>
      <piccoli-progress src=${src}></piccoli-progress>
    </div>`);
    const [a, b] = [...wrap.querySelectorAll('piccoli-progress')];
    await settled(a!);
    await settled(b!);
    expect(shownCounts(a!)).to.deep.equal(expected.provinces.PC);
    expect(shownCounts(b!)).to.deep.equal(expected.national);
    expect(a!.shadowRoot!.querySelector('figure')!.dataset.backend).to.equal('duckdb');
    expect(getEngine().instancesStarted).to.equal(1);
    const after = performance.getEntriesByType('resource').filter((e) => e.name.endsWith(src)).length;
    expect(after - before).to.equal(1);
  });

  it('comune= shows one comune from the cube, without the engine', async () => {
    const el = await fixture<PiccoliProgress>(html`<piccoli-progress comune="Massa Martana"></piccoli-progress>`);
    await settled(el);
    expect(el.shadowRoot!.querySelector('figure')!.dataset.backend).to.equal('cube');
    const counts = shownCounts(el);
    expect(counts[0]).to.equal(1);
    expect(counts[1]).to.equal(1); // admitted to participatory design (published)
    expect(text(el)).to.contain('Massa Martana');
  });

  it('shows a skeleton while loading, of the same height as the result', async () => {
    const el = await fixture<PiccoliProgress>(html`<piccoli-progress programme="piccoli" region="Umbria"></piccoli-progress>`, {});
    const busy = el.shadowRoot!.querySelector('[aria-busy="true"]');
    expect(busy, 'skeleton on first render').to.be.instanceOf(Element);
    const h0 = el.getBoundingClientRect().height;
    await settled(el);
    const h1 = el.getBoundingClientRect().height;
    expect(Math.abs(h1 - h0), `skeleton ${h0}px, result ${h1}px`).to.be.at.most(1);
  });

  it('says so when a province has eligible comuni but none engaged yet', async () => {
    const el = await fixture<PiccoliProgress>(
      html`<piccoli-progress province=${expected.emptyAt20211031} as-of="2021-10-31"></piccoli-progress>`,
    );
    await settled(el);
    const msg = el.shadowRoot!.querySelector('[role="status"]')!;
    expect(msg.textContent).to.match(/Nessun ente ha ancora aderito al programma in Provincia di .+ al 31 ottobre 2021/);
  });

  it('says so when the programme is not active in the area', async () => {
    const el = await fixture<PiccoliProgress>(html`<piccoli-progress programme="next-generation-siena" province="PC"></piccoli-progress>`);
    await settled(el);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim()).to.equal(
      'Il programma non è attivo in provincia di Piacenza.',
    );
    // The page chose the area, not a map: nothing to go back to.
    expect(el.shadowRoot!.querySelector('[role="status"] button')).to.equal(null);
  });

  it('a map selection outside its programme says so plainly, and offers to go back to its own area', async () => {
    const el = await fixture<PiccoliProgress>(html`<piccoli-progress programme="next-generation-siena"></piccoli-progress>`);
    await settled(el);
    const own = shownCounts(el);
    pageSelection().set({ level: 'province', code: '006', name: 'Alessandria' });
    await el.updateComplete;
    await settled(el);
    const status = el.shadowRoot!.querySelector('[role="status"]')!;
    expect(status.textContent).to.contain('Il programma non è attivo in provincia di Alessandria.');
    status.querySelector<HTMLButtonElement>('button')!.click();
    await el.updateComplete;
    await settled(el);
    expect(shownCounts(el), 'its own area again').to.deep.equal(own);
    expect(pageSelection().current?.code, 'the page keeps its selection').to.equal('006');
    // A new selection is followed again.
    pageSelection().set({ level: 'province', code: '052', name: 'Siena' });
    await el.updateComplete;
    await settled(el);
    expect(text(el)).to.contain('Provincia di Siena');
  });

  it('a date before the programme started says when it started', async () => {
    const el = await fixture<PiccoliProgress>(html`<piccoli-progress as-of="2021-01-15"></piccoli-progress>`);
    await settled(el);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.match(/^\s*Il programma è iniziato il 3 maggio 2021/);
  });

  const badAttributes: [string, Record<string, string>, RegExp][] = [
    ['an unknown programme', { programme: 'pnrr-2099' }, /Programma sconosciuto: «pnrr-2099»/],
    ['an unknown province', { province: 'ZZ' }, /Provincia sconosciuta: «ZZ»/],
    ['an unknown region', { region: 'Atlantide' }, /Regione sconosciuta: «Atlantide»/],
    ['an impossible date', { 'as-of': '2021-02-30' }, /Data non valida in as-of: «2021-02-30»/],
    ['an SQL injection attempt', { province: "PC' OR 1=1 --" }, /Provincia sconosciuta: «PC' OR 1=1 --»/],
    ['markup in an attribute', { region: '<img src=x onerror=alert(1)>' }, /Regione sconosciuta: «<img src=x onerror=alert\(1\)>»/],
    ['an unknown comune', { comune: "x'); DROP TABLE programme_events; --" }, /Comune non presente nel programma/],
  ];
  for (const [label, attrs, message] of badAttributes) {
    it(`${label} gets a clear message inside the element, and nothing is thrown`, async () => {
      const el = document.createElement('piccoli-progress');
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      const errorEvent = oneEvent(el, 'piccoli-error');
      document.body.append(el);
      try {
        await errorEvent;
        await settled(el);
        const alert = el.shadowRoot!.querySelector('[role="alert"]');
        expect(alert, 'an alert').to.be.instanceOf(Element);
        expect(alert!.textContent!.replace(/\s+/g, ' ')).to.match(message);
        expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      } finally {
        el.remove();
      }
    });
  }

  it('after a hostile comune on the engine path, the data is intact', async () => {
    const { loadEvents } = await import('../../src/data/programme-data.js');
    await loadEvents(); // programme_events, which the value below tries to drop
    const el = await fixture<PiccoliProgress>(
      html`<piccoli-progress src="/test/fixtures/generated/events-nocube.parquet" comune="x'); DROP TABLE programme_events; --"></piccoli-progress>`,
    );
    await settled(el);
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.match(/Comune non presente nel programma/);
    const t = await getEngine().query(
      "SELECT count(*)::INTEGER AS n FROM programme_events WHERE programme = 'piccoli' AND stage_order = 0",
    );
    expect(t.getChild('n')!.get(0)).to.equal(expected.national[0]);
  });

  it('lang=en formats numbers the English way; it the Italian way', async () => {
    const el = await fixture<PiccoliProgress>(html`<piccoli-progress lang="en" as-of="2021-10-31"></piccoli-progress>`);
    await settled(el);
    expect(shownCounts(el, 'en')).to.deep.equal(expected.national20211031);
    expect(text(el)).to.contain('5,490');
    expect(text(el)).to.contain('Data as of 31 October 2021');
    expect(text(el)).to.match(/92\.8%/); // 568 / 612
    el.setAttribute('lang', 'it');
    await el.updateComplete;
    expect(text(el)).to.contain('5.490');
    expect(el.shadowRoot!.textContent).to.match(/92,8\u00a0%/);
  });

  it('selecting a stage with the keyboard emits piccoli-stage-select with the stage and the filter', async () => {
    const el = await fixture<PiccoliProgress>(html`<piccoli-progress province="PC" as-of="2021-10-31"></piccoli-progress>`);
    await settled(el);
    const buttons = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.stage');
    expect(buttons.length).to.equal(5);
    buttons[1]!.focus();
    expect(el.shadowRoot!.activeElement).to.equal(buttons[1]);
    const ev = oneEvent(el, 'piccoli-stage-select') as Promise<PiccoliStageSelectEvent>;
    buttons[1]!.click(); // Enter and Space activate a <button> natively
    const { detail } = await ev;
    expect(detail.stage).to.equal('engaged');
    expect(detail.count).to.equal(shownCounts(el)[1]);
    expect(detail.filter).to.deep.include({ provinceCode: '033', asOf: '2021-10-31' });
    expect(detail.selected).to.equal(true);
    await el.updateComplete;
    expect(buttons[1]!.getAttribute('aria-pressed')).to.equal('true');
    // The pressed stage shows what it counts, from the programme's published description.
    const definition = el.shadowRoot!.querySelector('[part="definition"]')!;
    expect(definition.getAttribute('role')).to.equal('status');
    expect(definition.textContent!.trim()).to.equal(
      'Progettazione partecipata: Comune ammesso e coinvolto nel percorso di progettazione partecipata con il centro di competenza ANCI.',
    );
    buttons[1]!.click(); // pressed again: released, and the definition goes
    await el.updateComplete;
    expect(buttons[1]!.getAttribute('aria-pressed')).to.equal('false');
    expect(definition.textContent!.trim()).to.equal('');
  });

  it('follows the page selection (a map click) and returns to its own filter when cleared', async () => {
    const el = await fixture<PiccoliProgress>(html`<piccoli-progress></piccoli-progress>`);
    await settled(el);
    pageSelection().set({ level: 'province', code: '033' });
    await el.updateComplete;
    await settled(el);
    expect(shownCounts(el)).to.deep.equal(expected.provinces.PC);
    pageSelection().set(null);
    await el.updateComplete;
    await settled(el);
    expect(shownCounts(el)).to.deep.equal(expected.national20211031);
  });

  it('compact view: one line of numbers, and the table still there for screen readers', async () => {
    const el = await fixture<PiccoliProgress>(
      html`<piccoli-progress view="compact" programme="next-generation-siena" as-of="2022-12-31"></piccoli-progress>`,
    );
    await settled(el);
    const items = [...el.shadowRoot!.querySelectorAll('li .count')].map((n) => Number(n.textContent));
    expect(items).to.deep.equal(expected.siena);
    const read = [...el.shadowRoot!.querySelectorAll('.visually-hidden table tbody td.count')].map(countIn);
    expect(read, 'the screen-reader table gives the same numbers').to.deep.equal(expected.siena);
  });

  it('is accessible (axe finds no violation), in full and compact views', async () => {
    const el = await fixture<PiccoliProgress>(html`<piccoli-progress province="PC"></piccoli-progress>`);
    await settled(el);
    await expect(el).to.be.accessible();
    el.view = 'compact';
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('fits a 280 px sidebar without overflowing', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width: 280px"><piccoli-progress></piccoli-progress></div>`);
    const el = wrap.querySelector('piccoli-progress')!;
    await settled(el);
    const figure = el.shadowRoot!.querySelector('figure')!;
    expect(figure.scrollWidth).to.be.at.most(280);
  });
});

describe('<piccoli-progress src=…> with a bad file', () => {
  const cases: [string, string, RegExp][] = [
    ['a 404', '/data/non-esiste.parquet', /Il file \/data\/non-esiste\.parquet non è stato caricato: il server ha risposto 404\./],
    ['a file that is not a programme', '/test/fixtures/generated/rows.parquet', /non ha le colonne di un programma/],
    ['an HTML page named .parquet', '/test/fixtures/generated/page.parquet', /non è nel formato atteso/],
    [
      'a programme file with a stage recorded twice',
      '/test/fixtures/generated/events-duplicate.parquet',
      /non ha una riga per ogni fase raggiunta da ciascun ente.*has the same stage twice/,
    ],
    [
      'a programme file that skips a stage',
      '/test/fixtures/generated/events-skip.parquet',
      /non ha una riga per ogni fase raggiunta da ciascun ente.*skips a stage/,
    ],
  ];
  for (const [label, src, message] of cases) {
    it(`${label}: an Italian message in the element, technical details, and the page unaffected`, async () => {
      const wrap = await fixture<HTMLDivElement>(html`<div>
        <piccoli-progress src=${src}></piccoli-progress>
        <piccoli-progress province="PC"></piccoli-progress>
      </div>`);
      const [bad, good] = [...wrap.querySelectorAll('piccoli-progress')] as PiccoliProgress[];
      await settled(bad!);
      await settled(good!);
      const alert = bad!.shadowRoot!.querySelector('[role="alert"]')!;
      expect(alert.textContent!.replace(/\s+/g, ' ')).to.match(message);
      expect(alert.querySelector('details code')!.textContent, 'technical details name the file').to.contain(src.split('/').pop());
      expect(shownCounts(good!)).to.deep.equal(expected.provinces.PC);
      await expect(bad!).to.be.accessible();
    });
  }

  it('a file of the wrong shape asked for a province it does not have: the shape is what the element reports', async () => {
    // The answer's questions run while the file's shape is checked: an answer that fails
    // on its own (no such province) must not hide why the file cannot be counted.
    const el = await fixture<PiccoliProgress>(
      html`<piccoli-progress src="/test/fixtures/generated/events-skip.parquet" province="Atlantide"></piccoli-progress>`,
    );
    await settled(el);
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent!.replace(/\s+/g, ' ')).to.match(/non ha una riga per ogni fase raggiunta da ciascun ente.*skips a stage/);
  });

  it('a 404 offers to try again', async () => {
    const el = await fixture<PiccoliProgress>(html`<piccoli-progress src="/data/non-esiste.parquet"></piccoli-progress>`);
    await settled(el);
    const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('button.retry')!;
    expect(retry.textContent).to.equal('Riprova');
    el.src = '/data/programmes.parquet'; // e.g. the file is back, or the editor fixed the URL
    await el.updateComplete;
    await settled(el);
    expect(shownCounts(el)).to.deep.equal(expected.national);
  });
});

describe('<piccoli-progress> and the names people type', () => {
  for (const [attr, value, caption] of [
    ['region', 'Valle d\u2019Aosta', "Valle d'Aosta/Vallée d'Aoste"],
    ['region', 'Trentino-Alto Adige', 'Trentino-Alto Adige/Südtirol'],
    ['province', 'Bolzano', 'Provincia di Bolzano/Bozen'],
    ['province', 'Reggio Emilia', "Provincia di Reggio nell'Emilia"],
    ['province', 'Pesaro-Urbino', 'Provincia di Pesaro e Urbino'],
  ] as const) {
    it(`${attr}="${value}" shows ${caption}`, async () => {
      const el = await fixture<PiccoliProgress>(html`<piccoli-progress as-of="2021-10-31"></piccoli-progress>`);
      el.setAttribute(attr, value);
      await el.updateComplete;
      await settled(el);
      expect(el.shadowRoot!.querySelector('[role="alert"]'), 'no error').to.equal(null);
      expect(el.shadowRoot!.querySelector('figcaption .sub')!.textContent).to.contain(caption);
    });
  }
});

describe('<piccoli-progress> while and after it loads', () => {
  it('moved to another place in the page while loading, it still shows its numbers', async () => {
    const a = document.createElement('div');
    const b = document.createElement('div');
    document.body.append(a, b);
    try {
      const el = document.createElement('piccoli-progress') as PiccoliProgress;
      el.setAttribute('src', '/test/fixtures/generated/events-nocube.arrow?moved'); // the slow path: the engine
      el.setAttribute('as-of', '2021-10-31');
      a.append(el);
      await oneEvent(el, 'piccoli-load-progress'); // it is loading
      b.append(el); // moved: disconnected and connected again
      await settled(el);
      expect(shownCounts(el)).to.deep.equal(expected.national20211031);
    } finally {
      a.remove();
      b.remove();
    }
  });

  it('an invalid view set after the first paint says so, and a valid one brings the numbers back', async () => {
    const el = await fixture<PiccoliProgress>(html`<piccoli-progress as-of="2021-10-31"></piccoli-progress>`);
    await settled(el);
    el.view = 'torta';
    await el.updateComplete;
    await settled(el);
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent!.replace(/\s+/g, ' ')).to.contain(
      'Vista sconosciuta: «torta» (full o compact).',
    );
    el.view = 'compact';
    await el.updateComplete;
    await settled(el);
    expect([...el.shadowRoot!.querySelectorAll('li .count')].map((c) => c.textContent)).to.deep.equal(['5.490', '612', '568', '485', '0']);
  });
});

describe('<piccoli-progress> loading a large file', () => {
  it('emits piccoli-load-progress up to the whole file, bubbling out of the element', async () => {
    const seen: { loaded: number; total?: number }[] = [];
    const listener = (e: Event) => seen.push((e as unknown as { detail: { loaded: number; total?: number } }).detail);
    document.addEventListener('piccoli-load-progress', listener);
    try {
      const el = await fixture<PiccoliProgress>(
        html`<piccoli-progress src="/test/fixtures/generated/events-nocube.arrow?progress"></piccoli-progress>`,
      );
      await settled(el);
      expect(shownCounts(el)).to.deep.equal(expected.national);
    } finally {
      document.removeEventListener('piccoli-load-progress', listener);
    }
    const fileEvents = seen.filter((d) => d.total && d.total > 400_000);
    expect(fileEvents.length).to.be.greaterThan(0);
    const last = fileEvents.at(-1)!;
    expect(last.loaded).to.equal(last.total);
  });
});
