import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/piccoli-progress/piccoli-progress.js';
import { getEngine } from '../../../src/data/index.js';
import { alertText, counts, settled } from '../helpers.js';

/**
 * What a file must be to be shown: an Arrow IPC stream that ends with its end-of-stream
 * marker (sniff.ts), a CSV whose code columns are read as text and that is UTF-8
 * (sources.ts). Fixtures: test/fixtures/make-fixtures.mjs.
 */
const FIX = '/test/fixtures/generated/';

const italian = (n: number) => n.toLocaleString('it-IT');

describe('an Arrow IPC stream must end with its end-of-stream marker', () => {
  it('the whole stream (several record batches) shows the funnel', async () => {
    const el = await fixture<HTMLElement>(
      html`<piccoli-progress as-of="2021-10-31" src=${`${FIX}events-batches.arrows`}></piccoli-progress>`,
    );
    await settled(el);
    expect(alertText(el)).to.equal('');
    expect(counts(el)).to.deep.equal(['5.490', '612', '568', '485', '0']);
  });

  it('the same stream cut after its second batch is refused as damaged or incomplete, not shown as a smaller funnel', async () => {
    const el = await fixture<HTMLElement>(html`<piccoli-progress as-of="2021-10-31" src=${`${FIX}events-cut.arrows`}></piccoli-progress>`);
    await settled(el);
    expect(alertText(el)).to.contain('Il file /test/fixtures/generated/events-cut.arrows è danneggiato o incompleto.');
    expect(el.shadowRoot!.querySelector('tbody td.count')).to.equal(null);
  });
});

describe('CSV: code columns are text', () => {
  let expected: Record<string, number[]>;
  before(async () => {
    expected = await (await fetch(`${FIX}csv-expected.json`)).json();
  });

  for (const [file, where] of [
    ['events-umbria.csv', 'Umbria, region_code "10"'],
    ['events-monza.csv', 'Monza e della Brianza, province_code "108"'],
  ] as const) {
    it(`${where}: the file is read, and its funnel shown`, async () => {
      const el = await fixture<HTMLElement>(html`<piccoli-progress src=${FIX + file}></piccoli-progress>`);
      await settled(el);
      expect(alertText(el)).to.equal('');
      expect(counts(el)).to.deep.equal(expected[file]!.map(italian));
    });
  }

  it('a province is found by its sigla in such a file (MB: code 108 as text)', async () => {
    const el = await fixture<HTMLElement>(html`<piccoli-progress province="MB" src=${`${FIX}events-monza.csv`}></piccoli-progress>`);
    await settled(el);
    expect(alertText(el)).to.equal('');
    expect(el.shadowRoot!.querySelector('figcaption')!.textContent).to.contain('Monza');
    expect(counts(el)).to.deep.equal(expected['events-monza.csv']!.map(italian));
  });

  it('every *_code column is VARCHAR, leading zeros kept; other numbers stay numbers', async () => {
    const info = await getEngine().load({ name: 'umbria_csv', url: `${FIX}events-umbria.csv` });
    const types = Object.fromEntries(info.columns.map((c) => [c.name, c.type]));
    expect(types).to.include({ entity_code: 'VARCHAR', province_code: 'VARCHAR', region_code: 'VARCHAR', stage_order: 'BIGINT' });
    const t = await getEngine().query('SELECT min(entity_code) AS e, min(province_code) AS p, min(region_code) AS r FROM umbria_csv');
    expect(t.toArray()[0]!.toJSON()).to.deep.equal({ e: '054003', p: '054', r: '10' });
  });
});

describe('CSV: not UTF-8', () => {
  it('a file saved in Windows-1252 ("Forlì") is refused as not UTF-8, naming the line and the value', async () => {
    // Through the trickling server at full speed: the test server re-encodes text files it
    // serves directly as UTF-8, which a real server does not.
    const src = `/__trickle__${FIX}events-cp1252.csv?ms=1&bytes=1000000&id=cp1252`;
    const el = await fixture<HTMLElement>(html`<piccoli-progress src=${src}></piccoli-progress>`);
    await settled(el);
    expect(alertText(el)).to.contain(
      'Il file /__trickle__/test/fixtures/generated/events-cp1252.csv non è in UTF-8 (riga 2: «Forlì-Cesena»): salvarlo come «CSV UTF-8»',
    );
    expect(alertText(el)).not.to.contain('danneggiato');
  });

  it('the same rows in UTF-8 are read', async () => {
    const info = await getEngine().load({ name: 'umbria_again', url: `${FIX}events-umbria.csv` });
    expect(info.rows).to.be.above(100);
  });
});
