import { expect } from '@open-wc/testing';
import { vectorFromArray, List, Field, Utf8 } from 'apache-arrow';
import type { ArrowDataLike } from '../../../src/components/piccoli-sql/format/arrow.js';
import { formatNested, isNestedType, quoteNested } from '../../../src/components/piccoli-sql/format/nested.js';

describe('format/nested', () => {
  it('quotes a string inside a nested value only when DuckDB would', () => {
    expect(['siena', '', 'NULL', ' a', 'a,b', "l'uno", 'a\\b'].map((s) => quoteNested(s, false))).to.deep.equal([
      'siena',
      "''",
      "'NULL'",
      "' a'",
      "'a,b'",
      "'l\\'uno'",
      'a\\b',
    ]);
    expect(quoteNested('k', true)).to.equal("'k'");
  });

  it('prints a list through the inner formatter it is given', () => {
    const v = vectorFromArray([['a', 'b c'], []], new List(new Field('item', new Utf8(), true)));
    const d = v.data[0] as unknown as ArrowDataLike;
    const inner = (c: ArrowDataLike, i: number) => `<${c.type.typeId}:${i}>`;
    expect([formatNested(d, 0, inner), formatNested(d, 1, inner)]).to.deep.equal(['[<5:0>, <5:1>]', '[]']);
    expect([d.type.typeId, 5, 6].map(isNestedType)).to.deep.equal([true, false, false]);
  });
});
