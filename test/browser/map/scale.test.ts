import { expect } from '@open-wc/testing';
import { scaleQuantize } from 'd3';
import { quantizeScale } from '../../../src/map/scale.js';

describe('map/scale: quantizeScale', () => {
  it("classes values exactly as d3's scaleQuantize().nice(count) does", () => {
    const colours = ['a', 'b', 'c', 'd', 'e'];
    const domains: [number, number][] = [
      [0, 0.44],
      [0, 1],
      [0, 0.013],
      [0, 7],
      [0, 5],
      [0, 612],
      [0, 1234567],
      [0, 0.99999],
      [0, 3e-7],
      [2, 1],
      [0, 1 / 3],
    ];
    for (const [count, range] of [
      [5, colours],
      [3, colours.slice(0, 3)],
      [1, colours.slice(0, 2)],
      [10, colours],
    ] as const) {
      for (const dom of domains) {
        const d3s = scaleQuantize<string>().domain(dom).range(range).nice(count);
        const ours = quantizeScale(dom, range, count);
        const at = `${dom} / ${count}`;
        expect(ours.domain(), at).to.deep.equal(d3s.domain());
        expect(ours.thresholds(), at).to.deep.equal(d3s.thresholds());
        expect(ours.range(), at).to.deep.equal(d3s.range());
        const [lo, hi] = d3s.domain() as [number, number];
        const probes = [NaN, lo - 1, ...Array.from({ length: 41 }, (_, i) => lo + ((hi - lo) * i) / 40), ...d3s.thresholds(), hi + 1];
        for (const v of probes) expect(ours(v), `${at} at ${v}`).to.equal(d3s(v));
      }
    }
    expect(quantizeScale([0, 1], colours).domain()).to.deep.equal([0, 1]); // no nice() without a count
  });

  it('rounds the documented example and hands out copies of its range and thresholds', () => {
    const s = quantizeScale([0, 0.44], ['a', 'b', 'c', 'd', 'e'], 5);
    expect(s.domain()).to.deep.equal([0, 0.5]);
    s.range().push('z');
    s.thresholds().length = 0;
    expect(s.range()).to.deep.equal(['a', 'b', 'c', 'd', 'e']);
    expect(s.thresholds().map((t) => +t.toFixed(6))).to.deep.equal([0.1, 0.2, 0.3, 0.4]);
  });
});
