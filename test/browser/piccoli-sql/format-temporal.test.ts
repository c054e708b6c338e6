import { expect } from '@open-wc/testing';
import {
  formatDays,
  formatInterval,
  formatTimeOfDay,
  formatTimestamp,
  toMicros,
} from '../../../src/components/piccoli-sql/format/temporal.js';

describe('format/temporal', () => {
  it('prints days since 1970 as proleptic Gregorian dates, BC and infinities as DuckDB', () => {
    expect([0, 18931, -719528, 2147483647, -2147483647].map(formatDays)).to.deep.equal([
      '1970-01-01',
      '2021-10-31',
      '0001-01-01 (BC)',
      'infinity',
      '-infinity',
    ]);
  });

  it('prints a time of day to its own unit, trailing zeros dropped', () => {
    expect(formatTimeOfDay(45_296_500_000n, 2)).to.equal('12:34:56.5');
    expect(formatTimeOfDay(1n, 3)).to.equal('00:00:00.000000001');
    expect(formatTimeOfDay(59n, 0)).to.equal('00:00:59');
  });

  it('prints a timestamp in its unit, with +00 when it has a time zone', () => {
    expect(formatTimestamp(1_635_683_696_123_456n, 2)).to.equal('2021-10-31 12:34:56.123456');
    expect(formatTimestamp(-1n, 1, 'UTC')).to.equal('1969-12-31 23:59:59.999+00');
    expect(formatTimestamp(9223372036854775807n, 2)).to.equal('infinity');
  });

  it('prints an INTERVAL as years, months, days and a time', () => {
    expect(formatInterval(14, 3, 14_706_789_000n)).to.equal('1 year 2 months 3 days 04:05:06.789');
    expect(formatInterval(0, -1, -1_000_000n)).to.equal('-1 day -00:00:01');
    expect(formatInterval(0, 0, 0n)).to.equal('00:00:00');
  });

  it('converts a duration to microseconds from any unit', () => {
    expect([toMicros(3n, 0), toMicros(3n, 1), toMicros(3000n, 3)]).to.deep.equal([3_000_000n, 3000n, 3n]);
  });
});
