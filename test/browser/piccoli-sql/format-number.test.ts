import { expect } from '@open-wc/testing';
import { makeData, Decimal } from 'apache-arrow';
import { decimalBigInt, formatDecimal, formatDouble, formatFloat32 } from '../../../src/components/piccoli-sql/format/number.js';
import type { ArrowDataLike } from '../../../src/components/piccoli-sql/format/arrow.js';

describe('format/number', () => {
  it('prints a DOUBLE as DuckDB: shortest round trip, .0 on integers, exponent beyond 1e16', () => {
    expect([0.1, 1, -0, 1234.5, 1e16, 1e15, 0.0001, 0.00001, 1 / 3, NaN, -Infinity].map(formatDouble)).to.deep.equal([
      '0.1',
      '1.0',
      '-0.0',
      '1234.5',
      '1e+16',
      '1000000000000000.0',
      '0.0001',
      '1e-05',
      '0.3333333333333333',
      'nan',
      '-inf',
    ]);
  });

  it('prints a FLOAT with the fewest digits that read back to the same float32', () => {
    expect([Math.fround(0.1), Math.fround(3.14159), Math.fround(16777216)].map(formatFloat32)).to.deep.equal([
      '0.1',
      '3.14159',
      '16777216.0',
    ]);
  });

  it('places the decimal point by the scale, sign and leading zeros kept', () => {
    expect(formatDecimal(12345n, 2)).to.equal('123.45');
    expect(formatDecimal(-5n, 3)).to.equal('-0.005');
    expect(formatDecimal(170141183460469231731687303715884105727n, 0)).to.equal('170141183460469231731687303715884105727');
  });

  it('reads a DECIMAL from its 32-bit words, negative values in two’s complement', () => {
    // -1 and 2^40 + 7 as 128-bit little-endian words.
    const words = new Uint32Array([0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 7, 256, 0, 0]);
    const d = makeData({ type: new Decimal(2, 38, 128), length: 2, nullCount: 0, data: words }) as unknown as ArrowDataLike;
    expect([decimalBigInt(d, 0), decimalBigInt(d, 1)]).to.deep.equal([-1n, 2n ** 40n + 7n]);
  });
});
