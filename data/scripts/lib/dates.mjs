// Calendar helpers on ISO 'YYYY-MM-DD' strings. Everything is done in UTC
// day numbers so that the local time zone of the machine running the build
// can never shift a date by one.

const DAY_MS = 86_400_000;

/** @param {string} iso YYYY-MM-DD @returns {number} days since 1970-01-01 */
export function toDay(iso) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`not an ISO date: ${iso}`);
  const ms = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== iso) {
    throw new Error(`not a calendar date: ${iso}`);
  }
  return ms / DAY_MS;
}

/** @param {number} day days since 1970-01-01 @returns {string} YYYY-MM-DD */
export function fromDay(day) {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** @param {number} day */
export function isWorkday(day) {
  // 1970-01-01 was a Thursday; 0 = Thursday ... 2 = Saturday, 3 = Sunday.
  const dow = ((day % 7) + 7) % 7;
  return dow !== 2 && dow !== 3;
}

/**
 * Working days (Mon-Fri) between two dates, both included. Simulated events
 * fall on working days only: offices do not file plans on Sundays, and it
 * keeps the number of distinct dates smaller.
 * @param {string} from
 * @param {string} to
 * @returns {number[]} day numbers
 */
export function workdays(from, to) {
  const out = [];
  for (let d = toDay(from); d <= toDay(to); d++) if (isWorkday(d)) out.push(d);
  if (out.length === 0) throw new Error(`no working day between ${from} and ${to}`);
  return out;
}
