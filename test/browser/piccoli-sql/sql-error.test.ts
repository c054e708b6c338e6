import { expect } from '@open-wc/testing';
import { errorContext, errorHeadline, errorPosition } from '../../../src/components/piccoli-sql/sql-error.js';

describe('sql-error', () => {
  const message = 'Parser Error: syntax error at or near "FORM"\n\nLINE 2: SELECT * FORM t\n                 ^';
  const sql = 'SELECT 1;\nSELECT * FORM t';

  it('finds the line and column of the caret, and the offset in the text', () => {
    expect(errorPosition(message, sql)).to.deep.equal({ line: 2, column: 10, offset: 19 });
  });

  it("prefers DuckDB's own character offset", () => {
    expect(errorPosition(message, sql, 12)).to.deep.equal({ line: 2, column: 3, offset: 12 });
  });

  it('maps a caret in a shortened line back onto the real line', () => {
    const long = `SELECT ${'x, '.repeat(40)}nessuna FROM t`;
    const msg = `Binder Error: nope\n\nLINE 1: ...x, x, nessuna FROM t\n${' '.repeat(17)}^`;
    const pos = errorPosition(msg, long)!;
    expect(long.slice(pos.column - 1)).to.equal('nessuna FROM t');
  });

  it('splits the headline from the quoted context', () => {
    expect(errorHeadline(message)).to.equal('Parser Error: syntax error at or near "FORM"');
    expect(errorContext(message)).to.equal('LINE 2: SELECT * FORM t\n                 ^');
    expect(errorContext('Catalog Error: no table')).to.equal(undefined);
  });
});
