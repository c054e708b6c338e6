import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/piccoli-map/piccoli-map.js';
import type { PiccoliMap } from '../../src/components/piccoli-map/piccoli-map.js';
import { getEngine } from '../../src/data/engine.js';
import { loadEvents } from '../../src/data/programme-data.js';
import type { PiccoliAreaSelectEvent } from '../../src/events/area-select.js';
import { DEFAULT_PALETTE } from '../../src/map/palette.js';
import { pageSelection } from '../../src/query/context.js';

// Issue 14's map: comune stages as categories, the selection and the focus ring on every
// fill and level, the clear button, and a grid of a readable size.

const GEO = '/test/fixtures/geo/';
const COMUNI = `${GEO}piacenza-comuni.geojson`;

async function settled(el: PiccoliMap) {
  await el.updateComplete;
  await waitUntil(() => !el.shadowRoot!.querySelector('[aria-busy="true"]'), 'map never left loading', { timeout: 30000 });
  await el.updateComplete;
}

const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector(sel) as HTMLElement | null;
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll(sel)] as HTMLElement[];
const area = (el: PiccoliMap, code: string) => $(el, `.area[data-code="${code}"]`) as unknown as SVGGraphicsElement;

/** Each comune's furthest stage by the date, counted from the raw rows (not by the map's code). */
async function furthest(asOf: string): Promise<Map<string, number>> {
  const { table } = await loadEvents();
  const t = await getEngine().query(
    `SELECT entity_code AS code, stage_order::INTEGER AS s, strftime(date, '%Y-%m-%d') AS d FROM "${table}" WHERE programme = 'piccoli' AND province_code = '033'`,
  );
  const out = new Map<string, number>();
  for (const r of t.toArray()) if (r.d <= asOf) out.set(r.code, Math.max(out.get(r.code) ?? 0, r.s));
  return out;
}

