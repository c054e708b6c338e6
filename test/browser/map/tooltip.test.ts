import { expect } from '@open-wc/testing';
import { tooltipPosition } from '../../../src/map/tooltip.js';

describe('map/tooltip: tooltipPosition', () => {
  const tip = { width: 80, height: 40 };

  it('centres the tooltip 12 px above the point', () => {
    expect(tooltipPosition({ x: 150, y: 100 }, tip, 300)).to.deep.equal({ left: 110, top: 48 });
  });

  it('keeps it inside the box at both edges', () => {
    expect(tooltipPosition({ x: 10, y: 100 }, tip, 300)).to.deep.equal({ left: 0, top: 48 });
    expect(tooltipPosition({ x: 295, y: 100 }, tip, 300)).to.deep.equal({ left: 220, top: 48 });
  });

  it('goes 16 px below the point when there is no room above', () => {
    expect(tooltipPosition({ x: 150, y: 51 }, tip, 300)).to.deep.equal({ left: 110, top: 67 });
    expect(tooltipPosition({ x: 150, y: 52 }, tip, 300)).to.deep.equal({ left: 110, top: 0 });
  });
});
