import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/components/piccoli-map/piccoli-map.js';
import '../../../src/components/piccoli-progress/piccoli-progress.js';
import '../../../src/components/piccoli-trend/piccoli-trend.js';
import type { PiccoliMap } from '../../../src/components/piccoli-map/piccoli-map.js';
import type { PiccoliProgress } from '../../../src/components/piccoli-progress/piccoli-progress.js';
import type { PiccoliTrend } from '../../../src/components/piccoli-trend/piccoli-trend.js';
import { FIRST_STRINGS } from '../../../src/components/piccoli-map/first-strings.js';
import { STRINGS as MAP_STRINGS } from '../../../src/components/piccoli-map/strings.js';
import { STRINGS as PROGRESS_STRINGS } from '../../../src/components/piccoli-progress/strings.js';
import { STRINGS as TREND_STRINGS } from '../../../src/components/piccoli-trend/strings.js';
import { PROVENANCE } from '../../../src/components/provenance.js';
import { DOWNLOAD_WORDS } from '../../../src/components/download/strings.js';
import '../../../src/components/piccoli-sql/piccoli-sql.js';
import type { PiccoliSql } from '../../../src/components/piccoli-sql/piccoli-sql.js';
import { OUTPUT_STRINGS } from '../../../src/components/piccoli-sql/output-strings.js';
import { STRINGS as SQL_STRINGS } from '../../../src/components/piccoli-sql/strings.js';
import { configure } from '../../../src/data/configure.js';
import { ERRORS } from '../../../src/i18n/errors.js';
import type { Words } from '../../../src/i18n/words.js';
import { pageSelection } from '../../../src/query/context.js';
import { labels, nextDownload, openMenu, trigger } from '../download/helpers.js';

// German and French (and a language a site adds) as readers see them: every table has
// Italian's keys, the elements speak the page's language with its numbers and dates, the
// official names of bilingual areas, and no Italian before the words arrive.

