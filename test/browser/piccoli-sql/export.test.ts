import { expect } from '@open-wc/testing';
import { tableFromArrays, tableFromIPC } from 'apache-arrow';
import { exportFileName, resultTable, saveResult, toArrowIPC, toCSV, toTSV } from '../../../src/components/piccoli-sql/export.js';

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
