import { expect } from '@open-wc/testing';
import { pathCentre, pathRings } from '../../../src/map/path-geometry.js';

describe('map/path-geometry', () => {
  it('reads the rings of a path, a move after z starting from the closed ring', () => {
    const sq = pathRings('M 0,0 10,0 10,10 0,10 z m 20,0 l 1,0 0,1 z');
    expect(sq).to.have.length(2);
    expect(sq[1]![0]).to.deep.equal([20, 0]); // a move after z starts from the closed ring's start
    expect(sq).to.deep.equal([
      [
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
      ],
      [
        [20, 0],
        [21, 0],
        [21, 1],
      ],
    ]);
    expect(pathRings('M1,1L3,1L3,3')).to.deep.equal([
      [
        [1, 1],
        [3, 1],
        [3, 3],
      ],
    ]);
  });

  it('puts the centre at the centroid of the largest ring', () => {
    expect(pathCentre('M 0,0 10,0 10,10 0,10 z m 20,0 l 1,0 0,1 z')).to.deep.equal([5, 5]);
    expect(pathCentre('M 0,0 1,0 1,1 z M 10,10 l 4,0 0,2 -4,0 z')).to.deep.equal([12, 11]);
  });

  it('refuses a curve command, naming it', () => {
    expect(() => pathRings('M0,0 C1,1 2,2 3,3')).to.throw('unsupported path command C');
  });
});
