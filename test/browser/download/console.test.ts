import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../src/components/piccoli-sql/piccoli-sql.js';
import type { PiccoliSql } from '../../../src/components/piccoli-sql/piccoli-sql.js';
import { nextDownload, parseCsv } from './helpers.js';

const SQL = `SELECT * FROM (VALUES
  ('Südtirol', 1234.5::DECIMAL(10, 1), 1234567::BIGINT, 0.25::DOUBLE, '=1+1'),
  ('Forlì; centro', -0.5::DECIMAL(10, 1), -7::BIGINT, NULL, 'a "b"')) t(area, valore, n, quota, testo)`;

async function console_(): Promise<PiccoliSql> {
  const el = await fixture<PiccoliSql>(html`<piccoli-sql no-bundled-data no-url history-key=""></piccoli-sql>`);
  const done = oneEvent(el, 'piccoli-query-run');
  void el.run(SQL);
  await done;
  await el.updateComplete;
  return el;
}

describe('<piccoli-sql> CSV for Italian Excel', () => {
  it('writes semicolons, decimal commas and thousands dots in the numeric columns, a BOM, and text as it is', async function () {
    this.timeout(120_000);
    const el = await console_();
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('button.export-csv-excel')!;
    expect(button.textContent!.trim()).to.equal('Scarica CSV per Excel (;)');
    const file = nextDownload();
    button.click();
    const { name, bytes, text } = await file;
    expect(name).to.match(/^piccoli-query-[\dT-]+-excel\.csv$/);
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(text.slice(1)).to.equal(
      ['area;valore;n;quota;testo', "Südtirol;1.234,5;1.234.567;0,25;'=1+1", '"Forlì; centro";-0,5;-7;;"a ""b"""', ''].join('\r\n'),
    );
    expect(parseCsv(text.slice(1), ';')[2]).to.deep.equal(['Forlì; centro', '-0,5', '-7', '', 'a "b"']);
  });

  it('keeps the plain CSV as it was: commas, dots, no BOM', async function () {
    this.timeout(120_000);
    const el = await console_();
    const file = nextDownload();
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.export-csv')!.click();
    const { name, text } = await file;
    expect(name).to.match(/^piccoli-query-[\dT-]+\.csv$/);
    expect(text).to.equal(
      ['area,valore,n,quota,testo', "Südtirol,1234.5,1234567,0.25,'=1+1", 'Forlì; centro,-0.5,-7,,"a ""b"""', ''].join('\r\n'),
    );
  });
});
