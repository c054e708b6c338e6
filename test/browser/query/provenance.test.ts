import { expect } from '@open-wc/testing';
import { provenanceOf } from '../../../src/query/provenance.js';

// What figures rest on, from the simulated counts an answer carries (src/query/provenance.ts).
describe('provenanceOf', () => {
  it('published, partly simulated, simulated, or unknown when the file does not say', () => {
    expect(
      provenanceOf([
        { n: 10, simulated: 0 },
        { n: 5, simulated: 0 },
      ]),
    ).to.equal('published');
    expect(
      provenanceOf([
        { n: 10, simulated: 3 },
        { n: 5, simulated: 0 },
      ]),
    ).to.equal('partly-simulated');
    expect(
      provenanceOf([
        { n: 10, simulated: 10 },
        { n: 5, simulated: 5 },
      ]),
    ).to.equal('simulated');
    expect(
      provenanceOf([
        { n: 10, simulated: 0 },
        { n: 5, simulated: null },
      ]),
    ).to.equal('unknown');
    expect(provenanceOf([])).to.equal('published');
  });
});
