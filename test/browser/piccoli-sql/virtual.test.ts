import { expect } from '@open-wc/testing';
import { rowWindow } from '../../../src/components/piccoli-sql/virtual.js';

describe('virtual', () => {
  it('renders the rows in view plus the overscan, with the spacer above them', () => {
    expect(rowWindow(2800, 280, 28, 100_000)).to.deep.equal({ start: 92, end: 118, offsetY: 92 * 28, totalHeight: 2_800_000 });
  });

  it('starts at row 0 at the top and stops at the last row at the bottom', () => {
    expect(rowWindow(0, 280, 28, 5)).to.deep.equal({ start: 0, end: 5, offsetY: 0, totalHeight: 140 });
    expect(rowWindow(1e9, 280, 28, 50)).to.deep.equal({ start: 49, end: 50, offsetY: 49 * 28, totalHeight: 1400 });
    expect(rowWindow(0, 280, 28, 0)).to.deep.equal({ start: 0, end: 0, offsetY: 0, totalHeight: 0 });
  });
});
