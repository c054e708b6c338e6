import { expect } from '@open-wc/testing';
import { tableFromArrays, vectorFromArray, Bool, Utf8, Struct, Field, Int32 } from 'apache-arrow';
import type { ArrowVectorLike } from '../../../src/components/piccoli-sql/format/arrow.js';
import { formatBlob, formatCell } from '../../../src/components/piccoli-sql/format/cell.js';

const vec = (v: unknown) => v as ArrowVectorLike;

describe('format/cell', () => {
  it('tells NULL (null) apart from the texts "NULL" and ""', () => {
    const v = vectorFromArray(['NULL', '', null, 'è'], new Utf8());
    expect([0, 1, 2, 3].map((i) => formatCell(vec(v), i))).to.deep.equal(['NULL', '', null, 'è']);
  });

  it('prints booleans and integers as DuckDB does', () => {
    const t = tableFromArrays({ b: [true, false], n: Int32Array.from([-7, 42]) });
    const b = vectorFromArray([true, false, null], new Bool());
    expect([0, 1, 2].map((i) => formatCell(vec(b), i))).to.deep.equal(['true', 'false', null]);
    expect([0, 1].map((i) => formatCell(vec(t.getChild('n')), i))).to.deep.equal(['-7', '42']);
  });

  it('prints a struct with quoted keys and quoted inner strings', () => {
    const type = new Struct([new Field('città', new Utf8(), true), new Field('n', new Int32(), true)]);
    const v = vectorFromArray(
      [
        { città: 'Forlì, centro', n: 3 },
        { città: null, n: null },
      ],
      type,
    );
    expect([formatCell(vec(v), 0), formatCell(vec(v), 1)]).to.deep.equal([
      "{'città': 'Forlì, centro', 'n': 3}",
      "{'città': NULL, 'n': NULL}",
    ]);
  });

  it('prints a BLOB with printable ASCII as is and other bytes as \\xHH', () => {
    expect(formatBlob(new Uint8Array([0x61, 0x00, 0x27, 0xff, 0x7a]))).to.equal('a\\x00\\x27\\xFFz');
  });

  it('gives null for a row past the end', () => {
    expect(formatCell(vec(vectorFromArray(['a'], new Utf8())), 5)).to.equal(null);
  });
});
