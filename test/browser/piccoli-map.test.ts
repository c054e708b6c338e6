import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { readFile, sendKeys, writeFile, getSnapshotConfig } from '@web/test-runner-commands';
import '../../src/components/piccoli-map/piccoli-map.js';
import '../../src/components/piccoli-progress/piccoli-progress.js';
import type { PiccoliMap } from '../../src/components/piccoli-map/piccoli-map.js';
import type { PiccoliProgress } from '../../src/components/piccoli-progress/piccoli-progress.js';
import { getEngine } from '../../src/data/engine.js';
import { loadEvents } from '../../src/data/programme-data.js';
import type { PiccoliAreaSelectEvent } from '../../src/events/area-select.js';
import { pageSelection } from '../../src/query/context.js';

const GEO = '/test/fixtures/geo/';

/** Wait until the element shows the map, an error or an empty message. */
async function settled(el: PiccoliMap) {
  await el.updateComplete;
  await waitUntil(() => !el.shadowRoot!.querySelector('[aria-busy="true"]'), 'map never left loading', { timeout: 30000 });
  await el.updateComplete;
}

const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector(sel) as HTMLElement | null;
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll(sel)] as HTMLElement[];
const area = (el: PiccoliMap, code: string) => $(el, `.area[data-code="${code}"]`)!;
const num = (s: string) =>
  Number(
    s
      .replace(/\./g, '')
      .replace(',', '.')
      .replace(/[^\d.]/g, ''),
  );

/** Rows of the screen-reader table: code -> [value text, reached, eligible]. */
function tableRows(el: PiccoliMap): Map<string, [string, number, number]> {
  return new Map(
    $$(el, 'table tbody tr').map((tr) => {
      const td = [...tr.querySelectorAll('td')].map((x) => x.textContent!.trim());
      return [tr.dataset.code!, [td[0]!, num(td[1] || '0'), num(td[2] || '0')]];
    }),
  );
}

/** The map's numbers computed independently: raw rows out of the engine, counted in JS. */
async function expectedCounts(level: 'region_code' | 'province_code', stageOrder: number, asOf: string) {
  const { table } = await loadEvents();
  const t = await getEngine().query(
    `SELECT ${level} AS area, entity_code, stage_order::INTEGER AS s, strftime(date, '%Y-%m-%d') AS d FROM "${table}" WHERE programme = 'piccoli'`,
  );
  const eligible = new Map<string, Set<string>>();
  const reached = new Map<string, Set<string>>();
  for (const r of t.toArray()) {
    const add = (m: Map<string, Set<string>>) => (m.get(r.area) ?? m.set(r.area, new Set()).get(r.area)!).add(r.entity_code);
    if (r.s === 0) add(eligible);
    if (r.s >= stageOrder && r.d <= asOf) add(reached);
  }
  return new Map([...eligible].map(([a, e]) => [a, { eligible: e.size, reached: reached.get(a)?.size ?? 0 }]));
}

/** Module files this page has fetched whose URL matches `re`. */
const fetched = (re: RegExp) =>
  performance
    .getEntriesByType('resource')
    .filter((e) => re.test(e.name))
    .map((e) => e.name);
const REGION_SHAPES = /svg-maps\/italy/;
const D3 = /\/d3(-[a-z]+)?[/@.]/;
const TOPOJSON = /\/topojson-client\//;

// First in this file, so that no earlier test has loaded the modules it looks for.
describe('<piccoli-map> loads its heavy parts only for the maps that need them', () => {
  afterEach(() => pageSelection().set(null));

  it('a province map is drawn without the region shapes, d3 or topojson-client; a region map fetches the shapes, once; a geo= map fetches d3 and topojson-client', async () => {
    expect(fetched(REGION_SHAPES), 'region shapes loaded before any map').to.deep.equal([]);
    const province = await fixture<PiccoliMap>(html`<piccoli-map level="province" as-of="2021-10-31"></piccoli-map>`);
    await settled(province);
    expect($$(province, '.area')).to.have.length(107);
    expect(fetched(REGION_SHAPES)).to.deep.equal([]);
    expect(fetched(D3)).to.deep.equal([]);

    const regions = await fixture<PiccoliMap>(html`<div>
      <piccoli-map as-of="2021-10-31"></piccoli-map><piccoli-map metric="plan-submitted"></piccoli-map>
    </div>`);
    const maps = [...regions.querySelectorAll('piccoli-map')];
    for (const m of maps) await settled(m);
    for (const m of maps) expect($$(m, '.area')).to.have.length(20);
    expect(fetched(REGION_SHAPES)).to.have.length(1);
    expect(fetched(D3), 'd3 is only for geo= maps').to.deep.equal([]);
    expect(fetched(TOPOJSON), 'topojson-client is only for geo= maps').to.deep.equal([]);

    // The patterns above do match where these modules are served: a geo= map loads both.
    const geo = await fixture<PiccoliMap>(
      html`<piccoli-map level="province" geo=${`${GEO}emilia-provinces.topojson`} key="COD_PROV"></piccoli-map>`,
    );
    await settled(geo);
    expect($$(geo, '.area')).to.have.length(3);
    expect(fetched(TOPOJSON).length).to.be.greaterThan(0);
    expect(fetched(D3).length).to.be.greaterThan(0);
  });
});

