import { expect } from '@open-wc/testing';
import { makeVector, vectorFromArray, Utf8 } from 'apache-arrow';
import { isValid, locate, type ArrowVectorLike } from '../../../src/components/piccoli-sql/format/arrow.js';

describe('format/arrow', () => {
  it('finds the chunk and index of a row across chunks', () => {
    const v = makeVector([Int32Array.from([1, 2]), Int32Array.from([3, 4, 5])]) as unknown as ArrowVectorLike;
    expect(locate(v, 3)!.slice(1)).to.deep.equal([1]);
    expect(locate(v, 3)![0]).to.equal(v.data[1]);
    expect(locate(v, 1)![0]).to.equal(v.data[0]);
    expect(locate(v, 5)).to.equal(undefined);
  });

  it('reads validity from the null bitmap', () => {
    const v = vectorFromArray(['a', null, 'c'], new Utf8()) as unknown as ArrowVectorLike;
    expect([0, 1, 2].map((i) => isValid(v.data[0]!, i))).to.deep.equal([true, false, true]);
  });
});
