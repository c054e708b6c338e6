import { expect } from '@open-wc/testing';
import { tableFromArrays, tableFromIPC } from 'apache-arrow';
import { CSV_EXCEL_IT } from '../../../src/components/download/csv.js';
import {
  exportFileName,
  neutraliseCell,
  resultTable,
  saveResult,
  toArrowIPC,
  toCSV,
  toTSV,
} from '../../../src/components/piccoli-sql/export.js';

const table = () => tableFromArrays({ id: Int32Array.from([1, 2, 3]), testo: ['Forlì, "centro"', 'due\nrighe', ''] });

describe('export', () => {
  it('writes RFC 4180 CSV, quoting what needs it and an empty string as ""', () => {
    expect(toCSV(resultTable(table()))).to.equal('id,testo\r\n1,"Forlì, ""centro"""\r\n2,"due\nrighe"\r\n3,""\r\n');
  });

  it('writes rows in the order shown', () => {
    expect(
      toCSV(resultTable(table()), [2, 0, 1])
        .split('\r\n')
        .map((l) => l.split(',')[0]),
    ).to.deep.equal(['id', '3', '1', '2', '']);
  });

  it('writes TSV for a spreadsheet: line breaks inside values become spaces', () => {
    expect(toTSV(resultTable(table()))).to.equal('id\ttesto\n1\tForlì, "centro"\n2\tdue righe\n3\t\n');
  });

  it('neutralises cells a spreadsheet would run as formulas, numbers aside', () => {
    const hostile = ['=1+1', '+SUM(A1:A9)', '-3+4', '@SUM(1)', '\t=2', '\r=3', '\n=4', '=HYPERLINK("http://x";"y")', '-inf', '-1 day'];
    expect(hostile.map(neutraliseCell)).to.deep.equal(hostile.map((s) => `'${s}`));
    const harmless = ['-3', '-12.5', '-12,5', '+7', '-1.5e+10', '.5', 'a=1', ' =1', '', '3-4', 'mail@x.it'];
    expect(harmless.map(neutraliseCell)).to.deep.equal(harmless);
  });

  it('writes hostile cells and headers into CSV and TSV as text, numbers as they are', () => {
    const t = tableFromArrays({
      '=cmd|calc': ['=1+1', '-3+4', '@SUM(1)', '-3'],
      '-n': Float64Array.from([-3, -12.5, 0.5, -0.25]),
      '\tx': ['\t=2', '+39 06 1234', 'ok', '-12,5'],
    });
    // The header -n is text, not a number: it gets the quote; the column's numbers do not.
    expect(toCSV(resultTable(t))).to.equal(
      [`'=cmd|calc,'-n,'\tx`, `'=1+1,-3.0,'\t=2`, `'-3+4,-12.5,'+39 06 1234`, `'@SUM(1),0.5,ok`, `-3,-0.25,"-12,5"`, ''].join('\r\n'),
    );
    expect(toTSV(resultTable(t))).to.equal(
      [`'=cmd|calc\t'-n\t' x`, `'=1+1\t-3.0\t' =2`, `'-3+4\t-12.5\t'+39 06 1234`, `'@SUM(1)\t0.5\tok`, `-3\t-0.25\t-12,5`, ''].join('\n'),
    );
  });

  it('keeps the leading zeros of codes for Excel (ISTAT 08, 033, 033032) as formulas of text, and only digits', () => {
    const t = tableFromArrays({
      codice: ['08', '033', '033032', '12345678901234567', '2021', '0', '=08', '0,5', '08a'],
      n: Int32Array.from([8, 33, 33032, 1, 2021, 0, 0, 0, 0]),
    });
    const lines = toCSV(resultTable(t), undefined, CSV_EXCEL_IT).slice(1).split('\r\n');
    expect(lines.slice(0, 10)).to.deep.equal([
      'codice;n',
      '"=""08""";8',
      '"=""033""";33',
      '"=""033032""";33.032',
      '"=""12345678901234567""";1',
      '2021;2.021',
      '0;0',
      "'=08;0",
      '0,5;0',
      '08a;0',
    ]);
    // Plain CSV keeps the text as it is: every program but Excel reads it so.
    expect(toCSV(resultTable(t)).split('\r\n')[1]).to.equal('08,8');
  });

  it('writes an Arrow IPC file that reads back the same', async () => {
    const back = tableFromIPC(await toArrowIPC(table()));
    expect(back.toArray().map((r) => r.toJSON())).to.deep.equal(
      table()
        .toArray()
        .map((r) => r.toJSON()),
    );
  });

  it('names a file after the time, and refuses what is not a table', () => {
    expect(exportFileName('csv', new Date('2021-10-31T12:00:00Z'))).to.equal('piccoli-query-2021-10-31T12-00-00.csv');
    expect(() => resultTable({})).to.throw('invalid result: [object Object] is not an Arrow table');
  });

  it('downloads the CSV in the order shown', async () => {
    const seen: { name: string; text: string }[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      const name = this.download;
      void fetch(this.href)
        .then((r) => r.text())
        .then((text) => seen.push({ name, text }));
    };
    try {
      await saveResult('csv', table(), [1, 2, 0]);
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(seen[0]!.name).to.match(/^piccoli-query-.*\.csv$/);
    expect(seen[0]!.text).to.equal('id,testo\r\n2,"due\nrighe"\r\n3,""\r\n1,"Forlì, ""centro"""\r\n');
  });
});