/** WCAG relative luminance and contrast ratio of two #RRGGBB or rgb() colours. */
function rgb(c: string): number[] {
  const m = c.match(/^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i);
  if (m) return m.slice(1).map((h) => parseInt(h, 16));
  return c.match(/\d+/g)!.slice(0, 3).map(Number);
}
function luminance(c: string): number {
  const [r, g, b] = rgb(c).map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

/** The overlay's box and the area's box agree (the overlay is drawn around that area). */
function around(overlay: Element, target: SVGGraphicsElement) {
  const a = (overlay as SVGGraphicsElement).getBBox();
  const b = target.getBBox();
  expect(a.width, 'overlay drawn').to.be.greaterThan(0);
  for (const k of ['x', 'y', 'width', 'height'] as const) expect(a[k]).to.be.closeTo(b[k], 0.5);
}

describe('<piccoli-map> (issue 14)', () => {
  afterEach(() => pageSelection().set(null, null));

  it('<piccoli-map level=comune> colours each comune by the furthest stage it reached, with a legend of stage names', async () => {
    const el = await fixture<PiccoliMap>(html`<piccoli-map level="comune" geo=${COMUNI} key="PRO_COM_T"></piccoli-map>`);
    await settled(el);
    const want = await furthest('9999-12-31');
    // The fixture's comuni reached different stages: the test means something.
    expect(new Set(['033001', '033003', '033033', '033002'].map((c) => want.get(c) ?? 0)).size).to.be.at.least(3);
    const legend = $$(el, '.legend li').map((li) => li.textContent!.trim());
    expect(legend).to.deep.equal([
      'Nessuna fase avviata',
      'Progettazione partecipata',
      'Analisi dei fabbisogni completata',
      'Piano di intervento trasmesso',
      'Affiancamento specialistico avviato',
      'Nessun dato',
    ]);
    expect(legend.join(' ')).not.to.contain('%');
    const swatches = $$(el, '.legend .swatch:not(.nodata)').map((s) => getComputedStyle(s).backgroundColor);
    expect(new Set(swatches).size, 'one colour per stage').to.equal(5);
    for (const code of ['033001', '033003', '033033', '033002']) {
      const stage = want.get(code) ?? 0;
      const fill = area(el, code).getAttribute('fill')!;
      expect(rgb(fill), `${code} reached stage ${stage}`).to.deep.equal(rgb(swatches[stage]!));
      expect(area(el, code).getAttribute('aria-label'), code).to.contain(legend[stage]!);
      const row = $(el, `tbody tr[data-code="${code}"] td`)!.textContent!;
      expect(row, code).to.contain(legend[stage]!);
    }
    expect(area(el, '999999').getAttribute('fill')).to.match(/^url\(#/);
    expect($(el, 'figcaption .sub')!.textContent).to.contain('Fase raggiunta dai comuni');
    await expect(el).to.be.accessible();
  });

  for (const [level, code] of [
    ['region', '08'],
    ['province', '033'],
    ['comune', '033001'],
  ] as const) {
    it(`${level}: the selected area is outlined on top of the map, and the visible "Annulla la selezione" button clears it`, async () => {
      const el = await fixture<PiccoliMap>(
        level === 'comune'
          ? html`<piccoli-map level="comune" geo=${COMUNI} key="PRO_COM_T" as-of="2021-10-31"></piccoli-map>`
          : html`<piccoli-map level=${level} as-of="2021-10-31"></piccoli-map>`,
      );
      await settled(el);
      const picked = oneEvent(el, 'piccoli-area-select');
      area(el, code).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      expect(((await picked) as PiccoliAreaSelectEvent).detail).to.include({ code, level, selected: true });
      await el.updateComplete;
      // A dark line on a light halo, both after every area (nothing covers them).
      const line = $(el, 'path.outline')!;
      const halo = $(el, 'path.outline-halo')!;
      around(line, area(el, code));
      around(halo, area(el, code));
      const svgKids = [...$(el, 'svg')!.children];
      const areas = $(el, 'g.areas')!;
      expect(svgKids.indexOf(line)).to.be.greaterThan(svgKids.indexOf(areas));
      expect(contrast(getComputedStyle(line).stroke, getComputedStyle(halo).stroke)).to.be.at.least(3);
      expect(area(el, code).getAttribute('aria-pressed')).to.equal('true');

      const clear = $(el, 'button[part="clear"]') as HTMLButtonElement;
      expect(clear.getBoundingClientRect().height, 'the button is visible').to.be.greaterThan(10);
      expect(clear.textContent).to.match(/^Annulla la selezione: /);
      const cleared = oneEvent(el, 'piccoli-area-select');
      clear.click();
      expect(((await cleared) as PiccoliAreaSelectEvent).detail).to.include({ code, selected: false });
      await el.updateComplete;
      expect(line.getAttribute('d')).to.equal('');
      expect(area(el, code).getAttribute('aria-pressed')).to.equal('false');
      expect($(el, 'button[part="clear"]')).to.equal(null);
      if (level !== 'comune') expect(pageSelection().current).to.equal(null);
    });
  }

  it('the focus ring is drawn over the focused area at every level, and one of its two tones has 3:1 against every fill', async () => {
    const fills = [...DEFAULT_PALETTE.colours, DEFAULT_PALETTE.noData, DEFAULT_PALETTE.noDataLines];
    for (const [level, extra] of [
      ['region', ''],
      ['province', ''],
      ['comune', COMUNI],
    ] as const) {
      const page = await fixture<HTMLDivElement>(
        extra
          ? html`<div><button>before</button><piccoli-map level="comune" geo=${extra} key="PRO_COM_T"></piccoli-map></div>`
          : html`<div><button>before</button><piccoli-map level=${level}></piccoli-map></div>`,
      );
      const el = page.querySelector('piccoli-map')!;
      await settled(el);
      const ring = $(el, 'path.focus-ring')!;
      const halo = $(el, 'path.focus-halo')!;
      expect(ring.getAttribute('d'), `${level}: no ring before focus`).to.equal('');
      page.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' }); // the caption's «Scarica», then the map
      await sendKeys({ press: 'Tab' });
      const focused = el.shadowRoot!.activeElement as SVGGraphicsElement;
      expect(
        focused?.classList.contains('area'),
        `${level}: ${focused?.outerHTML.slice(0, 80)} ${document.activeElement?.outerHTML.slice(0, 80)}`,
      ).to.equal(true);
      around(ring, focused);
      around(halo, focused);
      const kids = [...$(el, 'svg')!.children];
      expect(kids.at(-1), `${level}: the ring is the last thing drawn`).to.equal(ring);
      await sendKeys({ press: 'ArrowDown' });
      const next = el.shadowRoot!.activeElement as SVGGraphicsElement;
      if (next !== focused) around(ring, next);
      const tones = [getComputedStyle(ring).stroke, getComputedStyle(halo).stroke];
      expect(Number.parseFloat(getComputedStyle(ring).strokeWidth)).to.be.at.least(2);
      for (const f of fills) {
        const best = Math.max(...tones.map((t) => contrast(t, f)));
        expect(best, `${level}: ring ${tones} on ${f}`).to.be.at.least(3);
      }
      next.blur();
      expect(ring.getAttribute('d'), `${level}: the ring goes with the focus`).to.equal('');
    }
  });

  it('a mouse click selects without drawing the keyboard focus ring', async () => {
    const el = await fixture<PiccoliMap>(html`<piccoli-map level="province"></piccoli-map>`);
    await settled(el);
    const tile = area(el, '033');
    tile.scrollIntoView({ block: 'center' });
    const r = tile.getBoundingClientRect();
    const { sendMouse } = await import('@web/test-runner-commands');
    await sendMouse({ type: 'click', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
    await el.updateComplete;
    expect(tile.getAttribute('aria-pressed')).to.equal('true');
    expect($(el, 'path.focus-ring')!.getAttribute('d')).to.equal('');
  });

  it('the province grid is at most 36rem wide on a wide page, and its tiles are at least 23 px on a 317 px phone column', async () => {
    const wide = await fixture<HTMLDivElement>(html`<div style="width: 1094px"><piccoli-map level="province"></piccoli-map></div>`);
    const el = wide.querySelector('piccoli-map')!;
    await el.updateComplete;
    const skeleton = $(el, '.map-box')!.getBoundingClientRect();
    await settled(el);
    const box = $(el, '.map-box')!.getBoundingClientRect();
    expect(box.width).to.be.closeTo(576, 1);
    expect(box.height).to.be.closeTo(skeleton.height, 0.5);
    expect(el.getBoundingClientRect().height, 'the whole map fits a laptop screen').to.be.below(900);
    const narrow = await fixture<HTMLDivElement>(html`<div style="width: 317px"><piccoli-map level="province"></piccoli-map></div>`);
    const small = narrow.querySelector('piccoli-map')!;
    await settled(small);
    const tile = area(small, '033').getBoundingClientRect();
    expect(tile.width).to.be.at.least(23);
    const text = $(small, '.labels text')!;
    expect(text.getBoundingClientRect().height, 'the sigla is at least 11 px high').to.be.at.least(11);
  });
});