describe('<piccoli-map>', () => {
  afterEach(() => pageSelection().set(null));

  it('<piccoli-map as-of=2021-10-31> colours each region by engaged share, as counted independently', async () => {
    const el = await fixture<PiccoliMap>(html`<piccoli-map as-of="2021-10-31"></piccoli-map>`);
    await settled(el);
    const want = await expectedCounts('region_code', 1, '2021-10-31');
    const got = tableRows(el);
    expect(got.size).to.equal(20);
    for (const [code, w] of want) {
      const [value, reached, eligible] = got.get(code)!;
      expect([reached, eligible], code).to.deep.equal([w.reached, w.eligible]);
      expect(num(value), code).to.be.closeTo((w.reached / w.eligible) * 100, 0.051);
      expect(area(el, code).getAttribute('fill'), code).to.match(/^#/);
    }
    const total = [...got.values()].reduce((s, r) => s + r[1], 0);
    expect(total).to.equal(612); // the published figure at 31 October 2021
    // 609 of those 612 engaged rows are simulated (the published total has no per-comune list).
    expect($(el, 'figcaption [part="provenance"]')!.textContent).to.equal('Dati in parte simulati');
    expect($(el, '[part="source"]')!.textContent).to.equal('Fonte: ANCI.');
    expect($(el, '[part="credit"]')!.textContent).to.contain('Confini regionali');
    // Per region, what each count rests on, in the table screen readers get.
    const umbria = $(el, 'tr[data-code="10"] .basis')!.textContent;
    expect(['simulato', 'in parte simulato']).to.include(umbria);
    expect(area(el, '08').getAttribute('aria-label')).to.match(/^Emilia-Romagna: \d+,\d\s%, \d+ su [\d.]+ comuni ammissibili$/);
  });

  it('<piccoli-map level=province metric=plan-submitted> counts plans by province; provinces without eligible comuni say "nessun dato"', async () => {
    const el = await fixture<PiccoliMap>(html`<piccoli-map level="province" metric="plan-submitted" as-of="2022-03-31"></piccoli-map>`);
    await settled(el);
    const want = await expectedCounts('province_code', 3, '2022-03-31');
    const got = tableRows(el);
    expect(got.size).to.equal(107);
    for (const [code, [value, reached, eligible]] of got) {
      const w = want.get(code);
      if (!w) {
        expect(value, code).to.equal('nessun dato');
        expect(area(el, code).hasAttribute('data-nodata')).to.equal(true);
        expect(area(el, code).getAttribute('fill')).to.match(/^url\(#pm\d+-nodata\)$/);
        continue;
      }
      expect([num(value), reached, eligible], code).to.deep.equal([w.reached, w.reached, w.eligible]);
    }
    expect(want.size).to.be.lessThan(107); // some province really has no eligible comune
    expect($(el, '.legend')!.textContent).to.contain('Nessun dato');
  });

  it('a click selects a region for the page, fires piccoli-area-select, and <piccoli-progress> follows', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div><piccoli-map as-of="2021-10-31"></piccoli-map><piccoli-progress as-of="2021-10-31"></piccoli-progress></div>`,
    );
    const el = page.querySelector('piccoli-map')!;
    const progress = page.querySelector('piccoli-progress') as PiccoliProgress;
    await settled(el);
    const eligibleShown = () => num(progress.shadowRoot!.querySelector('tbody td.count')?.textContent ?? '0');
    await waitUntil(() => eligibleShown() > 0, 'progress never showed data', { timeout: 30000 });
    const national = eligibleShown();
    const want = (await expectedCounts('region_code', 1, '2021-10-31')).get('08')!;

    setTimeout(() => area(el, '08').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true })));
    const ev = (await oneEvent(el, 'piccoli-area-select')) as PiccoliAreaSelectEvent;
    expect(ev.detail).to.deep.equal({ level: 'region', code: '08', name: 'Emilia-Romagna', selected: true });
    expect(ev.bubbles && ev.composed).to.equal(true);
    expect(pageSelection().current).to.deep.equal({ level: 'region', code: '08', name: 'Emilia-Romagna' });
    await el.updateComplete;
    expect(area(el, '08').getAttribute('aria-pressed')).to.equal('true');
    await waitUntil(() => eligibleShown() === want.eligible, "progress never showed Emilia-Romagna's funnel", { timeout: 30000 });
    expect(progress.shadowRoot!.textContent).to.contain('Emilia-Romagna');

    setTimeout(() => area(el, '08').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true })));
    const off = (await oneEvent(el, 'piccoli-area-select')) as PiccoliAreaSelectEvent;
    expect(off.detail.selected).to.equal(false);
    expect(pageSelection().current).to.equal(null);
    await waitUntil(() => eligibleShown() === national, 'progress never went back to Italy', { timeout: 30000 });
  });

  it('follows a selection made elsewhere on the page, without querying again', async () => {
    const el = await fixture<PiccoliMap>(html`<piccoli-map level="province"></piccoli-map>`);
    await settled(el);
    const svg = $(el, 'svg');
    pageSelection().set({ level: 'province', code: '033', name: 'Piacenza' }, null);
    await el.updateComplete;
    expect(area(el, '033').getAttribute('aria-pressed')).to.equal('true');
    expect($(el, '.outline')!.getAttribute('d')).to.match(/^M/);
    expect($(el, 'svg')).to.equal(svg);
    pageSelection().set({ level: 'region', code: '08' }, null); // another level: nothing pressed here
    await el.updateComplete;
    expect($$(el, '[aria-pressed="true"]')).to.have.length(0);
  });

  it('keyboard: one Tab stop into the map, arrows move between areas, Enter selects, Escape clears', async () => {
    const page = await fixture<HTMLDivElement>(html`<div><button>before</button><piccoli-map level="province"></piccoli-map></div>`);
    const el = page.querySelector('piccoli-map')!;
    await settled(el);
    expect($$(el, '.area[tabindex="0"]')).to.have.length(1);
    page.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('download'); // the caption's «Scarica»
    await sendKeys({ press: 'Tab' });
    const focused = () => el.shadowRoot!.activeElement?.getAttribute('data-code');
    expect(focused()).to.equal('001'); // Torino, first by code
    await sendKeys({ press: 'ArrowRight' });
    expect(focused()).to.equal('002'); // Vercelli lies east of Torino on the grid
    await sendKeys({ press: 'ArrowUp' });
    expect(focused()).to.equal('003'); // then Novara, north of it
    expect($$(el, '.area[tabindex="0"]').map((a) => a.dataset.code)).to.deep.equal(['003']);
    const sel = oneEvent(el, 'piccoli-area-select');
    await sendKeys({ press: 'Enter' });
    expect(((await sel) as PiccoliAreaSelectEvent).detail).to.include({ code: '003', level: 'province', selected: true });
    expect(pageSelection().current?.code).to.equal('003');
    const cleared = oneEvent(el, 'piccoli-area-select');
    await sendKeys({ press: 'Escape' });
    expect(((await cleared) as PiccoliAreaSelectEvent).detail.selected).to.equal(false);
    expect(pageSelection().current).to.equal(null);
    // A visible button clears the selection too.
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const clear = $(el, 'button[part="clear"]') as HTMLButtonElement;
    expect(clear.textContent).to.equal('Annulla la selezione: Novara');
    clear.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(pageSelection().current).to.equal(null);
    expect($(el, 'button[part="clear"]')).to.equal(null);
    (el.shadowRoot!.querySelector('.area[tabindex="0"]') as SVGElement).focus();
    await sendKeys({ press: 'Tab' }); // one Tab leaves the map: focus goes to the credit link or beyond
    expect(el.shadowRoot!.activeElement?.classList.contains('area') ?? false).to.equal(false);
  });

  it('a date before the programme started says when it started', async () => {
    const el = await fixture<PiccoliMap>(html`<piccoli-map as-of="2021-01-15"></piccoli-map>`);
    await settled(el);
    expect($(el, '[part="message"]')!.textContent!.trim()).to.match(/^Il programma è iniziato il 3 maggio 2021/);
  });

  it('the tooltip shows name, value and counts on focus and on hover', async () => {
    const el = await fixture<PiccoliMap>(html`<piccoli-map as-of="2021-10-31" lang="en"></piccoli-map>`);
    await settled(el);
    const w = (await expectedCounts('region_code', 1, '2021-10-31')).get('09')!;
    (area(el, '09') as unknown as SVGElement).focus();
    await el.updateComplete;
    const tip = $(el, '.tooltip')!;
    expect(tip.dataset.code).to.equal('09');
    expect(tip.querySelector('.tip-name')!.textContent).to.equal('Toscana');
    expect(tip.querySelector('.tip-value')!.textContent).to.equal(`${((w.reached / w.eligible) * 100).toFixed(1)}%`);
    expect(tip.querySelector('.tip-counts')!.textContent).to.equal(`${w.reached} of ${w.eligible} eligible comuni`);
    const r = area(el, '19').getBoundingClientRect();
    area(el, '19').dispatchEvent(
      new PointerEvent('pointermove', { bubbles: true, composed: true, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 }),
    );
    await el.updateComplete;
    expect($(el, '.tooltip')!.dataset.code).to.equal('19');
    expect($(el, '.tooltip .tip-name')!.textContent).to.equal('Sicilia');
  });

  it('recolours in place when as-of changes: same SVG nodes, new fills', async () => {
    const el = await fixture<PiccoliMap>(html`<piccoli-map level="province" as-of="2021-06-30"></piccoli-map>`);
    await settled(el);
    const svg = $(el, 'svg');
    const node = area(el, '033');
    const before = $$(el, 'rect.area')
      .map((r) => r.getAttribute('fill'))
      .join();
    el.asOf = '2022-06-30';
    await el.updateComplete;
    await settled(el);
    await waitUntil(
      () =>
        $$(el, 'rect.area')
          .map((r) => r.getAttribute('fill'))
          .join() !== before,
      'fills never changed',
    );
    expect($(el, 'svg')).to.equal(svg);
    expect(area(el, '033')).to.equal(node);
  });

  for (const [label, attrs, message] of [
    ['an unknown programme', { programme: 'nope' }, 'Programma sconosciuto: «nope»'],
    ['an unknown metric', { metric: 'votes' }, 'Metrica sconosciuta: «votes» (disponibili: engaged-share,'],
    ['a bad date', { 'as-of': '2021-02-30' }, 'Data non valida in as-of: «2021-02-30»'],
    ['an unknown level', { level: 'nation' }, 'Livello sconosciuto: «nation»'],
    ['geo without key', { geo: `${GEO}emilia-provinces.geojson` }, 'serve anche key'],
    ['a geo file that is not JSON', { geo: `${GEO}bad-not-json.geojson`, key: 'COD_PROV', level: 'province' }, 'non è JSON valido'],
    [
      'a geo file that is not GeoJSON',
      { geo: `${GEO}bad-not-geo.json`, key: 'COD_PROV', level: 'province' },
      'non è né GeoJSON né TopoJSON',
    ],
    ['a geo file without features', { geo: `${GEO}bad-no-features.geojson`, key: 'COD_PROV', level: 'province' }, 'non contiene poligoni'],
    [
      'a geo file without the key property',
      { geo: `${GEO}bad-no-key.geojson`, key: 'COD_PROV', level: 'province' },
      'Nessun elemento del file geo ha la proprietà «COD_PROV» (proprietà presenti: nome, sigla)',
    ],
    [
      'a geo file whose codes match nothing',
      { geo: `${GEO}bad-no-match.geojson`, key: 'COD_PROV', level: 'province' },
      'Nessun codice della proprietà «COD_PROV» corrisponde ai dati (es. 998, 999)',
    ],
    ['a geo file that is missing', { geo: `${GEO}missing.geojson`, key: 'COD_PROV', level: 'province' }, 'missing.geojson'],
  ] as const) {
    it(`${label} gives a readable message inside the element (role=alert)`, async () => {
      const el = document.createElement('piccoli-map');
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      const errored = oneEvent(el, 'piccoli-error');
      document.body.append(el);
      try {
        await errored;
        await settled(el);
        const alert = $(el, '[role="alert"]')!;
        expect(alert.textContent!.replace(/\s+/g, ' ')).to.contain(message);
        await expect(el).to.be.accessible();
      } finally {
        el.remove();
      }
    });
  }

  it('draws a GeoJSON and a TopoJSON boundary file, joined by the key property', async () => {
    for (const file of ['emilia-provinces.geojson', 'emilia-provinces.topojson']) {
      const el = await fixture<PiccoliMap>(
        html`<piccoli-map level="province" geo=${GEO + file} key="COD_PROV" as-of="2021-10-31"></piccoli-map>`,
      );
      await settled(el);
      const want = await expectedCounts('province_code', 1, '2021-10-31');
      const codes = $$(el, '.area').map((a) => a.dataset.code);
      expect(codes, file).to.deep.equal(file.endsWith('topojson') ? ['033', '034', '035'] : ['033', '034', '035', '999']);
      const rows = tableRows(el);
      expect(rows.get('033')!.slice(1), file).to.deep.equal([want.get('033')!.reached, want.get('033')!.eligible]);
      if (rows.has('999')) expect(rows.get('999')![0]).to.equal('nessun dato');
      expect($(el, '.credit')!.textContent).to.contain(location.host);
    }
  });

  it('passes axe at region and province level, with a selection', async () => {
    const el = await fixture<PiccoliMap>(html`<piccoli-map></piccoli-map>`);
    await settled(el);
    await expect(el).to.be.accessible();
    pageSelection().set({ level: 'province', code: '033' }, null);
    el.level = 'province';
    await settled(el);
    await expect(el).to.be.accessible();
  });

  it('keeps its size from skeleton to map (no layout shift) and fits 320 px', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="width: 320px"><piccoli-map as-of="2021-10-31"></piccoli-map></div>`);
    const el = box.querySelector('piccoli-map')!;
    await el.updateComplete;
    const skeleton = $(el, '.map-box')!.getBoundingClientRect();
    await settled(el);
    const map = $(el, '.map-box')!.getBoundingClientRect();
    expect(map.width).to.be.closeTo(skeleton.width, 0.5);
    expect(map.height).to.be.closeTo(skeleton.height, 0.5);
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
    expect($(el, 'svg')!.getBoundingClientRect().width).to.be.closeTo(map.width, 0.5);
    expect($(el, 'svg')!.getAttribute('viewBox')).to.equal('0 0 610 793');
  });

  it('the regional map matches the committed SVG snapshot', async () => {
    const el = await fixture<PiccoliMap>(
      html`<piccoli-map src=${`${GEO}snapshot-events.parquet`} as-of="2021-12-31" style="--piccoli-font: sans-serif"></piccoli-map>`,
    );
    await settled(el);
    const actual = normaliseSvg(new XMLSerializer().serializeToString($(el, 'svg')!));
    const path = '__snapshots__/piccoli-map-regions.svg';
    // The file plugin answers undefined for a missing file, which the runner reports as an
    // unknown command (@web/test-runner-commands filePlugin): both mean "no snapshot yet".
    const stored = await readFile({ path }).catch((e: Error) => {
      if (/Unknown command read-file/.test(e.message)) return undefined;
      throw e;
    });
    const { updateSnapshots } = await getSnapshotConfig();
    if (updateSnapshots) {
      await writeFile({ path, content: `${actual}\n` });
      return;
    }
    // A missing golden fails: writing it here would let the test pass with nothing to compare.
    if (stored === undefined) expect.fail(`${path} is missing: run web-test-runner with --update-snapshots to write it`);
    const diff = lineDiff(normaliseSvg(stored!), actual);
    expect(diff, `SVG differs from ${path} (run web-test-runner with --update-snapshots to accept):\n${diff}`).to.equal('');
  });
});

/** One element per line, whitespace collapsed, numbers to 2 decimals, page-unique ids neutral. */
function normaliseSvg(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/pm\d+-nodata/g, 'pm-nodata')
    .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 100) / 100))
    .replace(/>\s*</g, '>\n<')
    .trim();
}

/** The lines that differ, with their line numbers: readable in a test report. */
function lineDiff(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    const x = a[i] ?? '(none)';
    const y = b[i] ?? '(none)';
    let k = 0;
    while (k < x.length && x[k] === y[k]) k++;
    const at = (t: string) => `${k > 60 ? '…' : ''}${t.slice(Math.max(0, k - 60), k + 80)}`;
    out.push(`line ${i + 1}, column ${k + 1}:\n  - ${at(x)}\n  + ${at(y)}`);
    if (out.length >= 10) {
      out.push('…');
      break;
    }
  }
  return out.join('\n');
}
