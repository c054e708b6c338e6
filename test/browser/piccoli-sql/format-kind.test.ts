import { expect } from '@open-wc/testing';
import { vectorFromArray, Int32, Int64, Float64, Utf8, Bool, DateDay, Decimal, Dictionary, List, Field } from 'apache-arrow';
import type { ArrowTypeLike, ArrowVectorLike } from '../../../src/components/piccoli-sql/format/arrow.js';
import { columnKind, plotValue, sortKey } from '../../../src/components/piccoli-sql/format/kind.js';

const vec = (v: unknown) => v as ArrowVectorLike;

describe('format/kind', () => {
  it('names the kind of each column type', () => {
    const types = [
      new Int32(),
      new Int64(),
      new Float64(),
      new Decimal(2, 18, 128),
      new DateDay(),
      new Bool(),
      new Utf8(),
      new Dictionary(new Utf8(), new Int32()),
      new List(new Field('x', new Int32())),
    ];
    expect(types.map((t) => columnKind(t as unknown as ArrowTypeLike))).to.deep.equal([
      'number',
      'bigint',
      'number',
      'decimal',
      'temporal',
      'boolean',
      'text',
      'text',
      'other',
    ]);
  });

  it('gives exact sort keys: BIGINT as bigint, booleans as 0/1, NULL as null', () => {
    const big = vectorFromArray([9007199254740993n, null], new Int64());
    const b = vectorFromArray([true, false], new Bool());
    expect([sortKey(vec(big), 0), sortKey(vec(big), 1), sortKey(vec(b), 0), sortKey(vec(b), 1)]).to.deep.equal([
      9007199254740993n,
      null,
      1,
      0,
    ]);
  });

  it('gives Plot numbers, dates and strings', () => {
    const d = vectorFromArray([new Date(Date.UTC(2021, 9, 31))], new DateDay());
    const s = vectorFromArray(['Siena'], new Utf8());
    expect((plotValue(vec(d), 0) as Date).toISOString()).to.equal('2021-10-31T00:00:00.000Z');
    expect(plotValue(vec(s), 0)).to.equal('Siena');
    expect(plotValue(vec(vectorFromArray([2.5], new Float64())), 0)).to.equal(2.5);
  });
});