const root = (el: Element) => el.shadowRoot!;
/** What a reader sees: the text of an element's shadow root (or of a node), ASCII whitespace collapsed (non-breaking spaces kept). */
const text = (el: Element | null) => ((el?.shadowRoot ?? el)?.textContent ?? '').replace(/[ \t\n\r]+/g, ' ').trim();
const part = (el: Element, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`)!;

async function settled(el: Element & { updateComplete: Promise<boolean> }) {
  await el.updateComplete;
  await waitUntil(() => !root(el).querySelector('[aria-busy="true"]'), 'element never left loading', { timeout: 30000 });
  await el.updateComplete;
}

/**
 * Every key of a table (nested keys as a.b), with what it holds: text, or a function and
 * its arity; `places` is a map of names, which each language fills as it needs.
 */
function shape(o: object, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'function') out[prefix + k] = `function/${v.length}`;
    else if (k === 'places') out[prefix + k] = 'map';
    else if (v && typeof v === 'object') Object.assign(out, shape(v as object, `${prefix}${k}.`));
    else out[prefix + k] = typeof v;
  }
  return out;
}

/** The parts whose words are in languages, each with its Italian table (the map's two tables make one). */
const PARTS: { name: string; words: Words<object>[] }[] = [
  { name: 'piccoli-progress', words: [PROGRESS_STRINGS] },
  { name: 'piccoli-trend', words: [TREND_STRINGS] },
  { name: 'piccoli-map', words: [FIRST_STRINGS, MAP_STRINGS] },
  { name: 'provenance', words: [PROVENANCE] },
  { name: 'errors', words: [ERRORS] },
  { name: 'download', words: [DOWNLOAD_WORDS] },
  { name: 'piccoli-sql', words: [SQL_STRINGS, OUTPUT_STRINGS] },
];

/** Words an Italian reader would see: none may show on a German or French element. */
const ITALIAN = /Caricamento|Dati al|\bFase\b|ammissibili|Provincia|Fonte:|Riprova|Annulla|Mappa|Impossibile/;

describe('languages', () => {
  afterEach(() => pageSelection().set(null));

  // First: no table but Italian has been fetched yet on this page.
  it('a German element shows no Italian while its words load: its first render has no words at all', async () => {
    const el = document.createElement('piccoli-progress') as PiccoliProgress;
    el.setAttribute('lang', 'de');
    el.setAttribute('as-of', '2021-10-31');
    const seen: string[] = [];
    document.body.append(el);
    try {
      const observer = new MutationObserver(() => seen.push(root(el).textContent!));
      observer.observe(root(el), { subtree: true, childList: true, characterData: true });
      await el.updateComplete;
      seen.push(root(el).textContent!);
      expect(seen[0]!.trim(), 'the first render').to.equal('');
      await settled(el);
      observer.disconnect();
      expect(text(el)).to.contain('Stand: 31. Oktober 2021');
      for (const t of seen) expect(t, 'a render on the way').to.not.match(ITALIAN);
    } finally {
      el.remove();
    }
  });

  it("every language's table has Italian's keys, and functions taking as many arguments", async () => {
    for (const { name, words } of PARTS) {
      const italian = Object.assign({}, ...words.map((w) => shape(w.it)));
      const langs = Object.keys(words[0]!.other);
      expect(langs, name).to.include.members(['en', 'de', 'fr']);
      for (const lang of langs) {
        const tables = await Promise.all(words.map((w) => w.other[lang]!()));
        const own = Object.assign({}, ...tables.map((m) => shape(m.default)));
        // The map's language files hold both of its tables: compare them with both Italian ones.
        const keys = Object.fromEntries(Object.keys(italian).map((k) => [k, own[k]]));
        expect(keys, `${name} in ${lang}`).to.deep.equal(italian);
        expect(
          Object.keys(own).filter((k) => !(k in italian)),
          `${name} in ${lang}: keys Italian has not`,
        ).to.deep.equal([]);
      }
    }
  });

  it('<piccoli-progress lang="de"> speaks German: labels, stages, 1.234 and 92,8 %, dates, provenance, hidden table texts', async () => {
    const el = await fixture<PiccoliProgress>(html`<piccoli-progress lang="de" as-of="2021-10-31"></piccoli-progress>`);
    await settled(el);
    const t = text(el);
    expect(text(part(el, 'caption'))).to.match(/^PICCOLI Italien · Stand: 31\. Oktober 2021/);
    expect([...root(el).querySelectorAll('thead th')].map((th) => text(th as HTMLElement))).to.deep.equal([
      'Phase',
      'Gemeinden',
      '% vorh. Phase',
      '% Berechtigte',
    ]);
    expect([...root(el).querySelectorAll('tbody .label')].map((s) => text(s as HTMLElement))).to.deep.equal([
      'Förderfähige Gemeinden',
      'Partizipative Planung',
      'Bedarfsanalyse abgeschlossen',
      'Interventionsplan übermittelt',
      'Fachliche Begleitung begonnen',
    ]);
    expect(t).to.contain('5.490');
    expect(root(el).textContent).to.match(/92,8\u00a0%/); // 568 / 612
    expect(text(root(el).querySelector('caption'))).to.equal('PICCOLI, Italien: Fortschritt nach Phase, 31. Oktober 2021');
    expect(t).to.contain('der vorherigen Phase');
    const de = (await PROVENANCE.other.de!()).default;
    expect(Object.values(de.label)).to.include(text(part(el, 'provenance')));
    expect(text(part(el, 'source'))).to.match(/^Quelle: /);
    expect(text(root(el).querySelector('.about summary'))).to.equal('Woher kommen diese Zahlen?');
    expect(t).to.not.match(ITALIAN);
  });

  it('<piccoli-progress lang="fr"> speaks French: 5 490, 92,8 %, « Données au 31 octobre 2021 », French stages', async () => {
    const el = await fixture<PiccoliProgress>(html`<piccoli-progress lang="fr" as-of="2021-10-31"></piccoli-progress>`);
    await settled(el);
    expect(text(part(el, 'caption'))).to.match(/^PICCOLI Italie · Données au 31 octobre 2021/);
    expect(root(el).textContent).to.contain('5\u202f490');
    expect(root(el).textContent).to.match(/92,8\u00a0%/);
    expect(text(root(el).querySelector('thead th'))).to.equal('Étape');
    expect(text(root(el).querySelector('tbody .label'))).to.equal('Communes éligibles');
    expect(text(root(el).querySelector('.about summary'))).to.equal('D’où viennent ces chiffres\u00a0?');
    expect(text(el)).to.not.match(ITALIAN);
  });

  it('a chosen stage is defined in the element’s language', async () => {
    const el = await fixture<PiccoliProgress>(html`<piccoli-progress lang="de" as-of="2021-10-31"></piccoli-progress>`);
    await settled(el);
    root(el).querySelectorAll<HTMLButtonElement>('button.stage')[3]!.click();
    await el.updateComplete;
    expect(text(part(el, 'definition'))).to.equal(
      'Interventionsplan übermittelt: Die Gemeinde hat ihren Interventionsplan der Abteilung für den öffentlichen Dienst übermittelt.',
    );
  });

  it('names bilingual areas officially: Autonome Provinz Bozen – Südtirol, Trentino-Südtirol, Vallée d’Aoste, Bolzano/Bozen', async () => {
    const caption = async (attrs: string) => {
      const el = await fixture<PiccoliProgress>(html`<div></div>`);
      el.innerHTML = `<piccoli-progress ${attrs} as-of="2021-10-31"></piccoli-progress>`;
      const p = el.firstElementChild as PiccoliProgress;
      await settled(p);
      return text(root(p).querySelector('.sub'));
    };
    expect(await caption('lang="de" province="BZ"')).to.match(/^Autonome Provinz Bozen – Südtirol · /);
    expect(await caption('lang="de" province="Südtirol"')).to.match(/^Autonome Provinz Bozen – Südtirol · /);
    expect(await caption('lang="de" province="TN"')).to.match(/^Provinz Trient · /);
    expect(await caption('lang="de" region="04"')).to.match(/^Trentino-Südtirol · /);
    expect(await caption('lang="it" province="BZ"')).to.match(/^Provincia di Bolzano\/Bozen · /);
    expect(await caption('lang="fr" region="02"')).to.match(/^Vallée d'Aoste · /);
    // Valle d'Aosta is a region with a single province, named as the region.
    expect(await caption('lang="fr" province="AO"')).to.match(/^Vallée d'Aoste · /);
    expect(await caption('lang="fr" province="AT"')).to.match(/^Province d’Asti · /);
  });

  it('<piccoli-map lang="de"> names Südtirol, writes German numbers, legend and screen-reader texts', async () => {
    const el = await fixture<PiccoliMap>(html`<piccoli-map lang="de" level="province" as-of="2021-10-31"></piccoli-map>`);
    await settled(el);
    expect(text(root(el).querySelector('tr[data-code="021"] th'))).to.equal('Südtirol');
    expect(text(root(el).querySelector('thead th'))).to.equal('Provinz');
    expect(text(part(el, 'caption'))).to.contain(
      'Partizipative Planung: % der berechtigten Gemeinden, nach Provinz · Stand: 31. Oktober 2021',
    );
    expect(root(el).querySelector('svg')!.getAttribute('aria-label')).to.match(/^Karte: .*Pfeiltasten zum Bewegen/);
    expect(root(el).querySelector('[data-code="021"]')!.getAttribute('aria-label')).to.match(
      /^Südtirol \(BZ\): [\d,]+\u00a0%, \d+ von \d+ berechtigten Gemeinden$/,
    );
    expect(text(part(el, 'legend'))).to.contain('Keine Daten');
    expect(text(part(el, 'credit'))).to.equal('Kachelkarte: eine Kachel je Provinz, ungefähr dort, wo sie liegt.');
    expect(text(el)).to.not.match(ITALIAN);
  });

  it('<piccoli-map lang="fr"> names the Vallée d’Aoste and credits the regions in French', async () => {
    const el = await fixture<PiccoliMap>(html`<piccoli-map lang="fr" as-of="2021-10-31"></piccoli-map>`);
    await settled(el);
    expect(text(root(el).querySelector('tr[data-code="02"] th'))).to.equal("Vallée d'Aoste");
    expect(text(root(el).querySelector('tr[data-code="04"] th'))).to.equal('Trentino-Alto Adige/Südtirol');
    expect(text(part(el, 'credit'))).to.equal('Limites des régions\u00a0: MapSVG (mapsvg.com), CC BY 4.0, via @svg-maps/italy');
    expect(text(part(el, 'legend'))).to.match(/\d+\u00a0%/);
  });

  it('<piccoli-trend lang="de"> reads the day in German and labels its milestones in German', async () => {
    const el = await fixture<PiccoliTrend>(html`<piccoli-trend lang="de" as-of="2021-10-31" style="width: 640px"></piccoli-trend>`);
    await settled(el);
    await waitUntil(() => root(el).querySelector('.plot svg'), 'the chart was not drawn');
    expect(text(part(el, 'readout'))).to.match(/^Am 31\. Oktober 2021: Förderfähige Gemeinden [\d.]+; Partizipative Planung [\d.]+; /);
    expect(text(part(el, 'caption'))).to.contain('Italien · Verlauf: Körperschaften je Phase');
    expect(part(el, 'chart').getAttribute('aria-label')).to.contain('Mit den Pfeiltasten links und rechts');
    expect(text(root(el).querySelector('.plot svg'))).to.contain('Frist für die Pläne');
    part(el, 'toggle').click();
    await el.updateComplete;
    expect(text(part(el, 'toggle'))).to.equal('Datentabelle ausblenden');
    expect(text(root(el).querySelector('[part="milestones"]'))).to.contain('30. April 2022: Frist für die Pläne');
  });

  it('<piccoli-trend lang="fr"> reads the day in French', async () => {
    const el = await fixture<PiccoliTrend>(
      html`<piccoli-trend lang="fr" as-of="2021-10-31" metric="share" style="width: 640px"></piccoli-trend>`,
    );
    await settled(el);
    expect(text(part(el, 'readout'))).to.match(
      /^Au 31 octobre 2021: Conception participative [\d,]+\u00a0% \([\d\u202f]+ sur [\d\u202f]+\); /,
    );
    expect(text(part(el, 'toggle'))).to.equal('Afficher le tableau des données');
  });

  it('errors are told in German and French, with the buttons and details around them', async () => {
    const de = await fixture<PiccoliProgress>(html`<piccoli-progress lang="de" as-of="2021-02-30"></piccoli-progress>`);
    await waitUntil(() => root(de).querySelector('[role="alert"]'), 'no alert');
    expect(text(root(de).querySelector('[role="alert"]'))).to.equal(
      'Die Daten können nicht angezeigt werden. Ungültiges Datum in as-of: „2021-02-30“ (Format JJJJ-MM-TT).',
    );
    const fr = await fixture<PiccoliMap>(html`<piccoli-map lang="fr" level="county"></piccoli-map>`);
    await waitUntil(() => root(fr).querySelector('[role="alert"]'), 'no alert');
    expect(text(root(fr).querySelector('[role="alert"]'))).to.equal(
      'Impossible d’afficher la carte. Niveau inconnu\u00a0: «\u00a0county\u00a0» (region ou province\u00a0; comune seulement avec geo).',
    );
    const http = await fixture<PiccoliProgress>(html`<piccoli-progress lang="de" src="/__status__/500.parquet"></piccoli-progress>`);
    await waitUntil(() => root(http).querySelector('[role="alert"]'), 'no alert', { timeout: 30000 });
    const alert = root(http).querySelector('[role="alert"]')!;
    expect(text(alert as HTMLElement)).to.match(
      /^Die Daten können nicht angezeigt werden\. Die Datei \/__status__\/500\.parquet wurde nicht geladen: Der Server antwortete 500\./,
    );
    expect(text(alert.querySelector('summary'))).to.equal('Technische Details');
    expect(text(alert.querySelector('button'))).to.equal('Erneut versuchen');
  });

  it('the download menu and its files speak German, and name Südtirol', async () => {
    const el = await fixture<PiccoliProgress>(html`<piccoli-progress lang="de" province="BZ" as-of="2021-10-31"></piccoli-progress>`);
    await settled(el);
    expect(trigger(el).textContent!.trim()).to.equal('Herunterladen');
    const menu = await openMenu(el);
    expect(labels(menu)).to.deep.equal([
      'Daten für Excel (CSV mit ;)',
      'Daten (Standard-CSV)',
      'Gelesene Datendatei (Arrow)',
      'Bild (SVG)',
      'Bild (PNG)',
    ]);
    const file = nextDownload();
    menu.querySelectorAll<HTMLElement>('[role="menuitem"]')[1]!.click();
    const saved = await file;
    expect(saved.name).to.match(/^piccoli_fortschritt_sudtirol_2021-10-31/);
    expect(saved.text.split(/\r?\n/)[0]).to.contain('Phase');
    expect(saved.text).to.contain('Südtirol');
    expect(saved.text).to.contain('Förderfähige Gemeinden');
  });

  it('<piccoli-sql lang="de"> speaks German: toolbar, examples, the run\'s summary and its panel', async function () {
    this.timeout(120_000); // the engine starts for the run
    const el = await fixture<PiccoliSql>(
      html`<piccoli-sql lang="de" no-url no-bundled-data history-key="" query="SELECT 1234.5 AS wert, DATE '2021-10-31' AS tag"></piccoli-sql>`,
    );
    await waitUntil(() => text(root(el).querySelector('button.run')) === 'Ausführen', 'no German toolbar', { timeout: 20000 });
    expect(text(root(el).querySelector('button.cancel'))).to.equal('Abbrechen');
    expect(root(el).querySelector('aside')!.getAttribute('aria-label')).to.equal('Tabellen');
    await waitUntil(() => root(el).querySelectorAll('select.examples option').length > 1, 'no examples', { timeout: 20000 });
    expect(text(root(el).querySelector('select.examples option'))).to.equal('Beispiel wählen…');
    expect(text(root(el).querySelectorAll('select.examples option')[1]!)).to.equal('PICCOLI: der Trichter am 31. Oktober 2021');
    await el.run();
    const status = () => text(root(el).querySelector('.toolbar .status'));
    await waitUntil(() => / ms$/.test(status()), 'no summary', { timeout: 60000 });
    expect(status()).to.match(/^1 Zeile in [\d.]+ ms$/);
    // The result as DuckDB prints it (an analyst's console), under German tabs and buttons.
    const output = root(el).querySelector('piccoli-sql-output')!;
    await waitUntil(() => text(output).includes('CSV herunterladen'), 'no German result panel', { timeout: 20000 });
    expect(text(output)).to.contain('1234.5');
    expect(text(output)).to.contain('Tabelle');
    expect(text(el)).to.not.match(ITALIAN);
  });

  it('<piccoli-sql> follows a change of lang on a shown result: the panel turns English, never wordless', async function () {
    this.timeout(120_000);
    const el = await fixture<PiccoliSql>(
      html`<piccoli-sql no-url no-bundled-data history-key="" query="SELECT 1234.5 AS valore"></piccoli-sql>`,
    );
    await waitUntil(() => text(root(el).querySelector('button.run')) === 'Esegui', 'no Italian toolbar', { timeout: 20000 });
    await el.run();
    const output = () => root(el).querySelector('piccoli-sql-output')!;
    await waitUntil(() => output() && text(output()).includes('Tabella'), 'no Italian result panel', { timeout: 60000 });
    el.setAttribute('lang', 'en');
    await waitUntil(() => text(output()).includes('Download CSV'), 'the panel did not turn English', { timeout: 20000 });
    expect(text(output())).to.contain('Table');
    expect(text(output())).to.not.contain('Tabella');
    expect(text(root(el).querySelector('button.run'))).to.equal('Run');
  });

  it('follows a change of lang at run time, into German and back', async () => {
    const el = await fixture<PiccoliProgress>(html`<piccoli-progress as-of="2021-10-31"></piccoli-progress>`);
    await settled(el);
    expect(text(root(el).querySelector('thead th'))).to.equal('Fase');
    el.setAttribute('lang', 'de-AT');
    await waitUntil(() => text(root(el).querySelector('thead th')) === 'Phase', 'did not turn German');
    el.setAttribute('lang', 'it');
    await el.updateComplete;
    expect(text(root(el).querySelector('thead th'))).to.equal('Fase');
  });

  it('a site adds a language with configure({ strings }): its words, its numbers and dates, Italian for what it leaves out', async () => {
    configure({
      strings: {
        es: {
          'piccoli-progress': { stage: 'Etapa', asOf: (d: string) => `Datos al ${d}`, entities: { comune: 'Municipios' } },
          provenance: { about: '¿De dónde vienen estas cifras?' },
          places: { 'Bolzano/Bozen': 'Bolzano (Tirol del Sur)' },
        },
      },
    });
    const el = await fixture<PiccoliProgress>(html`<piccoli-progress lang="es" as-of="2021-10-31"></piccoli-progress>`);
    await settled(el);
    expect([...root(el).querySelectorAll('thead th')].map((th) => text(th as HTMLElement))).to.deep.equal([
      'Etapa',
      'Municipios',
      '% fase prec.', // not given: Italian
      '% ammissibili',
    ]);
    expect(text(part(el, 'caption'))).to.contain('Datos al 31 de octubre de 2021');
    expect(root(el).textContent).to.match(/92,8\u00a0%/);
    expect(text(root(el).querySelector('.about summary'))).to.equal('¿De dónde vienen estas cifras?');
    // Given later, more words join the earlier ones.
    configure({ strings: { es: { 'piccoli-progress': { italy: 'Italia (es)' } } } });
    const bz = await fixture<PiccoliProgress>(html`<piccoli-progress lang="es" province="BZ" as-of="2021-10-31"></piccoli-progress>`);
    await settled(bz);
    expect(text(root(bz).querySelector('thead th'))).to.equal('Etapa');
    expect(text(root(bz).querySelector('.sub'))).to.match(/^Provincia di Bolzano \(Tirol del Sur\) · Datos al/);
  });

  it('configure({ strings }) refuses what is not a language code, and words of the wrong kind are ignored', async () => {
    expect(() => configure({ strings: { 'es-ES': {} } })).to.throw(/invalid strings language/);
    configure({ strings: { it: { 'piccoli-progress': { stage: 'Passo', asOf: 'Dati al' } } } });
    const el = await fixture<PiccoliProgress>(html`<piccoli-progress as-of="2021-10-31"></piccoli-progress>`);
    await settled(el);
    expect(text(root(el).querySelector('thead th'))).to.equal('Passo');
    expect(text(part(el, 'caption'))).to.contain('Dati al 31 ottobre 2021'); // a text for a function: ignored
  });
});
