import { expect } from '@open-wc/testing';
import { vectorFromArray, Int64, Utf8, Float64 } from 'apache-arrow';
import type { ArrowVectorLike } from '../../../src/components/piccoli-sql/format/arrow.js';
import { compareKeys, nextSort, sortOrder } from '../../../src/components/piccoli-sql/sort-order.js';

const vec = (v: unknown) => v as ArrowVectorLike;

describe('sort-order', () => {
  it('cycles ascending, descending, unsorted on one column; another column starts ascending', () => {
    const a = nextSort(undefined, 2);
    const b = nextSort(a, 2);
    expect([a, b, nextSort(b, 2), nextSort(b, 0)]).to.deep.equal([
      { column: 2, dir: 1 },
      { column: 2, dir: -1 },
      undefined,
      { column: 0, dir: 1 },
    ]);
  });

  it('orders BIGINT beyond 2^53 exactly, NULLs last in both directions', () => {
    const v = vec(vectorFromArray([9007199254740993n, 9007199254740992n, null, 1n], new Int64()));
    expect([...sortOrder(v, 4, 1)]).to.deep.equal([3, 1, 0, 2]);
    expect([...sortOrder(v, 4, -1)]).to.deep.equal([0, 1, 3, 2]);
  });

  it('orders text in Italian with numbers as numbers, ties in their first order', () => {
    const v = vec(vectorFromArray(['riga 10', 'riga 9', 'Èrba', 'erba', 'riga 9'], new Utf8()));
    expect([...sortOrder(v, 5, 1)]).to.deep.equal([3, 2, 1, 4, 0]);
  });

  it('puts NaN after numbers ascending and before them descending', () => {
    const v = vec(vectorFromArray([NaN, 1, -1], new Float64()));
    expect([...sortOrder(v, 3, 1)]).to.deep.equal([2, 1, 0]);
    expect([compareKeys(null, 1, -1), compareKeys(1, null, -1), compareKeys(null, null, 1)]).to.deep.equal([1, -1, 0]);
  });
});
