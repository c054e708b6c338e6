/**
 * Dates, times, timestamps and intervals as DuckDB prints them, read from the raw
 * values: apache-arrow 17's `get()` turns timestamps into milliseconds (losing micro-
 * and nanoseconds) and reads MONTH_DAY_NANO intervals as year-month pairs. Pure: no DOM.
 */
import type { ArrowDataLike } from './arrow.js';

const pad2 = (n: number | bigint) => String(n).padStart(2, '0');

/** Ticks per second of each Arrow time unit (0 s, 1 ms, 2 µs, 3 ns). */
export const UNIT_PER_SECOND = [1n, 1_000n, 1_000_000n, 1_000_000_000n];
const UNIT_DIGITS = [0, 3, 6, 9];

/** Days since 1970-01-01 -> YYYY-MM-DD (proleptic Gregorian; "(BC)" before year 1). */
export function formatDays(days: number): string {
  if (days === 2147483647) return 'infinity';
  if (days === -2147483647) return '-infinity';
  // Howard Hinnant's civil_from_days, exact for any int32 day count.
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y <= 0) return `${String(1 - y).padStart(4, '0')}-${pad2(m)}-${pad2(d)} (BC)`;
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** A count of `unit` ticks in microseconds (truncated toward zero). */
export function toMicros(v: bigint, unit: number): bigint {
  return (v * 1_000_000n) / UNIT_PER_SECOND[unit]!;
}

/** ".5" for half a second, "" for none: the fraction with trailing zeros removed. */
function fraction(sub: bigint, unit: number): string {
  if (sub === 0n || UNIT_DIGITS[unit] === 0) return '';
  return `.${sub.toString().padStart(UNIT_DIGITS[unit]!, '0').replace(/0+$/, '')}`;
}

/** Time since midnight in the given Arrow unit -> HH:MM:SS[.fff]. */
export function formatTimeOfDay(v: bigint, unit: number): string {
  const per = UNIT_PER_SECOND[unit]!;
  const secs = v / per;
  const sub = v % per;
  return `${pad2(secs / 3600n)}:${pad2((secs / 60n) % 60n)}:${pad2(secs % 60n)}${fraction(sub, unit)}`;
}

const I64_MAX = 9223372036854775807n;

/**
 * A timestamp in the given Arrow unit (0 s, 1 ms, 2 µs, 3 ns) since the epoch. With a
 * time zone (DuckDB's TIMESTAMPTZ arrives as UTC) it is printed in UTC with "+00", as
 * DuckDB does with TimeZone = UTC.
 */
export function formatTimestamp(v: bigint, unit: number, timezone?: string | null): string {
  if (v === I64_MAX) return 'infinity';
  if (v === -I64_MAX) return '-infinity';
  const perDay = UNIT_PER_SECOND[unit]! * 86_400n;
  let days = v / perDay;
  let rest = v % perDay;
  if (rest < 0n) {
    rest += perDay;
    days -= 1n;
  }
  const date = formatDays(Number(days));
  const time = formatTimeOfDay(rest, unit);
  const bc = date.endsWith(' (BC)');
  const s = `${bc ? date.slice(0, -5) : date} ${time}${timezone ? '+00' : ''}`;
  return bc ? `${s} (BC)` : s;
}

/** An INTERVAL chunk row: DuckDB exports MONTH_DAY_NANO (int32 months, int32 days, int64 ns). */
export function formatIntervalData(d: ArrowDataLike, i: number): string {
  const v = d.values as unknown as Int32Array;
  const unit = d.type.unit;
  if (unit === 0) return formatInterval(v[i]!, 0, 0n); // YEAR_MONTH
  if (unit === 1) return formatInterval(0, v[i * 2]!, BigInt(v[i * 2 + 1]!) * 1000n); // DAY_TIME (ms)
  const lo = BigInt(v[i * 4 + 2]! >>> 0);
  const hi = BigInt(v[i * 4 + 3]!);
  const nanos = (hi << 32n) | lo;
  return formatInterval(v[i * 4]!, v[i * 4 + 1]!, nanos / 1000n);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 || n === -1 ? '' : 's'}`;

/** "1 year 2 months 3 days 04:05:06.789", as DuckDB prints an INTERVAL. */
export function formatInterval(months: number, days: number, micros: bigint): string {
  const parts: string[] = [];
  const years = Math.trunc(months / 12);
  const mons = months - years * 12;
  if (years) parts.push(plural(years, 'year'));
  if (mons) parts.push(plural(mons, 'month'));
  if (days) parts.push(plural(days, 'day'));
  if (micros !== 0n) {
    const neg = micros < 0n;
    const m = neg ? -micros : micros;
    const secs = m / 1_000_000n;
    const hours = secs / 3600n;
    const sub = m % 1_000_000n;
    parts.push(`${neg ? '-' : ''}${pad2(hours)}:${pad2((secs / 60n) % 60n)}:${pad2(secs % 60n)}${fraction(sub, 2)}`);
  } else if (parts.length === 0) {
    parts.push('00:00:00');
  }
  return parts.join(' ');
}
